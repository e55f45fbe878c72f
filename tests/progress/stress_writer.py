"""Helper process for test_crash.py (not a test): writes answers and acknowledges each commit.

    python stress_writer.py DATA_DIR

Reads commands on stdin. ``go`` forks a writer child (the parent has already imported SQLAlchemy, so a
child costs milliseconds, not a fresh interpreter) and prints ``child PID``; the child opens the store and
records answers forever, printing ``sync N`` (the ``PRAGMA synchronous`` in force on the store's connection;
2 is FULL) once open and ``ack ATTEMPT_ID`` after each commit returns. When the child is gone
the parent prints ``reaped PID STATUS``. ``quit`` ends.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import quizapp.progress.sqlitefile  # noqa: F401  (preload before forking)
from quizapp.progress.store import Store


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode())


def write_forever(data_dir: Path) -> None:
    store = Store.open(data_dir)
    raw = store._db.raw()  # type: ignore[attr-defined]  # the connection every answer is written through
    if os.environ.get("QUIZAPP_STRESS_WEAKEN") == "1":  # for the test that proves the guard works
        raw.execute("PRAGMA synchronous=OFF")
    _say(f"sync {raw.execute('PRAGMA synchronous').fetchone()[0]}")
    learners = store.people.list_learners()
    learner = learners[0] if learners else store.people.create_learner("Stress")
    questions = [f"q{i}" for i in range(1, 11)]
    run = store.runs.start_quiz_run(learner.id, "stress", "1.0", "crash", questions)
    for n in range(1_000_000):
        attempt = store.runs.record_answer(
            learner_id=learner.id,
            quiz_run_id=run.id,
            pack_id="stress",
            pack_version="1.0",
            module_id="crash",
            question_id=questions[n % len(questions)],
            question_type="multiple",
            answer=["a", "c", str(n)],
            correct=n % 3 != 0,
            points_earned=1 if n % 3 else 0,
            points_possible=1,
            time_ms=n,
            next_index=n % len(questions) + 1,
        )
        _say(f"ack {attempt.id}")


def serve(data_dir: Path) -> None:
    for line in sys.stdin:
        command = line.strip()
        if command == "quit":
            return
        if command != "go":
            continue
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(data_dir)
            finally:
                os._exit(0)
        _say(f"child {pid}")
        _, status = os.waitpid(pid, 0)
        _say(f"reaped {pid} {status}")


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
