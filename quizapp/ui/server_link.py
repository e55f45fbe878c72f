"""A lab PC and its school server while the app runs: the "not connected" sign, and the background sync.

At start the store opens in a worker (:class:`quizapp.services.offline.LabOpener`): the school server, or
this PC's own copy when the server did not answer within a few seconds. Then:

- **on its own copy** (offline): the sign shows at the bottom of the window, and every
  :data:`SYNC_EVERY_MS` a :class:`quizapp.services.sync.BackgroundSync` sends what was recorded to the server
  and brings the roster back. When one works the sign goes away; the app keeps working on its own copy
  (syncing every few minutes, so answers given now reach the server too) and uses the server again from
  its next start. A sync that fails shows the sign again.
- **on the server**: one sync at start sends what an earlier offline session left in this PC's copy, and
  brings the roster there for the next time the server cannot be reached.

Nothing here waits on the network: the syncs run in a worker thread and are polled from the GUI thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStatusBar

from quizapp.services.offline import LabOpener
from quizapp.services.sync import BackgroundSync
from quizapp.ui.server_sign import ServerSign

log = logging.getLogger("quizapp")

SYNC_EVERY_MS = 2 * 60 * 1000
POLL_MS = 200


class ServerLink(QObject):
    """Watches one app's link to its school server; ``connected_changed`` tells when the sign comes and
    goes."""

    connected_changed = Signal(bool)
    synced = Signal(object)
    """A sync finished well (its :class:`~quizapp.services.sync.SyncReport`)."""

    def __init__(
        self,
        window: QMainWindow,
        data_dir: Path,
        lab: LabOpener,
        *,
        sync_every_ms: int | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.data_dir = Path(data_dir)
        self.lab = lab
        self.connected = True
        self.sync: BackgroundSync | None = None
        self.sign = ServerSign()
        self.sign.setVisible(False)
        bar = QStatusBar()
        bar.setObjectName("server-bar")
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.sign, 1)
        bar.setVisible(False)
        window.setStatusBar(bar)
        self.bar = bar
        self._every = QTimer(self)
        self._every.setInterval(sync_every_ms or SYNC_EVERY_MS)
        self._every.timeout.connect(self.sync_now)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check)
        self._store: Any = None

    def retranslate(self) -> None:
        self.sign.retranslate()

    def store_opened(self, store: Any) -> None:
        """The store is open (``store``: the open store itself): show the sign if it is this PC's own
        copy and start syncing; on the server, sync once what an earlier offline session left here."""
        if self.lab.offline:
            self._store = store
            self._set_connected(False)
            self._every.start()
            QTimer.singleShot(0, self.sync_now)  # the server may be back already
        else:
            self._store = None
            self.sync_now()

    def sync_now(self) -> bool:
        """Start a sync in the background unless one is running; True when one started."""
        if self.sync is not None:
            return False
        self.sync = BackgroundSync(self.data_dir, self.lab.database, self._store)
        self.sync.start()
        self._poll.start()
        return True

    def _check(self) -> None:
        sync = self.sync
        if sync is None or not sync.done:
            return
        self._poll.stop()
        self.sync = None
        if sync.report is not None:
            log.info("Synced with the school server: %s", " ".join(sync.report.lines()))
            if self.lab.offline:
                self._set_connected(True)
            self.synced.emit(sync.report)
        elif sync.skipped:
            log.info("Not synced: this computer's copy is open in another quizapp")
        else:
            log.warning("Could not sync with the school server: %s", sync.error)
            if self.lab.offline:
                self._set_connected(False)

    def _set_connected(self, connected: bool) -> None:
        changed = connected != self.connected
        self.connected = connected
        self.sign.setVisible(not connected)
        self.bar.setVisible(not connected)
        if changed:
            self.connected_changed.emit(connected)

    def stop(self, wait_seconds: float = 5.0) -> None:
        """Stop syncing (the app is closing); a sync under way gets ``wait_seconds`` to finish."""
        self._every.stop()
        self._poll.stop()
        sync, self.sync = self.sync, None
        if sync is not None:
            sync.wait(wait_seconds)
