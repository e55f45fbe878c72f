"""The full check of the progress data, run off the window's thread (see :mod:`quizapp.progress.checks`).

:class:`BackgroundCheck` runs it once in a worker thread (it is a ``BackgroundCall``, see
:mod:`quizapp.services.background`) on a read-only connection of its own; the caller's thread polls it
(nothing here touches Qt).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from quizapp.progress import checks
from quizapp.progress.checks import CheckResult as CheckResult  # named by the UI
from quizapp.progress.store import DB_FILE_NAME
from quizapp.services.background import BackgroundCall


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / DB_FILE_NAME


def full_check_due(data_dir: Path, *, now: datetime | None = None) -> bool:
    """True when the weekly full check is due (and there is a database to check)."""
    return database_path(data_dir).is_file() and checks.full_check_due(Path(data_dir), now=now)


def last_full_check(data_dir: Path) -> CheckResult | None:
    return checks.last_full_check(Path(data_dir))


def check_now(data_dir: Path) -> CheckResult:
    """Run the full check in this thread (the command line) and record it."""
    return checks.run_full_check(database_path(data_dir))


class BackgroundCheck(BackgroundCall[CheckResult]):
    """The full check of one data folder in a worker thread (``start``, poll ``done``, then ``result`` or
    ``error``)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        super().__init__(lambda: check_now(self.data_dir), "quizapp-full-check")
