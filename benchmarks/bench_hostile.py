"""`quizapp validate` on hostile inputs: time and peak memory of each run (goal: < 5 s and < 300 MB each).

The inputs are the ones the test suite uses (tests/cli/test_validate_cmd.py): a syntax error, an alias bomb,
a !!python tag, Latin-1 and binary files, an empty file, nesting 10,000 deep (flow and block), a file over
10 MB, a zip with '..' paths and a zip that decompresses to a gigabyte.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cli.test_validate_cmd import hostile_inputs  # noqa: E402


def _measure(path: Path) -> tuple[float, float, int]:
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "quizapp", "validate", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def run() -> list[tuple[str, float | int, str, str]]:
    rows: list[tuple[str, float | int, str, str]] = []
    worst_s = 0.0
    worst_mb = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in hostile_inputs(Path(tmp)).items():
            seconds, mb, code = _measure(path)
            worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
            rows.append((f"{name} (exit {code})", round(seconds, 2), f"s, {mb:.0f} MB", ""))
    rows.append(("slowest run", round(worst_s, 2), "s", "< 5 s"))
    rows.append(("largest peak memory", round(worst_mb), "MB", "< 300 MB"))
    return rows
