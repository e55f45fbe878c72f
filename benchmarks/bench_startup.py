"""Start-up of the student app against a bare PySide6 window, measured in the same run.

- time from process start until the app is really usable (the store has opened in the background and the
  learner picker is drawn from it: the app prints ``ready`` only then), as a ratio to a process that only
  shows a bare PySide6 window (goal <= 2x);
- peak memory (max RSS) as the same ratio (goal <= 2x);
- time to open a module of 50 questions from the home screen (a pack generated in a temporary folder), and
  to show its first question.

Every process runs headless (``QT_QPA_PLATFORM=offscreen``); each is started several times and the median
is kept. Run with ``.venv/bin/python benchmarks/run.py startup``.
"""

from __future__ import annotations

import copy
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROUNDS = 9
LEARNERS = 40
QUESTIONS = 50
ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = textwrap.dedent(
    """
    import time
    started = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
    app = QApplication([])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1024, 600)
    window.show()
    def ready():
        print(f"ready {time.perf_counter() - started:.4f}", flush=True)
        app.quit()
    QTimer.singleShot(0, ready)
    app.exec()
    """
)

SEED_LEARNERS = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from quizapp.progress.store import Store
    avatars = ["cat", "dog", "owl", "panda", "lion", "rabbit", "bear", "fox", "frog", "penguin"]
    with Store.open(Path(sys.argv[1])) as store:
        for n in range(int(sys.argv[2])):
            store.people.create_learner(f"Learner {n:02d}", avatar_id=avatars[n % len(avatars)])
    """
)

OPEN_MODULE = textwrap.dedent(
    """
    import os, sys, time
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pathlib import Path
    from quizapp.progress.store import Store
    from quizapp.ui.app import application, make_context
    from quizapp.ui.autopilot import Autopilot, settle
    from quizapp.ui.main_window import MainWindow
    data = Path(sys.argv[1])
    app = application()
    store = Store.open(data)
    ctx = make_context(data, store)
    window = MainWindow(ctx)
    window.resize(1024, 600)
    window.show()
    settle()
    pilot = Autopilot(window)
    pilot.create_learner("Bench", age_band="11-13")
    started = time.perf_counter()
    pilot.open_module("bench50", "fifty")
    lesson_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    pilot.read_lesson()
    quiz_ms = (time.perf_counter() - started) * 1000
    count = window.quiz.session.count
    assert count == int(sys.argv[2]), count
    print(f"module {lesson_ms:.1f} {quiz_ms:.1f}", flush=True)
    window.close()
    store.close()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QUIZAPP_EXIT_WHEN_IDLE"] = "1"
    # Measure as an installed copy starts: with compiled bytecode (pip and PyInstaller both ship it), not
    # compiling every module from source on each start, which is what PYTHONDONTWRITEBYTECODE would force.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _compile_bytecode(python: str) -> None:
    subprocess.run([python, "-m", "compileall", "-q", str(ROOT / "quizapp")], check=True, cwd=ROOT)


def _measure(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from start until the process says it is ready, and its peak memory in KiB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, text=True
    )
    assert process.stdout is not None
    ready_at: float | None = None
    for line in process.stdout:
        if line.startswith("ready"):
            ready_at = time.perf_counter()
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if ready_at is None or process.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} did not start (exit {process.returncode})")
    return ready_at - started, int(usage.ru_maxrss)


def make_pack(folder: Path, questions: int) -> None:
    """A pack whose one module has ``questions`` questions, cycling through the example pack's seven."""
    import yaml

    example = ROOT / "questions" / "example"
    module = yaml.safe_load((example / "modules" / "safe-basics.yaml").read_text(encoding="utf-8"))
    originals = module["quiz"]["questions"]
    generated = []
    for n in range(questions):
        question = copy.deepcopy(originals[n % len(originals)])  # no shared objects: YAML aliases are refused
        question["id"] = f"q{n:03d}"
        generated.append(question)
    module.update(id="fifty", title="Fifty questions", image=None)
    module.pop("image")
    module["quiz"] = {"pass_mark": 70, "shuffle": True, "questions": generated}
    for section in module["lesson"]["sections"]:
        section.pop("image", None)
        section.pop("image_alt", None)
    (folder / "modules").mkdir(parents=True)
    (folder / "modules" / "fifty.yaml").write_text(
        yaml.safe_dump(module, allow_unicode=True), encoding="utf-8"
    )
    manifest = {
        "id": "bench50",
        "title": "Benchmark pack",
        "version": "1.0.0",
        "authors": ["quizapp benchmarks"],
        "licence": "CC-BY-4.0",
        "default_language": "en",
        "languages": ["en", "ur"],
        "review_status": {"en": "reviewed", "ur": "draft"},
        "audience": ["students"],
        "modules": ["modules/fifty.yaml"],
    }
    (folder / "pack.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")


def run() -> list[tuple[str, float | int, str, str]]:
    env = _env()
    python = sys.executable
    _compile_bytecode(python)
    with tempfile.TemporaryDirectory(prefix="quizapp-bench-") as tmp:
        data = Path(tmp) / "data"
        subprocess.run([python, "-c", SEED_LEARNERS, str(data), str(LEARNERS)], check=True, env=env, cwd=ROOT)
        # Interleaved (bare, app, bare, app, ...) so that a change in the machine's load hits both alike;
        # the ratio is the median of the per-pair ratios.
        pairs = [
            (
                _measure([python, "-c", BARE_WINDOW], env),
                _measure([python, "-m", "quizapp", "--data-dir", str(data)], env),
            )
            for _ in range(ROUNDS)
        ]
        bare_s = statistics.median(b[0] for b, _ in pairs)
        app_s = statistics.median(a[0] for _, a in pairs)
        bare_kb = int(statistics.median(b[1] for b, _ in pairs))
        app_kb = int(statistics.median(a[1] for _, a in pairs))
        time_ratio = statistics.median(a[0] / b[0] for b, a in pairs)
        memory_ratio = statistics.median(a[1] / b[1] for b, a in pairs)

        make_pack(data / "packs" / "bench50", QUESTIONS)
        done = subprocess.run(
            [python, "-c", OPEN_MODULE, str(data), str(QUESTIONS)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"opening the {QUESTIONS}-question module failed:\n{done.stderr[-2000:]}")
        line = next(ln for ln in done.stdout.splitlines() if ln.startswith("module "))
        lesson_ms, quiz_ms = (float(v) for v in line.split()[1:3])
    return [
        ("bare PySide6 window: start until shown", bare_s * 1000, "ms", ""),
        (f"app: start until usable: store open, picker drawn ({LEARNERS} learners)", app_s * 1000, "ms", ""),
        ("start-up time ratio app / bare (median of pairs)", time_ratio, "x", "<= 2x"),
        ("bare PySide6 window: peak memory", bare_kb // 1024, "MiB", ""),
        ("app: peak memory at the picker", app_kb // 1024, "MiB", ""),
        ("peak memory ratio app / bare (median of pairs)", memory_ratio, "x", "<= 2x"),
        (f"open a {QUESTIONS}-question module (home -> lesson)", lesson_ms, "ms", ""),
        (f"start its quiz (lesson -> first of {QUESTIONS} questions)", quiz_ms, "ms", ""),
    ]


if __name__ == "__main__":
    for figure in run():
        print(*figure, sep="\t")
