"""Checking the progress database: a quick check at every open, the full check now and then.

SQLite's full ``PRAGMA integrity_check`` reads every page and every index entry: 5.4 s for a million
answers. ``PRAGMA quick_check`` finds the same damage to pages and records, skipping only the comparison
of each index with its table (0.56 s there). So the store runs the quick check when it opens and the full
check runs on a schedule, off the window's thread (:func:`full_check_due`, :func:`run_full_check`), and on
a teacher's request (``quizapp check``, or the button in the teacher settings).

The last full check is recorded in the data folder (:data:`RECORD_FILE_NAME`, a small JSON file). When it
found a problem, the next open runs the full check instead of the quick one, so the usual recovery from
the newest good backup happens then.
"""

from __future__ import annotations

import contextlib
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
    """What the store checks when it opens: ``quick_check``, or the full check when the last full check
    recorded a problem. None when the file is a sound SQLite database."""
    record = last_full_check(db_path.parent)
    pragma = "integrity_check" if record is not None and not record.ok else "quick_check"
    return backups.check_file(db_path, read_only=read_only, pragma=pragma)


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
    text = json.dumps({"checked_at": result.checked_at, "seconds": result.seconds, "problem": result.problem})
    try:
        fd, temporary = tempfile.mkstemp(prefix=".integrity-", suffix=".tmp", dir=data_dir)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        filemodes.set_mode(Path(temporary))  # private, or group-writable in a shared folder
        os.replace(temporary, data_dir / RECORD_FILE_NAME)
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
