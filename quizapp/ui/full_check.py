"""The full check of the progress data while the app runs: weekly when the store has opened, or when a
teacher asks. The check runs in a worker thread (:class:`quizapp.services.integrity.BackgroundCheck`);
this object polls it from the GUI thread and reports the result with a signal."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from quizapp.services.integrity import BackgroundCheck, CheckResult, full_check_due

log = logging.getLogger("quizapp")

POLL_MS = 200


class FullCheckRunner(QObject):
    """Runs the full check of ``data_dir`` off the GUI thread; ``finished`` gives its result."""

    finished = Signal(object)
    """A :class:`~quizapp.services.integrity.CheckResult` (or None when the check itself could not run)."""

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.check: BackgroundCheck | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    @property
    def running(self) -> bool:
        return self.check is not None

    def start_if_due(self) -> bool:
        """Start the weekly check when it is due; True when it started."""
        if self.running or not full_check_due(self.data_dir):
            return False
        return self.start()

    def start(self) -> bool:
        """Start a check now (unless one is running); True when it started."""
        if self.running:
            return False
        self.check = BackgroundCheck(self.data_dir)
        self.check.start()
        self._timer.start()
        return True

    def _poll(self) -> None:
        check = self.check
        if check is None or not check.done:
            return
        self._timer.stop()
        self.check = None
        result: CheckResult | None = check.result
        if check.error is not None:
            log.error("The full check of the progress data could not run: %s", check.error)
        elif result is not None and not result.ok:
            log.error("The full check of the progress data found a problem: %s", result.problem)
        elif result is not None:
            log.info("Full check of the progress data: ok (%.1f s)", result.seconds)
        self.finished.emit(result)
