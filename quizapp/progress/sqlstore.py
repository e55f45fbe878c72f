"""The store on SQLite (or a school's PostgreSQL server) through SQLAlchemy Core. Queries use only portable
constructs (no SQLite-only SQL); the SQLite-specific parts are the connection pragmas, the lock, the backups
and the integrity check, and a store opened on a server (``open_server``, see :mod:`engines`) has none."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    Row,
    String,
    Table,
    bindparam,
    case,
    create_engine,
    delete,
    event,
    false,
    func,
    insert,
    or_,
    select,
    true,
    update,
)
from sqlalchemy import cast as sql_cast
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool
from sqlalchemy.sql.elements import ColumnElement

from quizapp.progress import backup as backups
from quizapp.progress import (
    checks,
    concurrency,
    engines,
    filemodes,
    learnerdata,
    migrations,
    seen,
    server_answer,
)
from quizapp.progress import schema as t
from quizapp.progress.errors import (
    AnswerNotSavedError,
    BundleError,
    DatabaseDamagedError,
    DuplicateNameError,
    InvalidValueError,
    NetworkShareError,
    NotFoundError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
)
from quizapp.progress.learnerdata import merge_progress
from quizapp.progress.lock import LOCK_FILE_NAME, WriterLock
from quizapp.progress.netfs import network_share_message, network_share_reason
from quizapp.progress.records import (
    DEFAULT_TEXT_SIZE,
    QUESTION_TYPES,
    RATINGS,
    RUN_KINDS,
    STAGES,
    Attempt,
    BackupInfo,
    ClassSummary,
    Learner,
    LookAlike,
    MergedLearner,
    MergeReport,
    ModuleProgress,
    NewLearner,
    OpenReport,
    PackRecord,
    QuestionStat,
    QuizRun,
    QuizState,
    Rating,
    RecoveryInfo,
    ResumePoint,
    RunKind,
    SchoolClass,
    Stage,
    Status,
    SummaryCell,
    WrongAnswer,
    to_utc_iso,
    utc_now,
)
from quizapp.progress.seen import ResetMark
from quizapp.progress.store import DB_FILE_NAME, UNSET, Moment, Store, Unset

_retrying = concurrency.retrying  # write methods run again after a server deadlock/serialization failure
CLASS_NAMES_LOCK_KEY = 0x51434C53  # "QCLS": taken while a class name is checked and written (server)
MERGE_LOCK_KEY = 0x514D5247  # "QMRG": taken by an import (merge) on a server, so two never interleave

_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,79}$")
_SPACES = re.compile(r"\s+")
BACKUP_INTERVAL = timedelta(days=1)
Clock = Callable[[], datetime]
BIG_DATABASE = 64 * 1024 * 1024  # above this, one full backup copy a day at most
COUNTER_KEY = "device_counter"  # meta: this device's counter, raised in each write that matters (seen.py)
BACKUP_CHECK_SECONDS = 3600.0  # while open, look at most hourly whether the daily backup is due
MIN_TEXT_SIZE, MAX_TEXT_SIZE = 50, 400


def normalise_name(name: str) -> str:
    """How names are compared: spacing collapsed, case folded."""
    return _SPACES.sub(" ", name).strip().casefold()


def _clean_name(value: str, what: str, max_len: int) -> str:
    text = _SPACES.sub(" ", value or "").strip()
    if not text:
        raise InvalidValueError(f"The {what} cannot be empty.")
    if len(text) > max_len:
        raise InvalidValueError(f"The {what} is too long ({len(text)} characters; at most {max_len}).")
    if any(ord(ch) < 32 for ch in text):
        raise InvalidValueError(f"The {what} contains control characters.")
    return text


def _clean_detail(value: str, max_len: int) -> str:
    """A father's name or roll number: may be empty; the same spacing rules as a name, and cut to fit."""
    text = _SPACES.sub(" ", value or "").strip()
    if any(ord(ch) < 32 for ch in text):
        raise InvalidValueError("A father's name or roll number contains control characters.")
    return text[:max_len]


def _check_language(code: str) -> str:
    if not _LANG_RE.match(code):
        raise InvalidValueError(f"{code!r} is not a language code such as 'en' or 'ur'.")
    return code


def _check_slug(value: str, what: str) -> str:
    if not isinstance(value, str) or not _SLUG_RE.match(value):
        raise InvalidValueError(f"{value!r} is not a valid {what} (lower-case letters, digits, '-' and '_').")
    return value


def _check_version(value: str) -> str:
    if not isinstance(value, str) or not 1 <= len(value) <= 20:
        raise InvalidValueError(f"{value!r} is not a valid pack version.")
    return value


def _check_text_size(size: int) -> int:
    if not isinstance(size, int) or not MIN_TEXT_SIZE <= size <= MAX_TEXT_SIZE:
        raise InvalidValueError(f"Text size must be a percent from {MIN_TEXT_SIZE} to {MAX_TEXT_SIZE}.")
    return size


def _check_avatar(avatar_id: str) -> str:
    if len(avatar_id) > 64:
        raise InvalidValueError("The avatar id is too long (at most 64 characters).")
    return avatar_id


def _new_id() -> str:
    return str(uuid.uuid4())


# ------------------------------------------------------------------------------------------- row mapping
def _class(row: Row[Any]) -> SchoolClass:
    m = row._mapping
    return SchoolClass(m["id"], m["name"], bool(m["archived"]), m["created_at"], m["updated_at"])


def _learner(row: Row[Any]) -> Learner:
    m = row._mapping
    return Learner(
        m["id"],
        m["display_name"],
        m["class_id"],
        m["language"],
        m["avatar_id"],
        int(m["text_size"]),
        bool(m["archived"]),
        m["created_at"],
        m["updated_at"],
        m["progress_reset_at"],
        m["father_name"] or "",
        m["roll_number"] or "",
        m["progress_reset_seen"],
    )


def _attempt(row: Row[Any]) -> Attempt:
    m = row._mapping
    return Attempt(
        m["id"],
        m["learner_id"],
        m["quiz_run_id"],
        m["pack_id"],
        m["pack_version"],
        m["module_id"],
        m["question_id"],
        m["question_type"],
        m["answer_json"],
        None if m["correct"] is None else bool(m["correct"]),
        cast(Rating | None, m["rating"]),
        float(m["points_earned"]),
        float(m["points_possible"]),
        int(m["time_ms"]),
        m["answered_at"],
        cast(RunKind, m["kind"]),
    )


def _order(text: str) -> tuple[str, ...]:
    value = json.loads(text) if text else []
    return tuple(str(v) for v in value)


def _run(row: Row[Any]) -> QuizRun:
    m = row._mapping
    return QuizRun(
        m["id"],
        m["learner_id"],
        m["pack_id"],
        m["pack_version"],
        m["module_id"],
        _order(m["question_order"]),
        m["started_at"],
        m["finished_at"],
        None if m["score_percent"] is None else float(m["score_percent"]),
        None if m["passed"] is None else bool(m["passed"]),
        m["updated_at"],
        cast(RunKind, m["kind"]),
    )


def _progress(row: Row[Any]) -> ModuleProgress:
    m = row._mapping
    return ModuleProgress(
        learner_id=m["learner_id"],
        pack_id=m["pack_id"],
        module_id=m["module_id"],
        pack_version=m["pack_version"],
        lesson_read=bool(m["lesson_read"]),
        lesson_position=int(m["lesson_position"]),
        quiz_state=cast(QuizState, m["quiz_state"]),
        quiz_run_id=m["quiz_run_id"],
        question_order=_order(m["question_order"]),
        question_index=int(m["question_index"]),
        best_score=None if m["best_score"] is None else float(m["best_score"]),
        passed=bool(m["passed"]),
        completed_at=m["completed_at"],
        updated_at=m["updated_at"],
    )


def _resume(row: Row[Any]) -> ResumePoint:
    m = row._mapping
    return ResumePoint(
        m["learner_id"],
        m["pack_id"],
        m["module_id"],
        cast(Stage, m["stage"]),
        int(m["position"]),
        m["updated_at"],
    )


def _pack(row: Row[Any]) -> PackRecord:
    m = row._mapping
    try:
        title = json.loads(m["title"])
    except ValueError:
        title = {"": m["title"]}
    if not isinstance(title, dict):
        title = {"": str(title)}
    return PackRecord(
        m["id"],
        m["version"],
        {str(k): str(v) for k, v in title.items()},
        m["folder"],
        m["installed_at"],
        bool(m["enabled"]),
    )


def _progress_values(p: ModuleProgress, updated_at: str) -> dict[str, Any]:
    return {
        "learner_id": p.learner_id,
        "pack_id": p.pack_id,
        "module_id": p.module_id,
        "pack_version": p.pack_version,
        "lesson_read": p.lesson_read,
        "lesson_position": p.lesson_position,
        "quiz_state": p.quiz_state,
        "quiz_run_id": p.quiz_run_id,
        "question_order": json.dumps(list(p.question_order)),
        "question_index": p.question_index,
        "best_score": p.best_score,
        "passed": p.passed,
        "completed_at": p.completed_at,
        "updated_at": updated_at,
    }


# ------------------------------------------------------------------------------------------- connecting
def _make_engine(db_path: Path, read_only: bool) -> Engine:
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


class SqlStore(Store):
    """SQLite (WAL, synchronous=FULL) through SQLAlchemy Core; one connection, guarded by a lock."""

    def __init__(
        self,
        *,
        data_dir: Path,
        db_path: Path,
        engine: Engine,
        conn: Connection,
        lock: WriterLock | None,
        read_only: bool,
        database_id: str,
        clock: Clock | None = None,
        generation: int = 0,
        counter: int = 0,
        server: engines.ServerUrl | None = None,
    ) -> None:
        self._data_dir = data_dir
        self._counter = counter  # this device's counter (see seen.py): the last value committed
        self._tx_counter: int | None = None  # the value of the write transaction under way, once raised
        self._server = server  # a school server: no file lock, no backups by quizapp, no integrity check
        self._clock: Clock = clock or (lambda: datetime.now(UTC))
        self._generation = generation  # grows once per session that changes something (see _write)
        self.write_error: str | None = None  # why the last change could not be saved, for the teacher
        self._db_path = db_path
        self._engine = engine
        self._conn = conn
        self._writer_lock = lock
        self._read_only = read_only
        self._database_id = database_id
        self._mutex = threading.RLock()
        self._dirty = False
        self._closed = False
        self._next_backup_check = 0.0  # monotonic time; the first write checks
        self.backup_error: str | None = None  # the last automatic backup's failure, for the UI to show
        self._runs: dict[str, tuple[str, str, str, RunKind]] = {}  # run id -> (learner, pack, module, kind)
        # statements of the answer path, built once (building them per call costs more than running them)
        mp = t.module_progress.c
        self._insert_attempt = insert(t.attempts)
        self._update_position = (
            update(t.module_progress)
            .where(
                mp.learner_id == bindparam("w_learner"),
                mp.pack_id == bindparam("w_pack"),
                mp.module_id == bindparam("w_module"),
                mp.quiz_run_id == bindparam("w_run"),
            )
            .values(
                question_index=bindparam("v_index"),
                updated_at=bindparam("v_now"),
                origin_device=bindparam("v_device"),
                origin_counter=bindparam("v_counter"),
            )
        )
        # upserts: on a school server two PCs may create the same row at once (concurrency.py)
        dialect = engine.dialect.name
        self._is_server_db = dialect == "postgresql"
        self._upsert_resume = concurrency.upsert(dialect, t.resume_points, ["learner_id"])
        self._upsert_progress = concurrency.upsert(
            dialect, t.module_progress, ["learner_id", "pack_id", "module_id"]
        )
        self._upsert_setting = concurrency.upsert(dialect, t.settings, ["key"])
        self._upsert_pack = concurrency.upsert(
            dialect, t.packs, ["id"], ["version", "title", "folder", "enabled"]
        )
        # a quiz answer on a server: one statement (server_answer.py)
        self._answer_on_server = (
            {
                positioned: server_answer.answer_statement(positioned=positioned)
                for positioned in (False, True)
            }
            if self._is_server_db
            else None
        )
        # raised in the database, not from a value kept here: on a school server many PCs write at once;
        # one statement whether or not the row is there yet (two PCs' first writes cannot both insert it)
        counter_row = concurrency.dialect_insert(dialect, t.meta)
        self._bump_counter = counter_row.on_conflict_do_update(
            index_elements=["key"], set_={"value": sql_cast(sql_cast(t.meta.c.value, BigInteger) + 1, String)}
        ).returning(t.meta.c.value)

    # ------------------------------------------------------------------------------------------ opening
    @classmethod
    def open_folder(
        cls,
        data_dir: Path,
        *,
        read_only: bool,
        fallback_read_only: bool,
        check_network: bool,
        clock: Clock | None = None,
    ) -> SqlStore:
        data_dir = Path(os.path.abspath(data_dir))
        try:
            return cls._open_folder(data_dir, read_only, fallback_read_only, check_network, clock)
        except OSError as exc:  # a folder this account may not even look into, a disk that went away
            raise backups.access_error(data_dir, exc) from exc

    @classmethod
    def _open_folder(
        cls,
        data_dir: Path,
        read_only: bool,
        fallback_read_only: bool,
        check_network: bool,
        clock: Clock | None,
    ) -> SqlStore:
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
                    "quizapp is already open in another window, so this one can show progress "
                    "but not change it."
                )
        if read_only and not db_path.exists():
            raise StoreError(f"There is no quizapp progress data in {data_dir} yet.")
        if not read_only:
            db = DB_FILE_NAME
            filemodes.tighten(data_dir, (db, f"{db}-wal", f"{db}-shm", LOCK_FILE_NAME, "backups", "logs"))
        try:
            return cls._open_db(data_dir, db_path, lock, read_only, messages, clock)
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_db(
        cls,
        data_dir: Path,
        db_path: Path,
        lock: WriterLock | None,
        read_only: bool,
        messages: list[str],
        clock: Clock | None = None,
    ) -> SqlStore:
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

        engine = _make_engine(db_path, read_only)
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
                database_id = cls._meta(conn, "database_id") or ""
                conn.rollback()
            else:
                if 0 < version < t.SCHEMA_VERSION:
                    backups.make_backup(cast(sqlite3.Connection, conn.connection.dbapi_connection), folder)
                with conn.begin():
                    migrated_from = migrations.upgrade(conn)
                    database_id = cls._meta(conn, "database_id") or ""
                    if not database_id:
                        database_id = _new_id()
                        conn.execute(insert(t.meta).values(key="database_id", value=database_id))
                    elif recovery is not None and recovery.restored_from is not None:
                        # a restored backup's counter is behind numbers this computer already gave out
                        # (and other computers may have seen): go on as a new device (see seen.py)
                        database_id = _new_id()
                    # a database this account cannot write is found now, not at a child's first answer
                    probe = update(t.meta).where(t.meta.c.key == "database_id")
                    conn.execute(probe.values(value=database_id))
            generation = int(cls._meta(conn, "generation") or 0)
            counter = int(cls._meta(conn, COUNTER_KEY) or 0)
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
                return cls._open_db(data_dir, db_path, None, True, messages, clock)
            raise backups.access_error(data_dir, orig or exc) from exc
        except OSError as exc:
            conn.close()
            engine.dispose()
            raise backups.access_error(data_dir, exc) from exc
        except BaseException:
            conn.close()
            engine.dispose()
            raise
        store = cls(
            data_dir=data_dir,
            db_path=db_path,
            engine=engine,
            conn=conn,
            lock=lock,
            read_only=read_only,
            database_id=database_id,
            clock=clock,
            generation=generation,
            counter=counter,
        )
        if migrated_from:
            messages.append(
                f"The progress data was upgraded from version {migrated_from} to {t.SCHEMA_VERSION}."
            )
        store.open_report = OpenReport(
            data_dir=data_dir,
            db_path=db_path,
            read_only=read_only,
            created=created,
            schema_version=t.SCHEMA_VERSION,
            migrated_from=migrated_from if migrated_from else None,
            recovery=recovery,
            messages=tuple(messages),
        )
        return store

    @classmethod
    def open_server(
        cls, server: engines.ServerUrl, data_dir: Path, *, read_only: bool = False, clock: Clock | None = None
    ) -> SqlStore:
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
                database_id = cls._meta(conn, "database_id") or ""
                if not database_id and not read_only:
                    database_id = _new_id()
                    conn.execute(insert(t.meta).values(key="database_id", value=database_id))
        except DBAPIError as exc:
            conn.close()
            engine.dispose()
            raise engines.server_error(server, exc, "use") from None
        except BaseException:
            conn.close()
            engine.dispose()
            raise
        store = cls(
            data_dir=data_dir,
            db_path=Path(server.masked()),
            engine=engine,
            conn=conn,
            lock=None,
            read_only=read_only,
            database_id=database_id,
            clock=clock,
            server=server,
        )
        messages: list[str] = []
        if migrated_from:
            messages.append(
                f"The database on {server.host} was upgraded from version {migrated_from} to "
                f"{t.SCHEMA_VERSION}."
            )
        store.open_report = OpenReport(
            data_dir=data_dir,
            db_path=Path(server.masked()),
            read_only=read_only,
            created=migrated_from == 0,
            schema_version=t.SCHEMA_VERSION,
            migrated_from=migrated_from if migrated_from else None,
            messages=tuple(messages),
        )
        return store

    @staticmethod
    def _meta(conn: Connection, key: str) -> str | None:
        value = conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar_one_or_none()
        return None if value is None else str(value)

    @property
    def data_dir(self) -> Path:
        return self._data_dir

    @property
    def db_path(self) -> Path:
        return self._db_path

    @property
    def read_only(self) -> bool:
        return self._read_only

    @property
    def location(self) -> str:
        return self._server.masked() if self._server else str(self._data_dir)

    @property
    def database_id(self) -> str:
        return self._database_id

    def close(self) -> None:
        with self._mutex:
            if self._closed:
                return
            try:
                if self._server is None and not self._read_only and (self._dirty or not self.list_backups()):
                    self._backup_if_due(closing=True)
            except (sqlite3.Error, OSError) as exc:  # a full disk at closing: the answers are in the database
                self.backup_error = self._backup_failed(exc)
            finally:
                self._closed = True
                self._conn.close()
                self._engine.dispose()
                if self._writer_lock is not None:
                    self._writer_lock.release()

    # --------------------------------------------------------------------------------------- plumbing
    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._mutex:
            self._check_open()
            try:
                with self._conn.begin():
                    yield self._conn
            except DBAPIError as exc:
                if self._server is None:
                    raise
                raise engines.server_error(self._server, exc, "read from") from None

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._mutex:
            self._check_open()
            if self._read_only:
                raise StoreReadOnlyError(self._read_only_reason())
            generation = self._generation
            self._tx_counter = None
            try:
                with self._conn.begin():  # one transaction per change (one answer, one roster...)
                    if not self._dirty and self._server is None:  # a new generation of the file's data
                        generation = self._bump_generation(self._conn)
                    yield self._conn
            except DBAPIError as exc:
                self.write_error = self._write_failed(exc)
                raise AnswerNotSavedError(self.write_error) from exc
            finally:
                committed, self._tx_counter = self._tx_counter, None
            if committed is not None:
                self._counter = committed
            self._generation = generation
            self.write_error = None
            self._dirty = True
            if self._server is None and time.monotonic() >= self._next_backup_check:
                self._next_backup_check = time.monotonic() + BACKUP_CHECK_SECONDS
                self._automatic_backup()

    def _automatic_backup(self) -> None:
        """The daily backup of a long session; a failure is recorded, never raised into an answer."""
        with contextlib.suppress(sqlite3.Error, OSError):  # kept in backup_error
            self.backup_if_due()

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("The progress store is closed.")

    # ---------------------------------------------------------------------------------------- backups
    def _raw(self) -> sqlite3.Connection:
        return cast(sqlite3.Connection, self._conn.connection.dbapi_connection)

    def _bump_generation(self, conn: Connection) -> int:
        value = self._generation + 1
        bump = update(t.meta).where(t.meta.c.key == "generation").values(value=str(value))
        if conn.execute(bump).rowcount == 0:
            conn.execute(insert(t.meta).values(key="generation", value=str(value)))
        return value

    def _now(self) -> str:
        """The store's clock as stamp text (learners' activity; the clock is injectable for tests)."""
        return to_utc_iso(self._clock())

    def _origin(self, conn: Connection) -> dict[str, Any]:
        """The (device, counter) of this write transaction, for the records it writes: the device's counter
        is raised once per transaction, in it (see seen.py)."""
        if self._tx_counter is None:
            first = {"key": COUNTER_KEY, "value": str(self._counter + 1)}  # when the row is not there yet
            self._tx_counter = int(conn.execute(self._bump_counter, first).scalar_one())
        return {"origin_device": self._database_id, "origin_counter": self._tx_counter}

    def _write_failed(self, exc: DBAPIError) -> str:
        orig = exc.orig
        if self._server is not None:
            return "The last answer or change could not be saved. " + str(
                engines.server_error(self._server, exc, "write to")
            )
        if isinstance(orig, sqlite3.Error) and backups.is_damage(orig):
            return (
                f"The progress database in {self._data_dir} is damaged ({orig}); the last change was not "
                "saved. Close quizapp and start it again: it will restore the newest good backup."
            )
        reason = backups.access_message(self._data_dir, orig if orig is not None else exc)
        return "The last answer or change could not be saved. " + reason.replace(
            " Nothing in the folder was changed or removed.", ""
        )

    def _backup_failed(self, exc: BaseException) -> str:
        return (
            f"The automatic backup of the progress data failed ({exc}). Answers are still being "
            "saved. Check that the disk has free space and that quizapp may write in "
            f"{backups.backup_dir(self._data_dir)}."
        )

    def _live_counts(self) -> tuple[int, int]:
        return backups._counts(self._raw())

    def _backup(self) -> Path:
        folder = backups.backup_dir(self._data_dir)
        newest = backups.list_backups(folder)
        if newest and newest[0].generation == self._generation and self._generation:
            self._dirty = False
            return newest[0].path  # nothing changed since: the newest backup is this data already
        path = backups.make_backup(self._raw(), folder, now=self._clock(), generation=self._generation)
        try:
            size = self._db_path.stat().st_size + self._wal_size()
        except OSError:
            size = None
        backups.prune(folder, live=self._live_counts(), db_size=size)
        self._dirty = False
        return path

    def _wal_size(self) -> int:
        try:
            return Path(str(self._db_path) + "-wal").stat().st_size
        except OSError:
            return 0

    def _backup_if_due(self, *, closing: bool = False) -> Path | None:
        """None when nothing changed since the newest backup. At most one copy is kept per day (by this
        store's clock): closing after changes replaces today's copy while the database is small; a large one
        (over ``BIG_DATABASE`` bytes) gets one full copy a day and no more."""
        existing = self.list_backups()
        replace = None
        if existing:
            newest = existing[0]
            if newest.generation == self._generation and self._generation:
                self._dirty = False
                return None
            today = self._clock().astimezone().date()
            if newest.taken_at.astimezone().date() == today:
                try:
                    big = self._db_path.stat().st_size + self._wal_size() > BIG_DATABASE
                except OSError:
                    big = True
                if not closing or big or newest.pinned:
                    return None
                replace = newest
        path = self._backup()
        if replace is not None and replace.path != path:
            with contextlib.suppress(OSError):
                replace.path.unlink()
        return path

    def backup_now(self) -> Path | None:
        with self._mutex:
            self._check_open()
            if self._server is not None:
                return None  # the server is backed up on the server (pg_dump), not by each lab PC
            if self._read_only:
                raise StoreReadOnlyError(self._read_only_reason())
            return self._backup()

    def _read_only_reason(self) -> str:
        for message in (getattr(self, "open_report", None) and self.open_report.messages) or ():
            if "may read but not write" in message:
                return message.replace(" Nothing in the folder was changed or removed.", "") + (
                    " Nothing was changed."
                )
        return "This quizapp window can only show progress: another quizapp has the data open."

    def backup_if_due(self) -> Path | None:
        with self._mutex:
            self._check_open()
            if self._read_only or self._server is not None:
                return None
            existing = self.list_backups()
            if existing and not self._dirty:
                return None
            try:
                path = self._backup_if_due()
            except (sqlite3.Error, OSError) as exc:
                self.backup_error = self._backup_failed(exc)
                raise
            self.backup_error = None
            return path

    def list_backups(self) -> list[BackupInfo]:
        if self._server is not None:
            return []  # the server's backups are the server's (pg_dump)
        return backups.list_backups(backups.backup_dir(self._data_dir))

    # ---------------------------------------------------------------------------------------- classes
    def _active_class_named(self, conn: Connection, name: str, exclude_id: str | None = None) -> str | None:
        wanted = normalise_name(name)
        rows = conn.execute(select(t.classes.c.id, t.classes.c.name).where(t.classes.c.archived == false()))
        for cid, cname in rows:
            if cid != exclude_id and normalise_name(cname) == wanted:
                return str(cid)
        return None

    def _lock_class_names(self, conn: Connection) -> None:
        """On a server, one PC at a time checks a class name and writes it (names are compared normalised,
        which no unique index can do); SQLite has one writer anyway."""
        if self._is_server_db:
            conn.execute(select(func.pg_advisory_xact_lock(CLASS_NAMES_LOCK_KEY)))

    @_retrying
    def create_class(self, name: str) -> SchoolClass:
        name = _clean_name(name, "class name", 100)
        now = utc_now()
        cid = _new_id()
        with self._write() as conn:
            self._lock_class_names(conn)
            if self._active_class_named(conn, name):
                raise DuplicateNameError(f"There is already a class called {name!r}.")
            conn.execute(
                insert(t.classes).values(id=cid, name=name, archived=False, created_at=now, updated_at=now)
            )
        return SchoolClass(cid, name, False, now, now)

    def list_classes(self, *, include_archived: bool = False) -> list[SchoolClass]:
        query = select(t.classes)
        if not include_archived:
            query = query.where(t.classes.c.archived == false())
        with self._read() as conn:
            found = [_class(r) for r in conn.execute(query)]
        return sorted(found, key=lambda c: (normalise_name(c.name), c.id))

    def _get_class(self, conn: Connection, class_id: str) -> SchoolClass:
        row = conn.execute(select(t.classes).where(t.classes.c.id == class_id)).first()
        if row is None:
            raise NotFoundError(f"There is no class with id {class_id}.")
        return _class(row)

    def get_class(self, class_id: str) -> SchoolClass:
        with self._read() as conn:
            return self._get_class(conn, class_id)

    def find_class(self, name: str) -> SchoolClass | None:
        with self._read() as conn:
            cid = self._active_class_named(conn, name)
            return None if cid is None else self._get_class(conn, cid)

    @_retrying
    def rename_class(self, class_id: str, name: str) -> SchoolClass:
        name = _clean_name(name, "class name", 100)
        with self._write() as conn:
            self._lock_class_names(conn)
            self._get_class(conn, class_id)
            if self._active_class_named(conn, name, exclude_id=class_id):
                raise DuplicateNameError(f"There is already a class called {name!r}.")
            conn.execute(
                update(t.classes).where(t.classes.c.id == class_id).values(name=name, updated_at=utc_now())
            )
            return self._get_class(conn, class_id)

    @_retrying
    def archive_class(self, class_id: str, archived: bool = True) -> SchoolClass:
        with self._write() as conn:
            self._lock_class_names(conn)
            current = self._get_class(conn, class_id)
            if not archived and self._active_class_named(conn, current.name, exclude_id=class_id):
                raise DuplicateNameError(
                    f"Another class is now called {current.name!r}; "
                    "rename one of them before bringing this back."
                )
            conn.execute(
                update(t.classes)
                .where(t.classes.c.id == class_id)
                .values(archived=archived, updated_at=utc_now())
            )
            return self._get_class(conn, class_id)

    # --------------------------------------------------------------------------------------- learners
    @_retrying
    def create_learner(
        self,
        display_name: str,
        *,
        class_id: str | None = None,
        language: str = "en",
        avatar_id: str = "",
        text_size: int = DEFAULT_TEXT_SIZE,
        father_name: str = "",
        roll_number: str = "",
    ) -> Learner:
        learner = Learner(
            id=_new_id(),
            display_name=_clean_name(display_name, "name", 60),
            class_id=class_id,
            language=_check_language(language),
            avatar_id=_check_avatar(avatar_id),
            text_size=_check_text_size(text_size),
            archived=False,
            created_at=utc_now(),
            updated_at=utc_now(),
            father_name=_clean_detail(father_name, 60),
            roll_number=_clean_detail(roll_number, 20),
        )
        with self._write() as conn:
            if class_id is not None:
                self._get_class(conn, class_id)
            conn.execute(insert(t.learners).values(_learner_values(learner)))
        return learner

    @_retrying
    def create_learners(
        self,
        people: Sequence[tuple[str, str] | NewLearner],
        *,
        class_id: str | None = None,
        language: str = "en",
    ) -> list[Learner]:
        now = utc_now()
        language = _check_language(language)
        wanted = [p if isinstance(p, NewLearner) else NewLearner(p[0], p[1]) for p in people]
        learners = [
            Learner(
                id=_new_id(),
                display_name=_clean_name(person.display_name, "name", 60),
                class_id=person.class_id or class_id,
                language=language,
                avatar_id=_check_avatar(person.avatar_id),
                text_size=DEFAULT_TEXT_SIZE,
                archived=False,
                created_at=now,
                updated_at=now,
                father_name=_clean_detail(person.father_name, 60),
                roll_number=_clean_detail(person.roll_number, 20),
            )
            for person in wanted
        ]
        if learners:
            with self._write() as conn:
                for cid in {learner.class_id for learner in learners} - {None}:
                    self._get_class(conn, cid)  # type: ignore[arg-type]
                conn.execute(insert(t.learners), [_learner_values(learner) for learner in learners])
        return learners

    def list_learners(self, class_id: str | None = None, *, include_archived: bool = False) -> list[Learner]:
        query = select(t.learners)
        if class_id is not None:
            query = query.where(t.learners.c.class_id == class_id)
        if not include_archived:
            query = query.where(t.learners.c.archived == false())
        with self._read() as conn:
            found = [_learner(r) for r in conn.execute(query)]
        return sorted(found, key=lambda x: (normalise_name(x.display_name), x.id))

    def _get_learner(self, conn: Connection, learner_id: str) -> Learner:
        row = conn.execute(select(t.learners).where(t.learners.c.id == learner_id)).first()
        if row is None:
            raise NotFoundError(f"There is no learner with id {learner_id}.")
        return _learner(row)

    def get_learner(self, learner_id: str) -> Learner:
        with self._read() as conn:
            return self._get_learner(conn, learner_id)

    def update_learner(
        self,
        learner_id: str,
        *,
        display_name: str | Unset = UNSET,
        class_id: str | Unset | None = UNSET,
        language: str | Unset = UNSET,
        avatar_id: str | Unset = UNSET,
        text_size: int | Unset = UNSET,
        father_name: str | Unset = UNSET,
        roll_number: str | Unset = UNSET,
    ) -> Learner:
        values: dict[str, Any] = {}
        if not isinstance(display_name, Unset):
            values["display_name"] = _clean_name(display_name, "name", 60)
        if not isinstance(father_name, Unset):
            values["father_name"] = _clean_detail(father_name, 60)
        if not isinstance(roll_number, Unset):
            values["roll_number"] = _clean_detail(roll_number, 20)
        if not isinstance(language, Unset):
            values["language"] = _check_language(language)
        if not isinstance(avatar_id, Unset):
            values["avatar_id"] = _check_avatar(avatar_id)
        if not isinstance(text_size, Unset):
            values["text_size"] = _check_text_size(text_size)
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            if not isinstance(class_id, Unset):
                if class_id is not None:
                    self._get_class(conn, class_id)
                values["class_id"] = class_id
            if values:
                values["updated_at"] = utc_now()
                conn.execute(update(t.learners).where(t.learners.c.id == learner_id).values(values))
            return self._get_learner(conn, learner_id)

    def archive_learner(self, learner_id: str, archived: bool = True) -> Learner:
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            conn.execute(
                update(t.learners)
                .where(t.learners.c.id == learner_id)
                .values(archived=archived, updated_at=utc_now())
            )
            return self._get_learner(conn, learner_id)

    def delete_learner(self, learner_id: str) -> None:
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            learnerdata.delete_before(conn, learner_id, None)
            learnerdata.delete_settings(conn, learner_id)
            conn.execute(delete(t.learners).where(t.learners.c.id == learner_id))
            exists = conn.execute(
                select(t.deleted_records.c.id).where(
                    t.deleted_records.c.kind == "learner", t.deleted_records.c.id == learner_id
                )
            ).first()
            if exists is None:
                conn.execute(
                    insert(t.deleted_records).values(kind="learner", id=learner_id, deleted_at=utc_now())
                )
        self._forget_runs({learner_id})

    def _forget_runs(self, learner_ids: set[str]) -> None:
        """Drop cached run owners of learners whose runs were removed or moved."""
        self._runs = {k: v for k, v in self._runs.items() if v[0] not in learner_ids}

    def merge_learners(self, keep_id: str, merge_id: str) -> Learner:
        if keep_id == merge_id:
            raise InvalidValueError(
                "A learner cannot be merged with themselves: choose two different learners."
            )
        with self._write() as conn:
            kept = self._get_learner(conn, keep_id)
            merged = self._get_learner(conn, merge_id)
            learnerdata.fold_learner(conn, merged, kept, utc_now())
            result = self._get_learner(conn, keep_id)
        self._forget_runs({merge_id})
        return result

    def _reset(self, conn: Connection, learner_ids: list[str]) -> None:
        """Clear the learners' progress and record what the reset had seen: per device, the highest counter
        of the learner's records here (this device: the reset's own counter), joined with what earlier
        resets had seen. Other computers clear by that, not by the clock (see seen.py). The moment is for
        display, and for files without counters; it is never earlier than a record cleared here."""
        now = to_utc_iso(self._clock())
        origin = self._origin(conn)
        a, r = t.attempts.c, t.quiz_runs.c
        for learner_id in learner_ids:
            stamps = [
                conn.execute(select(func.max(a.answered_at)).where(a.learner_id == learner_id)).scalar(),
                conn.execute(select(func.max(r.updated_at)).where(r.learner_id == learner_id)).scalar(),
            ]
            newest = max((str(v) for v in stamps if v is not None), default="")
            mark = max(now, _after(newest)) if newest else now
            old = conn.execute(
                select(t.learners.c.progress_reset_seen).where(t.learners.c.id == learner_id)
            ).scalar()
            vector = seen.join(seen.parse(old), learnerdata.counters_held(conn, learner_id)) or {}
            vector[origin["origin_device"]] = origin["origin_counter"]
            learnerdata.clear_progress(conn, learner_id, None)
            conn.execute(
                update(t.learners)
                .where(t.learners.c.id == learner_id)
                .values(
                    progress_reset_at=mark,
                    progress_reset_seen=seen.dump(vector),
                    updated_at=max(now, mark),
                )
            )

    def reset_progress(self, learner_id: str) -> Learner:
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            self._reset(conn, [learner_id])
            result = self._get_learner(conn, learner_id)
        self._forget_runs({learner_id})
        return result

    def reset_class_progress(self, class_id: str) -> list[Learner]:
        with self._write() as conn:
            self._get_class(conn, class_id)
            ids = list(
                conn.execute(select(t.learners.c.id).where(t.learners.c.class_id == class_id)).scalars()
            )
            self._reset(conn, ids)
            found = [
                _learner(r) for r in conn.execute(select(t.learners).where(t.learners.c.class_id == class_id))
            ]
        self._forget_runs(set(ids))
        return sorted(found, key=lambda x: (normalise_name(x.display_name), x.id))

    # -------------------------------------------------------------------------------------- quiz runs
    @_retrying
    def start_quiz_run(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_order: Sequence[str],
        *,
        kind: RunKind = "quiz",
    ) -> QuizRun:
        if kind not in RUN_KINDS:
            raise InvalidValueError(f"Unknown run kind {kind!r}; use quiz, pre or post.")
        _check_slug(pack_id, "pack id")
        _check_slug(module_id, "module id")
        _check_version(pack_version)
        order = [_check_slug(q, "question id") for q in question_order]
        if not order:
            raise InvalidValueError("A quiz run needs at least one question.")
        now = self._now()
        run = QuizRun(
            _new_id(),
            learner_id,
            pack_id,
            pack_version,
            module_id,
            tuple(order),
            now,
            None,
            None,
            None,
            now,
            kind,
        )
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            conn.execute(
                insert(t.quiz_runs).values(
                    id=run.id,
                    learner_id=learner_id,
                    pack_id=pack_id,
                    pack_version=pack_version,
                    module_id=module_id,
                    question_order=json.dumps(order),
                    started_at=now,
                    finished_at=None,
                    score_percent=None,
                    passed=None,
                    updated_at=now,
                    kind=kind,
                    **self._origin(conn),
                )
            )
            if kind != "quiz":  # check questions leave the module's quiz progress and resume point alone
                self._runs[run.id] = (learner_id, pack_id, module_id, kind)
                return run
            old = self._progress_row(conn, learner_id, pack_id, module_id, lock=True)
            new = ModuleProgress(
                learner_id=learner_id,
                pack_id=pack_id,
                module_id=module_id,
                pack_version=pack_version,
                lesson_read=old.lesson_read,
                lesson_position=old.lesson_position,
                quiz_state="in_progress",
                quiz_run_id=run.id,
                question_order=tuple(order),
                question_index=0,
                best_score=old.best_score,
                passed=old.passed,
                completed_at=old.completed_at,
            )
            self._save_progress(conn, new, exists=old.updated_at is not None, now=now)
            self._save_resume(conn, learner_id, pack_id, module_id, "quiz", 0, now)
        self._runs[run.id] = (learner_id, pack_id, module_id, kind)
        return run

    def _run_owner(self, conn: Connection, run_id: str) -> tuple[str, str, str, RunKind]:
        owner = self._runs.get(run_id)
        if owner is None:
            r = t.quiz_runs.c
            row = conn.execute(
                select(r.learner_id, r.pack_id, r.module_id, r.kind).where(r.id == run_id)
            ).first()
            if row is None:
                raise NotFoundError(f"There is no quiz run with id {run_id}.")
            owner = (row[0], row[1], row[2], cast(RunKind, row[3]))
            self._runs[run_id] = owner
        return owner

    @_retrying
    def record_answer(
        self,
        *,
        learner_id: str,
        quiz_run_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_id: str,
        question_type: str,
        answer: Any,
        correct: bool | None,
        rating: Rating | None = None,
        points_earned: float,
        points_possible: float,
        time_ms: int,
        answered_at: Moment | None = None,
        next_index: int | None = None,
    ) -> Attempt:
        _check_slug(question_id, "question id")
        _check_version(pack_version)
        if question_type not in QUESTION_TYPES:
            raise InvalidValueError(f"Unknown question type {question_type!r}.")
        if rating is not None and rating not in RATINGS:
            raise InvalidValueError(f"Unknown scenario rating {rating!r}; use best, acceptable or unsafe.")
        if question_type == "scenario" and rating is None:
            raise InvalidValueError("A scenario answer needs its rating (best, acceptable or unsafe).")
        if question_type != "scenario" and correct is None:
            raise InvalidValueError("An answer needs correct=True or correct=False.")
        if not (0 <= points_earned <= points_possible):
            raise InvalidValueError(
                f"Points earned ({points_earned}) must be between 0 and {points_possible}."
            )
        if time_ms < 0:
            raise InvalidValueError("Time taken cannot be negative.")
        try:
            answer_json = json.dumps(answer, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise InvalidValueError(f"The answer cannot be stored as JSON: {exc}") from exc
        attempt = Attempt(
            id=_new_id(),
            learner_id=learner_id,
            quiz_run_id=quiz_run_id,
            pack_id=pack_id,
            pack_version=pack_version,
            module_id=module_id,
            question_id=question_id,
            question_type=question_type,
            answer_json=answer_json,
            correct=correct,
            rating=rating,
            points_earned=float(points_earned),
            points_possible=float(points_possible),
            time_ms=int(time_ms),
            answered_at=self._now() if answered_at is None else to_utc_iso(answered_at),
        )
        with self._write() as conn:
            owner = self._run_owner(conn, quiz_run_id)
            kind = owner[3]
            if owner[:3] != (learner_id, pack_id, module_id):
                raise InvalidValueError(
                    f"Quiz run {quiz_run_id} is not {learner_id}'s run of {pack_id}/{module_id}."
                )
            row = {
                "id": attempt.id,
                "learner_id": learner_id,
                "quiz_run_id": quiz_run_id,
                "pack_id": pack_id,
                "pack_version": pack_version,
                "module_id": module_id,
                "question_id": question_id,
                "question_type": question_type,
                "answer_json": answer_json,
                "correct": correct,
                "rating": rating,
                "points_earned": attempt.points_earned,
                "points_possible": attempt.points_possible,
                "time_ms": attempt.time_ms,
                "answered_at": attempt.answered_at,
                "kind": kind,
            }
            if self._answer_on_server is not None:  # one statement (server_answer.py)
                index = next_index if kind == "quiz" else None
                values = server_answer.parameters(
                    row,
                    counter_key=COUNTER_KEY,
                    first_value=self._counter + 1,
                    device=self._database_id,
                    next_index=index,
                    now=self._now(),
                )
                statement = self._answer_on_server[index is not None]
                self._tx_counter = int(conn.execute(statement, values).scalar_one())
                return attempt if kind == "quiz" else dataclasses.replace(attempt, kind=kind)
            conn.execute(self._insert_attempt, {**row, **self._origin(conn)})
            if kind != "quiz":
                return dataclasses.replace(attempt, kind=kind)
            if next_index is not None:
                now = self._now()
                where = {
                    "w_learner": learner_id,
                    "w_pack": pack_id,
                    "w_module": module_id,
                    "w_run": quiz_run_id,
                }
                origin = self._origin(conn)
                stamp = {"v_device": origin["origin_device"], "v_counter": origin["origin_counter"]}
                conn.execute(self._update_position, {**where, **stamp, "v_index": next_index, "v_now": now})
                self._save_resume(conn, learner_id, pack_id, module_id, "quiz", next_index, now)
        return attempt

    @_retrying
    def finish_quiz_run(self, quiz_run_id: str, *, score_percent: float, passed: bool) -> ModuleProgress:
        if not 0 <= score_percent <= 100:
            raise InvalidValueError(f"A score must be a percent from 0 to 100, not {score_percent}.")
        now = self._now()
        with self._write() as conn:
            run = self._get_run(conn, quiz_run_id)
            old = self._progress_row(conn, run.learner_id, run.pack_id, run.module_id, lock=True)
            if run.finished_at is not None:
                return old
            conn.execute(
                update(t.quiz_runs)
                .where(t.quiz_runs.c.id == quiz_run_id)
                .values(
                    finished_at=now,
                    score_percent=float(score_percent),
                    passed=passed,
                    updated_at=now,
                    **self._origin(conn),
                )
            )
            if run.kind != "quiz":  # a check's score is for the learning gain, not the module's progress
                return old
            best = score_percent if old.best_score is None else max(old.best_score, score_percent)
            current = old.quiz_run_id in (None, quiz_run_id)
            new = ModuleProgress(
                learner_id=run.learner_id,
                pack_id=run.pack_id,
                module_id=run.module_id,
                pack_version=run.pack_version if current else old.pack_version,
                lesson_read=old.lesson_read,
                lesson_position=old.lesson_position,
                quiz_state="finished" if current else old.quiz_state,
                quiz_run_id=quiz_run_id if current else old.quiz_run_id,
                question_order=run.question_order if current else old.question_order,
                question_index=len(run.question_order) if current else old.question_index,
                best_score=float(best),
                passed=old.passed or passed,
                completed_at=old.completed_at or (now if passed else None),
            )
            self._save_progress(conn, new, exists=old.updated_at is not None, now=now)
            if current:
                self._save_resume(conn, run.learner_id, run.pack_id, run.module_id, "results", 0, now)
            return self._progress_row(conn, run.learner_id, run.pack_id, run.module_id)

    def _get_run(self, conn: Connection, run_id: str) -> QuizRun:
        row = conn.execute(select(t.quiz_runs).where(t.quiz_runs.c.id == run_id)).first()
        if row is None:
            raise NotFoundError(f"There is no quiz run with id {run_id}.")
        return _run(row)

    def get_quiz_run(self, quiz_run_id: str) -> QuizRun:
        with self._read() as conn:
            return self._get_run(conn, quiz_run_id)

    def list_quiz_runs(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[QuizRun]:
        c = t.quiz_runs.c
        query = select(t.quiz_runs).where(c.learner_id == learner_id, c.kind.in_(list(kinds)))
        if pack_id is not None:
            query = query.where(c.pack_id == pack_id)
        if module_id is not None:
            query = query.where(c.module_id == module_id)
        with self._read() as conn:
            return [_run(r) for r in conn.execute(query.order_by(c.started_at, c.id))]

    def attempts_for_learner(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[Attempt]:
        c = t.attempts.c
        query = select(t.attempts).where(c.learner_id == learner_id, c.kind.in_(list(kinds)))
        if pack_id is not None:
            query = query.where(c.pack_id == pack_id)
        if module_id is not None:
            query = query.where(c.module_id == module_id)
        query = query.where(*_range(c.answered_at, since, until))
        with self._read() as conn:
            return [_attempt(r) for r in conn.execute(query.order_by(c.answered_at, c.id))]

    def attempts_for_run(self, quiz_run_id: str) -> list[Attempt]:
        c = t.attempts.c
        with self._read() as conn:
            rows = conn.execute(
                select(t.attempts).where(c.quiz_run_id == quiz_run_id).order_by(c.answered_at, c.id)
            )
            return [_attempt(r) for r in rows]

    # -------------------------------------------------------------------------------- module progress
    def _progress_row(
        self, conn: Connection, learner_id: str, pack_id: str, module_id: str, *, lock: bool = False
    ) -> ModuleProgress:
        """``lock``: read it to change it (on a server, another PC changing the same learner's module waits
        for this transaction instead of overwriting it with what it read before; SQLite ignores it)."""
        mp = t.module_progress.c
        query = select(t.module_progress).where(
            mp.learner_id == learner_id, mp.pack_id == pack_id, mp.module_id == module_id
        )
        row = conn.execute(query.with_for_update() if lock else query).first()
        return ModuleProgress(learner_id, pack_id, module_id) if row is None else _progress(row)

    def _save_progress(self, conn: Connection, p: ModuleProgress, *, exists: bool, now: str) -> None:
        # an upsert whatever ``exists`` says: another PC may have made the row since it was read
        conn.execute(self._upsert_progress, {**_progress_values(p, now), **self._origin(conn)})

    def _save_resume(
        self,
        conn: Connection,
        learner_id: str,
        pack_id: str,
        module_id: str,
        stage: Stage,
        position: int,
        now: str,
    ) -> None:
        conn.execute(  # one statement, and no "both PCs saw no row, both inserted" on a server
            self._upsert_resume,
            {
                "learner_id": learner_id,
                "pack_id": pack_id,
                "module_id": module_id,
                "stage": stage,
                "position": position,
                "updated_at": now,
                **self._origin(conn),
            },
        )

    def get_module_progress(self, learner_id: str, pack_id: str, module_id: str) -> ModuleProgress:
        with self._read() as conn:
            return self._progress_row(conn, learner_id, pack_id, module_id)

    def list_module_progress(self, learner_id: str, *, pack_id: str | None = None) -> list[ModuleProgress]:
        mp = t.module_progress.c
        query = select(t.module_progress).where(mp.learner_id == learner_id)
        if pack_id is not None:
            query = query.where(mp.pack_id == pack_id)
        with self._read() as conn:
            return [_progress(r) for r in conn.execute(query.order_by(mp.pack_id, mp.module_id))]

    @_retrying
    def save_lesson_position(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        position: int,
        *,
        read: bool = False,
    ) -> ModuleProgress:
        if position < 0:
            raise InvalidValueError("A lesson position cannot be negative.")
        _check_slug(pack_id, "pack id")
        _check_slug(module_id, "module id")
        _check_version(pack_version)
        now = self._now()
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            old = self._progress_row(conn, learner_id, pack_id, module_id, lock=True)
            new = ModuleProgress(
                learner_id=learner_id,
                pack_id=pack_id,
                module_id=module_id,
                pack_version=pack_version,
                lesson_read=old.lesson_read or read,
                lesson_position=position,
                quiz_state=old.quiz_state,
                quiz_run_id=old.quiz_run_id,
                question_order=old.question_order,
                question_index=old.question_index,
                best_score=old.best_score,
                passed=old.passed,
                completed_at=old.completed_at,
            )
            self._save_progress(conn, new, exists=old.updated_at is not None, now=now)
            self._save_resume(conn, learner_id, pack_id, module_id, "lesson", position, now)
            return self._progress_row(conn, learner_id, pack_id, module_id)

    def get_resume_point(self, learner_id: str) -> ResumePoint | None:
        with self._read() as conn:
            row = conn.execute(
                select(t.resume_points).where(t.resume_points.c.learner_id == learner_id)
            ).first()
            return None if row is None else _resume(row)

    @_retrying
    def set_resume_point(
        self, learner_id: str, pack_id: str, module_id: str, stage: Stage, position: int = 0
    ) -> ResumePoint:
        if stage not in STAGES:
            raise InvalidValueError(f"Unknown stage {stage!r}; use lesson, quiz or results.")
        if position < 0:
            raise InvalidValueError("A position cannot be negative.")
        _check_slug(pack_id, "pack id")
        _check_slug(module_id, "module id")
        now = self._now()
        with self._write() as conn:
            self._get_learner(conn, learner_id)
            self._save_resume(conn, learner_id, pack_id, module_id, stage, position, now)
        return ResumePoint(learner_id, pack_id, module_id, stage, position, now)

    def clear_resume_point(self, learner_id: str) -> None:
        with self._write() as conn:
            conn.execute(delete(t.resume_points).where(t.resume_points.c.learner_id == learner_id))

    # -------------------------------------------------------------------------------------- reporting
    def _learner_filter(self, class_id: str | None, include_archived: bool) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = []
        if class_id is not None:
            where.append(t.learners.c.class_id == class_id)
        if not include_archived:
            where.append(t.learners.c.archived == false())
        return where

    def class_summary(
        self,
        class_id: str | None = None,
        *,
        since: Moment | None = None,
        until: Moment | None = None,
        include_archived: bool = False,
    ) -> ClassSummary:
        learners = self.list_learners(class_id, include_archived=include_archived)
        who = self._learner_filter(class_id, include_archived)
        r, a, mp = t.quiz_runs.c, t.attempts.c, t.module_progress.c
        dated = since is not None or until is not None
        runs_q = (
            select(
                r.learner_id,
                r.pack_id,
                r.module_id,
                func.count(),
                func.max(r.score_percent),
                func.max(case((r.passed == true(), 1), else_=0)),
                func.max(r.updated_at),
            )
            .select_from(t.quiz_runs.join(t.learners, t.learners.c.id == r.learner_id))
            .where(*who, r.kind == "quiz", *_range(r.started_at, since, until))
            .group_by(r.learner_id, r.pack_id, r.module_id)
        )
        answers_q = (
            select(a.learner_id, a.pack_id, a.module_id, func.count(), func.max(a.answered_at))
            .select_from(t.attempts.join(t.learners, t.learners.c.id == a.learner_id))
            .where(*who, a.kind == "quiz", *_range(a.answered_at, since, until))
            .group_by(a.learner_id, a.pack_id, a.module_id)
        )
        progress_q = (
            select(
                mp.learner_id,
                mp.pack_id,
                mp.module_id,
                mp.lesson_read,
                mp.lesson_position,
                mp.quiz_state,
                mp.best_score,
                mp.passed,
                mp.updated_at,
            )
            .select_from(t.module_progress.join(t.learners, t.learners.c.id == mp.learner_id))
            .where(*who, *_range(mp.updated_at, since, until))
        )
        # key -> [runs, best, passed, answers, last activity, touched]
        acc: dict[tuple[str, str, str], list[Any]] = {}

        def slot(key: tuple[str, str, str]) -> list[Any]:
            found = acc.get(key)
            if found is None:
                found = acc[key] = [0, None, False, 0, None, False]
            return found

        def later(x: str | None, y: str | None) -> str | None:
            return y if x is None or (y is not None and y > x) else x

        with self._read() as conn:
            for lid, pid, mid, n, best, passed, last in conn.execute(runs_q):
                s = slot((lid, pid, mid))
                s[0], s[1], s[2], s[4] = int(n), None if best is None else float(best), bool(passed), last
            for lid, pid, mid, n, last in conn.execute(answers_q):
                s = slot((lid, pid, mid))
                s[3], s[4] = int(n), later(s[4], last)
            for lid, pid, mid, lesson_read, lesson_pos, state, best, passed, updated in conn.execute(
                progress_q
            ):
                s = slot((lid, pid, mid))
                s[5] = bool(lesson_read) or int(lesson_pos) > 0 or state != "not_started"
                s[4] = later(s[4], updated)
                if not dated:  # without a range the module's own record is the truth about passing
                    s[2] = s[2] or bool(passed)
                    if best is not None:
                        s[1] = float(best) if s[1] is None else max(s[1], float(best))
        cells: dict[tuple[str, str, str], SummaryCell] = {}
        for key, (runs, best, passed, answers, last, touched) in acc.items():
            status: Status = (
                "passed" if passed else ("in_progress" if runs or answers or touched else "not_started")
            )
            cells[key] = SummaryCell(key[0], key[1], key[2], status, best, runs, answers, last)
        modules = tuple(sorted({(k[1], k[2]) for k in cells}))
        return ClassSummary(class_id, tuple(learners), modules, cells)

    def question_stats(
        self,
        class_id: str | None = None,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        wrong_answers: int = 3,
    ) -> list[QuestionStat]:
        a = t.attempts.c
        where: list[ColumnElement[bool]] = [
            *self._learner_filter(class_id, False),
            a.kind == "quiz",
            *_range(a.answered_at, since, until),
        ]
        if pack_id is not None:
            where.append(a.pack_id == pack_id)
        if module_id is not None:
            where.append(a.module_id == module_id)
        is_wrong = or_(a.correct == false(), a.rating == "unsafe")
        joined = t.attempts.join(t.learners, t.learners.c.id == a.learner_id)
        totals_q = (
            select(
                a.pack_id,
                a.module_id,
                a.question_id,
                func.max(a.question_type),
                func.count(),
                func.sum(case((is_wrong, 1), else_=0)),
            )
            .select_from(joined)
            .where(*where)
            .group_by(a.pack_id, a.module_id, a.question_id)
        )
        wrong_q = (
            select(a.pack_id, a.module_id, a.question_id, a.answer_json, func.count())
            .select_from(joined)
            .where(*where, is_wrong)
            .group_by(a.pack_id, a.module_id, a.question_id, a.answer_json)
        )
        top: dict[tuple[str, str, str], list[WrongAnswer]] = {}
        with self._read() as conn:
            totals = conn.execute(totals_q).all()
            for pid, mid, qid, answer_json, n in conn.execute(wrong_q):
                top.setdefault((pid, mid, qid), []).append(WrongAnswer(answer_json, int(n)))
        stats = []
        for pid, mid, qid, qtype, n, wrong in totals:
            choices = sorted(top.get((pid, mid, qid), []), key=lambda w: (-w.count, w.answer_json))
            stats.append(
                QuestionStat(pid, mid, qid, qtype, int(n), int(wrong or 0), tuple(choices[:wrong_answers]))
            )
        stats.sort(key=lambda s: (-s.percent_wrong, -s.wrong, s.pack_id, s.module_id, s.question_id))
        return stats

    # ------------------------------------------------------------------------------------------ packs
    @_retrying
    def register_pack(
        self,
        pack_id: str,
        version: str,
        title: Mapping[str, str],
        folder: Path | str,
        *,
        enabled: bool = True,
    ) -> PackRecord:
        _check_slug(pack_id, "pack id")
        _check_version(version)
        now = utc_now()
        title_json = json.dumps(dict(title), ensure_ascii=False, sort_keys=True)
        with self._write() as conn:
            values = {"version": version, "title": title_json, "folder": str(folder), "enabled": enabled}
            # an upsert that keeps installed_at: two PCs may install the same pack at once
            conn.execute(self._upsert_pack, {"id": pack_id, "installed_at": now, **values})
            return _pack(conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).one())

    def list_packs(self, *, enabled_only: bool = False) -> list[PackRecord]:
        query = select(t.packs).order_by(t.packs.c.id)
        if enabled_only:
            query = query.where(t.packs.c.enabled == true())
        with self._read() as conn:
            return [_pack(r) for r in conn.execute(query)]

    def get_pack(self, pack_id: str) -> PackRecord | None:
        with self._read() as conn:
            row = conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).first()
            return None if row is None else _pack(row)

    def set_pack_enabled(self, pack_id: str, enabled: bool) -> PackRecord:
        with self._write() as conn:
            result = conn.execute(update(t.packs).where(t.packs.c.id == pack_id).values(enabled=enabled))
            if result.rowcount == 0:
                raise NotFoundError(f"There is no installed pack with id {pack_id}.")
            return _pack(conn.execute(select(t.packs).where(t.packs.c.id == pack_id)).one())

    def remove_pack(self, pack_id: str) -> None:
        with self._write() as conn:
            conn.execute(delete(t.packs).where(t.packs.c.id == pack_id))

    # --------------------------------------------------------------------------------------- settings
    def get_setting(self, key: str) -> str | None:
        with self._read() as conn:
            value = conn.execute(
                select(t.settings.c.value).where(t.settings.c.key == key)
            ).scalar_one_or_none()
            return None if value is None else str(value)

    @_retrying
    def set_setting(self, key: str, value: str | None) -> None:
        if not key or len(key) > 120:
            raise InvalidValueError("A setting name must be 1 to 120 characters.")
        with self._write() as conn:
            if value is None:
                conn.execute(delete(t.settings).where(t.settings.c.key == key))
                return
            conn.execute(self._upsert_setting, {"key": key, "value": value})

    @_retrying
    def increment_setting(self, key: str) -> int:
        if not key or len(key) > 120:
            raise InvalidValueError("A setting name must be 1 to 120 characters.")
        c = t.settings.c
        with self._write() as conn:
            # the row first (two PCs' first counts cannot both insert it), then read it locked, then count
            conn.execute(
                concurrency.dialect_insert(conn.dialect.name, t.settings)
                .values(key=key, value="0")
                .on_conflict_do_nothing(index_elements=["key"])
            )
            text = conn.execute(select(c.value).where(c.key == key).with_for_update()).scalar_one()
            try:
                value = max(0, int(text)) + 1
            except ValueError:
                value = 1
            conn.execute(update(t.settings).where(c.key == key).values(value=str(value)))
            return value

    # ---------------------------------------------------------------------------------- snapshot/merge
    def counts(self) -> dict[str, int]:
        with self._read() as conn:
            return {
                table.name: int(conn.execute(select(func.count()).select_from(table)).scalar_one())
                for table in t.metadata.sorted_tables
            }

    def export_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> dict[str, Any]:
        tables = ROSTER_TABLES if roster_only else SNAPSHOT_TABLES
        out: dict[str, Any] = {}
        with self._read() as conn:
            for table in tables:
                query = select(table).order_by(*table.primary_key.columns)
                if class_ids is not None and table is not t.learner_merges:  # merges: only ids, all kept
                    if table is t.classes:
                        query = query.where(t.classes.c.id.in_(list(class_ids)))
                    elif table is t.learners:
                        query = query.where(t.learners.c.class_id.in_(list(class_ids)))
                    else:
                        learners = select(t.learners.c.id).where(t.learners.c.class_id.in_(list(class_ids)))
                        query = query.where(table.c.learner_id.in_(learners))
                out[table.name] = [_jsonable(table, row) for row in conn.execute(query)]
        return out

    def iter_snapshot(
        self, *, roster_only: bool = False, class_ids: Sequence[str] | None = None
    ) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """Like ``export_snapshot`` but table by table (in sorted name order) and row by row, all from one
        consistent read; each table's rows must be used up before the next table is asked for."""
        tables = sorted(ROSTER_TABLES if roster_only else SNAPSHOT_TABLES, key=lambda x: x.name)
        with self._read() as conn:
            for table in tables:
                query = select(table).order_by(*table.primary_key.columns)
                if class_ids is not None and table is not t.learner_merges:
                    if table is t.classes:
                        query = query.where(t.classes.c.id.in_(list(class_ids)))
                    elif table is t.learners:
                        query = query.where(t.learners.c.class_id.in_(list(class_ids)))
                    else:
                        learners = select(t.learners.c.id).where(t.learners.c.class_id.in_(list(class_ids)))
                        query = query.where(table.c.learner_id.in_(learners))
                result = conn.execution_options(yield_per=2000).execute(query)
                yield table.name, (_jsonable(table, row) for row in result)

    def merge_snapshot(
        self,
        snapshot: Mapping[str, Any],
        *,
        source: str = "",
        streams: Streams | None = None,
        legacy_device: str = "",
    ) -> MergeReport:
        report = MergeReport(source=source)
        with self._write() as conn:
            if self._is_server_db:  # one import at a time: a second one sees what the first added
                conn.execute(select(func.pg_advisory_xact_lock(MERGE_LOCK_KEY)))
            _Merger(conn, report, legacy_device).merge(snapshot, streams)
        self._runs.clear()
        return report


ROSTER_TABLES: tuple[Table, ...] = (t.classes, t.learners, t.learner_merges)
SNAPSHOT_TABLES: tuple[Table, ...] = (
    *ROSTER_TABLES,
    t.quiz_runs,
    t.attempts,
    t.module_progress,
    t.resume_points,
)
BOOL_COLUMNS = {
    (table.name, c.name) for table in SNAPSHOT_TABLES for c in table.columns if c.type.python_type is bool
}


def _after(stamp: str) -> str:
    """The moment one millisecond after an ISO stamp written by this store."""
    return to_utc_iso(datetime.fromisoformat(stamp) + timedelta(milliseconds=1))


def _jsonable(table: Table, row: Row[Any]) -> dict[str, Any]:
    out = dict(row._mapping)
    for key, value in out.items():
        if value is not None and (table.name, key) in BOOL_COLUMNS:
            out[key] = bool(value)
    return out


def _range(column: Any, since: Moment | None, until: Moment | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(column >= to_utc_iso(since))
    if until is not None:
        where.append(column < to_utc_iso(until))
    return where


def _learner_values(learner: Learner) -> dict[str, Any]:
    return {
        "id": learner.id,
        "display_name": learner.display_name,
        "class_id": learner.class_id,
        "language": learner.language,
        "avatar_id": learner.avatar_id,
        "text_size": learner.text_size,
        "archived": learner.archived,
        "created_at": learner.created_at,
        "updated_at": learner.updated_at,
        "progress_reset_at": learner.progress_reset_at,
        "father_name": learner.father_name,
        "roll_number": learner.roll_number,
        "progress_reset_seen": learner.progress_reset_seen,
    }


Streams = Mapping[str, Callable[[], Iterable[list[dict[str, Any]]]]]
"""Tables too large to hold (quiz runs, answers): a function giving their validated rows in chunks."""


def _chunks(snap: Mapping[str, Any], streams: Streams | None, table: str) -> Iterable[list[dict[str, Any]]]:
    if streams is not None and table in streams:
        return streams[table]()
    rows = list(snap.get(table, []))
    return [rows] if rows else []


def _told_apart(local: Learner, incoming: dict[str, Any]) -> bool:
    """Two learners of the same name whose father's names or roll numbers are both known and differ are
    two children, not a look-alike to merge."""
    for attr in ("father_name", "roll_number"):
        mine, theirs = normalise_name(getattr(local, attr)), normalise_name(incoming.get(attr) or "")
        if mine and theirs and mine != theirs:
            return True
    return False


class _Merger:
    """Merges one validated snapshot inside the caller's transaction.

    Learner ids are first mapped through the merges known here and in the file (a learner merged into
    another is that other learner). Records from before a learner's last progress reset are left out, and a
    newer reset in the file clears this computer's older records of that learner.
    """

    def __init__(self, conn: Connection, report: MergeReport, legacy_device: str = "") -> None:
        self.conn = conn
        self.report = report
        self.legacy_device = legacy_device  # the device of records from files written before counters
        self.gone: set[str] = set()
        self.merges: dict[str, tuple[str, str | None]] = {}
        self.file_resets: dict[str, ResetMark] = {}
        self.resets: dict[str, ResetMark] = {}

    def _count(self, kind: str, table: str) -> None:
        bucket = self.report.added if kind == "added" else self.report.updated
        bucket[table] = bucket.get(table, 0) + 1

    def resolve(self, learner_id: str) -> str:
        return self.merges.get(learner_id, (learner_id, None))[0]

    def _local_learner_ids(self) -> set[str]:
        return set(self.conn.execute(select(t.learners.c.id)).scalars())

    def merge(self, snap: Mapping[str, Any], streams: Streams | None = None) -> None:
        deleted = {
            (k, i) for k, i in self.conn.execute(select(t.deleted_records.c.kind, t.deleted_records.c.id))
        }
        self.gone = {i for k, i in deleted if k == "learner"}
        self.merges = learnerdata.merge_map(self.conn)
        incoming_learners = list(snap.get("learners", []))
        self.file_resets = {
            x["id"]: ResetMark.of(x.get("progress_reset_at"), x.get("progress_reset_seen"))
            for x in incoming_learners
        }
        new_merges = self._merge_merges(snap.get("learner_merges", []))
        incoming_classes = {c["id"]: c for c in snap.get("classes", [])}
        local_classes = {r.id: r for r in (_class(x) for x in self.conn.execute(select(t.classes)))}
        self._merge_classes(incoming_classes.values(), local_classes)
        local_classes = {r.id: r for r in (_class(x) for x in self.conn.execute(select(t.classes)))}
        self._merge_learners(self._map_learners(incoming_learners), local_classes)
        self._fold(new_merges)
        lc = t.learners.c
        self.resets = {
            str(i): ResetMark.of(at, vector)
            for i, at, vector in self.conn.execute(
                select(lc.id, lc.progress_reset_at, lc.progress_reset_seen).where(
                    or_(lc.progress_reset_at.is_not(None), lc.progress_reset_seen.is_not(None))
                )
            )
        }
        dropped_runs: set[str] = set()
        for chunk in _chunks(snap, streams, "quiz_runs"):
            self._merge_runs(self._map_rows(chunk, "started_at", dropped=dropped_runs))
        for chunk in _chunks(snap, streams, "attempts"):
            self._merge_attempts(self._map_rows(chunk, "answered_at", skip_runs=dropped_runs))
        progress = self._map_rows(snap.get("module_progress", []), "updated_at")
        resume = self._map_rows(snap.get("resume_points", []), "updated_at")
        touched = self._merge_progress(progress)
        self._merge_resume(resume)
        for learner_id in sorted({lid for lid, _, _ in touched} & set(self.resets)):
            keys = [(p, m) for lid, p, m in touched if lid == learner_id]
            learnerdata.recompute_results(self.conn, learner_id, keys, only_runs=True)

    # ------------------------------------------------------------------------------------ learner ids
    def _merge_merges(self, incoming: list[dict[str, Any]]) -> list[str]:
        """Record the file's merges this computer does not know; return the merged ids newly recorded."""
        local = self._local_learner_ids()
        added: list[str] = []
        for x in incoming:
            merged_id = x["merged_id"]
            target = self.resolve(x["kept_id"])
            if (
                merged_id in self.merges  # known already: this computer's record stands
                or target == merged_id  # merged the other way round here
                or (target in self.gone and merged_id in local)  # would take a learner kept here away
            ):
                self.report.unchanged += 1
                continue
            reset_at = x.get("reset_at")
            learnerdata.record_merge(self.conn, merged_id, target, x["merged_at"], reset_at)
            self.merges = {k: (target if v == merged_id else v, r) for k, (v, r) in self.merges.items()}
            self.merges[merged_id] = (target, reset_at)
            added.append(merged_id)
            self._count("added", "learner_merges")
        return added

    def _map_learners(self, incoming: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The file's learner records to merge: deleted ones left out, merged ones mapped to the kept one."""
        local = self._local_learner_ids()
        in_file = {x["id"] for x in incoming}
        out: list[dict[str, Any]] = []
        for raw in incoming:
            x = {
                **raw,
                "progress_reset_at": raw.get("progress_reset_at"),
                "progress_reset_seen": raw.get("progress_reset_seen"),
            }
            target = self.resolve(x["id"])
            if x["id"] in self.gone or target in self.gone:
                self.report.skipped_deleted.append(f"{x['display_name']} ({x['id']})")
                continue
            if target != x["id"]:
                self.report.mapped.append(MergedLearner(x["display_name"], x["id"], target))
                if target in local or target in in_file:
                    continue
                x["id"] = target  # the kept learner is not here yet: this record becomes it
                local.add(target)
            out.append(x)
        return out

    def _fold(self, merged_ids: list[str]) -> None:
        """Merge learners of this computer that the file says were merged into another."""
        for merged_id in merged_ids:
            row = self.conn.execute(select(t.learners).where(t.learners.c.id == merged_id)).first()
            if row is None:
                continue
            merged = _learner(row)
            target = self.resolve(merged_id)
            kept_row = self.conn.execute(select(t.learners).where(t.learners.c.id == target)).first()
            if kept_row is None:  # the kept learner is not on this computer: this one becomes it
                kept = Learner(**{**_learner_values(merged), "id": target})
                self.conn.execute(insert(t.learners).values(_learner_values(kept)))
            else:
                kept = _learner(kept_row)
            learnerdata.fold_learner(self.conn, merged, kept, utc_now(), record=False)
            self.report.folded.append(MergedLearner(merged.display_name, merged_id, target))

    def _map_rows(
        self,
        rows: list[dict[str, Any]],
        stamp: str,
        *,
        dropped: set[str] | None = None,
        skip_runs: set[str] | None = None,
    ) -> list[dict[str, Any]]:
        """Rows of learners still here, with merged ids mapped, without what came before a reset."""
        out: list[dict[str, Any]] = []
        for x in rows:
            original = x["learner_id"]
            target = self.resolve(original)
            if original in self.gone or target in self.gone:
                continue
            marks = [
                self.file_resets.get(original),
                self.resets.get(target),
                ResetMark(self.merges.get(original, ("", None))[1]),  # merges keep a moment only
            ]
            device, counter = x.get("origin_device"), x.get("origin_counter")
            covered = any(m.covers(x[stamp], device, counter) for m in marks if m)
            if covered or (skip_runs and x.get("quiz_run_id") in skip_runs):
                if dropped is not None:
                    dropped.add(x["id"])
                if stamp == "answered_at":
                    self.report.skipped_before_reset += 1
                continue
            if counter is None:  # a file from before counters: its computer's records, before counters
                x = {**x, "origin_device": device or self.legacy_device, "origin_counter": 0}
            out.append(x if target == original else {**x, "learner_id": target})
        return out

    # ---------------------------------------------------------------------------------------- records
    def _merge_classes(self, incoming: Any, local: dict[str, SchoolClass]) -> None:
        active_by_name: dict[str, SchoolClass] = {}
        for c in local.values():
            if not c.archived:
                active_by_name.setdefault(normalise_name(c.name), c)
        for c in incoming:
            old = local.get(c["id"])
            if old is None:
                twin = active_by_name.get(normalise_name(c["name"]))
                if twin is not None:
                    self.report.look_alikes.append(LookAlike("class", c["name"], None, twin.id, c["id"]))
                self.conn.execute(insert(t.classes).values(c))
                self._count("added", "classes")
            elif c["updated_at"] > old.updated_at and (c["name"], c["archived"]) != (old.name, old.archived):
                self.conn.execute(update(t.classes).where(t.classes.c.id == c["id"]).values(c))
                self._count("updated", "classes")
            else:
                self.report.unchanged += 1

    def _merge_learners(self, incoming: list[dict[str, Any]], classes: dict[str, SchoolClass]) -> None:
        local = {lr.id: lr for lr in (_learner(r) for r in self.conn.execute(select(t.learners)))}

        def class_name(cid: str | None) -> str:
            return normalise_name(classes[cid].name) if cid in classes and cid is not None else ""

        by_name: dict[tuple[str, str], list[Learner]] = {}
        for lr in local.values():
            by_name.setdefault((normalise_name(lr.display_name), class_name(lr.class_id)), []).append(lr)
        for x in incoming:
            if x["class_id"] is not None and x["class_id"] not in classes:
                raise BundleError(
                    f"Learner {x['id']} belongs to class {x['class_id']}, which is not in the file."
                )
            old = local.get(x["id"])
            if old is None:
                same_name = by_name.get((normalise_name(x["display_name"]), class_name(x["class_id"])), [])
                twin = next((lr for lr in same_name if not _told_apart(lr, x)), None)
                if twin is not None:
                    cname = classes[x["class_id"]].name if x["class_id"] in classes else None
                    self.report.look_alikes.append(
                        LookAlike("learner", x["display_name"], cname, twin.id, x["id"])
                    )
                self.conn.execute(insert(t.learners).values(x))
                self._count("added", "learners")
                continue
            mine = ResetMark.of(old.progress_reset_at, old.progress_reset_seen)
            both = mine.combined(ResetMark.of(x["progress_reset_at"], x.get("progress_reset_seen")))
            newer_reset = both != mine  # the file's reset had seen (or, without counters, cleared) more
            reset_values = {"progress_reset_at": both.at, "progress_reset_seen": seen.dump(both.seen)}
            values = {**x, **reset_values}
            where = t.learners.c.id == x["id"]
            if x["updated_at"] > old.updated_at and _learner_values(old) != {
                **values,
                "updated_at": old.updated_at,
            }:
                self.conn.execute(update(t.learners).where(where).values(values))
                self._count("updated", "learners")
            elif newer_reset:
                self.conn.execute(update(t.learners).where(where).values(reset_values))
                self._count("updated", "learners")
            else:
                self.report.unchanged += 1
            if newer_reset:
                learnerdata.clear_progress(self.conn, x["id"], both)
                self.report.reset.append(x["display_name"])

    def _existing(self, table: Table, ids: list[str]) -> dict[str, Row[Any]]:
        found: dict[str, Row[Any]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for row in self.conn.execute(select(table).where(table.c.id.in_(chunk))):
                found[row._mapping["id"]] = row
        return found

    def _require_learners(self, rows: list[dict[str, Any]], what: str) -> None:
        wanted = sorted({x["learner_id"] for x in rows})
        known: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            known.update(
                self.conn.execute(select(t.learners.c.id).where(t.learners.c.id.in_(chunk))).scalars()
            )
        missing = [w for w in wanted if w not in known]
        if missing:
            raise BundleError(f"The file has {what} of learner {missing[0]}, who is not in it.")

    def _merge_runs(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "quiz runs")
        old = self._existing(t.quiz_runs, [x["id"] for x in incoming])
        new_rows = []
        for x in incoming:
            row = old.get(x["id"])
            if row is None:
                new_rows.append(x)
            elif x["updated_at"] > row._mapping["updated_at"]:
                self.conn.execute(update(t.quiz_runs).where(t.quiz_runs.c.id == x["id"]).values(x))
                self._count("updated", "quiz_runs")
            else:
                self.report.unchanged += 1
        if new_rows:
            self.conn.execute(insert(t.quiz_runs), new_rows)
            self.report.added["quiz_runs"] = self.report.added.get("quiz_runs", 0) + len(new_rows)

    def _merge_attempts(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "answers")
        runs = sorted({x["quiz_run_id"] for x in incoming})
        known = set(self._existing(t.quiz_runs, runs))
        missing = [r for r in runs if r not in known]
        if missing:
            raise BundleError(f"The file has answers from quiz run {missing[0]}, which is not in it.")
        old = self._existing(t.attempts, [x["id"] for x in incoming])
        new_rows = list({x["id"]: x for x in incoming if x["id"] not in old}.values())
        self.report.unchanged += len(incoming) - len(new_rows)
        if new_rows:
            self.conn.execute(insert(t.attempts), new_rows)
            self.report.added["attempts"] = self.report.added.get("attempts", 0) + len(new_rows)

    def _merge_progress(self, incoming: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
        """Merge module progress; returns the (learner, pack, module) keys added or changed."""
        self._require_learners(incoming, "module progress")
        mp = t.module_progress.c
        touched: list[tuple[str, str, str]] = []
        for x in incoming:
            key = (
                mp.learner_id == x["learner_id"],
                mp.pack_id == x["pack_id"],
                mp.module_id == x["module_id"],
            )
            row = self.conn.execute(select(t.module_progress).where(*key)).first()
            if row is None:
                self.conn.execute(insert(t.module_progress).values(x))
                self._count("added", "module_progress")
                touched.append((x["learner_id"], x["pack_id"], x["module_id"]))
                continue
            local = dict(row._mapping)
            merged = merge_progress(local, x)
            if merged != local:
                self.conn.execute(update(t.module_progress).where(*key).values(merged))
                self._count("updated", "module_progress")
                touched.append((x["learner_id"], x["pack_id"], x["module_id"]))
            else:
                self.report.unchanged += 1
        return touched

    def _merge_resume(self, incoming: list[dict[str, Any]]) -> None:
        self._require_learners(incoming, "resume points")
        rp = t.resume_points.c
        for x in incoming:
            row = self.conn.execute(select(t.resume_points).where(rp.learner_id == x["learner_id"])).first()
            if row is None:
                self.conn.execute(insert(t.resume_points).values(x))
                self._count("added", "resume_points")
            elif x["updated_at"] > row._mapping["updated_at"]:
                self.conn.execute(update(t.resume_points).where(rp.learner_id == x["learner_id"]).values(x))
                self._count("updated", "resume_points")
            else:
                self.report.unchanged += 1
