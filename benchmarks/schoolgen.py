"""Generate a school's progress data quickly: classes of 40, learners with pictures, finished quiz runs and
their answers, written with SQLAlchemy Core ``executemany`` in one transaction (a million answers in well
under a minute, where one ``record_answer`` per answer would take hours with ``synchronous=FULL``).

    .venv/bin/python benchmarks/schoolgen.py DIR LEARNERS ANSWERS
"""

from __future__ import annotations

import json
import sys
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert  # noqa: E402

from quizapp.progress import schema as t  # noqa: E402
from quizapp.progress.store import DB_FILE_NAME, Store  # noqa: E402

PER_CLASS = 40
QUESTIONS = 10
MODULES = 12
CHUNK = 20_000
AVATARS = ("cat", "dog", "owl", "panda", "lion", "rabbit", "bear", "fox", "frog", "penguin")
FIRST = (
    "Ayesha",
    "Bilal",
    "Bushra",
    "Fatima",
    "Hamza",
    "Zainab",
    "Usman",
    "Ali",
    "Sana",
    "Imran",
    "Hira",
    "Omar",
    "Maryam",
    "Saad",
    "Iqra",
    "Yusuf",
    "Noor",
    "Ahmed",
    "Laiba",
    "Hassan",
)
LAST = ("Khan", "Ahmed", "Malik", "Qureshi", "Butt", "Siddiqui", "Shah", "Raza", "Iqbal", "Chaudhry")


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def learner_name(n: int) -> str:
    """Names as a school has them: first and last names repeat, a number tells them apart."""
    return f"{FIRST[n % len(FIRST)]} {LAST[(n // len(FIRST)) % len(LAST)]} {n:05d}"


def make_school(data_dir: Path, learners: int, answers: int, *, per_class: int = PER_CLASS) -> Path:
    """A data folder with ``learners`` learners in classes of ``per_class`` and ``answers`` answers spread
    evenly over them (runs of :data:`QUESTIONS` questions). Returns the database path."""
    data_dir.mkdir(parents=True, exist_ok=True)
    Store.open(data_dir).close()  # the schema, as the app makes it
    db = data_dir / DB_FILE_NAME
    now = datetime.now(UTC)
    created = stamp(now - timedelta(days=120))
    class_ids = [str(uuid.uuid4()) for _ in range(max(1, -(-learners // per_class)))]
    learner_ids = [str(uuid.uuid4()) for _ in range(learners)]
    engine = create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(
            insert(t.classes),
            [
                {
                    "id": cid,
                    "name": f"Class {n // 4 + 1}{'ABCD'[n % 4]}",
                    "archived": False,
                    "created_at": created,
                    "updated_at": created,
                }
                for n, cid in enumerate(class_ids)
            ],
        )
        conn.execute(
            insert(t.learners),
            [
                {
                    "id": lid,
                    "display_name": learner_name(n),
                    "class_id": class_ids[n // per_class],
                    "language": "ur" if n % 3 == 0 else "en",
                    "avatar_id": AVATARS[n % len(AVATARS)],
                    "text_size": 100,
                    "archived": False,
                    "created_at": created,
                    "updated_at": created,
                    "progress_reset_at": None,
                }
                for n, lid in enumerate(learner_ids)
            ],
        )
        for table, rows in _activity(learner_ids, answers, now):
            conn.execute(insert(table), rows)
    engine.dispose()
    return db


def _activity(
    learner_ids: list[str], answers: int, now: datetime
) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
    """Chunks of rows for quiz_runs, attempts and module_progress."""
    questions = [f"q{i}" for i in range(QUESTIONS)]
    order = json.dumps(questions)
    runs: list[dict[str, Any]] = []
    attempts: list[dict[str, Any]] = []
    progress: list[dict[str, Any]] = []
    per_learner, extra = divmod(answers, max(1, len(learner_ids)))
    for li, lid in enumerate(learner_ids):
        count = per_learner + (1 if li < extra else 0)
        best: dict[int, float] = {}
        last_run: dict[int, str] = {}
        done = 0
        ri = 0
        while done < count:
            mi = ri % MODULES
            rid = str(uuid.uuid4())
            start = now - timedelta(days=100) + timedelta(minutes=li % 600 + ri * 7)
            size = min(QUESTIONS, count - done)
            right = 0
            for qi in range(size):
                ok = (li + ri + qi) % 4 != 0
                right += ok
                attempts.append(
                    {
                        "id": str(uuid.uuid4()),
                        "learner_id": lid,
                        "quiz_run_id": rid,
                        "pack_id": "safety",
                        "pack_version": "1.0",
                        "module_id": f"m{mi}",
                        "question_id": questions[qi],
                        "question_type": "single",
                        "answer_json": json.dumps("abcd"[(qi + ri) % 4]),
                        "correct": ok,
                        "rating": None,
                        "points_earned": float(ok),
                        "points_possible": 1.0,
                        "time_ms": 3000 + qi * 100,
                        "answered_at": stamp(start + timedelta(seconds=20 * qi)),
                    }
                )
            score = 100.0 * right / QUESTIONS
            finished = stamp(start + timedelta(seconds=20 * size))
            runs.append(
                {
                    "id": rid,
                    "learner_id": lid,
                    "pack_id": "safety",
                    "pack_version": "1.0",
                    "module_id": f"m{mi}",
                    "question_order": order,
                    "started_at": stamp(start),
                    "finished_at": finished,
                    "score_percent": score,
                    "passed": score >= 70,
                    "updated_at": finished,
                }
            )
            best[mi] = max(best.get(mi, 0.0), score)
            last_run[mi] = rid
            done += size
            ri += 1
        for mi, score in best.items():
            progress.append(
                {
                    "learner_id": lid,
                    "pack_id": "safety",
                    "module_id": f"m{mi}",
                    "pack_version": "1.0",
                    "lesson_read": True,
                    "lesson_position": 0,
                    "quiz_state": "finished",
                    "quiz_run_id": last_run[mi],
                    "question_order": order,
                    "question_index": QUESTIONS,
                    "best_score": score,
                    "passed": score >= 70,
                    "completed_at": stamp(now - timedelta(days=1)),
                    "updated_at": stamp(now - timedelta(days=1)),
                }
            )
        if len(attempts) >= CHUNK:
            yield t.quiz_runs, runs
            yield t.attempts, attempts
            runs, attempts = [], []
        if len(progress) >= CHUNK:
            yield t.module_progress, progress
            progress = []
    if runs:
        yield t.quiz_runs, runs
    if attempts:
        yield t.attempts, attempts
    if progress:
        yield t.module_progress, progress


if __name__ == "__main__":
    import time

    started = time.perf_counter()
    path = make_school(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
    print(f"{path} in {time.perf_counter() - started:.1f} s")
