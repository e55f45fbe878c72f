"""The store on a school's PostgreSQL server: opening it, and its (short) life cycle.

Creating or upgrading the schema runs in one transaction under an advisory lock, so many lab PCs starting
at once upgrade it once. A server store has no file lock, no backups by quizapp (the server is backed up
on the server, with ``pg_dump``) and no integrity check: see :mod:`quizapp.progress.engines` for the URL,
the engine and the messages naming the host (never the password).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from quizapp.progress import backup as backups
from quizapp.progress import engines, filemodes, migrations
from quizapp.progress import schema as t
from quizapp.progress.database import Clock, Database, Opened, read_meta, read_only_reason
from quizapp.progress.errors import StoreError
from quizapp.progress.records import BackupInfo, OpenReport
from quizapp.progress.values import new_id


def open_server(
    server: engines.ServerUrl, data_dir: Path, *, read_only: bool = False, clock: Clock | None = None
) -> Opened:
    """Open the store on a PostgreSQL server. Creating or upgrading the schema runs in one transaction
    under an advisory lock, so many lab PCs starting at once upgrade it once; ``StoreError`` naming the
    host (never the password) when the server cannot be reached within the connect timeout."""
    if not read_only:
        try:
            filemodes.make_dir(data_dir)  # this PC's logs and installed packs stay in its data folder
        except OSError as exc:
            raise backups.access_error(data_dir, exc) from exc
    engine = engines.make_server_engine(server)
    try:
        conn = engine.connect()
    except DBAPIError as exc:
        engine.dispose()
        raise engines.server_error(server, exc) from None
    try:
        migrated_from: int | None = None
        with conn.begin():
            if not read_only:
                conn.execute(select(func.pg_advisory_xact_lock(engines.MIGRATION_LOCK_KEY)))
            version = migrations.current_version(conn)
            migrations.check_supported(version)
            if read_only and version < t.SCHEMA_VERSION:
                raise StoreError(
                    f"The database on {server.host} must be created or upgraded first: run "
                    "'quizapp server init' or open quizapp normally (not read-only)."
                )
            if not read_only:
                migrated_from = migrations.upgrade(conn)
            database_id = read_meta(conn, "database_id") or ""
            if not database_id and not read_only:
                database_id = new_id()
                conn.execute(insert(t.meta).values(key="database_id", value=database_id))
    except DBAPIError as exc:
        conn.close()
        engine.dispose()
        raise engines.server_error(server, exc, "use") from None
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
        server=server,
    )
    messages: list[str] = []
    if migrated_from:
        messages.append(
            f"The database on {server.host} was upgraded from version {migrated_from} to {t.SCHEMA_VERSION}."
        )
    db.read_only_reason = read_only_reason(tuple(messages))
    report = OpenReport(
        data_dir=data_dir,
        db_path=Path(server.masked()),
        read_only=read_only,
        created=migrated_from == 0,
        schema_version=t.SCHEMA_VERSION,
        migrated_from=migrated_from if migrated_from else None,
        messages=tuple(messages),
    )
    return db, ServerLife(db), report


class ServerLife:
    """The life cycle of a store on a server: nothing to back up here, closing closes the connection."""

    backup_error: str | None = None

    def __init__(self, db: Database) -> None:
        self._db = db

    def backup_now(self) -> Path | None:
        with self._db.mutex:
            self._db.check_open()
            return None  # the server is backed up on the server (pg_dump), not by each lab PC

    def backup_if_due(self) -> Path | None:
        with self._db.mutex:
            self._db.check_open()
            return None

    def list_backups(self) -> list[BackupInfo]:
        return []  # the server's backups are the server's (pg_dump)

    daily_copy_deferred = False  # nothing to copy on a server

    def defer_daily_copy(self) -> None:
        """Nothing to copy on a server."""

    def start_daily_copy(self) -> Callable[[], Path | None] | None:
        return None

    def close(self) -> None:
        with self._db.mutex:
            if not self._db.closed:
                self._db.close()
