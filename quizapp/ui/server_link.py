"""A lab PC and its school server while the app runs: the "not connected" sign, and the background sync.

At start the store opens in a worker (:class:`quizapp.services.offline.LabOpener`): the school server, or
this PC's own copy when the server did not answer within a few seconds. Then:

- **on its own copy** (offline): the sign shows at the bottom of the window, and every
  :data:`SYNC_EVERY_MS` a sync in a worker (:func:`quizapp.services.sync.sync_now`) sends what was
  recorded to the server and brings the roster back. When one works the sign goes away; the app keeps
  working on its own copy (syncing every few minutes, so answers given now reach the server too) and uses
  the server again from its next start. A sync that fails shows the sign again.
- **on the server**: one sync at start sends what an earlier offline session left in this PC's copy, and
  brings the roster there for the next time the server cannot be reached. Every few seconds the store's
  last write is looked at, and every :data:`~quizapp.services.offline.PROBE_EVERY_SECONDS` the server is
  asked one trivial question in the background. When it has gone away (an answer could not be saved, or
  it does not answer), this PC's own copy is opened in the background and the app goes on with it: the
  child is taken to their home screen (or the picker), the sign shows, and syncing starts as above.

Nothing here waits on the network: the syncs run in a worker thread and are polled from the GUI thread.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from quizapp.services import offline
from quizapp.services.background import BackgroundCall
from quizapp.services.offline import LabOpener
from quizapp.services.records import StoreError, StoreLockedError
from quizapp.services.sync import SyncReport, sync_now
from quizapp.ui.server_sign import ServerSign

if TYPE_CHECKING:
    from quizapp.services.opening import OpeningStore
    from quizapp.services.records import Store
    from quizapp.ui.main_window import MainWindow

log = logging.getLogger("quizapp")

SYNC_EVERY_MS = 2 * 60 * 1000
POLL_MS = 200
WATCH_MS = 2000


class ServerLink(QObject):
    """Watches one app's link to its school server; ``connected_changed`` tells when the sign comes and
    goes."""

    connected_changed = Signal(bool)
    synced = Signal(object)
    """A sync finished well (its :class:`~quizapp.services.sync.SyncReport`)."""
    switched = Signal()
    """The server went away during the session and the app now works on this PC's own copy."""

    def __init__(
        self,
        window: MainWindow,
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
        self.sync: BackgroundCall[SyncReport] | None = None
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
        self._server_store: Any = None
        self._opening: OpeningStore | None = None
        self._lost: str | None = None
        self._probe: BackgroundCall[None] | None = None
        self._switch: BackgroundCall[Store] | None = None
        self._next_probe = 0.0
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._watch_server)

    def retranslate(self) -> None:
        self.sign.retranslate()

    def store_opened(self, store: Any, opening: OpeningStore | None = None) -> None:
        """The store is open (``store``: the open store itself): show the sign if it is this PC's own
        copy and start syncing; on the server, sync once what an earlier offline session left here, and
        watch the server (``opening``, the app's store, is switched to this PC's copy if it goes away)."""
        if self.lab.offline:
            self._go_offline(store)
        else:
            self._store = None
            self._server_store = store
            self._opening = opening
            self.sync_now()
            if opening is not None:
                self._next_probe = time.monotonic() + offline.PROBE_EVERY_SECONDS
                self._watch.start()

    def _go_offline(self, local: Any) -> None:
        self._store = local
        self._set_connected(False)
        self._every.start()
        QTimer.singleShot(0, self.sync_now)  # the server may be back already

    # ------------------------------------------------------------------- a server that goes away
    def _watch_server(self) -> None:
        if self._switch is not None:
            if self._switch.done:
                self._switched()
            return
        if self._lost is not None:
            if self.sync is None:  # the start-up sync has this PC's copy open: it ends first
                self._switch = BackgroundCall(lambda: offline.open_own_copy(self.data_dir)).start()
            return
        if self._probe is not None:
            if not self._probe.done:
                return
            probe, self._probe = self._probe, None
            if probe.error is not None:
                self._lose(str(probe.error))
                return
        problem = getattr(self._server_store, "write_error", None)
        if problem:
            self._lose(str(problem))
        elif time.monotonic() >= self._next_probe:
            self._next_probe = time.monotonic() + offline.PROBE_EVERY_SECONDS
            database = self.lab.database
            self._probe = BackgroundCall(lambda: offline.server_answers(database)).start()

    def _lose(self, reason: str) -> None:
        self._lost = reason
        self._watch_server()

    def _switched(self) -> None:
        switch, self._switch = self._switch, None
        assert switch is not None
        if switch.error is not None or switch.result is None:
            log.error("This computer's own copy could not be opened: %s", switch.error)
            return  # tried again at the next look
        local = switch.result
        self._watch.stop()
        self.lab.lost(self._lost or "")
        local.defer_daily_copy()  # made in a worker by StoreNotices, which now asks this copy for it
        if self._opening is not None:
            old = self._opening.switch_to(local)
            try:
                if old is not None:
                    old.close()
            except Exception:  # a connection to a server that is gone: nothing to keep
                log.warning("The connection to the school server could not be closed cleanly")
        self._server_store = None
        self._go_offline(local)
        self._safe_screen(local)
        self.switched.emit()

    def _safe_screen(self, local: Store) -> None:
        """The child goes on from their home screen (or the picker, if they are not in this copy)."""
        window = self.window
        if window.teacher_area is not None and window.current_screen() is window.teacher_area:
            return
        learner = window.learner
        if learner is not None:
            try:
                local.people.get_learner(learner.id)
            except StoreError:
                learner = None
        if learner is not None:
            window.show_home()
        else:
            window.show_picker()

    def sync_now(self) -> bool:
        """Start a sync in the background unless one is running; True when one started."""
        if self.sync is not None:
            return False
        data_dir, database, local = self.data_dir, self.lab.database, self._store
        self.sync = BackgroundCall(lambda: sync_now(data_dir, database, local=local), "quizapp-server-sync")
        self.sync.start()
        self._poll.start()
        return True

    def _check(self) -> None:
        sync = self.sync
        if sync is None or not sync.done:
            return
        self._poll.stop()
        self.sync = None
        if sync.result is not None:
            log.info("Synced with the school server: %s", " ".join(sync.result.lines()))
            if self.lab.offline:
                self._set_connected(True)
            self.synced.emit(sync.result)
        elif isinstance(sync.error, StoreLockedError) and not self.lab.offline:
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
        self._watch.stop()
        sync, self.sync = self.sync, None
        if sync is not None:
            sync.wait(wait_seconds)
        switch, self._switch = self._switch, None
        if switch is not None and switch.wait(wait_seconds) and switch.result is not None:
            switch.result.close()  # opened as the app was closing: never used
