"""Backups: made with the online backup API, checked, compressed, ordered by sequence, pruned within a cap."""

from __future__ import annotations

import gzip
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quizapp.progress import backup, sqlitefile
from quizapp.progress.records import BackupInfo
from quizapp.progress.store import Store


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_close_backs_up_only_after_changes(data_dir: Path) -> None:
    """Closing after a change makes one backup; closing again without changes makes none."""
    with Store.open(data_dir) as s:
        s.people.create_learner("Ali")
    first = backup.list_backups(data_dir / "backups")
    assert len(first) == 1
    with Store.open(data_dir) as s:
        s.people.list_learners()
    assert backup.list_backups(data_dir / "backups") == first


def test_backup_is_a_compressed_complete_checked_database(store: Store, tmp_path: Path) -> None:
    """A backup is a gzip of a standalone SQLite file (no -wal needed) with the data, passing the check."""
    store.people.create_learner("Ali")
    path = store.backup_now()
    assert path.name.endswith(".sqlite3.gz") and "-l1-a0" in path.name
    assert backup.check_backup(path, tmp_path / "scratch") is None
    assert backup.count_rows(path) == (1, 0)
    plain = tmp_path / "plain.sqlite3"
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    conn = sqlite3.connect(plain)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert path.stat().st_size < plain.stat().st_size / 2
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".partial")] == []


def test_at_most_one_copy_a_day_and_none_when_unchanged(data_dir: Path, monkeypatch: Any) -> None:
    """Closing after changes on the same day replaces that day's copy; the next day adds one; no change, no
    copy; a large database is not copied in full twice in a day (a delta is written instead)."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Sara")
    found = backup.list_backups(data_dir / "backups")
    assert len(found) == 1 and found[0].learners == 2
    monkeypatch.setattr(sqlitefile, "BIG_DATABASE", 0)
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Zain")
    delta, *rest = backup.list_backups(data_dir / "backups")
    assert rest == found and delta.is_delta  # large: the day's one full copy is made already
    monkeypatch.undo()
    clock.now += timedelta(days=1)
    with Store.open(data_dir, clock=clock) as s:
        assert s.backup_now() == backup.list_backups(data_dir / "backups")[0].path == delta.path  # unchanged
        s.people.create_learner("Omar")
        assert s.backup_now() == backup.list_backups(data_dir / "backups")[0].path  # changed: a new copy
        path = s.backup_now()  # nothing changed since: the same file, no new copy
    found = [b for b in backup.list_backups(data_dir / "backups") if not b.is_delta]
    assert len(found) == 2 and found[0].path == path and found[0].learners == 4


def _fake(n: int) -> list[BackupInfo]:
    start = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        BackupInfo(Path(f"b{i}"), start + timedelta(days=i), seq=i, learners=1, attempts=1)
        for i in range(1, n)
    ]


def test_policy_keeps_recent_weekly_monthly_by_sequence_and_is_bounded() -> None:
    """Two years of daily backups shrink to at most 24: the 7 newest + 5 weekly + 12 monthly numbers."""
    infos = _fake(730)
    keep = backup.backups_to_keep(infos)
    assert len(keep) <= 24
    kept = sorted((i for i in infos if i.path in keep), key=lambda i: i.seq, reverse=True)
    assert [k.seq for k in kept[:7]] == list(range(729, 722, -1))
    assert min(k.seq for k in kept) < 729 - 300  # monthly ones reach back a year


def test_prune_never_removes_the_newest_a_pinned_one_nor_one_with_more_learners(tmp_path: Path) -> None:
    """Whatever the cap: the newest, the pinned and the newest holding more than the live data stay."""
    for seq in range(1, 11):
        learners = 50 if seq == 3 else 5
        name = f"quizapp-backup-{seq:06d}-20260101-000000-g{seq}-l{learners}-a0.sqlite3.gz"
        (tmp_path / name).write_bytes(b"x" * 1000)
    backup.pin(tmp_path / "quizapp-backup-000002-20260101-000000-g2-l5-a0.sqlite3.gz")
    (tmp_path / "notes.txt").write_text("keep me")
    backup.prune(tmp_path, live=(5, 0), db_size=10)  # a cap far below one backup
    left = {b.seq for b in backup.list_backups(tmp_path)}
    assert left == {10, 3, 2}
    assert (tmp_path / "notes.txt").exists()


def test_a_clock_jump_changes_neither_the_newest_backup_nor_the_history(data_dir: Path) -> None:
    """Backups made after the clock fell back a year stay newest; the ones from before stay too."""
    clock = Clock(datetime(2026, 5, 1, 9, tzinfo=UTC))
    for i in range(3):
        with Store.open(data_dir, clock=clock) as s:
            s.people.create_learner(f"L{i}")
        clock.now += timedelta(days=1)
    clock.now = datetime(2025, 1, 1, 9, tzinfo=UTC)  # the CMOS battery died
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("After")
    found = backup.list_backups(data_dir / "backups")
    assert [b.seq for b in found] == [4, 3, 2, 1]
    assert found[0].learners == 4 and found[0].taken_at.year == 2025


def test_long_session_gets_its_daily_backup_on_a_write(data_dir: Path) -> None:
    """When the newest backup is from an earlier day, the next change (checked at most hourly) makes one."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
        folder = data_dir / "backups"
        s.backup_now()
        clock.now += timedelta(days=2)
        s.people.create_learner("Sara")  # within the hour after opening: no check yet
        assert len(backup.list_backups(folder)) == 1
        s._life._next_backup_check = 0.0  # type: ignore[attr-defined]  # an hour has passed
        s.people.create_learner("Zain")
        newest = backup.list_backups(folder)[0]
        assert newest.seq == 2 and backup.count_rows(newest.path) == (3, 0)
        assert s.backup_error is None


def test_a_failing_automatic_backup_is_kept_for_the_app_and_the_answer_saved(data_dir: Path) -> None:
    """When the daily backup cannot be written, the change is still saved and ``backup_error`` says why
    (for the app to show); the next backup that works clears it."""
    data_dir.mkdir(parents=True)
    blocker = data_dir / "backups"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    with Store.open(data_dir) as s:
        ali = s.people.create_learner("Ali")  # the first change checks whether a backup is due: it is
        assert s.people.get_learner(ali.id) == ali
        assert s.backup_error is not None and "automatic backup" in s.backup_error
        assert str(blocker) in s.backup_error
        blocker.unlink()
        assert s.backup_if_due() is not None and s.backup_error is None


def test_prune_removes_partial_backups_left_by_a_crash(tmp_path: Path) -> None:
    """A half-written backup (crash during backup) is cleaned up; it never counts as a backup."""
    partial = tmp_path / "quizapp-backup-000001-20240101-000000-g1-l0-a0.sqlite3.gz.partial"
    partial.write_bytes(b"half")
    assert backup.list_backups(tmp_path) == []
    backup.prune(tmp_path)
    assert not partial.exists()


def test_a_deferred_daily_copy_is_made_in_a_worker_while_answers_go_on(data_dir: Path) -> None:
    """The app defers the day's full copy: the first change of a day only notes it (it copied the whole
    database while the child's answer waited), the copy runs in another thread on a connection of its own
    while changes go on, and closing backs up what changed after the copy began."""
    import threading

    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    folder = data_dir / "backups"
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    assert len(backup.list_backups(folder)) == 1
    clock.now += timedelta(days=1)
    with Store.open(data_dir, clock=clock) as s:
        s.defer_daily_copy()
        assert s.start_daily_copy() is None  # nothing changed yet
        s.people.create_learner("Sara")  # the first change of the day: noted only
        assert len(backup.list_backups(folder)) == 1
        job = s.start_daily_copy()
        assert job is not None and s.start_daily_copy() is None  # one copy at a time
        made: list[Path | None] = []
        worker = threading.Thread(target=lambda: made.append(job()))
        worker.start()
        s.people.create_learner("Zain")  # meanwhile, on this thread: never waits for the copy
        worker.join(30)
        assert made and made[0] is not None
        copy = backup.list_backups(folder)[0]
        assert copy.path == made[0] and copy.taken_at.date() == clock.now.date()
        assert backup.count_rows(copy.path)[0] in (2, 3)  # Zain may or may not be in it
        assert s.backup_error is None
    newest = backup.list_backups(folder)[0]  # closing: Zain is backed up whatever the copy held
    assert newest.path != copy.path and backup.count_rows(newest.path)[0] == 3


def test_a_deferred_copy_not_run_before_closing_is_made_by_closing(data_dir: Path) -> None:
    """The app closes before its worker ran the noted copy (or the job was handed out and never run):
    closing makes it, as before."""
    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    folder = data_dir / "backups"
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    clock.now += timedelta(days=1)
    with Store.open(data_dir, clock=clock) as s:
        s.defer_daily_copy()
        s.people.create_learner("Sara")
        job = s.start_daily_copy()
        assert job is not None
    newest = backup.list_backups(folder)[0]
    assert newest.taken_at.date() == clock.now.date() and backup.count_rows(newest.path)[0] == 2
    assert job() is None  # too late: the store is closed, and closing made the copy


def test_a_deferred_copy_that_cannot_be_written_is_kept_for_the_app(data_dir: Path) -> None:
    """The worker's copy fails (a file where the backups folder should be, as a full disk would): the
    reason is in ``backup_error`` for the app to show, the data counts as not backed up, and the next copy
    that can be written (here, closing's) makes it."""
    import shutil

    clock = Clock(datetime(2026, 3, 2, 9, tzinfo=UTC))
    folder = data_dir / "backups"
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("Ali")
    clock.now += timedelta(days=1)
    with Store.open(data_dir, clock=clock) as s:
        s.defer_daily_copy()
        s.people.create_learner("Sara")
        job = s.start_daily_copy()
        assert job is not None
        kept = data_dir / "kept-backups"
        shutil.move(folder, kept)
        folder.write_text("not a folder", encoding="utf-8")
        with pytest.raises(OSError):
            job()
        assert s.backup_error is not None and str(folder) in s.backup_error
        assert [x.display_name for x in s.people.list_learners()] == ["Ali", "Sara"]  # the change stays
        folder.unlink()
        shutil.move(kept, folder)
    newest = backup.list_backups(folder)[0]
    assert newest.taken_at.date() == clock.now.date() and backup.count_rows(newest.path)[0] == 2
