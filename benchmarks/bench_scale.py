"""A whole school on one computer: growth tables from a class to a school, and from 10,000 answers to a
million (issue 19).

Learners (40 / 400 / 4,000 in classes of 40, 10,000 answers in all):
- start until really usable: the process starts, the store has opened (in the background) and the
  learner picker is drawn from it (the app prints ``ready`` only then); peak memory (max RSS);
- a keystroke in the picker's filter (typing a name letter by letter, then clearing it), drawn;
- the picker's refresh from the store, drawn;
- a class's summary (a class of 40).

Answers (10,000 / 100,000 / 1,000,000 among 500 learners):
- opening the store (what the app's background opening does): after a clean close (the usual case: the
  file is as quizapp left it, no check needed) and after a crash (``quick_check`` reads the whole file);
- ``quick_check`` and the full ``integrity_check`` (which the app runs weekly, off the GUI thread);
- start until really usable; peak memory;
- a class's summary;
- the answer write on the path the app uses (``record_answer`` with ``next_index``), against a bare
  sqlite3 INSERT + COMMIT into the same database;
- ``results export`` (zip and CSV) and ``results import`` (zip, into an empty folder), each in a fresh
  process: time and peak memory;
- backups: the day's full copy (checked, compressed) time and size; a close after one answer later that
  day (an incremental backup) time and size; a close without a change.

Goals: 4,000 learners start within 1.5x of 40 and at most 1.3x the memory; a filter keystroke under 50 ms;
the store opens in under 1 s at a million answers; export and import under 300 MB at a million answers.

The generated data folders are kept in ``~/.cache/quizapp-bench`` (a million answers take minutes to
generate; each is used through a fresh copy, so the cache stays as generated).

    .venv/bin/python benchmarks/bench_scale.py                # the growth tables, one column per size
    .venv/bin/python benchmarks/run.py scale                  # the same figures, one per line
    .venv/bin/python benchmarks/bench_scale.py --learners 40,400 --answers 10000,100000   # smaller
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from bench_bundle import measure  # noqa: E402
from schoolgen import make_school  # noqa: E402

from quizapp.progress import backup, checks  # noqa: E402
from quizapp.progress import schema as t  # noqa: E402
from quizapp.progress.store import DB_FILE_NAME, Store  # noqa: E402

Figure = tuple[str, float | int, str, str]
LEARNER_SIZES = (40, 400, 4000)
LEARNER_ANSWERS = 10_000
ANSWER_SIZES = (10_000, 100_000, 1_000_000)
ANSWER_LEARNERS = 500
START_ROUNDS = 5
TYPED = "hamza"
CACHE = Path(os.environ.get("QUIZAPP_BENCH_CACHE", Path.home() / ".cache" / "quizapp-bench"))
MADE_FILE = "generated.json"

PICKER = textwrap.dedent(
    """
    import json, os, statistics, sys, time
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from pathlib import Path
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from quizapp.progress.store import Store
    from quizapp.ui.app import application, make_context
    from quizapp.ui.autopilot import settle
    from quizapp.ui.main_window import MainWindow
    data = Path(sys.argv[1])
    app = application()
    store = Store.open(data)
    ctx = make_context(data, store)
    window = MainWindow(ctx)
    window.resize(1024, 600)
    window.show()
    settle()
    picker = window.picker

    def drawn(action):
        # the action, then one turn of the event loop: the list is laid out and the window painted
        started = time.perf_counter()
        action()
        settle(1)
        return (time.perf_counter() - started) * 1000

    refresh = [drawn(picker.refresh) for _ in range(5)]
    keys = []
    clears = []
    for _ in range(3):
        picker.filter.setFocus()
        for letter in sys.argv[2]:
            keys.append(drawn(lambda: QTest.keyClicks(picker.filter, letter)))
        for _ in sys.argv[2]:
            keys.append(drawn(lambda: QTest.keyClick(picker.filter, Qt.Key.Key_Backspace)))
        picker.filter.setText(sys.argv[2])
        settle()
        clears.append(drawn(picker.filter.clear))
    print(json.dumps({
        "refresh_ms": statistics.median(refresh),
        "key_median_ms": statistics.median(keys),
        "key_max_ms": max(keys),
        "clear_ms": statistics.median(clears),
        "classes_first": picker.by_class,
    }), flush=True)
    window.close()
    store.close()
    """
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["QUIZAPP_EXIT_WHEN_IDLE"] = "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # measure with compiled bytecode, as an installed copy runs
    return env


def _start(data: Path, env: dict[str, str]) -> tuple[float, int]:
    """Seconds from process start until the app says it is usable, and its peak memory in KiB."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "--data-dir", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
        text=True,
    )
    assert process.stdout is not None
    ready_at: float | None = None
    for line in process.stdout:
        if line.startswith("ready"):
            ready_at = time.perf_counter()
    _pid, status, usage = os.wait4(process.pid, 0)
    if ready_at is None or os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"quizapp did not start on {data}")
    return ready_at - started, int(usage.ru_maxrss)


def _starts(folders: list[Path], env: dict[str, str]) -> list[tuple[float, int]]:
    """Median start time and peak memory per folder, the folders measured in turn each round (so a change
    in the machine's load hits every size alike)."""
    rounds = [[_start(folder, env) for folder in folders] for _ in range(START_ROUNDS)]
    return [
        (statistics.median(r[i][0] for r in rounds), int(statistics.median(r[i][1] for r in rounds)))
        for i in range(len(folders))
    ]


def _picker(data: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PICKER, str(data), TYPED], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"the picker benchmark failed:\n{done.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _timed_ms(action: Any, repeat: int = 5) -> float:
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _class_summary_ms(data: Path) -> float:
    with Store.open(data) as store:
        class_id = store.people.list_classes()[0].id
        return _timed_ms(lambda: store.reports.class_summary(class_id))


def _school(name: str, learners: int, answers: int, root: Path) -> tuple[Path, float]:
    """A fresh copy (in ``root``) of the generated data folder kept in the cache, generating it the first
    time; and the seconds generating it took (then, or when it was first made)."""
    cached = CACHE / f"{name}-s{t.SCHEMA_VERSION}"
    wanted = {"learners": learners, "answers": answers, "schema": t.SCHEMA_VERSION}
    try:
        made = json.loads((cached / MADE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        made = {}
    if {k: made.get(k) for k in wanted} != wanted:
        shutil.rmtree(cached, ignore_errors=True)
        started = time.perf_counter()
        make_school(cached, learners, answers)
        Store.open(cached).close()
        made = {**wanted, "seconds": round(time.perf_counter() - started, 1)}
        (cached / MADE_FILE).write_text(json.dumps(made), encoding="utf-8")
    work = root / name
    shutil.copytree(cached, work, ignore=shutil.ignore_patterns(MADE_FILE))
    return work, float(made.get("seconds", 0.0))


def _store_open_s(data: Path, *, crashed: bool = False) -> float:
    """Median seconds of Store.open; ``crashed``: as after a crash (no clean-close record: quick_check)."""
    times = []
    Store.open(data).close()
    for _ in range(3):
        if crashed:
            (data / checks.CLEAN_FILE_NAME).unlink(missing_ok=True)
        started = time.perf_counter()
        store = Store.open(data)
        times.append(time.perf_counter() - started)
        store.close()
    return statistics.median(times)


def _answer(store: Any, n: int) -> None:
    learner = store.people.list_learners()[0]
    run = store.runs.start_quiz_run(learner.id, "bench", "1.0", "m1", ["q1"])
    store.runs.record_answer(
        learner_id=learner.id,
        quiz_run_id=run.id,
        pack_id="bench",
        pack_version="1.0",
        module_id="m1",
        question_id="q1",
        question_type="single",
        answer="a",
        correct=True,
        points_earned=1,
        points_possible=1,
        time_ms=1000 + n,
        next_index=1,
    )


def _backups(data: Path) -> dict[str, float]:
    """The day's full copy, then a close after one answer (incremental) and a close without a change."""
    folder = data / "backups"
    store = Store.open(data)
    _answer(store, 0)  # changed since the newest backup: backup_now makes a new full copy
    started = time.perf_counter()
    full = store.backup_now()
    full_s = time.perf_counter() - started
    full_mib = full.stat().st_size / 2**20
    store.close()
    store = Store.open(data)
    _answer(store, 1)
    started = time.perf_counter()
    store.close()
    delta_s = time.perf_counter() - started
    newest = backup.list_backups(folder)[0]  # a delta above 8 MB; below, the day's copy is replaced
    store = Store.open(data)
    store.people.list_learners()
    started = time.perf_counter()
    store.close()
    idle_s = time.perf_counter() - started
    if backup.list_backups(folder)[0] != newest:
        raise RuntimeError("closing without a change made a backup")
    return {
        "full_s": full_s,
        "full_mib": full_mib,
        "delta_s": delta_s,
        "delta_kib": newest.path.stat().st_size / 1024,
        "incremental": int(newest.is_delta),
        "idle_s": idle_s,
    }


def _results(data: Path, root: Path) -> dict[str, tuple[float, float]]:
    """(seconds, peak MiB) of results export (zip, csv) and import (zip) in fresh processes."""
    into = root / "import-into"
    shutil.rmtree(into, ignore_errors=True)
    Store.open(into).close()
    found = {}
    for label, args in (
        ("export zip", ["--data-dir", str(data), "results", "export", "--out", str(root / "r.zip")]),
        ("export csv", ["--data-dir", str(data), "results", "export", "--out", str(root / "r.csv")]),
        ("import zip", ["--data-dir", str(into), "results", "import", str(root / "r.zip")]),
    ):
        seconds, peak_mb, code = measure(args)
        if code:
            raise RuntimeError(f"quizapp {' '.join(args)} failed ({code})")
        found[label] = (seconds, peak_mb)  # MiB (ru_maxrss KiB / 1024)
    shutil.rmtree(into, ignore_errors=True)
    for leftover in root.glob("r*.*"):
        leftover.unlink()
    return found


def _pragma_s(db: Path, pragma: str) -> float:
    conn = sqlite3.connect(db)
    try:
        started = time.perf_counter()
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
        took = time.perf_counter() - started
    finally:
        conn.close()
    if rows != [("ok",)]:
        raise RuntimeError(f"{pragma} on {db}: {rows[:3]}")
    return took


def _answer_write_ms(data: Path, rounds: int = 60) -> tuple[float, float]:
    """Median ms of record_answer with next_index (as QuizRun.check calls it) and of a bare sqlite3
    INSERT + COMMIT into the same database, alternating."""
    store = Store.open(data)
    bare = sqlite3.connect(data / DB_FILE_NAME, isolation_level=None)
    bare.execute("PRAGMA synchronous=FULL")
    try:
        learner = store.people.list_learners()[0]
        run = store.runs.start_quiz_run(learner.id, "bench", "1.0", "m1", [f"q{i}" for i in range(rounds)])
        sql = f"INSERT INTO attempts VALUES ({', '.join('?' * len(t.attempts.c))})"
        app_times, bare_times = [], []
        for n in range(rounds):
            started = time.perf_counter()
            store.runs.record_answer(
                learner_id=learner.id,
                quiz_run_id=run.id,
                pack_id="bench",
                pack_version="1.0",
                module_id="m1",
                question_id=f"q{n}",
                question_type="single",
                answer="a",
                correct=True,
                points_earned=1,
                points_possible=1,
                time_ms=1234,
                next_index=n + 1,
            )
            middle = time.perf_counter()
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
                    f"b{n}",
                    "single",
                    '"a"',
                    1,
                    None,
                    1.0,
                    1.0,
                    1234,
                    datetime.now(UTC).isoformat(timespec="milliseconds"),
                    "quiz",
                    "bench",
                    n + 1,
                ),
            )
            bare.execute("COMMIT")
            app_times.append(middle - started)
            bare_times.append(time.perf_counter() - middle)
    finally:
        bare.close()
        store.close()
    return statistics.median(app_times) * 1000, statistics.median(bare_times) * 1000


def learner_table(root: Path, sizes: tuple[int, ...], env: dict[str, str]) -> list[Figure]:
    folders = [_school(f"learners-{size}", size, LEARNER_ANSWERS, root)[0] for size in sizes]
    starts = _starts(folders, env)
    figures: list[Figure] = []
    base_s, base_kb = starts[0]
    for size, folder, (start_s, peak_kb) in zip(sizes, folders, starts, strict=True):
        picker = _picker(folder, env)
        name = f"{size} learners"
        figures += [
            (f"{name}: start until usable (store open, picker drawn)", start_s * 1000, "ms", ""),
            (f"{name}: start time / {sizes[0]} learners", start_s / base_s, "x", "<= 1.5x"),
            (f"{name}: peak memory", peak_kb // 1024, "MiB", ""),
            (f"{name}: peak memory / {sizes[0]} learners", peak_kb / base_kb, "x", "<= 1.3x"),
            (f"{name}: filter keystroke, drawn (median)", picker["key_median_ms"], "ms", "< 50 ms"),
            (f"{name}: filter keystroke, drawn (slowest)", picker["key_max_ms"], "ms", "< 50 ms"),
            (f"{name}: clearing the filter, drawn", picker["clear_ms"], "ms", "< 50 ms"),
            (f"{name}: picker refresh from the store, drawn", picker["refresh_ms"], "ms", ""),
            (f"{name}: picker asks for the class first", int(picker["classes_first"]), "", ""),
            (f"{name}: class summary (class of 40)", _class_summary_ms(folder), "ms", ""),
        ]
    return figures


def answer_table(root: Path, sizes: tuple[int, ...], env: dict[str, str]) -> list[Figure]:
    figures: list[Figure] = []
    for size in sizes:
        folder, made_s = _school(f"answers-{size}", ANSWER_LEARNERS, size, root)
        db = folder / DB_FILE_NAME
        name = f"{size:,} answers"
        size_mib = db.stat().st_size // (1024 * 1024)
        open_s, crashed_s = _store_open_s(folder), _store_open_s(folder, crashed=True)
        [(start_s, peak_kb)] = _starts([folder], env)
        results = _results(folder, root)
        saved = _backups(folder)
        app_ms, bare_ms = _answer_write_ms(folder)
        figures += [
            (f"{name}: generated (Core executemany, one transaction)", made_s, "s", ""),
            (f"{name}: database size", size_mib, "MiB", ""),
            (f"{name}: store open (after a clean close)", open_s, "s", "< 1 s"),
            (f"{name}: store open after a crash (quick_check)", crashed_s, "s", ""),
            (f"{name}: quick_check", _pragma_s(db, "quick_check"), "s", ""),
            (
                f"{name}: full integrity_check (weekly, worker thread)",
                _pragma_s(db, "integrity_check"),
                "s",
                "",
            ),
            (f"{name}: start until usable (store open, picker drawn)", start_s * 1000, "ms", ""),
            (f"{name}: peak memory at start", peak_kb // 1024, "MiB", ""),
            (f"{name}: class summary (class of 40)", _class_summary_ms(folder), "ms", ""),
            (f"{name}: answer write with next_index (median)", app_ms, "ms", ""),
            (f"{name}: answer write with next_index / bare INSERT+COMMIT", app_ms / bare_ms, "x", "<= 1.5x"),
            (f"{name}: results export (zip) time", results["export zip"][0], "s", ""),
            (f"{name}: results export (zip) peak memory", results["export zip"][1], "MiB", "< 300 MB"),
            (f"{name}: results export (csv) time", results["export csv"][0], "s", ""),
            (f"{name}: results export (csv) peak memory", results["export csv"][1], "MiB", "< 300 MB"),
            (f"{name}: results import (zip) time", results["import zip"][0], "s", ""),
            (f"{name}: results import (zip) peak memory", results["import zip"][1], "MiB", "< 300 MB"),
            (f"{name}: backup, the day's full copy (checked, compressed)", saved["full_s"], "s", ""),
            (f"{name}: backup, the day's full copy: size", saved["full_mib"], "MiB", ""),
            (f"{name}: close after an answer later that day", saved["delta_s"], "s", ""),
            (f"{name}: close after an answer later that day: backup size", saved["delta_kib"], "KiB", ""),
            (
                f"{name}: ... an incremental backup (1) or the day's small copy replaced (0)",
                saved["incremental"],
                "",
                "",
            ),
            (f"{name}: close without a change (no backup)", saved["idle_s"], "s", ""),
        ]
        shutil.rmtree(folder, ignore_errors=True)  # a copy of a million answers takes 430 MB
    return figures


def run(learners: tuple[int, ...] = LEARNER_SIZES, answers: tuple[int, ...] = ANSWER_SIZES) -> list[Figure]:
    env = _env()
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "quizapp")], check=True, cwd=ROOT)
    root = Path(tempfile.mkdtemp(prefix="quizapp-bench-scale-"))
    try:
        return [*learner_table(root, learners, env), *answer_table(root, answers, env)]
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part)


def growth_tables(figures: list[Figure]) -> str:
    """The figures as tables: one row per measure, one column per size ("40 learners", "10,000 answers")."""
    tables: dict[str, dict[str, dict[str, str]]] = {}
    units: dict[str, tuple[str, str]] = {}
    for name, value, unit, goal in figures:
        size, _, measure_name = name.partition(": ")
        kind = size.split(" ", 1)[1]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        tables.setdefault(kind, {}).setdefault(measure_name, {})[size] = shown
        units[measure_name] = (unit, goal)
    lines = []
    for kind, rows in tables.items():
        sizes = list(dict.fromkeys(size for row in rows.values() for size in row))
        width = max(len(m) for m in rows) + 2
        lines.append(f"{kind:<{width}}" + "".join(f"{s.split(' ')[0]:>14}" for s in sizes) + "  unit  goal")
        for measure_name, row in rows.items():
            unit, goal = units[measure_name]
            cells = "".join(f"{row.get(s, ''):>14}" for s in sizes)
            lines.append(f"{measure_name:<{width}}{cells}  {unit:<5} {goal}")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--learners", type=_sizes, default=LEARNER_SIZES)
    parser.add_argument("--answers", type=_sizes, default=ANSWER_SIZES)
    options = parser.parse_args()
    print(growth_tables(run(options.learners, options.answers)))
