"""An installed copy (a built wheel, not the source tree) finds its built-in packs and assets."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.slow
def test_wheel_carries_packs_and_assets(tmp_path: Path) -> None:
    """`pip install .` ships questions/ and assets/, and quizapp finds them there."""
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(wheels.glob("quizapp-*.whl"))
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(site)
    script = (
        "import quizapp.paths as p, quizapp.content.validate as v;"
        "d = p.builtin_packs_dir(); r = v.validate_paths([d / 'example']);"
        "print(d); print(p.assets_dir()); print(r.valid)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(site), "PATH": "", "PYTHONNOUSERSITE": "1"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    packs_dir, assets_dir, valid = result.stdout.split()
    assert Path(packs_dir) == site / "quizapp" / "_data" / "questions"
    assert Path(assets_dir) == site / "quizapp" / "_data" / "assets"
    assert valid == "True"
