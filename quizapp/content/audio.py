"""What a pack's narration file really is: its container header read and its length measured, in plain
Python (no Qt, no decoder). The validator and the app's player use the same check, so a renamed picture,
a file that would take minutes to read aloud or one too large to ship on a USB stick is refused before it
is installed, and again if it is changed afterwards.

Accepted (stated in docs/authoring.md): **Ogg Vorbis** (``.ogg``: an ``OggS`` page whose first packet is a
Vorbis identification header) and **MP3** (``.mp3``: MPEG audio layer III frames, after an optional ID3v2
tag). Ogg Opus is recognised and refused with its own message: the app's player (miniaudio, chosen by size,
see benchmarks/bench_audio.py) does not decode Opus.

Limits: a file is at most :data:`MAX_FILE_BYTES` and plays at most :data:`MAX_SECONDS` seconds.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

MAX_FILE_BYTES = 1024 * 1024
MAX_SECONDS = 180
AUDIO_SUFFIXES = (".ogg", ".mp3")


@dataclass(frozen=True, slots=True)
class AudioInfo:
    """What the header says: ``vorbis`` or ``mp3``, the sample rate, channels and length in seconds."""

    kind: str
    sample_rate: int
    channels: int
    seconds: float


class AudioProblem(ValueError):
    """A narration file that may not be played; the message says what to do."""


def check_audio_file(path: Path) -> AudioInfo:
    """The narration file at ``path`` read and measured; raises :class:`AudioProblem` when it may not be
    played (wrong ending, not audio, damaged, too large or too long)."""
    return read_audio_file(path)[1]


def read_audio_file(path: Path) -> tuple[bytes, AudioInfo]:
    """The bytes of the narration file at ``path`` and what they are, checked as read (the player plays
    exactly the bytes that were checked); raises :class:`AudioProblem`."""
    suffix = path.suffix.lower()
    if suffix not in AUDIO_SUFFIXES:
        raise AudioProblem("a narration file must be an .ogg (Ogg Vorbis) or .mp3 file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AudioProblem(
                f"the file is {size // 1024} KB; a narration file may be at most {MAX_FILE_BYTES // 1024} KB "
                "(record it shorter or at a lower quality, for example oggenc -q 0)"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise AudioProblem(f"the file could not be read: {exc.strerror or exc}") from exc
    return data, check_audio_bytes(data, suffix)


def check_audio_bytes(data: bytes, suffix: str) -> AudioInfo:
    """``data`` of a file ending in ``suffix`` (``.ogg`` or ``.mp3``) read and measured."""
    if len(data) > MAX_FILE_BYTES:
        raise AudioProblem(f"the file is larger than {MAX_FILE_BYTES // 1024} KB")
    if not data:
        raise AudioProblem("the file is empty")
    found = _sniff(data)
    if suffix == ".ogg":
        if found == "opus":
            raise AudioProblem(
                "this is Ogg Opus, which the app cannot play; encode it as Ogg Vorbis "
                "(oggenc -q 0 file.wav) or as MP3"
            )
        if found != "vorbis":
            raise AudioProblem(f"this is not Ogg Vorbis audio ({_what(found)})")
        info = _vorbis_info(data)
    elif suffix == ".mp3":
        if found in ("vorbis", "opus"):
            raise AudioProblem("this is an Ogg file, not MP3; give it the ending .ogg")
        mp3 = _mp3_info(data)
        if mp3 is None:
            raise AudioProblem(f"this is not MP3 audio ({_what(found)})")
        info = mp3
    else:
        raise AudioProblem("a narration file must be an .ogg (Ogg Vorbis) or .mp3 file")
    if info.seconds > MAX_SECONDS:
        raise AudioProblem(
            f"the recording is {info.seconds:.0f} seconds long; a narration may be at most {MAX_SECONDS} "
            "seconds (split the section or shorten the recording)"
        )
    if info.seconds <= 0:
        raise AudioProblem("the recording has no sound in it (its length is 0 seconds)")
    return info


def _what(found: str | None) -> str:
    head = {
        "png": "it is a PNG picture",
        "jpeg": "it is a JPEG picture",
        "gif": "it is a GIF picture",
        "riff": "it is a RIFF file such as WAV; convert it to Ogg Vorbis or MP3",
        "ogg": "it is an Ogg file holding neither Vorbis nor Opus",
        "ogg-cut": "it is an Ogg file that is damaged or cut short",
        "text": "it is text",
    }
    return head.get(found or "", "its first bytes are not a sound file's")


def _sniff(data: bytes) -> str | None:
    if data.startswith(b"OggS"):
        packet = _first_ogg_packet(data)
        if packet is None:
            return "ogg-cut"
        if packet.startswith(b"\x01vorbis"):
            return "vorbis"
        if packet.startswith(b"OpusHead"):
            return "opus"
        return "ogg"
    if data.startswith(b"\x89PNG"):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if data.startswith(b"RIFF"):
        return "riff"
    if data[:64].isascii() and b"\x00" not in data[:64]:
        return "text"
    return None


# ------------------------------------------------------------------------------------------------ Ogg
def _ogg_page(data: bytes, at: int) -> tuple[int, int, bytes] | None:
    """(granule position, next page's offset, the page's body) of the Ogg page at ``at``."""
    if data[at : at + 4] != b"OggS" or len(data) < at + 27:
        return None
    (granule,) = struct.unpack("<q", data[at + 6 : at + 14])
    segments = data[at + 26]
    table = data[at + 27 : at + 27 + segments]
    if len(table) != segments:
        return None
    start = at + 27 + segments
    end = start + sum(table)
    if end > len(data):
        return None
    return granule, end, data[start:end]


def _first_ogg_packet(data: bytes) -> bytes | None:
    page = _ogg_page(data, 0)
    return page[2] if page is not None else None


def _vorbis_info(data: bytes) -> AudioInfo:
    packet = _first_ogg_packet(data)
    if packet is None or len(packet) < 30:
        raise AudioProblem("the Ogg Vorbis file is damaged (its first page cannot be read)")
    channels = packet[11]
    (rate,) = struct.unpack("<I", packet[12:16])
    if not 1 <= channels <= 8 or not 8000 <= rate <= 192_000:
        raise AudioProblem("the Ogg Vorbis file is damaged (its header gives no usable sample rate)")
    # The last page's granule position is the number of samples in the stream.
    granule = -1
    at = 0
    while True:
        page = _ogg_page(data, at)
        if page is None:
            break
        if page[0] >= 0:
            granule = page[0]
        at = page[1]
    if at != len(data):
        raise AudioProblem("the Ogg Vorbis file is damaged or cut short (a page is incomplete)")
    return AudioInfo("vorbis", rate, channels, max(granule, 0) / rate)


# ------------------------------------------------------------------------------------------------ MP3
_MP3_BITRATES = {  # kbit/s by (MPEG-1?, index) for layer III
    True: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    False: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame(data: bytes, at: int) -> tuple[int, int, int, int] | None:
    """(frame length in bytes, samples, sample rate, channels) of an MPEG layer III frame at ``at``."""
    if at + 4 > len(data) or data[at] != 0xFF or data[at + 1] & 0xE0 != 0xE0:
        return None
    version = (data[at + 1] >> 3) & 3  # 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
    layer = (data[at + 1] >> 1) & 3  # 1: layer III
    bitrate_index = data[at + 2] >> 4
    rate_index = (data[at + 2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    mpeg1 = version == 3
    bitrate = _MP3_BITRATES[mpeg1][bitrate_index] * 1000
    rate = _MP3_RATES[version][rate_index]
    padding = (data[at + 2] >> 1) & 1
    samples = 1152 if mpeg1 else 576
    length = samples // 8 * bitrate // rate + padding
    channels = 1 if data[at + 3] >> 6 == 3 else 2
    return length, samples, rate, channels


def _mp3_info(data: bytes) -> AudioInfo | None:
    at = 0
    if data.startswith(b"ID3") and len(data) >= 10:
        size = 0
        for byte in data[6:10]:
            size = (size << 7) | (byte & 0x7F)
        at = 10 + size + (10 if data[5] & 0x10 else 0)
    first = _mp3_frame(data, at)
    if first is None or at + first[0] > len(data):
        return None
    if _mp3_frame(data, at + first[0]) is None and at + first[0] < len(data):
        return None  # one frame header alone is a chance match in any file; the next must follow
    rate, channels = first[2], first[3]
    samples = 0
    while True:
        frame = _mp3_frame(data, at)
        if frame is None or at + frame[0] > len(data):
            break
        samples += frame[1]
        at += frame[0]
    rest = data[at:]
    if len(rest) > 4096:  # an ID3v1 or APE tag, or a last frame cut short, is left over; never more
        raise AudioProblem("the MP3 file is damaged: its frames stop before the end of the file")
    return AudioInfo("mp3", rate, channels, samples / rate)
