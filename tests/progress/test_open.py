"""Opening the store: single writer, read-only mode, network shares, damaged databases, lazy import."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp.progress import backup, sqlitefile
from quizapp.progress.errors import (
    DatabaseDamagedError,
    NetworkShareError,
    SchemaTooNewError,
    StoreError,
    StoreLockedError,
    StoreReadOnlyError,
)
from quizapp.progress.store import DB_FILE_NAME, Store
from tests.progress.conftest import answer, start_run


def test_open_creates_folder_database_and_reports_it(data_dir: Path) -> None:
    """A first open makes the folder and database and says so; a second open does not."""
    with Store.open(data_dir) as s:
        assert s.open_report.created and not s.open_report.read_only and not s.open_report.needs_attention
        assert (data_dir / DB_FILE_NAME).is_file()
        first_id = s.database_id
    with Store.open(data_dir) as s:
        assert not s.open_report.created and s.database_id == first_id


def test_connection_uses_wal_and_full_sync(store: Store) -> None:
    """Answers are durable: WAL journal, synchronous=FULL, foreign keys on."""
    raw = store._db.raw()  # type: ignore[attr-defined]
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_second_writer_gets_clear_error_or_read_only(data_dir: Path) -> None:
    """While one store is open, another gets "already open" or, if asked, a read-only store."""
    with Store.open(data_dir) as first:
        learner = first.people.create_learner("Ali")
        with pytest.raises(StoreLockedError, match="already open"):
            Store.open(data_dir)
        with Store.open(data_dir, fallback_read_only=True) as second:
            assert second.read_only and second.open_report.needs_attention
            assert second.people.get_learner(learner.id) == learner
            with pytest.raises(StoreReadOnlyError):
                second.people.create_learner("Sara")
        first.people.create_learner("Sara")  # the writer is unaffected
    with Store.open(data_dir) as again:  # the lock was released
        assert len(again.people.list_learners()) == 2


def test_lock_is_released_when_the_process_dies(data_dir: Path) -> None:
    """A killed app leaves no stale lock: the OS drops it with the process."""
    code = (
        "import os, sys; from pathlib import Path; from quizapp.progress.store import Store; "
        "s = Store.open(Path(sys.argv[1])); print('open', flush=True); os._exit(9)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(data_dir)], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip() == "open" and done.returncode == 9
    assert (data_dir / "quizapp.lock").exists()
    with Store.open(data_dir) as s:
        assert not s.read_only


def test_read_only_needs_existing_data(data_dir: Path) -> None:
    """Opening read-only where there is no data says so instead of creating anything."""
    with pytest.raises(StoreError, match="no quizapp progress data"):
        Store.open(data_dir, read_only=True)
    assert not data_dir.exists()


def test_network_share_is_refused_with_sqlite_guidance(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder on a network share is refused, citing SQLite's guidance; nothing is created."""
    monkeypatch.setattr(
        sqlitefile, "network_share_reason", lambda path: "a cifs network share mounted at /mnt"
    )
    with pytest.raises(NetworkShareError, match=r"sqlite\.org/useovernet\.html"):
        Store.open(data_dir)
    assert not data_dir.exists()


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # header of the first page and the schema
    path.write_bytes(bytes(data))


def _checkpoint(data_dir: Path) -> None:
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_damaged_database_is_moved_aside_and_backup_restored(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A damaged database is renamed (not deleted), the newest good backup restored, and the user told."""
    monkeypatch.setattr(sqlitefile, "BIG_DATABASE", 0)  # one copy a day: closing does not replace it
    with Store.open(data_dir) as s:
        learner = s.people.create_learner("Ali")
        answer(s, start_run(s, learner))
    with Store.open(data_dir) as s:  # newer answers, not in the backup made above
        s.people.create_learner("Sara")
        newest = s.backup_now()
        s.people.create_learner("Zain")
    for b in backup.list_backups(data_dir / "backups"):  # as if the app had crashed before its close backup
        if b.path.name > newest.name:
            b.path.unlink()
    _checkpoint(data_dir)
    bad_bytes = (data_dir / DB_FILE_NAME).read_bytes()
    _damage(data_dir / DB_FILE_NAME)
    damaged_copy = (data_dir / DB_FILE_NAME).read_bytes()
    assert damaged_copy != bad_bytes
    # a damaged newer backup must be skipped
    bad = "quizapp-backup-999999-29990101-000000-g9-l9-a9.sqlite3.gz"
    (data_dir / "backups" / bad).write_bytes(b"not a database")

    with Store.open(data_dir) as s:
        rec = s.open_report.recovery
        assert rec is not None and rec.restored_from == newest
        assert (rec.learners, rec.attempts) == (2, 1)
        assert rec.moved_to.read_bytes() == damaged_copy
        assert (
            "damaged" in s.open_report.messages[0]
            and "2 learner(s) and 1 answer(s)" in s.open_report.messages[0]
        )
        assert {x.display_name for x in s.people.list_learners()} == {"Ali", "Sara"}
        s.people.create_learner("after recovery")


def test_damaged_database_without_backup_starts_empty_but_keeps_file(data_dir: Path) -> None:
    """With no usable backup the damaged file is still kept and an empty store opens, with a message."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    for b in backup.list_backups(data_dir / "backups"):
        b.path.unlink()
    _checkpoint(data_dir)
    _damage(data_dir / DB_FILE_NAME)
    with Store.open(data_dir) as s:
        assert s.people.list_learners() == []
        rec = s.open_report.recovery
        assert rec is not None and rec.restored_from is None and rec.moved_to.exists()
        assert "No usable backup" in s.open_report.messages[0]


def test_damaged_database_read_only_is_not_touched(data_dir: Path) -> None:
    """Read-only opening of a damaged database raises and leaves the file where it is."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    _checkpoint(data_dir)
    _damage(data_dir / DB_FILE_NAME)
    with pytest.raises(DatabaseDamagedError, match="damaged"):
        Store.open(data_dir, read_only=True)
    assert [p.name for p in data_dir.glob("*damaged*")] == []


def test_missing_database_with_backups_is_restored_with_a_note(data_dir: Path) -> None:
    """If the database vanished but backups hold learners, the newest is restored (no silent fresh start)."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    (data_dir / DB_FILE_NAME).unlink()
    with Store.open(data_dir) as s:
        assert not s.open_report.created and "missing" in s.open_report.messages[0]
        assert [x.display_name for x in s.people.list_learners()] == ["Ali"]


def test_database_from_newer_quizapp_is_refused(data_dir: Path) -> None:
    """A database with a newer schema version is refused with advice, not damaged."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError, match="newer quizapp"):
        Store.open(data_dir)


def test_foreign_sqlite_file_is_refused(data_dir: Path) -> None:
    """A SQLite file with other tables is not taken over."""
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("CREATE TABLE something (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a quizapp progress database"):
        Store.open(data_dir)


def test_importing_the_api_does_not_import_sqlalchemy() -> None:
    """The store API modules the UI names at start-up (the store, its records and settings, as services
    hand them on) stay cheap: SQLAlchemy is imported only by Store.open."""
    code = (
        "import sys, quizapp.progress.store, quizapp.progress.records, quizapp.progress.settings, "
        "quizapp.services.records, quizapp.services.opening; print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_closed_store_refuses_use(data_dir: Path) -> None:
    """Using a closed store gives a clear error; closing twice is harmless."""
    s = Store.open(data_dir)
    s.close()
    s.close()
    with pytest.raises(StoreError, match="closed"):
        s.people.list_learners()
