"""Make the example pack's narration: synthesised offline with espeak-ng, encoded to Ogg Vorbis.

``python3 tools/make_narration.py`` (needs the Debian packages ``espeak-ng`` and ``vorbis-tools``) reads the
texts from ``questions/example/modules/safe-basics.yaml`` and writes, for English and Urdu, the first
lesson section and the question ``best-passphrase`` (its prompt and each option) to
``questions/example/audio/``: mono, 16 kHz, ``oggenc -q 0`` (about 4 KB a second). The module file names
these files under ``audio:``; run this again when their texts change. A school replaces them with a
recorded voice by keeping the file names.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizapp.content.packs import read_trusted_module  # noqa: E402
from quizapp.content.richtext import to_plain  # noqa: E402
from quizapp.content.text import LText  # noqa: E402

PACK = ROOT / "questions" / "example"
MODULE = PACK / "modules" / "safe-basics.yaml"
OUT = PACK / "audio"
QUESTION = "best-passphrase"
VOICES = {"en": "en-gb", "ur": "ur"}
SPEED = 140  # words a minute: slower than espeak-ng's 175, for children who are learning to read


def say(text: str, lang: str, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", VOICES[lang], "-s", str(SPEED), "-w", str(wav), text], check=True)
        subprocess.run(
            ["oggenc", "--quiet", "-q", "0", "--resample", "16000", "-o", str(target), str(wav)],
            check=True,
        )
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


def text(value: LText | None, lang: str) -> str:
    return value.get_text(lang, "en") if value is not None else ""


def main() -> int:
    module = read_trusted_module(MODULE)
    OUT.mkdir(exist_ok=True)
    section = module.lesson.sections[0]
    question = next(q for q in module.quiz.questions if q.id == QUESTION)
    for lang in VOICES:
        heading = text(section.heading, lang)
        say(f"{heading}.\n{to_plain(text(section.body, lang))}", lang, OUT / f"passphrases-{lang}.ogg")
        say(text(question.prompt, lang), lang, OUT / f"{QUESTION}-{lang}.ogg")
        for option in getattr(question, "options", ()):
            say(text(option.text, lang), lang, OUT / f"{QUESTION}-{option.id}-{lang}.ogg")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
