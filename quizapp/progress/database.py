"""The connection every part of the store shares, and its transactions.

One connection (SQLite file or PostgreSQL server), guarded by one lock: ``read()`` and ``write()`` give a
transaction on it. ``write()`` is one transaction per change (one answer, one roster...): it refuses when
the store is read-only, raises ``AnswerNotSavedError`` with a sentence for the teacher when the change could
not be committed, and raises this device's counter once per transaction (``origin``, see seen.py). What is
particular to the SQLite file (the lock, backups, checks) is in :mod:`quizapp.progress.sqlitefile`; it hooks
into ``after_write`` for the daily backup of a long session.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, cast

from sqlalchemy import BigInteger, Connection, Engine, String, func, insert, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError

from quizapp.progress import backup as backups
from quizapp.progress import concurrency, engines, server_answer
from quizapp.progress import schema as t
from quizapp.progress.errors import AnswerNotSavedError, StoreError, StoreReadOnlyError
from quizapp.progress.records import BackupInfo, OpenReport, RunKind, to_utc_iso

Clock = Callable[[], datetime]
COUNTER_KEY = "device_counter"  # meta: this device's counter, raised in each write that matters (seen.py)
READ_ONLY_REASON = "This quizapp window can only show progress: another quizapp has the data open."


Opened = tuple["Database", "LifeCycle", OpenReport]
"""What opening gives ``Store``: the database, its life cycle and the report of what opening did."""


def read_meta(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar_one_or_none()
    return None if value is None else str(value)


def read_only_reason(messages: tuple[str, ...]) -> str:
    """Why changes are refused, from what opening said (a folder this account may only read), or the usual
    reason (another quizapp has the data open)."""
    for message in messages:
        if "may read but not write" in message:
            return message.replace(" Nothing in the folder was changed or removed.", "") + (
                " Nothing was changed."
            )
    return READ_ONLY_REASON


class LifeCycle(Protocol):
    """What happens around the open database: ``SqliteFile`` (lock, backups) or ``ServerLife`` (none)."""

    backup_error: str | None
    daily_copy_deferred: bool

    def backup_now(self) -> Path | None: ...

    def backup_if_due(self) -> Path | None: ...

    def list_backups(self) -> list[BackupInfo]: ...

    def defer_daily_copy(self) -> None: ...

    def start_daily_copy(self) -> Callable[[], Path | None] | None: ...

    def close(self) -> None: ...


class Database:
    """One open database: its connection, transactions, clock and this device's counter."""

    def __init__(
        self,
        *,
        data_dir: Path,
        engine: Engine,
        conn: Connection,
        read_only: bool,
        database_id: str,
        clock: Clock | None = None,
        generation: int = 0,
        counter: int = 0,
        server: engines.ServerUrl | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.engine = engine
        self.conn = conn
        self.read_only = read_only
        self.read_only_reason = READ_ONLY_REASON
        self.database_id = database_id
        self.server = server  # a school server: no file lock, no backups by quizapp, no integrity check
        self.clock: Clock = clock or (lambda: datetime.now(UTC))
        self.mutex = threading.RLock()
        self.generation = generation  # grows once per session that changes something (see write)
        self.dirty = False
        self.closed = False
        self.write_error: str | None = None  # why the last change could not be saved, for the teacher
        self.after_write: Callable[[], None] | None = None  # the SQLite file's backup check
        self.run_owners: dict[
            str, tuple[str, str, str, RunKind]
        ] = {}  # run id -> (learner, pack, module, kind)
        self._counter = counter  # this device's counter (see seen.py): the last value committed
        self._tx_counter: int | None = None  # the value of the write transaction under way, once raised
        self._in_write = False  # a write transaction is under way (changes inside it join it)
        # upserts: on a school server two PCs may create the same row at once (concurrency.py)
        dialect = engine.dialect.name
        self.is_server_db = dialect == "postgresql"
        self.upsert_resume = concurrency.upsert(dialect, t.resume_points, ["learner_id"])
        self.upsert_progress = concurrency.upsert(
            dialect, t.module_progress, ["learner_id", "pack_id", "module_id"]
        )
        self.upsert_setting = concurrency.upsert(dialect, t.settings, ["key"])
        self.upsert_pack = concurrency.upsert(
            dialect, t.packs, ["id"], ["version", "title", "folder", "enabled"]
        )
        # a quiz answer on a server: one statement (server_answer.py)
        self.answer_on_server = (
            {
                positioned: server_answer.answer_statement(positioned=positioned)
                for positioned in (False, True)
            }
            if self.is_server_db
            else None
        )
        # raised in the database, not from a value kept here: on a school server many PCs write at once;
        # one statement whether or not the row is there yet (two PCs' first writes cannot both insert it)
        counter_row = concurrency.dialect_insert(dialect, t.meta)
        self._bump_counter = counter_row.on_conflict_do_update(
            index_elements=["key"], set_={"value": sql_cast(sql_cast(t.meta.c.value, BigInteger) + 1, String)}
        ).returning(t.meta.c.value)

    def lock_on_server(self, conn: Connection, key: int) -> None:
        """On a school server, take the transaction-scoped advisory lock ``key`` (one PC at a time does what
        follows); SQLite has one writer anyway."""
        if self.is_server_db:
            conn.execute(select(func.pg_advisory_xact_lock(key)))

    # ---------------------------------------------------------------------------------- transactions
    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.mutex:
            self.check_open()
            if self._in_write:  # a read inside a batch of changes sees them
                yield self.conn
                return
            try:
                with self.conn.begin():
                    yield self.conn
            except DBAPIError as exc:
                if self.server is None:
                    raise
                raise engines.server_error(self.server, exc, "read from") from None

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; inside another (a batch, see ``Store.batch``) it is part of that one."""
        with self.mutex:
            self.check_open()
            if self.read_only:
                raise StoreReadOnlyError(self.read_only_reason)
            if self._in_write:
                yield self.conn
                return
            generation = self.generation
            self._tx_counter = None
            self._in_write = True
            try:
                with self.conn.begin():  # one transaction per change (one answer, one roster...)
                    if not self.dirty and self.server is None:  # a new generation of the file's data
                        generation = self._bump_generation(self.conn)
                    yield self.conn
            except DBAPIError as exc:
                self.write_error = self._write_failed(exc)
                raise AnswerNotSavedError(self.write_error) from exc
            finally:
                self._in_write = False
                committed, self._tx_counter = self._tx_counter, None
            if committed is not None:
                self._counter = committed
            self.generation = generation
            self.write_error = None
            self.dirty = True
            if self.after_write is not None:
                self.after_write()

    def check_open(self) -> None:
        if self.closed:
            raise StoreError("The progress store is closed.")

    def close(self) -> None:
        """Close the connection (the life cycle around it decides what happens first)."""
        self.closed = True
        self.conn.close()
        self.engine.dispose()

    def raw(self) -> sqlite3.Connection:
        """The SQLite file's own connection (for the online backup API)."""
        return cast(sqlite3.Connection, self.conn.connection.dbapi_connection)

    # -------------------------------------------------------------------------------- what is written
    def now(self) -> str:
        """The store's clock as stamp text (learners' activity; the clock is injectable for tests)."""
        return to_utc_iso(self.clock())

    def origin(self, conn: Connection) -> dict[str, Any]:
        """The (device, counter) of this write transaction, for the records it writes: the device's counter
        is raised once per transaction, in it (see seen.py)."""
        if self._tx_counter is None:
            first = {"key": COUNTER_KEY, "value": str(self._counter + 1)}  # when the row is not there yet
            self._tx_counter = int(conn.execute(self._bump_counter, first).scalar_one())
        return {"origin_device": self.database_id, "origin_counter": self._tx_counter}

    @property
    def next_counter(self) -> int:
        """The counter value this device's next write would take if its meta row were missing."""
        return self._counter + 1

    def counter_raised(self, value: int) -> None:
        """The counter was raised to ``value`` by a statement of this write transaction (server_answer.py)."""
        self._tx_counter = value

    def forget_runs(self, learner_ids: set[str]) -> None:
        """Drop cached run owners of learners whose runs were removed or moved."""
        self.run_owners = {k: v for k, v in self.run_owners.items() if v[0] not in learner_ids}

    def _bump_generation(self, conn: Connection) -> int:
        value = self.generation + 1
        bump = update(t.meta).where(t.meta.c.key == "generation").values(value=str(value))
        if conn.execute(bump).rowcount == 0:
            conn.execute(insert(t.meta).values(key="generation", value=str(value)))
        return value

    def _write_failed(self, exc: DBAPIError) -> str:
        orig = exc.orig
        if self.server is not None:
            return "The last answer or change could not be saved. " + str(
                engines.server_error(self.server, exc, "write to")
            )
        if isinstance(orig, sqlite3.Error) and backups.is_damage(orig):
            return (
                f"The progress database in {self.data_dir} is damaged ({orig}); the last change was not "
                "saved. Close quizapp and start it again: it will restore the newest good backup."
            )
        reason = backups.access_message(self.data_dir, orig if orig is not None else exc)
        return "The last answer or change could not be saved. " + reason.replace(
            " Nothing in the folder was changed or removed.", ""
        )
