#!/usr/bin/env python3
"""The .xlsx reader for class registers: import time and installed size of python-calamine (the one quizapp
uses) and, when installed beside it, openpyxl (the other candidate); and the time to read a register of 40
learners with a title row.

    .venv/bin/python benchmarks/run.py xlsx
    .venv/bin/python benchmarks/bench_xlsx.py /path/to/other/venv/bin/python   # openpyxl in another venv

Import time is the median of 7 fresh interpreters (``-X importtime``'s cumulative microseconds of the
package); size is the package's files in site-packages (with its own dependencies).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"python_calamine": ["python_calamine"], "openpyxl": ["openpyxl", "et_xmlfile"]}


def _import_ms(python: str, module: str) -> float | None:
    times = []
    for _ in range(7):
        done = subprocess.run(
            [python, "-X", "importtime", "-c", f"import {module}"], capture_output=True, text=True
        )
        if done.returncode != 0:
            return None
        line = [x for x in done.stderr.splitlines() if x.rstrip().endswith(f"| {module}")][-1]
        times.append(int(line.split("|")[1]) / 1000)
    return statistics.median(times)


def _size_mb(python: str, folders: list[str]) -> float:
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    total = 0
    for name in folders:
        for path in Path(site).glob(f"{name}*"):
            files = path.rglob("*") if path.is_dir() else [path]
            total += sum(f.stat().st_size for f in files if f.is_file())
    return total / 1e6


def run(python: str | None = None) -> list[tuple[str, float | int, str, str]]:
    python = python or sys.executable
    figures: list[tuple[str, float | int, str, str]] = []
    for module, folders in PACKAGES.items():
        ms = _import_ms(python, module)
        if ms is None:
            continue
        figures.append((f"import {module}", round(ms, 1), "ms", ""))
        figures.append((f"{module} installed size", round(_size_mb(python, folders), 2), "MB", ""))
    sys.path.insert(0, str(ROOT))
    from quizapp.services.teacher.class_list import read_register, register_entries
    from tests.services.teacher.xlsx import write_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        rows: list[list[str | int | float | None]] = [
            ["Class 6 Blue 2026"],
            ["Roll No", "Student Name", "Father Name"],
        ]
        rows += [[n, f"Learner {n}", f"Father {n}"] for n in range(1, 41)]
        book = write_xlsx(Path(tmp) / "register.xlsx", rows)
        start = time.perf_counter()
        entries = register_entries(read_register(book)).entries
        took = (time.perf_counter() - start) * 1000
        assert len(entries) == 40
    figures.append(("read a 40-learner .xlsx register", round(took, 1), "ms", ""))
    return figures


if __name__ == "__main__":
    for name, value, unit, _ in run(sys.argv[1] if len(sys.argv) > 1 else None):
        print(f"{name:40} {value:>8} {unit}")
