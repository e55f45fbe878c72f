"""Backups of a large database: one full copy a day, then incremental ones (the pages changed since it)
that restore to exactly the data backed up, and pruning that never strands a delta without its full copy."""

from __future__ import annotations

import errno
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.progress import backup, increments, sqlitefile
from quizapp.progress.store import DB_FILE_NAME, Store

TABLES = ("classes", "learners", "quiz_runs", "attempts", "module_progress", "resume_points", "settings")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def big(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every database counts as large (over the 8 MB above which one full copy a day is made)."""
    monkeypatch.setattr(sqlitefile, "BIG_DATABASE", 0)


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr) for name in TABLES}
    finally:
        conn.close()


def _school(s: Store, learners: int) -> None:
    s.people.create_learners([(f"Learner {n:04d}", "") for n in range(learners)])


def test_a_second_close_the_same_day_writes_a_small_delta_not_a_full_copy(data_dir: Path, big: None) -> None:
    """A large database is copied in full once a day; closing after a change later that day writes only
    the pages that changed (a fraction of the copy); closing without a change writes nothing."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        _school(s, 8000)
    folder = data_dir / "backups"
    [full] = backup.list_backups(folder)
    assert not full.is_delta and increments.pages_path(full.path).exists()
    clock.now += timedelta(hours=2)
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Zara")
    newest, first = backup.list_backups(folder)
    assert first == full and newest.is_delta and newest.seq == full.seq and newest.learners == 8001
    assert newest.path.stat().st_size < full.path.stat().st_size / 4
    with Store.open(data_dir, clock=clock) as s:
        s.people.list_learners()
    assert backup.list_backups(folder) == [newest, full]


def test_restore_from_a_delta_gives_identical_rows(data_dir: Path, big: None, tmp_path: Path) -> None:
    """The database damaged after a day of changes comes back from full copy + delta with every row as it
    was at the last close (learners, runs, answers, progress)."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        _school(s, 500)
    clock.now += timedelta(hours=1)
    with Store.open(data_dir, clock=clock) as s:
        ali = s.people.create_learner("Ali")
        s.people.archive_learner(s.people.list_learners()[3].id)
        run = s.runs.start_quiz_run(ali.id, "safety", "1.0", "m1", ["q1", "q2"])
        for n, q in enumerate(("q1", "q2")):
            s.runs.record_answer(
                learner_id=ali.id,
                quiz_run_id=run.id,
                pack_id="safety",
                pack_version="1.0",
                module_id="m1",
                question_id=q,
                question_type="single",
                answer="a",
                correct=True,
                points_earned=1,
                points_possible=1,
                time_ms=1000,
                next_index=n + 1,
            )
        s.runs.finish_quiz_run(run.id, score_percent=100.0, passed=True)
    db = data_dir / DB_FILE_NAME
    before = _rows(db)
    newest = backup.list_backups(data_dir / "backups")[0]
    assert newest.is_delta and backup.check_backup(newest.path, tmp_path / "scratch") is None
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(data))
    with Store.open(data_dir, clock=clock) as s:
        assert s.open_report.recovery is not None
        assert s.open_report.recovery.restored_from == newest.path
    assert _rows(db) == before


def test_a_delta_without_its_full_copy_is_passed_over(data_dir: Path, big: None, tmp_path: Path) -> None:
    """A delta whose full copy is gone, or whose full copy was replaced by another file, is not restored:
    recovery moves on to the next good backup."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        _school(s, 8000)
    clock.now += timedelta(hours=1)
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Sara")
    delta, full = backup.list_backups(data_dir / "backups")
    assert delta.is_delta
    other = tmp_path / "other"
    with Store.open(other) as s:
        s.people.create_learner("Someone else")
    other_full = backup.list_backups(other / "backups")[0].path
    saved = full.path.read_bytes()
    full.path.write_bytes(other_full.read_bytes())  # a different database under the full copy's name
    problem = backup.check_backup(delta.path, tmp_path / "scratch")
    assert problem is not None and "does not fit" in problem
    full.path.write_bytes(saved)
    assert backup.check_backup(delta.path, tmp_path / "scratch") is None
    full.path.unlink()
    problem = backup.check_backup(delta.path, tmp_path / "scratch")
    assert problem is not None and "missing" in problem


def test_each_close_keeps_only_the_newest_delta_of_the_days_copy(data_dir: Path, big: None) -> None:
    """Every delta is against the full copy, so a newer one holds all an older one did: it replaces it.
    The next day starts with a new full copy."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    for name in ("Ali", "Sara", "Zain", "Hira"):
        with Store.open(data_dir, clock=clock) as s:
            s.people.create_learner(name)
        clock.now += timedelta(minutes=30)
    found = backup.list_backups(data_dir / "backups")
    assert [(b.seq, b.part, b.learners) for b in found] == [(1, 3, 4), (1, 0, 1)]
    clock.now += timedelta(days=1)
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Omar")
    found = backup.list_backups(data_dir / "backups")
    assert [(b.seq, b.part, b.learners) for b in found] == [(2, 0, 5), (1, 3, 4), (1, 0, 1)]


def test_a_full_copy_from_an_older_quizapp_gets_no_delta_and_no_error(data_dir: Path, big: None) -> None:
    """A day's full copy without a page list (made before deltas existed): closing after a change that day
    makes no delta, as before, and tells nobody a backup failed."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    [full] = backup.list_backups(data_dir / "backups")
    increments.pages_path(full.path).unlink()
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Sara")
    assert backup.list_backups(data_dir / "backups") == [full] and s.backup_error is None


def test_a_delta_that_cannot_be_written_leaves_no_half_file_and_the_data_saved(
    data_dir: Path, big: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while the delta is written: no half-written backup stays, the close says the backup
    failed, and the change is in the database."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    before = backup.list_backups(data_dir / "backups")

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(increments.os, "replace", full)
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Sara")
    monkeypatch.undo()
    assert s.backup_error is not None and "automatic backup" in s.backup_error
    assert backup.list_backups(data_dir / "backups") == before
    assert [p.name for p in (data_dir / "backups").iterdir() if "partial" in p.name] == []
    with Store.open(data_dir, clock=clock) as s:
        assert sorted(x.display_name for x in s.people.list_learners()) == ["Ali", "Sara"]


def _file(folder: Path, seq: int, part: int = 0, learners: int = 5) -> Path:
    if part:
        name = f"quizapp-backup-{seq:06d}.{part}-20260101-000000-g{seq}-l{learners}-a0.delta.gz"
    else:
        name = f"quizapp-backup-{seq:06d}-20260101-000000-g{seq}-l{learners}-a0.sqlite3.gz"
    (folder / name).write_bytes(b"x" * 1000)
    return folder / name


def test_pruning_never_strands_a_kept_delta_without_its_full_copy(tmp_path: Path) -> None:
    """Whatever the size cap: the newest backup (a delta) keeps its full copy; a pinned delta (restored
    from) keeps its full copy; a full copy pruned takes its deltas with it; deltas of older full copies
    do not push full copies out of the 'seven newest'."""
    for seq in range(1, 13):
        _file(tmp_path, seq)
        _file(tmp_path, seq, 1)
    _file(tmp_path, 2, 2)
    backup.pin(tmp_path / "quizapp-backup-000002.2-20260101-000000-g2-l5-a0.delta.gz")
    keep = backup.backups_to_keep(backup.list_backups(tmp_path))
    kept = {(b.seq, b.part) for b in backup.list_backups(tmp_path) if b.path in keep}
    assert {(s, 0) for s in range(6, 13)} <= kept and {(s, 1) for s in range(6, 13)} <= kept
    backup.prune(tmp_path, live=(5, 0), db_size=10)  # a cap far below one backup
    left = {(b.seq, b.part) for b in backup.list_backups(tmp_path)}
    assert left == {(12, 1), (12, 0), (2, 2), (2, 0)}
