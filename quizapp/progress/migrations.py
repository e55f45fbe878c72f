"""Schema versions and the steps between them. A step is never edited once released: add a new one.

The version lives in the ``meta`` table (key ``schema_version``), not in a SQLite pragma, so the same
mechanism works on PostgreSQL. Each step runs in the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    inspect,
    select,
    text,
    update,
)

from quizapp.progress.errors import SchemaTooNewError, StoreError
from quizapp.progress.schema import SCHEMA_VERSION

VERSION_KEY = "schema_version"


def _v1_metadata() -> MetaData:
    """The first schema, frozen (a copy, not the live ``schema`` module)."""
    md = MetaData()
    Table("meta", md, Column("key", String(64), primary_key=True), Column("value", Text, nullable=False))
    Table(
        "classes",
        md,
        Column("id", String(36), primary_key=True),
        Column("name", String(100), nullable=False),
        Column("archived", Boolean, nullable=False),
        Column("created_at", String(32), nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    Table(
        "learners",
        md,
        Column("id", String(36), primary_key=True),
        Column("display_name", String(60), nullable=False),
        Column("class_id", String(36), ForeignKey("classes.id", ondelete="SET NULL"), nullable=True),
        Column("language", String(16), nullable=False),
        Column("avatar_id", String(64), nullable=False),
        Column("text_size", Integer, nullable=False),
        Column("archived", Boolean, nullable=False),
        Column("created_at", String(32), nullable=False),
        Column("updated_at", String(32), nullable=False),
        Index("ix_learners_class", "class_id"),
    )
    Table(
        "quiz_runs",
        md,
        Column("id", String(36), primary_key=True),
        Column("learner_id", String(36), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
        Column("pack_id", String(80), nullable=False),
        Column("pack_version", String(20), nullable=False),
        Column("module_id", String(80), nullable=False),
        Column("question_order", Text, nullable=False),
        Column("started_at", String(32), nullable=False),
        Column("finished_at", String(32), nullable=True),
        Column("score_percent", Float, nullable=True),
        Column("passed", Boolean, nullable=True),
        Column("updated_at", String(32), nullable=False),
        Index("ix_quiz_runs_learner_module", "learner_id", "pack_id", "module_id"),
    )
    Table(
        "attempts",
        md,
        Column("id", String(36), primary_key=True),
        Column("learner_id", String(36), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
        Column("quiz_run_id", String(36), ForeignKey("quiz_runs.id", ondelete="CASCADE"), nullable=False),
        Column("pack_id", String(80), nullable=False),
        Column("pack_version", String(20), nullable=False),
        Column("module_id", String(80), nullable=False),
        Column("question_id", String(80), nullable=False),
        Column("question_type", String(20), nullable=False),
        Column("answer_json", Text, nullable=False),
        Column("correct", Boolean, nullable=True),
        Column("rating", String(12), nullable=True),
        Column("points_earned", Float, nullable=False),
        Column("points_possible", Float, nullable=False),
        Column("time_ms", Integer, nullable=False),
        Column("answered_at", String(32), nullable=False),
        Index("ix_attempts_learner_time", "learner_id", "answered_at"),
        Index("ix_attempts_run", "quiz_run_id"),
    )
    Table(
        "module_progress",
        md,
        Column("learner_id", String(36), ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
        Column("pack_id", String(80), primary_key=True),
        Column("module_id", String(80), primary_key=True),
        Column("pack_version", String(20), nullable=False),
        Column("lesson_read", Boolean, nullable=False),
        Column("lesson_position", Integer, nullable=False),
        Column("quiz_state", String(12), nullable=False),
        Column("quiz_run_id", String(36), nullable=True),
        Column("question_order", Text, nullable=False),
        Column("question_index", Integer, nullable=False),
        Column("best_score", Float, nullable=True),
        Column("passed", Boolean, nullable=False),
        Column("completed_at", String(32), nullable=True),
        Column("updated_at", String(32), nullable=False),
    )
    Table(
        "resume_points",
        md,
        Column("learner_id", String(36), ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
        Column("pack_id", String(80), nullable=False),
        Column("module_id", String(80), nullable=False),
        Column("stage", String(12), nullable=False),
        Column("position", Integer, nullable=False),
        Column("updated_at", String(32), nullable=False),
    )
    Table("settings", md, Column("key", String(120), primary_key=True), Column("value", Text, nullable=False))
    Table(
        "packs",
        md,
        Column("id", String(80), primary_key=True),
        Column("version", String(20), nullable=False),
        Column("title", Text, nullable=False),
        Column("folder", Text, nullable=False),
        Column("installed_at", String(32), nullable=False),
        Column("enabled", Boolean, nullable=False),
    )
    return md


def _to_v1(conn: Connection) -> None:
    md = _v1_metadata()
    md.create_all(conn)
    conn.execute(md.tables["meta"].insert().values(key=VERSION_KEY, value="1"))


def _to_v2(conn: Connection) -> None:
    """Tombstones, so that merging an older results file does not bring back a deleted learner; and an
    index that answers the class summary from the index alone (replacing learner + time)."""
    md = MetaData()
    attempts = Table("attempts", md, autoload_with=conn)
    Index("ix_attempts_learner_time", attempts.c.learner_id, attempts.c.answered_at).drop(conn)
    Index(
        "ix_attempts_learner_module",
        attempts.c.learner_id,
        attempts.c.pack_id,
        attempts.c.module_id,
        attempts.c.answered_at,
    ).create(conn)
    Table(
        "deleted_records",
        md,
        Column("kind", String(20), primary_key=True),
        Column("id", String(36), primary_key=True),
        Column("deleted_at", String(32), nullable=False),
    ).create(conn)


def _to_v3(conn: Connection) -> None:
    """A learner's progress can be reset (keeping the learner and their id) and two learners merged: the
    reset moment travels with the learner, and merged ids are remembered so later imports map them."""
    column = Column("progress_reset_at", String(32), nullable=True)
    kind = column.type.compile(conn.dialect)
    conn.execute(text(f"ALTER TABLE learners ADD COLUMN progress_reset_at {kind}"))
    md = MetaData()
    Table(
        "learner_merges",
        md,
        Column("merged_id", String(36), primary_key=True),
        Column("kept_id", String(36), nullable=False),
        Column("merged_at", String(32), nullable=False),
        Column("reset_at", String(32), nullable=True),
        Index("ix_learner_merges_kept", "kept_id"),
    ).create(conn)


def _to_v4(conn: Connection) -> None:
    """Children of the same name are told apart by their father's name and their roll number (as school
    registers do); both are empty for learners made before."""
    for name, length in (("father_name", 60), ("roll_number", 20)):
        kind = String(length).compile(dialect=conn.dialect)
        conn.execute(text(f"ALTER TABLE learners ADD COLUMN {name} {kind} NOT NULL DEFAULT ''"))


def _to_v5(conn: Connection) -> None:
    """Check questions (before the lesson, after the quiz) are stored as runs of their own kind, apart from
    the quiz score; every run and answer so far is a quiz one."""
    for table in ("quiz_runs", "attempts"):
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN kind VARCHAR(8) DEFAULT 'quiz' NOT NULL"))


ORIGIN_TABLES = ("attempts", "quiz_runs", "module_progress", "resume_points")


def _to_v6(conn: Connection) -> None:
    """A reset clears what it had seen, not what its clock calls older (see seen.py): quiz runs, answers,
    module progress and resume points carry the device and counter that wrote them, and a reset a version
    vector. Rows from before get this database's id and counter 0 ("before counters": a later reset that
    names this device covers them; otherwise their time decides). Resets made before keep no vector, so
    they go on clearing by time."""
    conn.execute(text("ALTER TABLE learners ADD COLUMN progress_reset_seen TEXT"))
    row = conn.execute(text("SELECT value FROM meta WHERE key = 'database_id'")).first()
    device = "" if row is None else str(row[0])
    for table in ORIGIN_TABLES:
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN origin_device VARCHAR(36) DEFAULT '' NOT NULL"))
        conn.execute(text(f"ALTER TABLE {table} ADD COLUMN origin_counter INTEGER DEFAULT '0' NOT NULL"))
        if device:
            conn.execute(text(f"UPDATE {table} SET origin_device = :device"), {"device": device})


# STEPS[n] upgrades version n to n + 1.
STEPS: dict[int, Callable[[Connection], None]] = {
    0: _to_v1,
    1: _to_v2,
    2: _to_v3,
    3: _to_v4,
    4: _to_v5,
    5: _to_v6,
}
assert len(STEPS) == SCHEMA_VERSION


def current_version(conn: Connection) -> int:
    """The schema version of a database: 0 for an empty one. ``StoreError`` for a foreign database."""
    names = set(inspect(conn).get_table_names())
    if "meta" not in names:
        if names:
            raise StoreError(
                "This file is not a quizapp progress database (it has other tables). "
                "Choose an empty folder for quizapp's data."
            )
        return 0
    meta = Table("meta", MetaData(), autoload_with=conn)
    value = conn.execute(select(meta.c.value).where(meta.c.key == VERSION_KEY)).scalar_one_or_none()
    try:
        return int(value) if value is not None else 0
    except ValueError as exc:
        raise StoreError(f"The progress database has an unreadable schema version {value!r}.") from exc


def check_supported(version: int) -> None:
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(
            f"The progress data was written by a newer quizapp (data version {version}; this quizapp "
            f"understands up to {SCHEMA_VERSION}). Install the newer quizapp on this computer."
        )


def upgrade(conn: Connection) -> int | None:
    """Bring the database to ``SCHEMA_VERSION`` inside the caller's transaction; return the old version
    when anything was done."""
    version = current_version(conn)
    check_supported(version)
    if version == SCHEMA_VERSION:
        return None
    start = version
    meta = Table("meta", MetaData(), Column("key", String(64), primary_key=True), Column("value", Text))
    while version < SCHEMA_VERSION:
        STEPS[version](conn)
        version += 1
        conn.execute(update(meta).where(meta.c.key == VERSION_KEY).values(value=str(version)))
    return start
