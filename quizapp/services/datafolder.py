"""The data folder as the UI and the command line see it: whether it holds quizapp data, and the file
modes quizapp gives what it writes there (private, or shared like the folder; see
:mod:`quizapp.progress.filemodes`)."""

from __future__ import annotations

from pathlib import Path

from quizapp.progress.backup import backup_dir, list_backups
from quizapp.progress.filemodes import make_dir, set_mode, touch_private
from quizapp.progress.store import DB_FILE_NAME

__all__ = ["holds_data", "make_dir", "set_mode", "touch_private"]


def holds_data(folder: Path) -> bool:
    """True when the folder holds a progress database or backups of one."""
    return (folder / DB_FILE_NAME).exists() or bool(list_backups(backup_dir(folder)))
