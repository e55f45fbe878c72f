"""Checking the database: the quick check at every open, the full check on a schedule and on request."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.progress import backup as backups
from quizapp.progress import checks
from quizapp.progress.store import DB_FILE_NAME, Store


def spy_pragmas(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = backups.integrity_problem

    def spy(conn, pragma="integrity_check"):  # type: ignore[no-untyped-def]
        seen.append(pragma)
        return real(conn, pragma)

    monkeypatch.setattr(backups, "integrity_problem", spy)
    return seen


def _crash(data_dir: Path) -> None:
    """A quizapp that opens the store and dies (power cut, killed) without closing it."""
    code = "import os, sys; from quizapp.progress.store import Store; Store.open(sys.argv[1]); os._exit(0)"
    subprocess.run([sys.executable, "-c", code, str(data_dir)], check=True)


def test_opening_runs_the_quick_check_not_the_full_one(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening after a crash runs quick_check (0.56 s at a million answers), never integrity_check (5.4 s)."""
    Store.open(data_dir).close()
    _crash(data_dir)
    seen = spy_pragmas(monkeypatch)
    Store.open(data_dir).close()
    assert seen == ["quick_check"]


def test_open_after_a_clean_close_skips_the_quick_check_once(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file exactly as the last clean close left it is opened without reading it all; the open uses the
    record up, so a crash in that session still makes the next open check."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    seen = spy_pragmas(monkeypatch)
    s = Store.open(data_dir)
    assert seen == [] and not (data_dir / checks.CLEAN_FILE_NAME).exists()
    s.close()
    assert (data_dir / checks.CLEAN_FILE_NAME).exists()
    _crash(data_dir)
    Store.open(data_dir).close()
    assert seen == ["quick_check"]


def test_a_session_whose_change_could_not_be_saved_is_not_a_clean_close(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a write that failed (a full disk, a damaged page), the next open checks the file."""
    Store.open(data_dir).close()
    s = Store.open(data_dir)
    s._db.write_error = "The last answer or change could not be saved."
    s.close()
    assert not (data_dir / checks.CLEAN_FILE_NAME).exists()
    seen = spy_pragmas(monkeypatch)
    Store.open(data_dir).close()
    assert seen == ["quick_check"]


def test_a_file_changed_after_a_clean_close_is_checked(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program writing the file (same size), or a copy put in its place, brings the check back."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    db = data_dir / DB_FILE_NAME
    data = bytearray(db.read_bytes())
    stat = db.stat()
    data[-10:] = bytes(b ^ 0x5A for b in data[-10:])
    db.write_bytes(bytes(data))
    os.utime(db, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the time put back
    seen = spy_pragmas(monkeypatch)
    Store.open(data_dir).close()
    assert seen == ["quick_check"]
    Store.open(data_dir).close()
    assert seen == ["quick_check"]  # closed cleanly since
    copy = data_dir / "copy.sqlite3"
    shutil.copy2(db, copy)
    os.replace(copy, db)
    Store.open(data_dir).close()
    assert seen == ["quick_check", "quick_check"]


def test_a_damaged_file_with_the_clean_record_of_an_earlier_close_is_restored(data_dir: Path) -> None:
    """The first page overwritten after a clean close: the record no longer matches, the open finds the
    damage and restores the newest backup (nothing lost)."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    db = data_dir / DB_FILE_NAME
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(data))
    with Store.open(data_dir) as s:
        assert s.open_report.recovery is not None
        assert [x.display_name for x in s.people.list_learners()] == ["Ali"]


def test_a_problem_found_by_the_full_check_makes_the_next_open_check_fully(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A problem recorded by the weekly check is looked at again, fully, at the next open (where recovery
    from a backup happens); once the database is sound again the quick check returns."""
    Store.open(data_dir).close()
    checks.record_full_check(data_dir, checks.CheckResult("2026-01-01T00:00:00.000+00:00", 1.0, "bad index"))
    seen = spy_pragmas(monkeypatch)
    Store.open(data_dir).close()
    assert seen == ["integrity_check"]


def test_the_full_check_is_recorded_and_due_weekly(data_dir: Path) -> None:
    """No record: due. Just checked: not due. A week later, or with the clock set back before it: due."""
    Store.open(data_dir).close()
    assert checks.full_check_due(data_dir)
    now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    result = checks.run_full_check(data_dir / DB_FILE_NAME, now=now)
    assert result.ok and checks.last_full_check(data_dir) == result
    assert not checks.full_check_due(data_dir, now=now + timedelta(days=6))
    assert checks.full_check_due(data_dir, now=now + timedelta(days=7))
    assert checks.full_check_due(data_dir, now=now - timedelta(days=1))


def test_a_damaged_file_is_reported_by_the_full_check(tmp_path: Path) -> None:
    """A file that is not a database gives a problem in words, recorded for the next open."""
    path = tmp_path / DB_FILE_NAME
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    result = checks.run_full_check(path)
    assert result.problem
    recorded = checks.last_full_check(tmp_path)
    assert recorded is not None and recorded.problem == result.problem


def test_an_unreadable_record_counts_as_never_checked(tmp_path: Path) -> None:
    """A half-written or edited record file does not break opening: the check is simply due."""
    (tmp_path / checks.RECORD_FILE_NAME).write_text("{not json", encoding="utf-8")
    assert checks.last_full_check(tmp_path) is None
    assert checks.full_check_due(tmp_path)
