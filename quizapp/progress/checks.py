"""Checking the progress database: a quick check at every open, the full check now and then.

SQLite's full ``PRAGMA integrity_check`` reads every page and every index entry: 5.4 s for a million
answers. ``PRAGMA quick_check`` finds the same damage to pages and records, skipping only the comparison
of each index with its table (0.56 s there). So the store runs the quick check when it opens and the full
check runs on a schedule, off the window's thread (:func:`full_check_due`, :func:`run_full_check`), and on
a teacher's request (``quizapp check``, or the button in the teacher settings).

The last full check is recorded in the data folder (:data:`RECORD_FILE_NAME`, a small JSON file). When it
found a problem, the next open runs the full check instead of the quick one, so the usual recovery from
the newest good backup happens then.

Even the quick check reads the whole file (0.56 s at a million answers on a quiet machine, 2-3 s on a busy
one), so it is skipped when the file is exactly as quizapp left it: a clean close (no ``-wal`` file left,
no failed write) records the file's size, modification time, inode and a hash of its first and last pages
(:data:`CLEAN_FILE_NAME`), and the next writable open that finds it matching removes it before anything
else (one that does not match can never match again: the file's modification time has moved on). After a
crash, a power cut, a restore, a copy from elsewhere or any change to the file, the record is missing or
does not match, and the quick check runs as before. Damage at rest (a disk going bad between sessions) is
what the weekly full check finds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizapp.progress import backup as backups
from quizapp.progress import filemodes
from quizapp.progress.records import to_utc_iso

RECORD_FILE_NAME = "integrity-check.json"
CLEAN_FILE_NAME = "clean-close.json"
PAGE = 4096
FULL_CHECK_EVERY = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One full check: when (UTC ISO text), how long it took, and the problem found (None: sound)."""

    checked_at: str
    seconds: float
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None


def problem_at_open(db_path: Path, *, read_only: bool = False) -> str | None:
    """What the store checks when it opens: nothing when the file is as the last clean close left it,
    else ``quick_check``; the full check when the last full check recorded a problem. None when the file
    is a sound SQLite database. A writable open uses up a matching clean-close record (so a crash in this
    session leaves none)."""
    record = last_full_check(db_path.parent)
    clean = closed_cleanly(db_path)
    if clean and not read_only:  # a record that does not match the file can never match it again
        forget_clean_close(db_path)
    if record is not None and not record.ok:
        return backups.check_file(db_path, read_only=read_only, pragma="integrity_check")
    if clean:
        return None
    return backups.check_file(db_path, read_only=read_only, pragma="quick_check")


def _fingerprint(db_path: Path) -> dict[str, int | str] | None:
    """What identifies the file's present state cheaply (no read of the whole file); None when it has a
    non-empty ``-wal`` beside it (still open somewhere, or not checkpointed) or cannot be read."""
    try:
        wal = Path(str(db_path) + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
        stat = db_path.stat()
        digest = hashlib.sha256()
        with db_path.open("rb") as handle:
            digest.update(handle.read(PAGE))
            if stat.st_size > PAGE:
                handle.seek(max(PAGE, stat.st_size - PAGE))
                digest.update(handle.read(PAGE))
    except OSError:
        return None
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "inode": stat.st_ino,
        "device": stat.st_dev,
        "pages": digest.hexdigest(),
    }


def record_clean_close(db_path: Path) -> None:
    """After the store closed cleanly (its last connection gone): note the file's state, so the next open
    may skip the quick check. Nothing is noted when it cannot be, and the next open checks as before."""
    found = _fingerprint(db_path)
    if found is not None:
        _write_json(db_path.parent / CLEAN_FILE_NAME, found)


def closed_cleanly(db_path: Path) -> bool:
    """True when the file is exactly as the last clean close recorded it."""
    try:
        recorded = json.loads((db_path.parent / CLEAN_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded == _fingerprint(db_path)


def forget_clean_close(db_path: Path) -> None:
    """The store is open for writing: until it closes cleanly again, the next open checks."""
    record = db_path.parent / CLEAN_FILE_NAME
    with contextlib.suppress(FileNotFoundError):
        record.unlink()
        _fsync_dir(db_path.parent)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def run_full_check(db_path: Path, *, now: datetime | None = None) -> CheckResult:
    """The full ``integrity_check`` on a read-only connection of its own (safe beside the open store,
    whose WAL lets it read while answers are written), recorded in the data folder."""
    started = time.perf_counter()
    problem = backups.check_file(db_path, read_only=True)  # a file that cannot be read raises: not damage
    seconds = round(time.perf_counter() - started, 3)
    result = CheckResult(to_utc_iso(now or datetime.now(UTC)), seconds, problem)
    record_full_check(db_path.parent, result)
    return result


def last_full_check(data_dir: Path) -> CheckResult | None:
    """The last full check recorded in ``data_dir`` (None: never, or the record is unreadable)."""
    try:
        data = json.loads((data_dir / RECORD_FILE_NAME).read_text(encoding="utf-8"))
        problem = data.get("problem")
        return CheckResult(
            str(data["checked_at"]),
            float(data.get("seconds", 0.0)),
            None if problem is None else str(problem),
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def record_full_check(data_dir: Path, result: CheckResult) -> None:
    """Write the record (temporary file, fsync, rename: never half written). A folder quizapp may not
    write in only means the check is run again next time."""
    _write_json(
        data_dir / RECORD_FILE_NAME,
        {"checked_at": result.checked_at, "seconds": result.seconds, "problem": result.problem},
    )


def _write_json(target: Path, value: object) -> None:
    """Temporary file, fsync, rename; a folder quizapp may not write in is left alone."""
    text = json.dumps(value)
    try:
        fd, temporary = tempfile.mkstemp(prefix=".integrity-", suffix=".tmp", dir=target.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        filemodes.set_mode(Path(temporary))  # private, or group-writable in a shared folder
        os.replace(temporary, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def full_check_due(data_dir: Path, *, now: datetime | None = None) -> bool:
    """True when no full check is recorded, or the last is :data:`FULL_CHECK_EVERY` old (or from a clock
    set ahead: a date in the future counts as due)."""
    record = last_full_check(data_dir)
    if record is None:
        return True
    try:
        checked = datetime.fromisoformat(record.checked_at)
    except ValueError:
        return True
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    return not (timedelta(0) <= moment - checked < FULL_CHECK_EVERY)
