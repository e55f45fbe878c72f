"""The progress store: one data folder's (or one school server's) learners, answers, progress and settings.

``Store.open(data_dir)`` gives a store. Like Anki's collection (decks, notes, config) it is a small front
object with parts, one module each:

- ``store.people``     classes and learners (:mod:`quizapp.progress.people`)
- ``store.runs``       quiz runs and answers (:mod:`quizapp.progress.runs`)
- ``store.progress``   module progress, lesson places, resume points (:mod:`~.moduleprogress`)
- ``store.reports``    class summaries, question statistics, counts (:mod:`quizapp.progress.reports`)
- ``store.snapshots``  records out to results/roster files and merged in (:mod:`quizapp.progress.snapshots`)
- ``store.packs``      the installed packs' records (:mod:`quizapp.progress.packs`)
- ``store.settings``   typed settings, the teacher PIN's hash (:mod:`quizapp.progress.settings`)

The parts share one connection (:mod:`quizapp.progress.database`). The life cycle (opening, backups,
closing) is the SQLite file's (:mod:`quizapp.progress.sqlitefile`) or the server's
(:mod:`quizapp.progress.onserver`); the front object keeps only what every caller needs of it.

Importing this module is cheap: SQLAlchemy (0.17-0.28 s to import, measured warm on the 2-core dev machine)
is loaded by ``Store.open`` only, so a window can be on screen first.

Every change is committed before the method returns (SQLite WAL, ``synchronous=FULL``), so what a learner
did survives the app being killed or the power going off. Ids are uuid4 text, unique on every computer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Final

from quizapp.progress.records import UNSET, BackupInfo, Moment, OpenReport, Unset

if TYPE_CHECKING:
    from quizapp.progress.database import Database, LifeCycle
    from quizapp.progress.moduleprogress import ModuleProgressPart
    from quizapp.progress.packs import Packs
    from quizapp.progress.people import People
    from quizapp.progress.reports import Reports
    from quizapp.progress.runs import Runs
    from quizapp.progress.settings import Settings
    from quizapp.progress.snapshots import Snapshots

__all__ = ["DB_FILE_NAME", "UNSET", "Moment", "Store", "Unset"]

DB_FILE_NAME: Final = "quizapp.sqlite3"


class Store:
    """One data folder's progress database and its parts. Use as a context manager or call ``close()``."""

    people: People
    runs: Runs
    progress: ModuleProgressPart
    reports: Reports
    snapshots: Snapshots
    packs: Packs
    settings: Settings

    def __init__(self, db: Database, life: LifeCycle, open_report: OpenReport) -> None:
        from quizapp.progress.moduleprogress import ModuleProgressPart
        from quizapp.progress.packs import Packs
        from quizapp.progress.people import People
        from quizapp.progress.reports import Reports
        from quizapp.progress.runs import Runs
        from quizapp.progress.settings import StoreSettings
        from quizapp.progress.snapshots import Snapshots

        self._db = db
        self._life = life
        self.open_report = open_report
        """What opening did (created, upgraded, restored); show ``open_report.messages`` to the user."""
        self.people = People(db)
        self.runs = Runs(db)
        self.progress = ModuleProgressPart(db)
        self.reports = Reports(db, self.people)
        self.snapshots = Snapshots(db)
        self.packs = Packs(db)
        self.settings = StoreSettings(db)

    # ----------------------------------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        data_dir: Path,
        *,
        read_only: bool = False,
        fallback_read_only: bool = False,
        check_network: bool = True,
        clock: Callable[[], datetime] | None = None,
        database: str | None = None,
    ) -> Store:
        """Open (creating if needed) the store in ``data_dir``, or on the school's database server.

        ``database`` is a PostgreSQL URL; when None it is looked up as documented in :mod:`quizapp.paths`
        (``QUIZAPP_DATABASE``, then ``[database] url`` in quizapp.ini), and without one the SQLite file in
        ``data_dir`` is used. On a server none of the file life cycle below applies: see
        :mod:`quizapp.progress.onserver`.

        Creates the folder and database, refuses network shares (``NetworkShareError``), takes the
        single-writer lock (``StoreLockedError`` "quizapp is already open", or read-only when
        ``fallback_read_only``), runs ``PRAGMA quick_check`` (the full check runs on a schedule: see
        :mod:`quizapp.progress.checks`), upgrades the schema, and recovers a damaged database from the
        newest good backup (the damaged file is renamed, never deleted).
        ``store.open_report`` says what happened; show ``open_report.messages`` to the user.
        """
        from quizapp.paths import resolve_database
        from quizapp.progress.engines import parse_database_url

        server = parse_database_url(database if database is not None else resolve_database())
        if server is not None:
            from quizapp.progress.onserver import open_server

            return cls(*open_server(server, Path(data_dir), read_only=read_only, clock=clock))
        from quizapp.progress.sqlitefile import open_folder

        opened = open_folder(
            Path(data_dir),
            read_only=read_only,
            fallback_read_only=fallback_read_only,
            check_network=check_network,
            clock=clock,
        )
        return cls(*opened)

    @property
    def data_dir(self) -> Path:
        return self._db.data_dir

    @property
    def db_path(self) -> Path:
        """The database file (on a server: its URL with the password masked)."""
        return self.open_report.db_path

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has run (the app is shutting down): nothing more is read or written."""
        return self._db.closed

    @property
    def read_only(self) -> bool:
        return self._db.read_only

    @property
    def location(self) -> str:
        """Where the data is, to show: the data folder, or the server's URL with its password masked."""
        server = self._db.server
        return server.masked() if server else str(self._db.data_dir)

    @property
    def database_id(self) -> str:
        """A uuid naming this database (this computer's copy), written into exported bundles."""
        return self._db.database_id

    @property
    def write_error(self) -> str | None:
        """Why the last change could not be saved (None when it was), for the teacher."""
        return self._db.write_error

    @property
    def backup_error(self) -> str | None:
        """Why the last automatic backup failed (None when it worked). Automatic backups run while answers
        are saved, so a failure is kept here for the app to show instead of being raised into an answer."""
        return self._life.backup_error

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Several changes, of any parts, as one transaction: all are saved when the block ends, or none
        when it raises (a roster with a bad name adds nobody, and no class for them)."""
        with self._db.write():
            yield

    # ------------------------------------------------------------------------------------ life cycle
    def close(self) -> None:
        """Make the rotating backup (when something changed), release the lock and close. Idempotent."""
        self._life.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def backup_now(self) -> Path | None:
        """Back up now with SQLite's online backup API, check the copy, prune old ones; return its path.
        None on a school server: the server's database is backed up on the server (docs/data.md)."""
        return self._life.backup_now()

    def backup_if_due(self) -> Path | None:
        """Back up when the newest backup is a day old or more and something changed since.

        The store itself calls this after a change at most hourly, so a long session gets its daily backup.
        A failure is kept in ``backup_error`` (cleared by the next backup that works) and raised.
        """
        return self._life.backup_if_due()

    def list_backups(self) -> list[BackupInfo]:
        """Backups in the data folder, newest first (none on a server)."""
        return self._life.list_backups()

    def defer_daily_copy(self) -> None:
        """From now on the day's full backup copy is not made by the change that finds it due (which
        would wait for it): the change only notes it, and ``start_daily_copy`` gives it to the caller to
        run in a worker thread (the app does; see ``sqlitefile.py``)."""
        self._life.defer_daily_copy()

    @property
    def daily_copy_deferred(self) -> bool:
        """True once ``defer_daily_copy`` was called (always False on a server, which has no copies)."""
        return self._life.daily_copy_deferred

    def start_daily_copy(self) -> Callable[[], Path | None] | None:
        """The day's full copy, to run in a worker thread (it uses a connection of its own), when a change
        has noted it; None otherwise. Call from the thread that uses the store."""
        return self._life.start_daily_copy()
