"""Start-up, home screen and install cost with 1, 10 and 40 installed packs of 500 questions (issue 15).

For each count N (packs installed with ``PackManager.install``, as a teacher would):

- ``install one more``: installing the (N+1)th pack of 500 questions (validates that pack only);
- ``catalogue at start``: a fresh catalogue (as at start-up) listing every module for one age group,
  which is what the home screen asks for;
- ``home screen drawn``: a new process that opens the store, builds the main window, does the start-up
  work in a worker thread as the app does while the picker is on screen (reads the catalogue, imports what
  a tap needs), then times a learner's tap until the home screen's module grid is first drawn (offscreen
  Qt). The home screen makes the first row of module tiles before it is drawn and the others after, a few
  at a time between drawings; ``all tiles made`` is the time until the last one is made. Each pack here
  has one module of 500 questions, so one tile per pack: once for a learner who sees every pack (N
  tiles), once for a learner whose class was given one pack (1 tile: what the installed packs cost).

Each figure is the best of five runs (the machine is shared); the install is also given in CPU time of the
process, which a busy machine moves less than the wall-clock time. Goal: the 40-pack figures within 1.2x
of the 1-pack ones. Run with
``.venv/bin/python benchmarks/run.py catalogue``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packgen import generate_pack

COUNTS = tuple(int(c) for c in os.environ.get("BENCH_PACK_COUNTS", "1,10,40").split(","))
QUESTIONS = 500
ROUNDS = 5
ROOT = Path(__file__).resolve().parent.parent

HOME = textwrap.dedent(
    """
    import sys, time
    started = time.perf_counter()
    from pathlib import Path
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from quizapp.progress.store import Store
    from quizapp.services.library import PackLibrary
    from quizapp.ui.app import warm_up
    from quizapp.ui.context import AppContext
    from quizapp.ui.main_window import MainWindow
    data, builtin = Path(sys.argv[1]), Path(sys.argv[2])
    store = Store.open(data)
    ctx = AppContext(data_dir=data, store=store, library=PackLibrary(builtin, data / "packs"))
    window = MainWindow(ctx)
    window.resize(1024, 600)
    window.show()
    learner = next(x for x in store.people.list_learners() if x.display_name == sys.argv[3])
    # As the app does (app.py): the catalogue is read by a worker while the picker is on screen, before a
    # learner can tap; that read is the "catalogue at start" figure.
    from quizapp.services.opening import BackgroundJob
    BackgroundJob(warm_up(window.ctx.library)).wait()
    marks = {}
    class Drawn(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and "drawn" not in marks:
                marks["drawn"] = (time.perf_counter() - t0, time.process_time() - c0)
            return False
    drawn = Drawn()
    window.home.grid.installEventFilter(drawn)
    t0, c0 = time.perf_counter(), time.process_time()
    window.choose_learner(learner.id)
    def ready():
        if "drawn" not in marks or window.home.building:
            QTimer.singleShot(0, ready)
            return
        seconds, cpu = marks["drawn"]
        every = time.perf_counter() - t0
        print(f"ready {seconds:.4f} {len(window.home.tiles)} {cpu:.4f} {every:.4f}", flush=True)
        app.quit()
    QTimer.singleShot(0, ready)
    app.exec()
    store.close()
    """
)


def _template(root: Path) -> Path:
    folder = root / "template"
    generate_pack(folder, questions=QUESTIONS, per_module=QUESTIONS)
    (folder / "pack.yaml").write_text(
        textwrap.dedent(
            """\
            id: bench-0
            title: {en: Bench pack, ur: بینچ پیک}
            version: "1.0"
            authors: [bench]
            licence: CC0-1.0
            default_language: en
            languages: [en, ur]
            review_status: {en: reviewed, ur: draft}
            audience: [students]
            modules:
              - modules/module-0.yaml
            """
        ),
        encoding="utf-8",
    )
    return folder


def _copy(template: Path, root: Path, n: int) -> Path:
    folder = root / f"src-{n}"
    shutil.copytree(template, folder)
    manifest = folder / "pack.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("bench-0", f"bench-{n}"), "utf-8")
    return folder


def _home(data: Path, builtin: Path, learner: str) -> tuple[float, int, float, float]:
    times, cpus, everys, tiles = [], [], [], 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    for _ in range(ROUNDS):
        out = subprocess.run(
            [sys.executable, "-c", HOME, str(data), str(builtin), learner],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=600,
        ).stdout
        line = next(x for x in out.splitlines() if x.startswith("ready "))
        _, seconds, count, cpu, every = line.split()
        times.append(float(seconds))
        cpus.append(float(cpu))
        everys.append(float(every))
        tiles = int(count)
    return min(times), tiles, min(cpus), min(everys)


def run() -> list[tuple[str, float | int, str, str]]:
    from quizapp.progress.store import Store
    from quizapp.services.learning import LearningService
    from quizapp.services.library import PackLibrary
    from quizapp.services.teacher.packs import PackManager

    figures: list[tuple[str, float | int, str, str]] = []
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        template = _template(root)
        builtin = root / "no-builtin"
        builtin.mkdir()
        with Store.open(root / "warm-up") as store:  # imports and model set-up are not counted
            PackManager(store, root / "warm-up", builtin).install(_copy(template, root / "warm", 0))
        for count in COUNTS:
            data = root / f"data-{count}"
            with Store.open(data) as store:
                learner = store.people.create_learner("Bench", avatar_id="cat")
                one_class = store.people.create_class("One pack")
                chooser = store.people.create_learner("Chooser", avatar_id="owl", class_id=one_class.id)
                store.settings.set_enabled_packs(one_class.id, {"bench-0"})
                manager = PackManager(store, data, builtin)
                learning = LearningService(store, PackLibrary(builtin, data / "packs"))
                learning.set_age_band(learner.id, "11-13")
                learning.set_age_band(chooser.id, "11-13")
                for n in range(count):
                    manager.install(_copy(template, root / f"s{count}", n))
                installs, installs_cpu = [], []
                for extra in range(ROUNDS):
                    source = _copy(template, root / f"x{count}-{extra}", 1000 + extra)
                    started, cpu = time.perf_counter(), time.process_time()
                    manager.install(source)
                    installs.append(time.perf_counter() - started)
                    installs_cpu.append(time.process_time() - cpu)
                    manager.remove(f"bench-{1000 + extra}")
            starts = []
            for _ in range(ROUNDS):
                started = time.perf_counter()
                modules = PackLibrary(builtin, data / "packs").modules_for("11-13")
                starts.append(time.perf_counter() - started)
            assert len(modules) == count, len(modules)
            home, tiles, home_cpu, home_all = _home(data, builtin, "Bench")
            assert tiles == count, tiles
            home_one, one_tile, home_one_cpu, _ = _home(data, builtin, "Chooser")
            assert one_tile == 1, one_tile
            results[count] = {
                "install": min(installs),
                "install_cpu": min(installs_cpu),
                "start": min(starts),
                "home": home,
                "home_one": home_one,
                "home_cpu": home_cpu,
                "home_one_cpu": home_one_cpu,
            }
            figures += [
                (f"{count} packs: install one more", round(results[count]["install"] * 1000, 1), "ms", ""),
                (
                    f"{count} packs: install one more, CPU time",
                    round(results[count]["install_cpu"] * 1000, 1),
                    "ms",
                    "",
                ),
                (f"{count} packs: catalogue at start", round(results[count]["start"] * 1000, 2), "ms", ""),
                (f"{count} packs: home screen drawn ({tiles} tiles)", round(home * 1000, 1), "ms", ""),
                (f"{count} packs: home, all {tiles} tiles made", round(home_all * 1000, 1), "ms", ""),
                (f"{count} packs: home, class sees 1 pack", round(home_one * 1000, 1), "ms", ""),
                (f"{count} packs: home, class sees 1 pack, CPU", round(home_one_cpu * 1000, 1), "ms", ""),
            ]
    first, last = results[COUNTS[0]], results[COUNTS[-1]]
    pairs = (
        ("install", "install"),
        ("install_cpu", "install, CPU time (less moved by a busy machine)"),
        ("start", "catalogue at start"),
        ("home", "home screen drawn, every pack shown"),
        ("home_one", "home screen drawn, class sees 1 pack"),
        ("home_cpu", "home screen drawn, every pack shown, CPU time"),
        ("home_one_cpu", "home screen drawn, class sees 1 pack, CPU time"),
    )
    for key, name in pairs:
        ratio = round(last[key] / first[key], 2)
        # The catalogue is read in a worker while the picker is on screen (no one waits for it); it looks
        # at every pack folder's file sizes and dates to notice a pack edited by hand, so it grows with the
        # packs installed: reported, with its time in ms above, not held to the goal.
        goal = "reported (worker)" if key == "start" else "<= 1.2x"
        figures.append((f"{name}: {COUNTS[-1]} packs / {COUNTS[0]}", ratio, "x", goal))
    return figures
