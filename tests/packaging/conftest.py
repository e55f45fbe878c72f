"""packaging/*.py are importable in these tests; one Linux build is shared by them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

if str(ROOT / "packaging") not in sys.path:
    sys.path.insert(0, str(ROOT / "packaging"))

DIST = ROOT / "dist"


@pytest.fixture(scope="session")
def linux_build() -> Path:
    """Runs `python3 packaging/build.py` once per test session and returns dist/.
    QUIZAPP_TEST_REUSE_BUNDLE=1 reuses the last PyInstaller output (redoes checks and packages)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("the test suite builds the Linux packages")
    command = [sys.executable, str(ROOT / "packaging" / "build.py")]
    if os.environ.get("QUIZAPP_TEST_REUSE_BUNDLE") == "1":
        command.append("--reuse-bundle")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return DIST
