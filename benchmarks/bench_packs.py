"""Load + validate a 5,000-question pack, as a ratio to a bare ``yaml.load(..., Loader=CSafeLoader)``.

Goal (issue 2): at most 1.5x.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from packgen import generate_pack

from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.packs import load_pack_folder

REPEATS = 5


def _bare(files: list[Path]) -> None:
    for path in files:
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle.read(), Loader=yaml.CSafeLoader)


def _ours(root: Path) -> None:
    diags = DiagnosticList()
    pack = load_pack_folder(root, "bench", diags)
    if pack is None or diags.items:
        raise SystemExit(f"benchmark pack did not validate cleanly: {[str(d) for d in diags.items[:5]]}")


def _best(fn: object, *args: object) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn(*args)  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def run() -> list[tuple[str, float | int, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "bench"
        files = generate_pack(root, questions=5000)
        size = sum(p.stat().st_size for p in files)
        _ours(root)  # warm up imports and caches
        bare = _best(_bare, files)
        ours = _best(_ours, root)
        samples = [bare, ours]
    return [
        ("pack files (5,000 questions)", len(files), "files", ""),
        ("pack size", round(size / 1048576, 2), "MB", ""),
        ("bare yaml.load CSafeLoader", round(samples[0] * 1000, 1), "ms", ""),
        ("load + validate", round(samples[1] * 1000, 1), "ms", ""),
        ("ratio load+validate / bare", round(samples[1] / samples[0], 2), "x", "<= 1.5x"),
    ]
