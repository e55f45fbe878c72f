"""The full check of the progress data, run off the window's thread (see :mod:`quizapp.progress.checks`).

:class:`BackgroundCheck` runs it once in a worker thread on a read-only connection of its own; the caller's
thread polls :attr:`BackgroundCheck.done` (nothing here touches Qt). As in
:mod:`quizapp.services.opening`, Python's cyclic garbage collector is paused while the worker runs (after
one collection in the caller's thread): a collection started by the worker could otherwise finalise Qt
objects outside the GUI thread. It is switched back on by the caller's thread when the check has finished.
"""

from __future__ import annotations

import gc
import threading
from datetime import datetime
from pathlib import Path

from quizapp.progress import checks
from quizapp.progress.checks import CheckResult as CheckResult  # named by the UI
from quizapp.progress.store import DB_FILE_NAME


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


class BackgroundCheck:
    """The full check of one data folder in a worker thread."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self.result: CheckResult | None = None
        self.error: BaseException | None = None
        self._finished = threading.Event()
        self._started = False
        self._gc_paused = False
        self._thread = threading.Thread(target=self._run, name="quizapp-full-check", daemon=True)

    def start(self) -> None:
        """Start the check (once)."""
        if self._started:
            return
        self._started = True
        gc.collect()
        if gc.isenabled():
            gc.disable()
            self._gc_paused = True
        self._thread.start()

    def _run(self) -> None:
        try:
            self.result = check_now(self.data_dir)
        except BaseException as exc:  # kept for the caller's thread
            self.error = exc
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        """True once the check has finished. Call from the thread that started it."""
        if not self._finished.is_set():
            return False
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the check (tests, closing the app); True when it has finished."""
        finished = self._finished.wait(timeout)
        return finished and self.done
