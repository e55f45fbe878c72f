"""The garbage collection the GUI thread runs each time it hands work to a worker thread.

    .venv/bin/python benchmarks/run.py gc

``BackgroundCall.start`` collects once on the GUI thread before a worker runs (so that no collection in the
worker finalises Qt objects). On a lab PC that is every sync with the school server (every two minutes) and
every probe of it. The app, as it is after start-up (40 learners, the built-in packs read, a learner's home
screen drawn) and after a child's lesson and quiz, is measured in a process of its own: a full collection
with everything start-up made in the collector's care (before), and with those objects set aside by
``gc.freeze`` as ``quizapp.ui.app.StartUpObjects`` does (the app).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 7

DRIVER = textwrap.dedent(
    """
    import gc, statistics, tempfile, time
    from pathlib import Path
    from quizapp.progress.store import Store
    from quizapp.ui.app import open_main_window
    from quizapp.ui.autopilot import Autopilot, settle

    data = Path(tempfile.mkdtemp())
    store = Store.open(data)
    store.settings.show_example_pack = True
    for n in range(40):
        store.people.create_learner(f"Learner {n:02d}")
    window = open_main_window(data, store)
    window.resize(1024, 600)
    window.show()
    window.ctx.library.prepare()
    import quizapp.services.learning  # what the start-up worker imports
    pilot = Autopilot(window)
    pilot.create_learner("Sana")
    window.home.tiles
    settle()

    def collection() -> float:
        times = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            gc.collect()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    tracked = len(gc.get_objects())
    if FREEZE:
        gc.collect()
        gc.freeze()
    # a child's session: the example module's lesson and quiz, then home again
    pilot.open_module("example", "safe-basics")
    pilot.read_lesson()
    quiz = window.quiz
    while window.current_screen() is quiz:
        pilot.answer()
        pilot.check()
        pilot.next()
    settle()
    print(tracked, gc.get_freeze_count(), collection())
    """
).replace("ROUNDS", str(ROUNDS))


def _session(freeze: bool) -> tuple[int, int, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    driver = DRIVER.replace("FREEZE", str(freeze))
    out = subprocess.run(
        [sys.executable, "-c", driver], capture_output=True, text=True, env=env, check=True, cwd=ROOT
    ).stdout.split()
    return int(out[-3]), int(out[-2]), float(out[-1])


def run() -> list[tuple[str, float | int, str, str]]:
    tracked, _, before = _session(False)
    _, frozen, after = _session(True)
    return [
        ("objects tracked after start-up", tracked, "", ""),
        ("objects set aside at start-up (gc.freeze)", frozen, "", ""),
        ("after a quiz, a worker handed work: collection on the GUI thread, before", before * 1000, "ms", ""),
        ("the same with start-up's objects set aside (app)", after * 1000, "ms", ""),
    ]


if __name__ == "__main__":
    for row in run():
        print(*row)
