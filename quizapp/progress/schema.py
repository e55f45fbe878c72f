"""The current database schema as SQLAlchemy Core tables (portable types only: text, integer, float, boolean).

``migrations.py`` builds and upgrades databases step by step; a test checks that the result matches these
tables exactly, so this file and the migrations cannot drift apart.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 6

ID = 36  # uuid4 text
SLUG = 80
STAMP = 32  # ISO-8601 timestamp text

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

classes = Table(
    "classes",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("created_at", String(STAMP), nullable=False),
    Column("updated_at", String(STAMP), nullable=False),
)

learners = Table(
    "learners",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("display_name", String(60), nullable=False),
    Column("class_id", String(ID), ForeignKey("classes.id", ondelete="SET NULL"), nullable=True),
    Column("language", String(16), nullable=False),
    Column("avatar_id", String(64), nullable=False),
    Column("text_size", Integer, nullable=False),
    Column("archived", Boolean, nullable=False),
    Column("created_at", String(STAMP), nullable=False),
    Column("updated_at", String(STAMP), nullable=False),
    # v3: when the learner's progress was last reset (answers and progress before it are gone for good)
    Column("progress_reset_at", String(STAMP), nullable=True),
    # v4: what tells apart two children of the same name ("" when not known)
    Column("father_name", String(60), nullable=False, server_default=""),
    Column("roll_number", String(20), nullable=False, server_default=""),
    # v6: per device, the highest counter the last reset had seen (JSON; None: no reset, or one made before
    # counters existed). See seen.py.
    Column("progress_reset_seen", Text, nullable=True),
    Index("ix_learners_class", "class_id"),
)

quiz_runs = Table(
    "quiz_runs",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("learner_id", String(ID), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
    Column("pack_id", String(SLUG), nullable=False),
    Column("pack_version", String(20), nullable=False),
    Column("module_id", String(SLUG), nullable=False),
    Column("question_order", Text, nullable=False),
    Column("started_at", String(STAMP), nullable=False),
    Column("finished_at", String(STAMP), nullable=True),
    Column("score_percent", Float, nullable=True),
    Column("passed", Boolean, nullable=True),
    Column("updated_at", String(STAMP), nullable=False),
    # v5: "quiz", or "pre" / "post" for the check questions asked before the lesson and after the quiz
    Column("kind", String(8), nullable=False, default="quiz", server_default="quiz"),
    # v6: the device (database id) and counter of the write that made or last changed it (see seen.py)
    Column("origin_device", String(ID), nullable=False, server_default=""),
    Column("origin_counter", Integer, nullable=False, server_default="0"),
    Index("ix_quiz_runs_learner_module", "learner_id", "pack_id", "module_id"),
)

attempts = Table(
    "attempts",
    metadata,
    Column("id", String(ID), primary_key=True),
    Column("learner_id", String(ID), ForeignKey("learners.id", ondelete="CASCADE"), nullable=False),
    Column("quiz_run_id", String(ID), ForeignKey("quiz_runs.id", ondelete="CASCADE"), nullable=False),
    Column("pack_id", String(SLUG), nullable=False),
    Column("pack_version", String(20), nullable=False),
    Column("module_id", String(SLUG), nullable=False),
    Column("question_id", String(SLUG), nullable=False),
    Column("question_type", String(20), nullable=False),
    Column("answer_json", Text, nullable=False),
    Column("correct", Boolean, nullable=True),
    Column("rating", String(12), nullable=True),
    Column("points_earned", Float, nullable=False),
    Column("points_possible", Float, nullable=False),
    Column("time_ms", Integer, nullable=False),
    Column("answered_at", String(STAMP), nullable=False),
    # v5: the kind of its run (quiz, pre, post), so quiz statistics leave check answers out without a join
    Column("kind", String(8), nullable=False, default="quiz", server_default="quiz"),
    # v6: the device (database id) and counter of the write that made or last changed it (see seen.py)
    Column("origin_device", String(ID), nullable=False, server_default=""),
    Column("origin_counter", Integer, nullable=False, server_default="0"),
    # v2: covers the class summary (count and last answer per learner x module) without reading the table
    Index("ix_attempts_learner_module", "learner_id", "pack_id", "module_id", "answered_at"),
    Index("ix_attempts_run", "quiz_run_id"),
)

module_progress = Table(
    "module_progress",
    metadata,
    Column("learner_id", String(ID), ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    Column("pack_id", String(SLUG), primary_key=True),
    Column("module_id", String(SLUG), primary_key=True),
    Column("pack_version", String(20), nullable=False),
    Column("lesson_read", Boolean, nullable=False),
    Column("lesson_position", Integer, nullable=False),
    Column("quiz_state", String(12), nullable=False),
    Column("quiz_run_id", String(ID), nullable=True),
    Column("question_order", Text, nullable=False),
    Column("question_index", Integer, nullable=False),
    Column("best_score", Float, nullable=True),
    Column("passed", Boolean, nullable=False),
    Column("completed_at", String(STAMP), nullable=True),
    Column("updated_at", String(STAMP), nullable=False),
    # v6: the device (database id) and counter of the write that made or last changed it (see seen.py)
    Column("origin_device", String(ID), nullable=False, server_default=""),
    Column("origin_counter", Integer, nullable=False, server_default="0"),
)

resume_points = Table(
    "resume_points",
    metadata,
    Column("learner_id", String(ID), ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True),
    Column("pack_id", String(SLUG), nullable=False),
    Column("module_id", String(SLUG), nullable=False),
    Column("stage", String(12), nullable=False),
    Column("position", Integer, nullable=False),
    Column("updated_at", String(STAMP), nullable=False),
    # v6: the device (database id) and counter of the write that made or last changed it (see seen.py)
    Column("origin_device", String(ID), nullable=False, server_default=""),
    Column("origin_counter", Integer, nullable=False, server_default="0"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(120), primary_key=True),
    Column("value", Text, nullable=False),
)

packs = Table(
    "packs",
    metadata,
    Column("id", String(SLUG), primary_key=True),
    Column("version", String(20), nullable=False),
    Column("title", Text, nullable=False),
    Column("folder", Text, nullable=False),
    Column("installed_at", String(STAMP), nullable=False),
    Column("enabled", Boolean, nullable=False),
)

# v2: what was deleted here, so merging an older results file does not bring it back.
deleted_records = Table(
    "deleted_records",
    metadata,
    Column("kind", String(20), primary_key=True),
    Column("id", String(ID), primary_key=True),
    Column("deleted_at", String(STAMP), nullable=False),
)

# v3: learners merged into another (two records of one child). ``kept_id`` is always a learner that was not
# merged itself (chains are flattened), so one look-up maps an old id; it may be a learner deleted since.
# ``reset_at`` is the merged learner's ``progress_reset_at`` when it was merged.
learner_merges = Table(
    "learner_merges",
    metadata,
    Column("merged_id", String(ID), primary_key=True),
    Column("kept_id", String(ID), nullable=False),
    Column("merged_at", String(STAMP), nullable=False),
    Column("reset_at", String(STAMP), nullable=True),
    Index("ix_learner_merges_kept", "kept_id"),
)
