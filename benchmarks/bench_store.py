"""Progress store figures: answer recording cost, class summary speed, database size, import cost, and the
teacher's operations on a whole class (CSV export, merging two learners, resetting the class).

    .venv/bin/python benchmarks/run.py store

Recording is compared with a bare sqlite3 INSERT + COMMIT into the same table with the same pragmas (WAL,
synchronous=FULL) in the same folder, alternating the two so disk noise hits both alike.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from quizapp.progress.store import DB_FILE_NAME, Store  # noqa: E402

Figure = tuple[str, float | int, str, str]
ROUNDS = 300
LEARNERS, MODULES, QUESTIONS, RUNS = 40, 12, 15, 3


def _bare_connection(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _record_figures(folder: Path) -> list[Figure]:
    with Store.open(folder / "store") as store:
        learner = store.people.create_learner("Bench")
        run = store.runs.start_quiz_run(learner.id, "bench", "1.0", "m1", [f"q{i}" for i in range(10)])
    # the baseline writes into a copy of the same database: same table, indexes and foreign keys
    shutil.copyfile(folder / "store" / DB_FILE_NAME, folder / "bare.sqlite3")
    bare = _bare_connection(folder / "bare.sqlite3")
    store = Store.open(folder / "store")
    sql = "INSERT INTO attempts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    bare_times: list[float] = []
    store_times: list[float] = []
    store_next_times: list[float] = []

    def via_store(n: int, next_index: int | None) -> None:
        store.runs.record_answer(
            learner_id=learner.id,
            quiz_run_id=run.id,
            pack_id="bench",
            pack_version="1.0",
            module_id="m1",
            question_id=f"q{n % 10}",
            question_type="multiple",
            answer=["a", "c"],
            correct=True,
            points_earned=1,
            points_possible=1,
            time_ms=1234,
            next_index=next_index,
        )

    for n in range(ROUNDS):
        t0 = time.perf_counter()
        bare.execute("BEGIN")
        bare.execute(
            sql,
            (
                str(uuid.uuid4()),
                learner.id,
                run.id,
                "bench",
                "1.0",
                "m1",
                f"q{n % 10}",
                "multiple",
                json.dumps(["a", "c"]),
                1,
                None,
                1.0,
                1.0,
                1234,
                datetime.now(UTC).isoformat(timespec="milliseconds"),
            ),
        )
        bare.execute("COMMIT")
        t1 = time.perf_counter()
        via_store(n, None)
        t2 = time.perf_counter()
        via_store(n, n % 10 + 1)
        t3 = time.perf_counter()
        bare_times.append(t1 - t0)
        store_times.append(t2 - t1)
        store_next_times.append(t3 - t2)
    bare.close()
    store.close()
    bare_ms = statistics.median(bare_times) * 1000
    store_ms = statistics.median(store_times) * 1000
    next_ms = statistics.median(store_next_times) * 1000
    return [
        ("bare sqlite3 INSERT+COMMIT (median)", bare_ms, "ms", ""),
        ("record_answer (median)", store_ms, "ms", ""),
        ("record_answer / bare", store_ms / bare_ms, "x", ""),
        ("record_answer with next_index (median)", next_ms, "ms", ""),
        ("record_answer with next_index (the app's path) / bare", next_ms / bare_ms, "x", "<= 1.5x"),
    ]


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="milliseconds")


def class_snapshot(now: datetime) -> dict[str, list[dict[str, Any]]]:
    """40 learners x 12 modules x 15 questions x 3 runs = 21,600 answers, as a mergeable snapshot."""
    class_id = str(uuid.uuid4())
    created = _stamp(now - timedelta(days=60))
    snap: dict[str, list[dict[str, Any]]] = {
        "classes": [
            {"id": class_id, "name": "5A", "archived": False, "created_at": created, "updated_at": created}
        ],
        "learners": [],
        "quiz_runs": [],
        "attempts": [],
        "module_progress": [],
        "resume_points": [],
    }
    questions = [f"q{i}" for i in range(QUESTIONS)]
    order = json.dumps(questions)
    for li in range(LEARNERS):
        lid = str(uuid.uuid4())
        snap["learners"].append(
            {
                "id": lid,
                "display_name": f"Learner {li}",
                "class_id": class_id,
                "language": "ur",
                "avatar_id": "owl",
                "text_size": 100,
                "archived": False,
                "created_at": created,
                "updated_at": created,
            }
        )
        for mi in range(MODULES):
            best = 0.0
            for ri in range(RUNS):
                rid = str(uuid.uuid4())
                start = now - timedelta(days=50 - mi * 4 - ri, minutes=li)
                right = 0
                for qi, q in enumerate(questions):
                    ok = (li + mi + ri + qi) % 4 != 0
                    right += ok
                    snap["attempts"].append(
                        {
                            "id": str(uuid.uuid4()),
                            "learner_id": lid,
                            "quiz_run_id": rid,
                            "pack_id": "safety",
                            "pack_version": "1.0",
                            "module_id": f"m{mi}",
                            "question_id": q,
                            "question_type": "single",
                            "answer_json": json.dumps("abcd"[(qi + ri) % 4]),
                            "correct": ok,
                            "rating": None,
                            "points_earned": float(ok),
                            "points_possible": 1.0,
                            "time_ms": 3000 + qi * 100,
                            "answered_at": _stamp(start + timedelta(seconds=20 * qi)),
                        }
                    )
                score = 100.0 * right / QUESTIONS
                best = max(best, score)
                end = _stamp(start + timedelta(minutes=6))
                snap["quiz_runs"].append(
                    {
                        "id": rid,
                        "learner_id": lid,
                        "pack_id": "safety",
                        "pack_version": "1.0",
                        "module_id": f"m{mi}",
                        "question_order": order,
                        "started_at": _stamp(start),
                        "finished_at": end,
                        "score_percent": score,
                        "passed": score >= 70,
                        "updated_at": end,
                    }
                )
            snap["module_progress"].append(
                {
                    "learner_id": lid,
                    "pack_id": "safety",
                    "module_id": f"m{mi}",
                    "pack_version": "1.0",
                    "lesson_read": True,
                    "lesson_position": 5,
                    "quiz_state": "finished",
                    "quiz_run_id": rid,
                    "question_order": order,
                    "question_index": QUESTIONS,
                    "best_score": best,
                    "passed": best >= 70,
                    "completed_at": end if best >= 70 else None,
                    "updated_at": end,
                }
            )
    return snap


def _timed(fn: Any, repeat: int = 15) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def _db_bytes(data_dir: Path) -> int:
    conn = sqlite3.connect(data_dir / DB_FILE_NAME)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return (data_dir / DB_FILE_NAME).stat().st_size


def _summary_figures(folder: Path) -> list[Figure]:
    empty_dir, full_dir = folder / "empty", folder / "class"
    with Store.open(empty_dir):
        pass
    empty = _db_bytes(empty_dir)
    snap = class_snapshot(datetime.now(UTC))
    with Store.open(full_dir) as store:
        t0 = time.perf_counter()
        store.snapshots.merge_snapshot(snap, source="bench")
        merge_s = time.perf_counter() - t0
    # reopen: a teacher reads reports in a later session, not through the WAL of a 21,600-answer import
    with Store.open(full_dir) as store:
        class_id = snap["classes"][0]["id"]
        attempts = store.reports.counts()["attempts"]
        summary_ms = _timed(lambda: store.reports.class_summary(class_id))
        since = datetime.now(UTC) - timedelta(days=14)
        ranged_ms = _timed(lambda: store.reports.class_summary(class_id, since=since))
        stats_ms = _timed(lambda: store.reports.question_stats(class_id))
        cells = len(store.reports.class_summary(class_id).cells)
    size = _db_bytes(full_dir)
    per_10k = (size - empty) / attempts * 10_000
    return [
        ("answers in the benchmark class", attempts, "", "40x12x15x3 = 21600"),
        ("summary cells", cells, "", ""),
        ("class_summary (median)", summary_ms, "ms", "< 50 ms"),
        ("class_summary last 14 days (median)", ranged_ms, "ms", "< 50 ms"),
        ("question_stats (median)", stats_ms, "ms", ""),
        ("merge 21600 answers (results import)", merge_s, "s", ""),
        ("database size per 10,000 answers", per_10k / 1e6, "MB", ""),
    ]


def _teacher_figures(folder: Path) -> list[Figure]:
    """On a copy of the benchmark class: CSV of every answer, merging two learners, resetting the class."""
    from quizapp.progress.csvexport import export_results_csv

    data = folder / "teacher"
    snap = class_snapshot(datetime.now(UTC))
    with Store.open(data) as store:
        store.snapshots.merge_snapshot(snap, source="bench")
    with Store.open(data) as store:
        t0 = time.perf_counter()
        saved = export_results_csv(store, folder / "results.csv")
        csv_s = time.perf_counter() - t0
        keep, twin = (x["id"] for x in snap["learners"][:2])
        t0 = time.perf_counter()
        store.people.merge_learners(keep, twin)
        merge_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        reset = store.people.reset_class_progress(snap["classes"][0]["id"])
        reset_s = time.perf_counter() - t0
        left = store.reports.counts()["attempts"]
    with Store.open(folder / "again") as store:  # importing the old file after a reset: nothing comes back
        store.snapshots.merge_snapshot(snap, source="bench")
        store.people.reset_class_progress(snap["classes"][0]["id"])
        t0 = time.perf_counter()
        report = store.snapshots.merge_snapshot(snap, source="bench")
        reimport_s = time.perf_counter() - t0
    return [
        (f"CSV export of {saved.answer_rows} answers + {saved.summary_rows} summary rows", csv_s, "s", ""),
        (f"merge_learners ({2 * MODULES * QUESTIONS * RUNS} answers, one transaction)", merge_ms, "ms", ""),
        (f"reset_class_progress ({len(reset)} learners, one transaction)", reset_s, "s", ""),
        ("answers left after the class reset", left, "", "0"),
        ("re-import after the reset: answers left out", report.skipped_before_reset, "", "21600"),
        ("re-import after the reset", reimport_s, "s", ""),
    ]


def _import_figures() -> list[Figure]:
    code = "import time, sys; t = time.perf_counter(); import {mod}; print((time.perf_counter() - t) * 1000)"
    out: list[Figure] = []
    for label, mod in (
        ("import quizapp.progress.store", "quizapp.progress.store"),
        ("import sqlalchemy", "sqlalchemy"),
    ):
        runs = []
        for _ in range(5):
            done = subprocess.run(
                [sys.executable, "-c", code.format(mod=mod)],
                capture_output=True,
                text=True,
                check=True,
                cwd=ROOT,
            )
            runs.append(float(done.stdout))
        out.append((f"{label} (median of 5, warm cache)", statistics.median(runs), "ms", ""))
    return out


def run() -> list[Figure]:
    folder = Path(tempfile.mkdtemp(prefix="quizapp-bench-store-", dir=HERE))
    try:
        return [
            *_record_figures(folder),
            *_summary_figures(folder),
            *_teacher_figures(folder),
            *_import_figures(),
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for figure in run():
        print(figure)
