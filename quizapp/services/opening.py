"""Open the progress store in the background while the learner picker is already on screen.

:class:`OpeningStore` stands in for the store from the start. Until the real store is open it answers the
questions the picker asks (the learners, and settings such as the school name) from a quick read-only
look at the database (:func:`quizapp.services.roster.peek_roster`); anything else waits for the store.
The store is opened once, in a worker thread, and from then on used only by the caller's thread (the
store's SQLite connection allows that). Nothing here touches Qt: the app polls :attr:`OpeningStore.ready`.

While the worker runs, Python's cyclic garbage collector is paused (after one collection in the caller's
thread): a collection started by the worker could otherwise finalise Qt objects outside the GUI thread,
which crashes Qt. It is switched back on by the caller's thread as soon as opening has finished.

Python's line cache (:mod:`linecache`, used only to show source lines in tracebacks) is emptied by the
caller's thread before the worker starts and again once opening has finished. With Qt for Python loaded it
holds the source text of every module imported since (PySide6's import hook reads each module's source to
see whether it uses PySide6): a few MiB for the app's own modules and about 12 MiB more for SQLAlchemy's.
Emptying it first lets SQLAlchemy's import reuse that memory, which lowers the app's peak memory; emptying
it afterwards gives the rest back for the whole session. Tracebacks read the files again when needed.
"""

from __future__ import annotations

import gc
import linecache
import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizapp.progress.records import Learner, SchoolClass
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from quizapp.services.background import BackgroundCall
from quizapp.services.roster import PEEKED_SETTINGS, RosterPeek

log = logging.getLogger(__name__)


class OpeningStore:
    """A store that is still opening; behaves as the store (waiting for it when needed)."""

    def __init__(
        self,
        data_dir: Path,
        peek: RosterPeek,
        opener: Callable[[Path], Store] | None = None,
        *,
        busy: Callable[[], bool] | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.peek = peek
        self._opener = opener  # a lab PC's: the school server, or its own copy (services/offline.py)
        self._busy = busy  # True while a thread the opener left behind still runs: the collector waits
        self._store: Store | None = None
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._start_lock = threading.Lock()
        self._started = False
        self._gc_paused = False
        self._clear_lines_when_done = False
        self._thread = threading.Thread(target=self._open, name="quizapp-open-store", daemon=True)
        self.prepare: Callable[[], object] | None = None  # more start-up work for the worker (the packs)

    def start(self) -> None:
        """Start opening (once; later calls do nothing)."""
        with self._start_lock:
            if not self._started:
                self._started = True
                linecache.clearcache()
                self._clear_lines_when_done = True
                gc.collect()
                if gc.isenabled():
                    gc.disable()
                    self._gc_paused = True
                self._thread.start()

    def _resume_gc(self) -> None:
        if not self._done.is_set():
            return
        if self._gc_paused and self._busy is not None and self._busy():
            return  # asked again at the next look at ``ready``
        if self._clear_lines_when_done:
            self._clear_lines_when_done = False
            linecache.clearcache()  # the worker has finished its imports: the source text it left
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()

    def _open(self) -> None:
        try:
            opener = self._opener
            self._store = opener(self.data_dir) if opener is not None else Store.open(self.data_dir)
        except BaseException as exc:  # handed to the thread that uses the store
            self.error = exc
        try:
            if self.prepare is not None and self.error is None:
                self.prepare()
        except Exception:  # the GUI thread reads the packs itself when it needs them
            log.exception("The packs could not be read in the background")
        finally:
            self._done.set()

    @property
    def ready(self) -> bool:
        """True once opening has finished (well or not). Call from the thread that uses the store."""
        if self._done.is_set():
            self._resume_gc()
            return True
        return False

    def wait(self) -> Store:
        """The open store (starting and waiting for it); raises what opening raised."""
        self.start()
        self._done.wait()
        self._resume_gc()
        if self.error is not None:
            raise self.error
        assert self._store is not None
        return self._store

    def switch_to(self, store: Store) -> Store | None:
        """Go on with ``store`` (a lab PC's own copy, when its school server went away during the session);
        returns the store used until now, for the caller to close. Call from the thread that uses the
        store, once it is open."""
        old = self.wait()
        self._store = store
        return old

    # ---------------------------------------------------------- answered from the quick look until open
    @property
    def people(self) -> _OpeningPeople:
        """``store.people``; the learners and classes the picker lists come from the quick look until open."""
        return _OpeningPeople(self)

    @property
    def settings(self) -> Settings:
        """``store.settings``; the settings in ``PEEKED_SETTINGS`` come from the quick look until open."""
        return _OpeningSettings(self)

    @property
    def closed(self) -> bool:
        """True once the opened store was closed (never waits: False while opening or when it failed)."""
        return self._store is not None and self._store.closed

    def close(self) -> None:
        """Close the store (after waiting for it to open); nothing when opening never started or failed."""
        if not self._started:
            return
        self._done.wait()
        self._resume_gc()
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wait(), name)


class _OpeningPeople:
    """``people`` of a store still opening: the picker's lists from the quick look, the rest waits."""

    def __init__(self, opening: OpeningStore) -> None:
        self._opening = opening

    def list_learners(self, class_id: str | None = None, *, include_archived: bool = False) -> list[Learner]:
        if not self._opening.ready and class_id is None and not include_archived:
            return list(self._opening.peek.learners)
        return self._opening.wait().people.list_learners(class_id, include_archived=include_archived)

    def list_classes(self, *, include_archived: bool = False) -> list[SchoolClass]:
        if not self._opening.ready and not include_archived:
            return list(self._opening.peek.classes)
        return self._opening.wait().people.list_classes(include_archived=include_archived)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.wait().people, name)


class _OpeningSettings(Settings):
    """``settings`` of a store still opening: the peeked ones from the quick look, the rest waits."""

    def __init__(self, opening: OpeningStore) -> None:
        self._opening = opening

    def read(self, key: str) -> str | None:
        if not self._opening.ready and key in PEEKED_SETTINGS:
            return self._opening.peek.settings.get(key)
        return self._opening.wait().settings.read(key)

    def read_many(self, keys: list[str]) -> dict[str, str]:
        return self._opening.wait().settings.read_many(keys)

    def write(self, key: str, value: str | None) -> None:
        self._opening.wait().settings.write(key, value)

    def increment(self, key: str) -> int:
        return self._opening.wait().settings.increment(key)


class BackgroundJob(BackgroundCall[object]):
    """One piece of start-up work (reading the pack catalogue, which validates any pack whose cache entry is
    cold) run once in a worker thread while the window is already on screen; the caller's thread polls
    :attr:`ready`. A failure is logged: the caller's thread does the work itself when it needs the result."""

    def __init__(self, work: Callable[[], object], name: str = "quizapp-start-up") -> None:
        super().__init__(work, name, failure="Start-up work failed in the background")

    @property
    def ready(self) -> bool:
        """True once the work has finished. Call from the caller's thread."""
        return self.done

    def wait(self, timeout: float | None = None) -> bool:
        """Start the work if it has not started, and wait for it; True when it has finished."""
        self.start()
        return super().wait(timeout)
