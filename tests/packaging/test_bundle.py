"""The Linux bundle builds, unpacks anywhere, passes its selftest and writes nothing into its own folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the test suite builds the Linux bundle"),
]


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def bundle() -> Path:
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    archives = sorted((ROOT / "dist").glob("quizapp-*-linux-*.tar.gz"))
    assert archives, "build.py wrote no tar.gz"
    return archives[-1]


def test_bundle_layout(bundle: Path) -> None:
    """The archive unpacks to one folder with the executable, a .desktop file and an icon."""
    with tarfile.open(bundle) as tar:
        names = tar.getnames()
    top = {n.split("/")[0] for n in names}
    assert len(top) == 1
    folder = top.pop()
    assert {f"{folder}/quizapp", f"{folder}/quizapp.desktop", f"{folder}/quizapp.svg"} <= set(names)


def test_frozen_selftest_from_unusual_path(bundle: Path, tmp_path: Path) -> None:
    """Unpacked under a path with spaces and Urdu letters, `quizapp selftest` passes offscreen."""
    place = tmp_path / "school lab" / "کوئز ایپ"
    place.mkdir(parents=True)
    with tarfile.open(bundle) as tar:
        tar.extractall(place, filter="data")
    app_dir = next(place.iterdir())
    before = snapshot(app_dir)
    data = tmp_path / "student data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for _ in range(2):  # running it twice on the same data folder works
        result = subprocess.run(
            [str(app_dir / "quizapp"), "--data-dir", str(data), "selftest"],
            capture_output=True,
            text=True,
            timeout=300,
            env=env,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        summary = json.loads(result.stdout.strip().splitlines()[-1])
        assert summary.get("ok") is True, summary
    assert snapshot(app_dir) == before, "the frozen app wrote into its install folder"
    assert (data / "quizapp.sqlite3").is_file()
