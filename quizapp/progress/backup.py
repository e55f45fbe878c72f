"""Rotating backups with SQLite's online backup API, integrity checks, and recovery of a damaged database.

Backups live in ``<data folder>/backups`` as ``quizapp-backup-YYYYMMDD-HHMMSS-ffffff.sqlite3`` (UTC). Each
is written under a temporary name, checked with ``PRAGMA integrity_check`` and then renamed, so a backup
that exists is complete. Kept: the 3 newest, the newest of each of the last 7 days, of each of the last 5
weeks and of each of the last 12 months (at most 27 files). A damaged database is renamed aside, never
deleted.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from quizapp.progress.records import BackupInfo, RecoveryInfo

BACKUP_DIR_NAME = "backups"
PREFIX = "quizapp-backup-"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S-%f"
KEEP_RECENT = 3
KEEP_DAILY = 7
KEEP_WEEKLY = 5
KEEP_MONTHLY = 12
SIDE_FILES = ("-wal", "-shm", "-journal")


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else the first problems it reports."""
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    if rows == ["ok"]:
        return None
    return "; ".join(rows[:3]) or "integrity check gave no answer"


def check_file(path: Path, *, read_only: bool = False) -> str | None:
    """Open ``path`` and run the integrity check; None when it is a sound SQLite database."""
    try:
        conn = _connect_ro(path) if read_only else sqlite3.connect(path)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        return integrity_problem(conn)
    finally:
        conn.close()


def count_rows(path: Path) -> tuple[int, int]:
    """(learners, attempts) in a database file; (0, 0) when it has no such tables."""
    conn = _connect_ro(path)
    try:
        learners = conn.execute("SELECT COUNT(*) FROM learners").fetchone()[0]
        attempts = conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
        return int(learners), int(attempts)
    except sqlite3.Error:
        return 0, 0
    finally:
        conn.close()


def _parse(path: Path) -> BackupInfo | None:
    name = path.name
    if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
        return None
    try:
        taken = datetime.strptime(name[len(PREFIX) : -len(SUFFIX)], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return BackupInfo(path, taken)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := _parse(p)) is not None and p.is_file()]
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def make_backup(source: sqlite3.Connection, folder: Path, now: datetime | None = None) -> Path:
    """Copy the database behind ``source`` into ``folder`` with the online backup API; return the new file."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{PREFIX}{now.strftime(_STAMP)}{SUFFIX}"
    partial = final.with_name(final.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    dest = sqlite3.connect(partial)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a self-contained file: no -wal/-shm needed to read it
        problem = integrity_problem(dest)
    finally:
        dest.close()
    if problem:
        partial.unlink()
        raise sqlite3.DatabaseError(f"the backup copy failed its check: {problem}")
    _fsync_file(partial)
    os.replace(partial, final)
    return final


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def backups_to_keep(backups: Iterable[BackupInfo]) -> set[Path]:
    """The rotation policy: recent, daily, weekly and monthly backups (local calendar)."""
    ordered = sorted(backups, key=lambda b: b.taken_at, reverse=True)
    keep = {b.path for b in ordered[:KEEP_RECENT]}
    for limit, key in (
        (KEEP_DAILY, lambda d: d.strftime("%Y-%m-%d")),
        (KEEP_WEEKLY, lambda d: "{:04d}-W{:02d}".format(*d.isocalendar()[:2])),
        (KEEP_MONTHLY, lambda d: d.strftime("%Y-%m")),
    ):
        seen: set[str] = set()
        for b in ordered:
            bucket = key(b.taken_at.astimezone())
            if bucket in seen:
                continue
            seen.add(bucket)
            if len(seen) > limit:
                break
            keep.add(b.path)
    return keep


def prune(folder: Path) -> list[Path]:
    """Delete backups the policy does not keep; return what was deleted."""
    backups = list_backups(folder)
    keep = backups_to_keep(backups)
    removed = []
    for partial in folder.glob(f"{PREFIX}*{SUFFIX}.partial"):  # left by a backup cut short by a crash
        with contextlib.suppress(OSError):
            partial.unlink()
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def move_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Rename a damaged database and its -wal/-shm files to ``<name>-damaged-<time>``; return the new path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.stem}-damaged-{stamp}-{n}{db_path.suffix}")
    os.replace(db_path, target)
    for side in SIDE_FILES:
        extra = Path(str(db_path) + side)
        if extra.exists():
            os.replace(extra, Path(str(target) + side))
    return target


def restore(backup: Path, db_path: Path) -> None:
    """Write a copy of ``backup`` to ``db_path`` (atomically) with the online backup API."""
    partial = db_path.with_name(db_path.name + ".restoring")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    src = _connect_ro(backup)
    dest = sqlite3.connect(partial)
    try:
        src.backup(dest)
    finally:
        dest.close()
        src.close()
    _fsync_file(partial)
    os.replace(partial, db_path)


def recover(db_path: Path, folder: Path, reason: str) -> RecoveryInfo:
    """Move a damaged database aside and put the newest backup that passes the check in its place.

    When no backup is usable the database is simply gone from its place and a new empty one will be made.
    """
    moved = move_aside(db_path)
    for info in list_backups(folder):
        if check_file(info.path, read_only=True) is None:
            restore(info.path, db_path)
            learners, attempts = count_rows(db_path)
            return RecoveryInfo(reason, moved, info.path, info.taken_at, learners, attempts)
    return RecoveryInfo(reason, moved, None, None, 0, 0)
