"""School server figures: answers per second and answer latency (p50, p99) with 40 learners answering at
once on one PostgreSQL database, each learner its own process (its own PC), as in a lab.

    .venv/bin/python benchmarks/run.py server
    QUIZAPP_BENCH_DATABASE=postgresql://... .venv/bin/python benchmarks/run.py server   # a real server

Without QUIZAPP_BENCH_DATABASE a throwaway server is started as the tests do (tests/pg.py: Debian's
postgresql package, fsync off, so the figures leave out the server's disk); nothing is printed when none can
start. Every learner opens the store, then answers 25 questions timing each ``record_answer``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LEARNERS = 40
ANSWERS = 25

LEARNER = """
import json, sys, time
from pathlib import Path
from quizapp.progress.store import Store
import random
url, folder, n, go = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
pause = float(sys.argv[5])  # mean pause between answers (s); 0: none
with Store.open(folder, database=url) as store:
    learner = store.people.create_learner("Child " + folder.name)
    run = store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", [f"q{i}" for i in range(n)])
    (folder / "ready").write_text("ready")
    while not go.exists():
        time.sleep(0.01)
    times = []
    began = time.time()
    if pause:  # children do not all press at the same millisecond: each starts at a random moment
        time.sleep(random.uniform(0.0, 1.5) * pause)
    for i in range(n):
        t0 = time.perf_counter()
        store.runs.record_answer(learner_id=learner.id, quiz_run_id=run.id, pack_id="safety",
            pack_version="1.0", module_id="passwords", question_id=f"q{i}", question_type="single",
            answer="a", correct=True, points_earned=1, points_possible=1, time_ms=900, next_index=i + 1)
        times.append(time.perf_counter() - t0)
        if pause:
            time.sleep(random.uniform(0.5, 1.5) * pause)
    done = time.time()
print(json.dumps({"times": times, "began": began, "done": done}))
"""


def _alone(url: str, folder: Path, n: int = 200) -> tuple[float, float]:
    """One learner alone on the server: the median answer latency (ms) and the statements sent per answer
    (each a round trip, besides BEGIN and COMMIT)."""
    from sqlalchemy import event

    from quizapp.progress.store import Store

    with Store.open(folder, database=url) as store:
        learner = store.people.create_learner("Alone")
        run = store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", [f"q{i}" for i in range(n)])
        sent: list[str] = []
        engine = store._db.engine
        event.listen(engine, "before_cursor_execute", lambda *args: sent.append(args[2]))
        times = []
        for i in range(n):
            t0 = time.perf_counter()
            store.runs.record_answer(
                learner_id=learner.id, quiz_run_id=run.id, pack_id="safety", pack_version="1.0",
                module_id="passwords", question_id=f"q{i}", question_type="single", answer="a", correct=True,
                points_earned=1, points_possible=1, time_ms=900, next_index=i + 1,
            )  # fmt: skip
            times.append(time.perf_counter() - t0)
    times.sort()
    return times[len(times) // 2] * 1000, len(sent) / n


def _round(url: str, tmp: Path, pause: float) -> tuple[list[float], float, int]:
    """40 learner processes answering at once; returns every answer's latency (s), the answers per second
    from the signal to the last answer, and how many learners started over 0.5 s late."""
    go = tmp / "go"
    folders = [tmp / f"pc{i}" for i in range(LEARNERS)]
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", LEARNER, url, str(folder), str(ANSWERS), str(go), str(pause)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )
        for folder in folders
    ]
    deadline = time.time() + 300
    while not all((f / "ready").exists() for f in folders) and time.time() < deadline:
        time.sleep(0.05)
    start_at = time.time()
    go.write_text("go")  # every learner connected, its run started: all answer at once
    results = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    end = max(r["done"] for r in results)
    late = sum(1 for r in results if r["began"] > start_at + 0.5)  # slow to see the signal: less at once
    times = sorted(t for r in results for t in r["times"])
    return times, len(times) / max(end - start_at, 1e-9), late


def _ms(times: list[float], q: float) -> float:
    return times[min(len(times) - 1, int(q * len(times)))] * 1000


def _measure(urls: list[str]) -> list[tuple[str, Any, str, str]]:
    from quizapp.progress.store import Store

    rows: list[tuple[str, Any, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for url in urls:
            with Store.open(Path(tmp) / "init", database=url):
                pass  # the schema first, so the figures are answers only
        alone_ms, statements = _alone(urls[0], Path(tmp) / "alone")
        rows += [
            ("statements per answer (one learner)", statements, "statements", ""),
            ("answer latency p50, one learner alone", alone_ms, "ms", ""),
            ("learners at once", LEARNERS, "processes", ""),
        ]
        for (name, pause), url in zip((("burst", 0.0), ("lab pace", 1.0)), urls, strict=True):
            folder = Path(tmp) / name.replace(" ", "-")
            folder.mkdir()
            times, per_second, late = _round(url, folder, pause)
            rows += [
                (f"{name}: answers stored", len(times), "answers", f"== {LEARNERS * ANSWERS}"),
                (f"{name}: learners starting over 0.5 s late", late, "processes", "0"),
                (f"{name}: answers per second", per_second, "answers/s", ""),
                (f"{name}: answer latency p50", _ms(times, 0.50), "ms", ""),
                (f"{name}: answer latency p99", _ms(times, 0.99), "ms", "< 50" if pause else ""),
            ]
    return rows


def run() -> list[tuple[str, Any, str, str]]:
    url = os.environ.get("QUIZAPP_BENCH_DATABASE", "").strip()
    if url:  # both rounds on it (the second adds its answers to the first's)
        return _measure([url, url])
    from tests.pg import PgUnavailable, remove_server, start_server

    try:
        server = start_server()
    except PgUnavailable as exc:
        print(f"[server: skipped: {exc}]", file=sys.stderr)
        return []
    try:
        return _measure([server.create_database(), server.create_database()])
    finally:
        remove_server(server)


if __name__ == "__main__":
    for row in run():
        print(*row)
