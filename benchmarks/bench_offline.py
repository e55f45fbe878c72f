"""Offline lab PC figures: how long a PC waits before it works on its own copy when the school server is
stopped (nothing listening) or hung (connections accepted, never answered); how long a command takes to fail
with the server stopped; and how fast a PC's offline answers are sent when the server is back, and how long
a sync with nothing new takes (the app's every-two-minutes sync).

    .venv/bin/python benchmarks/run.py offline

A throwaway server is started as the tests do (tests/pg.py: Debian's postgresql, fsync off); nothing is
printed when none can start. The PC records LEARNERS x ANSWERS answers offline (one quiz try per learner).
"""

from __future__ import annotations

import os
import socket
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
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

LEARNERS = 200
ANSWERS = 25
SCHOOL_LEARNERS = 4000


def _fallback_seconds(url: str, folder: Path) -> float:
    from quizapp.services.offline import LabOpener

    lab = LabOpener(url)
    started = time.perf_counter()
    with lab(folder):
        seconds = time.perf_counter() - started
    assert lab.offline
    return seconds


def _measure(server: Any, tmp: Path) -> list[tuple[str, Any, str, str]]:
    from quizapp.progress.store import Store
    from quizapp.services.offline import LabOpener
    from quizapp.services.sync import sync_now

    url = server.create_database()
    pc = tmp / "pc"
    sync_now(pc, url)
    server.stop()
    stopped = _fallback_seconds(url, pc)
    with socket.socket() as hole:
        hole.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        hole.bind(("127.0.0.1", server.port))
        hole.listen(64)
        hung = _fallback_seconds(url, pc)
        started = time.perf_counter()
        command = ["--data-dir", str(tmp / "cli"), "results", "export", "--out", str(tmp / "r.csv")]
        done = subprocess.run(
            [sys.executable, "-m", "quizapp", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env={**os.environ, "QUIZAPP_DATABASE": url},
            check=False,
        )
        command_hung = time.perf_counter() - started
    assert done.returncode != 0
    with LabOpener(url)(pc) as local:
        for n in range(LEARNERS):
            learner = local.people.create_learner(f"Child {n}")
            run = local.runs.start_quiz_run(
                learner.id, "safety", "1.0", "passwords", [f"q{i}" for i in range(ANSWERS)]
            )
            for i in range(ANSWERS):
                local.runs.record_answer(
                    learner_id=learner.id, quiz_run_id=run.id, pack_id="safety", pack_version="1.0",
                    module_id="passwords", question_id=f"q{i}", question_type="single", answer="a",
                    correct=True, points_earned=1, points_possible=1, time_ms=900, next_index=i + 1,
                )  # fmt: skip
            local.runs.finish_quiz_run(run.id, score_percent=100.0, passed=True)
        server.start()
        started = time.perf_counter()
        report = sync_now(pc, url, local=local)
        first = time.perf_counter() - started
        started = time.perf_counter()
        again = sync_now(pc, url, local=local)
        idle = time.perf_counter() - started
    with Store.open(tmp / "check", database=url) as on_server:
        stored = on_server.reports.counts()["attempts"]
    total = LEARNERS * ANSWERS
    school_idle = _school_idle_sync(server.create_database(), tmp / "school")
    return [
        ("fall back, server stopped", stopped, "s", "a few s"),
        ("fall back, server hung", hung, "s", "<= 5 s wait"),
        ("command fails, server hung", command_hung, "s", "< 30"),
        ("answers sent after the outage", report.answers_sent, "answers", f"== {total}"),
        ("answers on the server", stored, "answers", f"== {total}"),
        ("batches", report.batches, "batches", ""),
        ("sync of the outage", first, "s", ""),
        ("answers sent per second", report.answers_sent / first, "answers/s", ""),
        ("sync with nothing new", idle, "s", ""),
        ("answers sent again", again.answers_sent, "answers", "0"),
        (f"sync with nothing new, {SCHOOL_LEARNERS:,} learners", school_idle, "s", ""),
    ]


def _school_idle_sync(url: str, pc: Path) -> float:
    """The every-two-minutes sync with nothing new on a PC whose copy holds a whole school's roster (its
    classes' settings are compared with the server's too), best of three."""
    from schoolgen import make_school

    from quizapp.progress.store import Store
    from quizapp.services.sync import sync_now

    make_school(pc, SCHOOL_LEARNERS, SCHOOL_LEARNERS * 5)
    sync_now(pc, url)
    with Store.open(pc, database="sqlite") as local:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            sync_now(pc, url, local=local)
            times.append(time.perf_counter() - started)
    return min(times)


def run() -> list[tuple[str, Any, str, str]]:
    from tests.pg import PgUnavailable, remove_server, start_server

    try:
        server = start_server()
    except PgUnavailable as exc:
        print(f"[offline: skipped: {exc}]", file=sys.stderr)
        return []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            return _measure(server, Path(tmp))
    finally:
        remove_server(server)


if __name__ == "__main__":
    for row in run():
        print(*row)
