"""Open a lab PC's store: the school server when it answers within a few seconds, otherwise this PC's own
copy (the SQLite database in its data folder, the one it uses without a server), so children keep working
when the server or the network is down. What the PC records then is sent to the server later
(:mod:`quizapp.services.sync`).

The app calls :class:`LabOpener` from the worker thread that opens the store (:mod:`quizapp.services.
opening`): the window is already on screen, saying "Getting ready" if a child taps a name. The server is
tried in a thread of its own and given :data:`SERVER_WAIT_SECONDS` in all, whatever the network does (a
name lookup with no DNS server can hang far longer than the driver's connect timeout); an attempt still
running then is left to finish by itself and closes what it opened.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from quizapp.progress import engines
from quizapp.progress.errors import StoreError
from quizapp.progress.store import Store

log = logging.getLogger(__name__)

SERVER_WAIT_SECONDS = 5.0
PROBE_EVERY_SECONDS = 30
LOCAL = "sqlite"  # the database setting that means "this computer's own copy"
LOCAL_SETTINGS = ("", "sqlite", "sqlite:", "sqlite://")  # as engines.parse_database_url reads them


class _Attempt:
    """``Store.open`` on the server in a thread of its own; the caller waits for it a bounded time."""

    def __init__(self, data_dir: Path, database: str) -> None:
        self.data_dir = data_dir
        self.database = database
        self.store: Store | None = None
        self.error: BaseException | None = None
        self.finished = threading.Event()
        self._lock = threading.Lock()
        self._abandoned = False
        self.thread = threading.Thread(target=self._run, name="quizapp-server-open", daemon=True)

    def _run(self) -> None:
        store: Store | None = None
        try:
            store = Store.open(self.data_dir, database=self.database)
        except BaseException as exc:  # handed to the waiting thread
            self.error = exc
        with self._lock:
            abandoned = self._abandoned
            if not abandoned:
                self.store = store
        if abandoned and store is not None:
            store.close()  # too late: the PC went on with its own copy
        self.finished.set()

    def result(self, seconds: float) -> Store:
        self.thread.start()
        self.thread.join(seconds)
        with self._lock:
            if self.store is not None:
                return self.store
            if self.error is None:
                self._abandoned = True
        if self.error is not None:
            raise self.error
        server = engines.parse_database_url(self.database)
        host = server.host if server is not None else "?"
        raise StoreError(f"The school server {host} did not answer within {seconds:g} seconds.")


def open_server_within(data_dir: Path, database: str, seconds: float = SERVER_WAIT_SECONDS) -> Store:
    """The store on the server named by ``database``, or ``StoreError`` when it cannot be used or does not
    answer within ``seconds``."""
    return _Attempt(Path(data_dir), database).result(seconds)


class LabOpener:
    """Opens the store for the app: the school server, or this PC's own copy when the server cannot be
    used. Afterwards ``offline`` says which, and ``reason`` why the server was not used (password masked),
    for the log and the teacher."""

    def __init__(self, database: str, *, seconds: float | None = None) -> None:
        self.database = database
        self.seconds = SERVER_WAIT_SECONDS if seconds is None else seconds
        self.offline = False
        self.reason = ""
        self._attempt: _Attempt | None = None

    def __call__(self, data_dir: Path) -> Store:
        attempt = _Attempt(Path(data_dir), self.database)
        self._attempt = attempt
        try:
            return attempt.result(self.seconds)
        except StoreError as exc:
            self.offline = True
            self.reason = str(exc)
            log.warning("The school server cannot be used; this computer's own copy is used: %s", exc)
        return open_own_copy(data_dir)

    def lost(self, reason: str) -> None:
        """The server went away during the session: from now on this PC works on its own copy."""
        self.offline = True
        self.reason = reason
        log.warning("The school server went away; this computer's own copy is used from now: %s", reason)

    @property
    def attempt_running(self) -> bool:
        """True while an abandoned server attempt is still running in its thread."""
        return self._attempt is not None and self._attempt.thread.is_alive()


def server_answers(database: str) -> None:
    """Connect to the server and ask it one trivial question; ``StoreError`` (naming the server, never
    the password) when it cannot be reached. The app asks this every :data:`PROBE_EVERY_SECONDS` in the
    background while it works on the server, to notice a server that went away."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    server = engines.parse_database_url(database)
    if server is None:
        raise StoreError("No school server is set.")
    engine = engines.make_server_engine(server)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as exc:
        raise engines.server_error(server, exc) from None
    finally:
        engine.dispose()


def open_own_copy(data_dir: Path) -> Store:
    """This PC's own copy (the SQLite database in its data folder)."""
    return Store.open(data_dir, database=LOCAL)


def server_database() -> str | None:
    """The school server's URL as set (``--database``, ``QUIZAPP_DATABASE``, quizapp.ini), or None when this
    PC uses only its own copy. Read as text only: parsing a URL imports SQLAlchemy (1.5 s on a busy lab PC),
    which is left to the worker that opens the store; a setting that is not a URL is found there, logged,
    and the PC works on its own copy."""
    from quizapp.paths import resolve_database

    database = (resolve_database() or "").strip()
    return None if database.lower() in LOCAL_SETTINGS else database
