"""Rotating backups: made with the online backup API on close, checked, pruned by a bounded policy."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.progress import backup
from quizapp.progress.records import BackupInfo
from quizapp.progress.store import Store


def test_close_backs_up_only_after_changes(data_dir: Path) -> None:
    """Closing after a change makes one backup; closing again without changes makes none."""
    with Store.open(data_dir) as s:
        s.create_learner("Ali")
    first = backup.list_backups(data_dir / "backups")
    assert len(first) == 1
    with Store.open(data_dir) as s:
        s.list_learners()
    assert backup.list_backups(data_dir / "backups") == first


def test_backup_is_a_complete_checked_database(store: Store) -> None:
    """A backup is a standalone SQLite file (no -wal needed) holding the data and passing integrity_check."""
    store.create_learner("Ali")
    path = store.backup_now()
    assert not Path(str(path) + "-wal").exists()
    assert backup.check_file(path, read_only=True) is None
    assert backup.count_rows(path) == (1, 0)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".partial")] == []


def test_backup_if_due_waits_a_day(store: Store) -> None:
    """backup_if_due makes no backup within a day of the last one."""
    store.create_learner("Ali")
    store.backup_now()
    store.create_learner("Sara")
    assert store.backup_if_due() is None


def _fake(times: list[datetime]) -> list[BackupInfo]:
    return [BackupInfo(Path(f"b{i}"), t) for i, t in enumerate(times)]


def test_policy_keeps_recent_daily_weekly_monthly_and_is_bounded() -> None:
    """Two years of backups every 6 hours shrink to at most 27: 3 newest + 7 days + 5 weeks + 12 months."""
    now = datetime(2024, 6, 30, 18, tzinfo=UTC)
    infos = _fake([now - timedelta(hours=6 * i) for i in range(4 * 730)])
    keep = backup.backups_to_keep(infos)
    assert len(keep) <= 27
    kept = sorted((i for i in infos if i.path in keep), key=lambda i: i.taken_at, reverse=True)
    assert kept[0].taken_at == now and kept[2].taken_at == now - timedelta(hours=12)
    assert min(i.taken_at for i in kept) < now - timedelta(days=300)  # monthly ones reach back a year
    days = {i.taken_at.astimezone().date() for i in kept if i.taken_at > now - timedelta(days=6)}
    assert len(days) >= 6


def test_prune_deletes_only_what_the_policy_drops(tmp_path: Path) -> None:
    """prune removes surplus backup files and leaves other files alone."""
    now = datetime.now(UTC)
    for i in range(10):
        stamp = (now - timedelta(minutes=i)).strftime("%Y%m%d-%H%M%S-%f")
        (tmp_path / f"quizapp-backup-{stamp}.sqlite3").write_bytes(b"x")
    (tmp_path / "notes.txt").write_text("keep me")
    removed = backup.prune(tmp_path)
    left = backup.list_backups(tmp_path)
    assert len(removed) + len(left) == 10 and 3 <= len(left) < 10
    assert (tmp_path / "notes.txt").exists()


def test_long_session_gets_its_daily_backup_on_a_write(data_dir: Path) -> None:
    """When the newest backup is over a day old, the next change (checked at most hourly) makes a new one."""
    with Store.open(data_dir) as s:
        s.create_learner("Ali")
        folder = data_dir / "backups"
        for b in backup.list_backups(folder):
            b.path.unlink()
        old = datetime.now(UTC) - timedelta(days=2)
        (folder / f"quizapp-backup-{old.strftime('%Y%m%d-%H%M%S-%f')}.sqlite3").write_bytes(b"old")
        s.create_learner("Sara")  # within the hour after opening: no check yet
        assert len(backup.list_backups(folder)) == 1
        s._next_backup_check = 0.0  # type: ignore[attr-defined]  # an hour has passed
        s.create_learner("Zain")
        newest = backup.list_backups(folder)[0]
        assert newest.taken_at > old and backup.count_rows(newest.path) == (3, 0)
        assert s.backup_error is None


def test_a_failing_automatic_backup_is_kept_for_the_app_and_the_answer_saved(data_dir: Path) -> None:
    """When the daily backup cannot be written, the change is still saved and ``backup_error`` says why
    (for the app to show); the next backup that works clears it."""
    data_dir.mkdir(parents=True)
    blocker = data_dir / "backups"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    with Store.open(data_dir) as s:
        ali = s.create_learner("Ali")  # the first change checks whether a backup is due: it is
        assert s.get_learner(ali.id) == ali
        assert s.backup_error is not None and "automatic backup" in s.backup_error
        assert str(blocker) in s.backup_error
        blocker.unlink()
        assert s.backup_if_due() is not None and s.backup_error is None


def test_prune_removes_partial_backups_left_by_a_crash(tmp_path: Path) -> None:
    """A half-written backup (crash during backup) is cleaned up; it never counts as a backup."""
    partial = tmp_path / "quizapp-backup-20240101-000000-000000.sqlite3.partial"
    partial.write_bytes(b"half")
    assert backup.list_backups(tmp_path) == []
    backup.prune(tmp_path)
    assert not partial.exists()
