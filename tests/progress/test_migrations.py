"""Schema versions: a database made with the first schema upgrades without losing a row."""

from __future__ import annotations

import gzip
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect

from quizapp.progress import schema
from quizapp.progress.errors import StoreError
from quizapp.progress.store import DB_FILE_NAME, Store

V1_SQL = Path(__file__).parent / "data" / "schema_v1.sql"
V1_TABLES = (
    "meta",
    "classes",
    "learners",
    "quiz_runs",
    "attempts",
    "module_progress",
    "resume_points",
    "settings",
    "packs",
)


def _make_v1(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True)
    db = data_dir / DB_FILE_NAME
    conn = sqlite3.connect(db)
    conn.executescript(V1_SQL.read_text(encoding="utf-8"))
    conn.commit()
    conn.close()
    return db


def _columns(db: Path) -> dict[str, list[str]]:
    conn = sqlite3.connect(db)
    try:
        return {t: [row[1] for row in conn.execute(f"PRAGMA table_info({t})")] for t in V1_TABLES}
    finally:
        conn.close()


def _rows(db: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the version-1 tables, read through the version-1 columns only."""
    conn = sqlite3.connect(db)
    try:
        return {
            t: sorted(conn.execute(f"SELECT {', '.join(columns[t])} FROM {t}").fetchall(), key=repr)
            for t in V1_TABLES
        }
    finally:
        conn.close()


def test_v1_database_upgrades_keeping_every_row(data_dir: Path) -> None:
    """Every row of a version-1 database is unchanged after the upgrade, and a backup was made first."""
    db = _make_v1(data_dir)
    v1_columns = _columns(db)
    before = _rows(db, v1_columns)
    assert sum(len(r) for r in before.values()) == 16
    with Store.open(data_dir) as s:
        assert s.open_report.migrated_from == 1 and s.open_report.schema_version == schema.SCHEMA_VERSION
        assert "upgraded" in s.open_report.messages[0]
        assert s.database_id == "0b6c3f51-9a5e-4f55-8f5a-1a2b3c4d5e6f"
        ayesha = s.people.get_learner("1ea70e50-0000-4000-8000-000000000001")
        assert (ayesha.display_name, ayesha.text_size, ayesha.language) == ("Ayesha", 125, "ur")
        assert len(s.runs.attempts_for_learner(ayesha.id)) == 3
        assert s.settings.school_name == "Government Girls School"
        pack = s.packs.get_pack("online-safety")
        assert pack is not None and pack.title["ur"] == "آن لائن حفاظت"
        assert s.progress.get_module_progress(ayesha.id, "online-safety", "passwords").question_order == (
            "q2",
            "q1",
        )
        assert ayesha.progress_reset_at is None  # v3 column, empty for every old learner
        assert s.reports.counts()["learner_merges"] == 0
        backups = s.list_backups()
    after = _rows(db, v1_columns)
    # (opening adds which computer the database is on: machine.py)
    after["meta"] = [r for r in after["meta"] if r[0] not in ("schema_version", "machine")]
    before["meta"] = [r for r in before["meta"] if r[0] != "schema_version"]
    assert after == before
    plain = data_dir / "pre-upgrade.sqlite3"
    plain.write_bytes(gzip.decompress(backups[-1].path.read_bytes()))
    assert sum(len(r) for r in _rows(plain, v1_columns).values()) == 16  # the backup from before the upgrade


def test_fresh_database_matches_the_declared_schema(data_dir: Path) -> None:
    """Running every migration from empty gives exactly the tables, columns and indexes of schema.py."""
    with Store.open(data_dir):
        pass
    engine = create_engine(f"sqlite:///{data_dir / DB_FILE_NAME}")
    try:
        insp = inspect(engine)
        assert set(insp.get_table_names()) == set(schema.metadata.tables)
        for table in schema.metadata.sorted_tables:
            actual = {c["name"]: (str(c["type"]), c["nullable"]) for c in insp.get_columns(table.name)}
            declared = {c.name: (str(c.type.compile(engine.dialect)), c.nullable) for c in table.columns}
            assert actual == declared, table.name
            assert {ix["name"] for ix in insp.get_indexes(table.name)} == {ix.name for ix in table.indexes}
            assert set(insp.get_pk_constraint(table.name)["constrained_columns"]) == {
                c.name for c in table.primary_key.columns
            }
    finally:
        engine.dispose()


def test_old_schema_cannot_be_opened_read_only(data_dir: Path) -> None:
    """Read-only mode cannot upgrade, so it refuses an old schema with advice."""
    _make_v1(data_dir)
    with pytest.raises(StoreError, match="upgraded"):
        Store.open(data_dir, read_only=True)
