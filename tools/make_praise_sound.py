"""Write ``assets/sounds/praise.wav``: the soft two-note chime played with the praise on a right answer.

Synthesised here (no recording, no licence question): two sine notes a fourth apart (G5 then C6) with a
soft start, a gentle decay and a little second harmonic for warmth; 0.45 s, 22.05 kHz, 16-bit mono, peak
about -14 dBFS so it is quiet even on a lab PC's speakers turned up.
Run: ``python tools/make_praise_sound.py``.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
PEAK = 0.2  # of full scale: quiet by design
NOTES = ((784.0, 0.0), (1046.5, 0.12))  # (frequency in Hz, start in seconds)
LENGTH = 0.45  # seconds
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds" / "praise.wav"


def sample(t: float) -> float:
    value = 0.0
    for frequency, start in NOTES:
        s = t - start
        if s < 0:
            continue
        attack = min(1.0, s / 0.012)  # 12 ms fade-in: no click
        decay = math.exp(-s * 9.0)
        tone = math.sin(2 * math.pi * frequency * s) + 0.25 * math.sin(4 * math.pi * frequency * s)
        value += attack * decay * tone
    tail = min(1.0, (LENGTH - t) / 0.03)  # 30 ms fade-out at the very end
    return value * tail


def main() -> None:
    count = int(RATE * LENGTH)
    raw = [sample(i / RATE) for i in range(count)]
    top = max(abs(v) for v in raw) or 1.0
    frames = b"".join(struct.pack("<h", round(v / top * PEAK * 32767)) for v in raw)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    temp = OUT.with_suffix(".tmp")
    with wave.open(str(temp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    temp.replace(OUT)
    print(f"{OUT}: {OUT.stat().st_size} bytes, {LENGTH} s")


if __name__ == "__main__":
    main()
