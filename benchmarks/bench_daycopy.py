"""The first change of a day: how long it waits for the day's full backup copy.

    .venv/bin/python benchmarks/run.py daycopy

For a school of 40,000 and of 200,000 answers (made with ``schoolgen.py``), the database is backed up, the
clock moves to the next day, and the first change of that day is timed: as the command line and the tests
run the store (the change makes the copy itself), and as the app runs it (``defer_daily_copy``: the change
only notes the copy, which then runs in a worker thread on a connection of its own, also timed).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for path in (ROOT, HERE):
    if str(path) not in sys.path:
        sys.path.insert(0, str(path))

from schoolgen import make_school  # noqa: E402

from quizapp.progress.store import Store  # noqa: E402

SCHOOLS = ((400, 40_000), (1_000, 200_000))


def _next_day() -> datetime:
    return datetime.now(UTC) + timedelta(days=1)


def _first_change(folder: Path, *, deferred: bool) -> tuple[float, float]:
    """Seconds the first change of the next day took, and (deferred) the worker's copy."""
    with Store.open(folder, clock=_next_day) as store:
        if deferred:
            store.defer_daily_copy()
        started = time.perf_counter()
        store.settings.write("bench_first_change", "1")
        change = time.perf_counter() - started
        worker = 0.0
        job = store.start_daily_copy()
        if job is not None:
            started = time.perf_counter()
            thread = threading.Thread(target=job)
            thread.start()
            thread.join()
            worker = time.perf_counter() - started
    return change, worker


def run() -> list[tuple[str, float | int, str, str]]:
    figures: list[tuple[str, float | int, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for learners, answers in SCHOOLS:
            school = Path(tmp) / f"school-{answers}"
            make_school(school, learners, answers)
            with Store.open(school) as store:
                store.backup_now()  # today's copy: the next change is the next day's first
            size = (school / "quizapp.sqlite3").stat().st_size / 1e6
            for deferred in (False, True):
                copy = Path(tmp) / f"copy-{answers}-{deferred}"
                shutil.copytree(school, copy)
                change, worker = _first_change(copy, deferred=deferred)
                how = "copy in a worker (app)" if deferred else "copy in the change (before)"
                figures.append((f"{answers:,} answers ({size:.0f} MB): first change, {how}", change, "s", ""))
                if deferred:
                    figures.append((f"{answers:,} answers: the worker's copy", worker, "s", ""))
    return figures


if __name__ == "__main__":
    for row in run():
        print(*row)
