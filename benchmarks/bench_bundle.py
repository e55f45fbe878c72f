"""Results export and import at school size: time and peak memory, each in a fresh process.

    .venv/bin/python benchmarks/bench_bundle.py [--answers 1000000] [--learners 500]

Generates a data folder (learners, quiz runs of 10 answers, answers, module progress) straight into a
store's database, then runs ``results export`` (zip and CSV) and ``results import`` into an empty folder
in child processes and prints each one's wall time and peak resident memory (ru_maxrss). The goal of
issue 19: export and import under 300 MB at 1,000,000 answers. Also: refusing a file whose zip header
claims a huge member, and refusing a damaged copy of the big file (a byte flipped in the middle).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quizapp.progress import backup  # noqa: E402
from quizapp.progress.store import DB_FILE_NAME, Store  # noqa: E402

STAMP = "2026-03-02T09:{:02d}:{:02d}.{:03d}+00:00"


def _stamp(n: int) -> str:
    return STAMP.format((n // 60000) % 60, (n // 1000) % 60, n % 1000)


def generate(data: Path, learners: int, answers: int) -> None:
    with Store.open(data) as store:
        klass = store.people.create_class("Class 7")
        ids = [store.people.create_learner(f"Learner {i}", class_id=klass.id).id for i in range(learners)]
    conn = sqlite3.connect(data / DB_FILE_NAME)
    order = json.dumps([f"q{i}" for i in range(10)])
    runs, attempts, progress = [], [], []
    n = 0
    while n < answers:
        learner = ids[(n // 10) % learners]
        run_id = str(uuid.UUID(int=n + 1))
        module = f"m{(n // (10 * learners)) % 2000}"
        stamp = _stamp(n)
        runs.append((run_id, learner, "safety", "1.0", module, order, stamp, stamp, 80.0, 1, stamp))
        for q in range(10):
            attempts.append(
                (
                    str(uuid.UUID(int=(1 << 100) + n)),
                    learner,
                    run_id,
                    "safety",
                    "1.0",
                    module,
                    f"q{q}",
                    "single",
                    '"a"',
                    1,
                    None,
                    1.0,
                    1.0,
                    1500,
                    stamp,
                )
            )
            n += 1
        if len(attempts) >= 100_000:
            _flush(conn, runs, attempts)
    _flush(conn, runs, attempts)
    for i, learner in enumerate(ids):
        progress.append(
            (learner, "safety", "m0", "1.0", 1, 0, "finished", None, "[]", 0, 80.0, 1, _stamp(i), _stamp(i))
        )
    conn.executemany("INSERT OR IGNORE INTO module_progress VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", progress)
    # written behind the store's back: count it as a change, as the store itself would
    conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'generation'")
    conn.commit()
    conn.close()


def _flush(conn: sqlite3.Connection, runs: list[tuple], attempts: list[tuple]) -> None:  # type: ignore[type-arg]
    conn.executemany("INSERT INTO quiz_runs VALUES (?,?,?,?,?,?,?,?,?,?,?)", runs)
    conn.executemany("INSERT INTO attempts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", attempts)
    conn.commit()
    runs.clear()
    attempts.clear()


BACKUP = (
    "import sys; from pathlib import Path; from quizapp.progress.store import Store\n"
    "s = Store.open(Path(sys.argv[2])); p = s.backup_now(); s.close()\n"
    "rc = 0"
)


def measure(args: list[str], body: str | None = None) -> tuple[float, float, int]:
    """(seconds, peak MB, exit code) of ``quizapp ARGS`` (or of ``body``) in a fresh process."""
    run = body or "from quizapp.cli.main import main; rc = main(sys.argv[1:])"
    code = (
        f"import resource, sys\n{run}\n"
        "sys.stderr.write(f'\\nPEAK {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n'); sys.exit(rc)"
    )
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - started
    peak = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK"))
    if done.returncode:
        print("   ", done.stderr.strip().splitlines()[-2][:200])
    return elapsed, peak / 1024, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--learners", type=int, default=500)
    parser.add_argument("--only", help="run only the operations whose label contains this word (e.g. csv)")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-bundle-") as tmp:
        base = Path(tmp)
        data, into = base / "school", base / "empty"
        started = time.perf_counter()
        generate(data, opts.learners, opts.answers)
        size = (data / DB_FILE_NAME).stat().st_size
        print(
            f"generated {opts.learners} learners, {opts.answers} answers: {size / 1e6:.0f} MB database "
            f"in {time.perf_counter() - started:.0f} s"
        )
        Store.open(into).close()
        rows = []
        for label, args in (
            (
                "results export (zip)",
                ["--data-dir", str(data), "results", "export", "--out", str(base / "r.zip")],
            ),
            (
                "results export (json)",
                ["--data-dir", str(data), "results", "export", "--out", str(base / "r.json")],
            ),
            (
                "results export (csv)",
                ["--data-dir", str(data), "results", "export", "--out", str(base / "r.csv")],
            ),
            ("results import (zip)", ["--data-dir", str(into), "results", "import", str(base / "r.zip")]),
        ):
            if opts.only and opts.only not in label:
                continue
            secs, peak, rc = measure(args)
            rows.append((label, secs, peak, rc))
        damaged = base / "damaged.zip"
        if not (base / "r.zip").exists():
            damaged.write_bytes(b"")
        if not opts.only or opts.only in "backup":
            secs, peak, rc = measure(["backup", str(data)], BACKUP)
            packed = backup.list_backups(data / "backups")[0].path.stat().st_size / 1e6
            rows.append((f"backup_now (compressed copy, {packed:.0f} MB)", secs, peak, rc))
        if (base / "r.zip").exists():
            raw = bytearray((base / "r.zip").read_bytes())
            raw[len(raw) // 2] ^= 0xFF
            damaged.write_bytes(bytes(raw))
            secs, peak, rc = measure(["--data-dir", str(into), "results", "import", str(damaged)])
            rows.append(("refuse a damaged zip (byte flipped)", secs, peak, rc))
        print(f"{'operation':40} {'time s':>8} {'peak MB':>8} {'exit':>5}")
        for label, secs, peak, rc in rows:
            print(f"{label:40} {secs:8.1f} {peak:8.0f} {rc:5d}")
        for name in ("r.zip", "r.json", "r.csv"):
            if (base / name).exists():
                print(f"{name}: {os.path.getsize(base / name) / 1e6:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
