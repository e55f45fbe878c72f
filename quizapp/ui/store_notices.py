"""What the progress store has to tell the user while the app runs.

The store keeps answers safe even when its daily backup cannot be written (a full disk, a folder quizapp
may not write in) and records why in ``store.backup_error``. :class:`StoreNotices` looks at that every
minute, makes the daily backup of a long session when it is due (hourly at most), and logs each new problem
and shows it once in a calm dialog over the window. (What opening the store found, such as a database
restored from a backup, is shown by :mod:`quizapp.ui.app` as soon as the store is open.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger("quizapp")

CHECK_MS = 60 * 1000
BACKUP_EVERY_SECONDS = 60 * 60


class StoreNotices(QObject):
    """Watches one store for backup problems; ``check()`` runs every minute once ``start()`` is called."""

    def __init__(self, store: Any, window: QWidget, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.store = store
        self.window = window
        self._clock = clock
        self._next_backup = clock() + BACKUP_EVERY_SECONDS  # the store backs up on its first change itself
        self._shown: set[str] = set()
        self.dialog: QMessageBox | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def start(self) -> None:
        self.timer.start()

    def check(self) -> QMessageBox | None:
        """Back up when due, then show a backup problem not shown before; returns the dialog shown."""
        if self._clock() >= self._next_backup:
            self._next_backup = self._clock() + BACKUP_EVERY_SECONDS
            try:
                self.store.backup_if_due()
            except Exception:  # the store keeps the reason in backup_error
                log.exception("The daily backup failed")
        try:
            problem = self.store.backup_error
        except Exception:  # the store never opened: that was reported when it failed
            return None
        if not problem or problem in self._shown:
            return None
        self._shown.add(problem)
        log.error("Progress data: %s", problem)
        box = QMessageBox(
            QMessageBox.Icon.Information, "quizapp", problem, QMessageBox.StandardButton.Ok, self.window
        )
        box.setObjectName("store-notice")
        box.open()  # not blocking: learners carry on, their answers are still saved
        self.dialog = box
        return box
