"""The computer's own reading voice, for texts a pack has no recording of: espeak-ng, when installed.

espeak-ng is offline, free, small, and speaks English and Urdu (and Punjabi, Sindhi...). The app never
downloads a voice: it finds ``espeak-ng`` (or the older ``espeak``) on the PATH, or in the folder its
Windows installer uses, asks it once which languages it has, and has it write speech as WAV bytes that the
player plays like a recording. Where there is none, :func:`find_reading_voice` returns None and the app
shows no speaker button for unrecorded texts; the teacher's Settings page says "no reading voice on this
computer". Windows' own SAPI voices are not used: they have no Urdu, and reaching them needs PowerShell or
COM, which is not worth its weight here (docs/authoring.md, "Narration").
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("quizapp")

PROGRAMS = ("espeak-ng", "espeak")
WINDOWS_FOLDERS = (r"C:\Program Files\eSpeak NG", r"C:\Program Files (x86)\eSpeak NG")
SPEED = 140  # words a minute (espeak-ng's own 175 is fast for a child learning to read)
MAX_TEXT = 4000  # letters read at once: a lesson section, never a whole pack
TIMEOUT = 30.0  # seconds for one text
_NO_WINDOW = 0x08000000 if sys.platform == "win32" else 0  # CREATE_NO_WINDOW: no console flashes up


class ReadingVoiceError(RuntimeError):
    """The reading voice did not speak; the message says so in words for people."""


@dataclass(frozen=True, slots=True)
class ReadingVoice:
    """espeak-ng at ``program``, with the language codes it speaks (``en``, ``ur``, ``en-gb``...)."""

    program: Path
    languages: frozenset[str]

    def speaks(self, language: str) -> bool:
        return language in self.languages

    def speak(self, text: str, language: str) -> bytes:
        """``text`` read aloud in ``language``, as the bytes of a WAV file."""
        if not self.speaks(language):
            raise ReadingVoiceError(f"The reading voice does not speak '{language}'.")
        try:
            result = subprocess.run(
                [str(self.program), "-v", language, "-s", str(SPEED), "--stdout"],
                input=text[:MAX_TEXT].encode("utf-8"),
                capture_output=True,
                timeout=TIMEOUT,
                check=False,
                creationflags=_NO_WINDOW,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            log.warning("The reading voice failed: %s", exc)
            raise ReadingVoiceError("The reading voice on this computer did not start.") from exc
        if result.returncode != 0 or not result.stdout.startswith(b"RIFF"):
            log.warning("The reading voice failed: %s", result.stderr.decode("utf-8", "replace")[:300])
            raise ReadingVoiceError("The reading voice on this computer did not start.")
        return result.stdout


def _program(which: Callable[[str], str | None]) -> Path | None:
    for name in PROGRAMS:
        found = which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        for folder in WINDOWS_FOLDERS:
            candidate = Path(folder) / "espeak-ng.exe"
            if candidate.is_file():
                return candidate
    return None


def parse_voices(listing: str) -> frozenset[str]:
    """Language codes from ``espeak-ng --voices`` (its second column), with each one's base language
    (``en-gb`` gives ``en`` too)."""
    codes: set[str] = set()
    for line in listing.splitlines()[1:]:
        parts = line.split()
        if len(parts) >= 2:
            code = parts[1].lower()
            codes.update({code, code.split("-")[0]})
    return frozenset(codes)


def find_reading_voice(which: Callable[[str], str | None] = shutil.which) -> ReadingVoice | None:
    """The reading voice of this computer, or None when there is none (or ``QUIZAPP_READING_VOICE=off``,
    for a school that wants recordings only)."""
    if os.environ.get("QUIZAPP_READING_VOICE", "").lower() in ("off", "0", "no"):
        return None
    program = _program(which)
    if program is None:
        return None
    try:
        result = subprocess.run(
            [str(program), "--voices"],
            capture_output=True,
            timeout=10,
            check=False,
            creationflags=_NO_WINDOW,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("%s could not be asked for its voices: %s", program, exc)
        return None
    languages = parse_voices(result.stdout.decode("utf-8", "replace"))
    return ReadingVoice(program, languages) if result.returncode == 0 and languages else None
