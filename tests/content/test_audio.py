"""Narration files are checked for what they are (Ogg Vorbis or MP3 by their headers), where they are
(inside the pack) and how big and long they are, with the file and line of the ``audio:`` entry."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from quizapp.content.audio import MAX_FILE_BYTES, MAX_SECONDS, AudioProblem, check_audio_bytes
from quizapp.paths import resource_dir
from tests.content.helpers import MODULE, find, make_pack, validate

EXAMPLE_AUDIO = resource_dir("questions") / "example" / "audio"


def ogg_page(packet: bytes, granule: int, sequence: int) -> bytes:
    """One Ogg page holding ``packet`` (the CRC is not checked by the validator, so it is left 0)."""
    lacing = [255] * (len(packet) // 255) + [len(packet) % 255]
    header = b"OggS\x00\x02" if sequence == 0 else b"OggS\x00\x00"
    header += struct.pack("<qIII", granule, 1, sequence, 0) + bytes([len(lacing)]) + bytes(lacing)
    return header + packet


def vorbis(seconds: float, rate: int = 16000) -> bytes:
    """An Ogg Vorbis stream's pages as the validator reads them: the identification header, then a last
    page whose granule position is the number of samples."""
    ident = b"\x01vorbis" + struct.pack("<IBIiii", 0, 1, rate, 0, 32000, 0) + b"\xb8\x01"
    return ogg_page(ident, 0, 0) + ogg_page(b"\x00" * 40, int(seconds * rate), 1)


def mp3(frames: int, id3: bool = False) -> bytes:
    """MPEG-1 layer III frames at 32 kbit/s, 32 kHz, mono (144 bytes, 1152 samples each)."""
    frame = b"\xff\xfb\x18\xc4" + b"\x00" * 140
    tag = b"ID3\x04\x00\x00" + bytes([0, 0, 0, 10]) + b"\x00" * 10 if id3 else b""
    return tag + frame * frames


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 6, 0, 0, 0))


def test_the_example_packs_recordings_pass_with_their_length() -> None:
    """The shipped espeak-ng narration is Ogg Vorbis, mono 16 kHz, a few seconds long."""
    files = sorted(EXAMPLE_AUDIO.glob("*.ogg"))
    assert len(files) == 10
    for path in files:
        info = check_audio_bytes(path.read_bytes(), ".ogg")
        assert (info.kind, info.sample_rate, info.channels) == ("vorbis", 16000, 1)
        assert 0.5 < info.seconds < 60


def test_headers_give_the_length() -> None:
    """The length comes from the Ogg granule position and from counting MP3 frames (after an ID3 tag)."""
    assert check_audio_bytes(vorbis(2.5), ".ogg").seconds == pytest.approx(2.5)
    info = check_audio_bytes(mp3(100, id3=True), ".mp3")
    assert info.kind == "mp3" and info.seconds == pytest.approx(100 * 1152 / 32000)


@pytest.mark.parametrize(
    ("data", "suffix", "fragment"),
    [
        (png(), ".ogg", "PNG picture"),
        (png(), ".mp3", "PNG picture"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", ".mp3", "WAV"),
        (b"just some text that was renamed", ".ogg", "it is text"),
        (vorbis(1).replace(b"\x01vorbis", b"OpusHead"), ".ogg", "Ogg Opus"),
        (vorbis(1), ".mp3", "give it the ending .ogg"),
        (vorbis(1)[:50], ".ogg", "damaged or cut short"),
        (vorbis(1)[:-10], ".ogg", "damaged or cut short"),
        (b"", ".ogg", "empty"),
        (b"\xff\xfb\x18\xc4" + b"\x00" * 10, ".mp3", "not MP3"),
    ],
)
def test_what_is_not_narration_is_refused_for_what_it_is(data: bytes, suffix: str, fragment: str) -> None:
    """A renamed picture, a WAV, text, Opus (which the player cannot decode) or a cut file: each refused."""
    with pytest.raises(AudioProblem, match=fragment):
        check_audio_bytes(data, suffix)


def test_too_long_a_recording_is_refused_with_its_length() -> None:
    """A recording over the length limit is refused, saying how long it is and what is allowed."""
    with pytest.raises(AudioProblem, match=f"600 seconds long.*{MAX_SECONDS}"):
        check_audio_bytes(vorbis(600), ".ogg")


def narrated(extra_section: str = "", question: str = "", option: str = "") -> str:
    module = MODULE.replace(
        "    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}\n",
        "    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}\n" + extra_section,
    )
    module = module.replace("      options:\n", question + "      options:\n", 1)
    return module.replace(
        "          text: {en: Share the code, ur: کوڈ بتا دیں}\n",
        "          text: {en: Share the code, ur: کوڈ بتا دیں}\n" + option,
    )


def write(pack: Path, rel: str, data: bytes) -> None:
    target = pack / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def test_a_narrated_section_question_and_option_validate(tmp_path: Path) -> None:
    """Narration for a section, a prompt and an option, per language, passes validation."""
    module = narrated(
        "      audio: {en: audio/s-en.ogg, ur: audio/s-ur.mp3}\n",
        "      audio: {en: audio/q-en.ogg}\n",
        "          audio: {ur: audio/a-ur.ogg}\n",
    )
    pack = make_pack(tmp_path, module)
    for rel in ("audio/s-en.ogg", "audio/q-en.ogg", "audio/a-ur.ogg"):
        write(pack, rel, vorbis(3))
    write(pack, "audio/s-ur.mp3", mp3(50))
    report = validate(pack)
    assert not report.diagnostics.items, [str(d) for d in report.diagnostics.items]


def test_a_renamed_png_is_reported_with_file_and_line(tmp_path: Path) -> None:
    """A PNG named .ogg is an error at the line of its audio entry in the module file."""
    pack = make_pack(tmp_path, narrated("      audio: {en: audio/s-en.ogg}\n"))
    write(pack, "audio/s-en.ogg", png())
    problem = find(validate(pack), "narration 'audio/s-en.ogg'")
    assert problem.severity.value == "error" and "PNG picture" in problem.message
    assert problem.path.endswith("modules/one.yaml") and problem.line == 10


@pytest.mark.parametrize(
    ("rel", "fragment"),
    [
        ("../../outside.ogg", "leaves the pack folder"),
        ("/etc/passwd.ogg", "not an absolute one"),
        ("audio/link.ogg", "points outside the pack folder"),
        ("audio/missing.ogg", "was not found in the pack"),
        ("audio/voice.wav", "must be an .ogg (Ogg Vorbis) or .mp3 file"),
    ],
)
def test_narration_must_be_a_file_inside_the_pack(tmp_path: Path, rel: str, fragment: str) -> None:
    """Paths escaping the pack ('..', absolute, a symbolic link out) or naming no sound file are errors."""
    pack = make_pack(tmp_path, narrated(question=f"      audio: {{en: {rel}}}\n"))
    outside = tmp_path / "outside.ogg"
    outside.write_bytes(vorbis(1))
    (pack / "audio").mkdir()
    (pack / "audio" / "link.ogg").symlink_to(outside)
    problem = find(validate(pack), fragment)
    assert problem.severity.value == "error" and problem.line == 15


def test_a_huge_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A file over the size limit is refused with its size, even when its header is real Ogg Vorbis."""
    pack = make_pack(tmp_path, narrated(option="          audio: {en: audio/big.ogg}\n"))
    write(pack, "audio/big.ogg", vorbis(1) + b"\x00" * MAX_FILE_BYTES)
    problem = find(validate(pack), "narration 'audio/big.ogg'")
    assert f"at most {MAX_FILE_BYTES // 1024} KB" in problem.message


def test_narration_in_a_language_the_pack_lacks_is_a_warning(tmp_path: Path) -> None:
    """An audio entry in a language that is not the pack's is pointed out (it would never be played)."""
    pack = make_pack(tmp_path, narrated("      audio: {pa: audio/s-pa.ogg}\n"))
    write(pack, "audio/s-pa.ogg", vorbis(2))
    problem = find(validate(pack), "narration in 'pa'")
    assert problem.severity.value == "warning"


def test_validate_checks_the_example_packs_narration(tmp_path: Path) -> None:
    """The example pack names its recordings under audio:, and validate reads each one: a copy with one
    recording replaced by a picture fails, naming the file."""
    import shutil

    pack = tmp_path / "example"
    shutil.copytree(resource_dir("questions") / "example", pack)
    assert validate(pack).diagnostics.errors == []
    (pack / "audio" / "best-passphrase-b-ur.ogg").write_bytes(png())
    problem = find(validate(pack), "narration 'audio/best-passphrase-b-ur.ogg'")
    assert problem.severity.value == "error" and problem.path.endswith("safe-basics.yaml")
