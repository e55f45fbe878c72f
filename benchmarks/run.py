#!/usr/bin/env python3
"""Run every benchmark in this folder and print one table of figures.

    .venv/bin/python benchmarks/run.py            # all benchmarks
    .venv/bin/python benchmarks/run.py packs      # only bench_packs.py

Each ``bench_*.py`` defines ``run() -> list[Figure]``; a Figure is (name, value, unit, goal) where goal is
a short text such as "<= 1.5x" or "" when there is none.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    rows: list[tuple[str, str, str, str, str]] = []
    for path in sorted(HERE.glob("bench_*.py")):
        short = path.stem.removeprefix("bench_")
        if wanted and short not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        started = time.perf_counter()
        for name, value, unit, goal in module.run():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            rows.append((short, name, shown, unit, goal))
        print(f"[{short}: {time.perf_counter() - started:.1f} s]", file=sys.stderr)
    headers = ("bench", "figure", "value", "unit", "goal")
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
