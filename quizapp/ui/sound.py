"""Short sound effects (the praise chime): a small WAV file played by what the computer already has.

PySide6-Essentials has no QtMultimedia (QSoundEffect is in PySide6-Addons, far too big for one chime), so
no library is added: Windows plays the file with the standard library's ``winsound``; macOS with ``afplay``;
Linux with ``pw-play``, ``paplay`` or ``aplay``, whichever is installed, started as a detached process so
nothing waits for it. Nothing here is imported at start-up. A computer with no sound device or no player
plays nothing: the failure goes to the log, never in front of the child.

``play_effect`` is the one entry point, so another player (the narration's) can take over in one place.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

log = logging.getLogger("quizapp")

LINUX_PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pw-play", ()),
    ("paplay", ()),
    ("aplay", ("-q",)),
)


def play_effect(path: Path) -> bool:
    """Start playing the WAV file ``path`` and return at once; False when nothing could play it."""
    if not path.is_file():
        log.warning("Sound %s is missing", path)
        return False
    try:
        if sys.platform == "win32":
            import winsound

            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            winsound.PlaySound(str(path), flags)
            return True
        from PySide6.QtCore import QProcess

        players = (("afplay", ()),) if sys.platform == "darwin" else LINUX_PLAYERS
        for name, options in players:
            program = shutil.which(name)
            if program is not None:
                process = QProcess()
                process.setProgram(program)
                process.setArguments([*options, str(path)])
                # a player's complaints (no sound card) stay out of the app's output and log
                process.setStandardOutputFile(QProcess.nullDevice())
                process.setStandardErrorFile(QProcess.nullDevice())
                if process.startDetached():
                    return True
        log.info("No sound player found for %s (sound skipped)", path.name)
    except (OSError, RuntimeError) as exc:  # no sound device, a driver error: silence, not a traceback
        log.info("Sound %s could not play: %s", path.name, exc)
    return False
