"""Play a clip (narration in Ogg Vorbis, MP3 or WAV; the praise chime in WAV) on the computer's
sound device with miniaudio: the app's one way to make a sound.

miniaudio was chosen by measurement (benchmarks/bench_audio.py, docs/authoring.md "Narration"): it adds
1.1 MB to the installed bundle where Qt Multimedia with its FFmpeg libraries adds about 22 MB, decodes
in C and opens the system's own sound service (WASAPI, PulseAudio, ALSA, Core Audio) loaded at run time.
This module imports it at the top, so **nothing at start-up may import this module**: the UI imports it on
the first press of a speaker button (tests/ui/test_narration.py checks that the app starts without it).

One :class:`Player` holds one device, opened on the first clip and kept until :meth:`Player.close`; a new
clip stops the one playing, unless it is played with ``interrupt=False`` (a sound effect such as the
praise chime): then it is skipped while another clip is still playing, so a chime never cuts off the
sentence a child is listening to, while narration started during a chime stops the chime. Every
failure is a :class:`PlaybackError` whose message can be shown to a child or teacher as it is (no sound
device on this computer, a clip that cannot be decoded).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Generator
from typing import Any

import miniaudio  # type: ignore[import-untyped]

log = logging.getLogger("quizapp")

SAMPLE_RATE = 22050  # speech needs no more; decoders resample to it
CHANNELS = 1


class PlaybackError(RuntimeError):
    """A clip could not be played; the message says why in words for people."""


class Player:
    """Plays one clip at a time. ``backends`` names miniaudio back ends to use (``["null"]`` in tests: a
    device with no sound card that still takes the samples at the speed of sound)."""

    def __init__(self, backends: list[str] | None = None) -> None:
        self._backends = [miniaudio.Backend[name.upper()] for name in backends or []]
        self._device: miniaudio.PlaybackDevice | None = None
        self._lock = threading.Lock()
        self._frames = 0
        self._clip = 0
        self._playing = False

    @property
    def frames_played(self) -> int:
        """Sample frames handed to the device since the current clip started."""
        return self._frames

    @property
    def playing(self) -> bool:
        """A clip has started and has neither reached its end nor been stopped."""
        return self._playing

    @property
    def backend(self) -> str:
        """The sound system in use (``Null``, ``PulseAudio``, ``WASAPI``...), once a clip has played."""
        return self._device.backend if self._device is not None else ""

    def play(self, data: bytes, on_end: Callable[[], None] | None = None, *, interrupt: bool = True) -> bool:
        """Decode ``data`` and start playing it (returns at once; ``on_end`` is called from the audio
        thread when the clip has been played to its end, not when it is stopped). With ``interrupt``
        False nothing is played while another clip plays; returns whether the clip was started."""
        try:
            stream = miniaudio.stream_memory(
                data,
                output_format=miniaudio.SampleFormat.SIGNED16,
                nchannels=CHANNELS,
                sample_rate=SAMPLE_RATE,
            )
        except miniaudio.DecodeError as exc:
            raise PlaybackError("This recording could not be played (it is damaged).") from exc
        with self._lock:
            if not interrupt and self._playing:
                return False
            device = self._open()
            self._clip += 1
            self._frames = 0
            self._playing = False
            device.stop()
            feed = self._feed(stream, self._clip, on_end)
            next(feed)
            try:
                device.start(feed)
            except miniaudio.MiniaudioError as exc:
                log.warning("The sound device did not start: %s", exc)
                raise PlaybackError("The sound on this computer did not start.") from exc
            self._playing = True
        return True

    def _open(self) -> miniaudio.PlaybackDevice:
        if self._device is None:
            try:
                self._device = miniaudio.PlaybackDevice(
                    output_format=miniaudio.SampleFormat.SIGNED16,
                    nchannels=CHANNELS,
                    sample_rate=SAMPLE_RATE,
                    backends=self._backends or None,
                    app_name="quizapp",
                )
            except miniaudio.MiniaudioError as exc:
                log.warning("No sound device: %s", exc)
                raise PlaybackError("This computer has no sound device that works.") from exc
        return self._device

    def _feed(
        self, stream: Generator[Any, int, None], clip: int, on_end: Callable[[], None] | None
    ) -> Generator[bytes, int, None]:
        """The device's callback: ``frames`` wanted each time, the decoded samples given, counted."""
        frames = yield b""
        try:
            while True:
                samples = stream.send(frames)
                if clip == self._clip:
                    self._frames += len(samples) // CHANNELS
                frames = yield samples
        except StopIteration:
            if clip == self._clip:
                self._playing = False
            if on_end is not None and clip == self._clip:
                try:
                    on_end()
                except Exception:  # the audio thread must not raise (the listener may be gone)
                    log.debug("The end of a clip was not reported", exc_info=True)

    def stop(self) -> None:
        """Stop the clip playing, if any."""
        with self._lock:
            self._clip += 1
            self._playing = False
            if self._device is not None:
                try:
                    self._device.stop()
                except miniaudio.MiniaudioError as exc:
                    log.warning("The sound device did not stop: %s", exc)

    def close(self) -> None:
        """Stop and give the sound device back."""
        with self._lock:
            self._clip += 1
            self._playing = False
            if self._device is not None:
                self._device.close()
                self._device = None


def decoded_seconds(data: bytes) -> float:
    """How many seconds of sound ``data`` decodes to (the self-test's proof that a clip decodes)."""
    try:
        sound = miniaudio.decode(
            data, output_format=miniaudio.SampleFormat.SIGNED16, nchannels=CHANNELS, sample_rate=SAMPLE_RATE
        )
    except miniaudio.DecodeError as exc:
        raise PlaybackError("This recording could not be played (it is damaged).") from exc
    return float(sound.num_frames / SAMPLE_RATE)
