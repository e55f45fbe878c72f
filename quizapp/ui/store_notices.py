"""What the progress store has to tell the user while the app runs.

The store keeps answers safe even when its daily backup cannot be written (a full disk, a folder quizapp
may not write in) and records why in ``store.backup_error``. :class:`StoreNotices` looks at that every
minute, makes the daily backup of a long session when it is due (hourly at most), and logs each new problem
and shows it once in a calm dialog over the window.

It also takes the day's full backup copy off the GUI thread: once the store is open it asks the store to
defer it (``Store.defer_daily_copy``), and every second it looks whether a change has asked for one; if so
the copy runs in a worker thread (a ``BackgroundCall``), on a connection of its own, while learners go on.
Before, the first answer of a day waited for the whole database to be copied (0.7 s at 40,000 answers on a
fast PC, 17 s at a million). (What opening the store found, such as a database
restored from a backup, is shown by :mod:`quizapp.ui.app` as soon as the store is open.)
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from quizapp.services.background import BackgroundCall

log = logging.getLogger("quizapp")

CHECK_MS = 60 * 1000
COPY_POLL_MS = 1000
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
        self.copy: BackgroundCall[Path | None] | None = None
        """The day's full copy running in a worker thread, if any."""
        self._deferred = False
        self.copy_timer = QTimer(self)
        self.copy_timer.setInterval(COPY_POLL_MS)
        self.copy_timer.timeout.connect(self.poll_copy)

    def start(self) -> None:
        self.timer.start()
        self.copy_timer.start()
        self.poll_copy()

    def poll_copy(self) -> None:
        """Defer the day's copy once the store is open; start it in a worker when a change asked for it;
        note when it has finished (a failure is in ``backup_error``, shown by ``check``)."""
        if not getattr(self.store, "ready", True) or getattr(self.store, "closed", False):
            return  # still opening (asking now would wait for it), or closed
        if not self._deferred:
            self._deferred = True
            defer = getattr(self.store, "defer_daily_copy", None)
            if callable(defer):
                defer()
        if self.copy is not None:
            if not self.copy.done:
                return
            if self.copy.error is not None:
                log.error("The day's backup copy failed: %s", self.copy.error)
            self.copy = None
        start = getattr(self.store, "start_daily_copy", None)
        job = start() if callable(start) else None
        if job is not None:
            self.copy = BackgroundCall(job, "quizapp-daily-copy").start()

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
