"""The SQLite file's life cycle: opening it in the data folder, and what happens around it until it closes.

Opening refuses a network share (``NetworkShareError``), takes the one-writer lock (``StoreLockedError``, or
read-only when asked to fall back), runs ``PRAGMA quick_check`` (the full check runs on a schedule, see
checks.py), restores a missing, empty or damaged database from the newest good backup (the damaged file is
renamed, never deleted), upgrades the schema and opens the connection (WAL, ``synchronous=FULL``).
While open, :class:`SqliteFile` keeps the daily backup; closing makes the last one and releases the lock.
A store on a school server has none of this (see :mod:`quizapp.progress.onserver`).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, create_engine, event, insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool

from quizapp.progress import backup as backups
from quizapp.progress import checks, filemodes, machine, migrations
from quizapp.progress import schema as t
from quizapp.progress.database import COUNTER_KEY, Clock, Database, Opened, read_meta, read_only_reason
from quizapp.progress.errors import (
    DatabaseDamagedError,
    NetworkShareError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
)
from quizapp.progress.lock import LOCK_FILE_NAME, WriterLock
from quizapp.progress.netfs import network_share_message, network_share_reason
from quizapp.progress.records import BackupInfo, OpenReport, RecoveryInfo
from quizapp.progress.store import DB_FILE_NAME
from quizapp.progress.values import new_id

log = logging.getLogger(__name__)

BIG_DATABASE = 8 * 1024 * 1024  # above this, one full backup copy a day, then incremental ones
BACKUP_CHECK_SECONDS = 3600.0  # while open, look at most hourly whether the daily backup is due


def make_engine(db_path: Path, read_only: bool) -> Engine:
    def connect() -> sqlite3.Connection:
        if read_only:
            raw = sqlite3.connect(
                db_path.resolve().as_uri() + "?mode=ro",
                uri=True,
                check_same_thread=False,
                isolation_level=None,
            )
        else:
            if not db_path.exists():  # SQLite gives -wal and -shm the database file's mode
                filemodes.touch_private(db_path)
            raw = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        raw.execute("PRAGMA busy_timeout=5000")
        raw.execute("PRAGMA foreign_keys=ON")
        if read_only:
            raw.execute("PRAGMA query_only=ON")
        else:
            mode = raw.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raw.close()
                raise StoreError(f"SQLite could not switch {db_path} to WAL mode (it reported {mode!r}).")
            raw.execute("PRAGMA synchronous=FULL")
        return raw

    engine = create_engine("sqlite+pysqlite://", creator=connect, poolclass=StaticPool)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:  # the driver's own transaction handling is switched off above
        conn.exec_driver_sql("BEGIN")

    return engine


def open_folder(
    data_dir: Path,
    *,
    read_only: bool,
    fallback_read_only: bool,
    check_network: bool,
    clock: Clock | None = None,
) -> Opened:
    data_dir = Path(os.path.abspath(data_dir))
    try:
        return _open_folder(data_dir, read_only, fallback_read_only, check_network, clock)
    except OSError as exc:  # a folder this account may not even look into, a disk that went away
        raise backups.access_error(data_dir, exc) from exc


def _open_folder(
    data_dir: Path,
    read_only: bool,
    fallback_read_only: bool,
    check_network: bool,
    clock: Clock | None,
) -> Opened:
    if check_network:
        reason = network_share_reason(data_dir)
        if reason:
            raise NetworkShareError(network_share_message(data_dir, reason))
    db_path = data_dir / DB_FILE_NAME
    messages: list[str] = []
    lock: WriterLock | None = None
    if not read_only:
        try:
            filemodes.make_dir(data_dir)
            lock = WriterLock(data_dir / LOCK_FILE_NAME)
            got = lock.acquire()
        except OSError as exc:
            if not (isinstance(exc, PermissionError) or exc.errno == errno.EROFS) or not db_path.exists():
                raise backups.access_error(data_dir, exc) from exc
            # the data can be read but not changed from this account: show it, read-only, and say why
            readonly = OSError(errno.EROFS, "read-only")
            messages.append(backups.access_message(data_dir, readonly))
            messages.append("quizapp opened the progress data read-only: learners cannot save answers.")
            lock, got, read_only = None, True, True
        if not got and lock is not None:
            holder = lock.holder()
            lock = None
            if not fallback_read_only:
                raise StoreLockedError(
                    "quizapp is already open on this computer. Only one quizapp at a time can use "
                    f"the data in {data_dir}: use the one that is open, or close it and try again."
                    + (f" (It was opened by {holder}.)" if holder else "")
                )
            read_only = True
            messages.append(
                "quizapp is already open in another window, so this one can show progress but not change it."
            )
    if read_only and not db_path.exists():
        raise StoreError(f"There is no quizapp progress data in {data_dir} yet.")
    if not read_only:
        db = DB_FILE_NAME
        filemodes.tighten(data_dir, (db, f"{db}-wal", f"{db}-shm", LOCK_FILE_NAME, "backups", "logs"))
    try:
        return _open_db(data_dir, db_path, lock, read_only, messages, clock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise


def _open_db(
    data_dir: Path,
    db_path: Path,
    lock: WriterLock | None,
    read_only: bool,
    messages: list[str],
    clock: Clock | None = None,
) -> Opened:
    folder = backups.backup_dir(data_dir)
    recovery: RecoveryInfo | None = None
    try:
        size = db_path.stat().st_size if db_path.exists() else None
    except OSError as exc:
        raise backups.access_error(data_dir, exc) from exc
    created = size is None
    if size is None or size == 0:
        # no silent fresh start: a missing or empty database while backups hold learners is restored
        held = backups.newest_with_data(folder)
        if held is not None and not read_only:
            kind = "missing" if size is None else "empty"
            recovery = backups.recover(db_path, folder, f"the database was {kind}", kind=kind)
            messages.append(recovery.message())
            created = recovery.restored_from is None
        elif held is not None:
            raise StoreError(
                f"The progress database in {data_dir} is missing or empty, but backups of it are in "
                f"{folder}. Open quizapp normally (not read-only) to restore the newest one."
            )
    else:
        problem = checks.problem_at_open(db_path, read_only=read_only)  # quick_check: see checks.py
        if problem:
            if read_only:
                raise DatabaseDamagedError(
                    f"The progress database {db_path} is damaged ({problem}). Open quizapp normally "
                    "(not read-only) to restore it from the newest backup."
                )
            recovery = backups.recover(db_path, folder, problem)
            messages.append(recovery.message())
            created = recovery.restored_from is None

    engine = make_engine(db_path, read_only)
    try:
        conn = engine.connect()
    except DBAPIError as exc:
        engine.dispose()
        raise backups.access_error(data_dir, exc.orig or exc) from exc
    except OSError as exc:
        engine.dispose()
        raise backups.access_error(data_dir, exc) from exc
    try:
        version = migrations.current_version(conn)
        conn.rollback()
        migrations.check_supported(version)
        migrated_from: int | None = None
        if read_only:
            if version < t.SCHEMA_VERSION:
                raise StoreError(
                    "The progress data must be upgraded by this quizapp before it can be shown "
                    "read-only. "
                    "Close the other quizapp and open this one normally."
                )
            database_id = read_meta(conn, "database_id") or ""
            conn.rollback()
        else:
            if 0 < version < t.SCHEMA_VERSION:
                backups.make_backup(cast(sqlite3.Connection, conn.connection.dbapi_connection), folder)
            with conn.begin():
                migrated_from = migrations.upgrade(conn)
                database_id = read_meta(conn, "database_id") or ""
                if not database_id:
                    database_id = new_id()
                    conn.execute(insert(t.meta).values(key="database_id", value=database_id))
                elif recovery is not None and recovery.restored_from is not None:
                    # a restored backup's counter is behind numbers this computer already gave out
                    # (and other computers may have seen): go on as a new device (see seen.py)
                    database_id = new_id()
                here = machine.fingerprint()
                home = read_meta(conn, machine.META_KEY)
                if home and home != here:
                    # a copy on another computer (a cloned lab PC): a device of its own (machine.py)
                    log.info("The progress data was copied from another computer: it goes on as a new device")
                    database_id = new_id()
                if home is None:
                    conn.execute(insert(t.meta).values(key=machine.META_KEY, value=here))
                elif home != here:
                    conn.execute(update(t.meta).where(t.meta.c.key == machine.META_KEY).values(value=here))
                # a database this account cannot write is found now, not at a child's first answer
                probe = update(t.meta).where(t.meta.c.key == "database_id")
                conn.execute(probe.values(value=database_id))
        generation = int(read_meta(conn, "generation") or 0)
        counter = int(read_meta(conn, COUNTER_KEY) or 0)
        conn.rollback()
    except DBAPIError as exc:
        conn.close()
        engine.dispose()
        orig = exc.orig
        if isinstance(orig, sqlite3.Error) and backups.primary_code(orig) in (
            backups.SQLITE_READONLY,
            backups.SQLITE_PERM,
            backups.SQLITE_CANTOPEN,
        ):
            if lock is not None:
                lock.release()
            messages.append(backups.access_message(data_dir, orig))
            messages.append("quizapp opened the progress data read-only: learners cannot save answers.")
            return _open_db(data_dir, db_path, None, True, messages, clock)
        raise backups.access_error(data_dir, orig or exc) from exc
    except OSError as exc:
        conn.close()
        engine.dispose()
        raise backups.access_error(data_dir, exc) from exc
    except BaseException:
        conn.close()
        engine.dispose()
        raise
    db = Database(
        data_dir=data_dir,
        engine=engine,
        conn=conn,
        read_only=read_only,
        database_id=database_id,
        clock=clock,
        generation=generation,
        counter=counter,
    )
    if migrated_from:
        messages.append(f"The progress data was upgraded from version {migrated_from} to {t.SCHEMA_VERSION}.")
    db.read_only_reason = read_only_reason(tuple(messages))
    report = OpenReport(
        data_dir=data_dir,
        db_path=db_path,
        read_only=read_only,
        created=created,
        schema_version=t.SCHEMA_VERSION,
        migrated_from=migrated_from if migrated_from else None,
        recovery=recovery,
        messages=tuple(messages),
    )
    return db, SqliteFile(db, db_path, lock), report


class SqliteFile:
    """The open SQLite file's backups and closing (the store's life cycle on a data folder)."""

    def __init__(self, db: Database, db_path: Path, lock: WriterLock | None) -> None:
        self._db = db
        self.db_path = db_path
        self._lock = lock
        self._next_backup_check = 0.0  # monotonic time; the first write checks
        self.backup_error: str | None = None  # the last automatic backup's failure, for the UI to show
        self.daily_copy_deferred = False  # the day's full copy is made off this thread (defer_daily_copy)
        self._copy_wanted = False
        self._copying = False
        self._backup_lock = threading.RLock()  # one backup at a time: this thread's or the worker's
        db.after_write = self._automatic_backup

    def close(self) -> None:
        """Make the rotating backup (when something changed), release the lock and close. Idempotent. A
        day's copy being made in a worker is waited for (it then counts as today's full copy)."""
        with self._db.mutex, self._backup_lock:
            if self._db.closed:
                return
            try:
                changed = self._db.dirty or self._copying  # (a copy started but not yet run)
                if not self._db.read_only and (changed or not self.list_backups()):
                    self._backup_if_due(closing=True)
            except (sqlite3.Error, OSError) as exc:  # a full disk at closing: the answers are in the database
                self.backup_error = self._backup_failed(exc)
            finally:
                self._db.close()
                if not self._db.read_only and self._db.write_error is None:
                    checks.record_clean_close(self.db_path)  # the next open may skip quick_check
                if self._lock is not None:
                    self._lock.release()

    def _backup_failed(self, exc: BaseException) -> str:
        return (
            f"The automatic backup of the progress data failed ({exc}). Answers are still being "
            "saved. Check that the disk has free space and that quizapp may write in "
            f"{backups.backup_dir(self._db.data_dir)}."
        )

    def _live_counts(self) -> tuple[int, int]:
        return backups._counts(self._db.raw())

    def _backup(self) -> Path:
        folder = backups.backup_dir(self._db.data_dir)
        newest = backups.list_backups(folder)
        if newest and newest[0].generation == self._db.generation and self._db.generation:
            self._db.dirty = False
            return newest[0].path  # nothing changed since: the newest backup is this data already
        path = backups.make_backup(
            self._db.raw(), folder, now=self._db.clock(), generation=self._db.generation
        )
        try:
            size = self.db_path.stat().st_size + self._wal_size()
        except OSError:
            size = None
        backups.prune(folder, live=self._live_counts(), db_size=size)
        self._db.dirty = False
        return path

    def _wal_size(self) -> int:
        try:
            return Path(str(self.db_path) + "-wal").stat().st_size
        except OSError:
            return 0

    def _backup_if_due(self, *, closing: bool = False) -> Path | None:
        """None when nothing changed since the newest backup. At most one copy is kept per day (by this
        store's clock): closing after changes replaces today's copy while the database is small; a large one
        (over ``BIG_DATABASE`` bytes) gets one full copy a day, and closing after changes later that day
        writes an incremental backup of the pages changed since it (see ``increments.py``)."""
        existing = self.list_backups()
        replace = None
        if existing:
            newest = existing[0]
            if self._unchanged_since(newest):
                self._db.dirty = False
                return None
            full = self._todays_full(existing)
            if full is not None:
                try:
                    size = self.db_path.stat().st_size + self._wal_size()
                except OSError:
                    size = BIG_DATABASE + 1
                if closing and size > BIG_DATABASE:  # the pages changed since the day's full copy
                    delta = backups.incremental(
                        self._db.raw(),
                        self.db_path,
                        full,
                        now=self._db.clock(),
                        generation=self._db.generation,
                        db_size=size,
                    )
                    self._db.dirty = delta is None
                    return delta
                if not closing or full.pinned or newest.pinned:
                    return None
                replace = full
        path = self._backup()
        if replace is not None and replace.path != path:
            with contextlib.suppress(OSError):
                replace.path.unlink()
        return path

    def backup_now(self) -> Path | None:
        """Back up now with SQLite's online backup API, check the copy, prune old ones; return its path.
        None on a school server: the server's database is backed up on the server (docs/data.md)."""
        with self._db.mutex, self._backup_lock:
            self._db.check_open()
            if self._db.read_only:
                raise StoreReadOnlyError(self._db.read_only_reason)
            return self._backup()

    def backup_if_due(self) -> Path | None:
        """Back up when the newest backup is a day old or more and something changed since.

        The store itself calls this after a change at most hourly, so a long session gets its daily backup.
        A failure is kept in ``backup_error`` (cleared by the next backup that works) and raised.
        """
        with self._db.mutex, self._backup_lock:
            self._db.check_open()
            if self._db.read_only:
                return None
            existing = self.list_backups()
            if existing and not self._db.dirty:
                return None
            try:
                path = self._backup_if_due()
            except (sqlite3.Error, OSError) as exc:
                self.backup_error = self._backup_failed(exc)
                raise
            self.backup_error = None
            return path

    def list_backups(self) -> list[BackupInfo]:
        """Backups in the data folder, newest first."""
        return backups.list_backups(backups.backup_dir(self._db.data_dir))

    def _automatic_backup(self) -> None:
        """After a change: the daily backup of a long session, looked for at most hourly; a failure is
        recorded, never raised into an answer. With ``defer_daily_copy`` a full copy that is due is only
        noted, for ``start_daily_copy``."""
        if time.monotonic() < self._next_backup_check:
            return
        self._next_backup_check = time.monotonic() + BACKUP_CHECK_SECONDS
        with contextlib.suppress(sqlite3.Error, OSError):  # kept in backup_error
            if not self.daily_copy_deferred:
                self.backup_if_due()
            elif self._full_copy_due():
                self._copy_wanted = True

    def _full_copy_due(self) -> bool:
        """True when a change since the newest backup would make ``backup_if_due`` copy the whole database
        now (no full copy of today yet)."""
        if self._copying:
            return False
        existing = self.list_backups()
        if not existing:
            return True
        return not self._unchanged_since(existing[0]) and self._todays_full(existing) is None

    def _unchanged_since(self, newest: BackupInfo) -> bool:
        """True when ``newest`` already holds this data (no change since it was made)."""
        return bool(self._db.generation) and newest.generation == self._db.generation

    def _todays_full(self, existing: list[BackupInfo]) -> BackupInfo | None:
        """The full copy made today (by this store's clock), if any: at most one is made a day."""
        full = next((b for b in existing if not b.is_delta), existing[0])
        today = self._db.clock().astimezone().date()
        return full if full.taken_at.astimezone().date() == today else None

    # The day's full copy off the GUI thread. The first change of a day copied the whole database while
    # the child's answer waited (0.7 s at 40,000 answers here, 17 s at a million, more on an old PC). The
    # app (ui/store_notices.py) asks for it to be deferred: the change only notes it, and the app runs the
    # copy in a worker thread on a read-only connection of its own. The data is marked backed up as of the
    # moment the copy starts, so any change after it is a new generation that closing backs up. Closing
    # waits for a copy still running; a copy noted but never started is made by closing, as before.
    def defer_daily_copy(self) -> None:
        self.daily_copy_deferred = True

    def start_daily_copy(self) -> Callable[[], Path | None] | None:
        """The day's full copy to run in a worker thread, when a change has asked for it; else None."""
        with self._db.mutex:
            if not self._copy_wanted or self._copying or self._db.closed or self._db.read_only:
                return None
            self._copy_wanted = False
            self._copying = True
            generation, now = self._db.generation, self._db.clock()
            self._db.dirty = False  # a change from now on is a new generation (closing backs it up)
        return lambda: self._copy_in_worker(generation, now)

    def _copy_in_worker(self, generation: int, now: datetime) -> Path | None:
        folder = backups.backup_dir(self._db.data_dir)
        try:
            with self._backup_lock:
                if self._db.closed:
                    return None
                source = sqlite3.connect(f"{self.db_path.resolve().as_uri()}?mode=ro", uri=True)
                try:
                    path = backups.make_backup(source, folder, now=now, generation=generation)
                finally:
                    source.close()
                made = next((b for b in backups.list_backups(folder) if b.path == path), None)
                live = None if made is None else (made.learners or 0, made.attempts or 0)
                try:
                    size: int | None = self.db_path.stat().st_size + self._wal_size()
                except OSError:
                    size = None
                backups.prune(folder, live=live, db_size=size)
        except (sqlite3.Error, OSError) as exc:
            self._db.dirty = True  # not backed up after all: closing copies it
            self.backup_error = self._backup_failed(exc)
            raise
        finally:
            self._copying = False
        self.backup_error = None
        return path
