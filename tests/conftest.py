"""Test-wide settings: Qt runs headless and no test touches the real user data folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    data = tmp_path / "quizapp-data"
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(data))
    monkeypatch.setenv("QUIZAPP_DATABASE", "")  # empty: the SQLite file; a developer's server stays out
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield data
