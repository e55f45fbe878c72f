"""Where user data lives: --data-dir, then QUIZAPP_DATA_DIR, then quizapp.ini, then platformdirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.paths import builtin_packs_dir, resolve_data_dir


def test_cli_beats_environment(tmp_path: Path) -> None:
    """--data-dir wins over the environment variable."""
    assert resolve_data_dir(str(tmp_path / "cli")) == (tmp_path / "cli").resolve()


def test_environment_beats_site_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QUIZAPP_DATA_DIR wins over quizapp.ini."""
    (tmp_path / "quizapp.ini").write_text("[paths]\ndata_dir = D:/school\n", encoding="utf-8")
    monkeypatch.setenv("QUIZAPP_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None, search_dir=tmp_path) == (tmp_path / "env").resolve()


def test_site_file_next_to_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quizapp.ini next to the program sets the folder for every user; relative paths are from the ini."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    (tmp_path / "quizapp.ini").write_text("[paths]\ndata_dir = shared-data\n", encoding="utf-8")
    assert resolve_data_dir(None, search_dir=tmp_path) == (tmp_path / "shared-data").resolve()


def test_platformdirs_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing set, the per-user data folder is used."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    assert resolve_data_dir(None, search_dir=tmp_path).name == "quizapp"


def test_builtin_packs_found() -> None:
    """The built-in packs folder is found."""
    assert (builtin_packs_dir() / "example" / "pack.yaml").is_file()
