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


def test_site_file_saved_by_notepad(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A quizapp.ini saved as UTF-8 with a byte-order mark (Notepad) and CRLF line ends is read."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    (tmp_path / "quizapp.ini").write_bytes(b"\xef\xbb\xbf[paths]\r\ndata_dir = shared-data\r\n")
    assert resolve_data_dir(None, search_dir=tmp_path) == (tmp_path / "shared-data").resolve()


def test_site_file_quoted_path_with_spaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A path with spaces written in quotes means the path without the quotes."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    (tmp_path / "quizapp.ini").write_text('[paths]\ndata_dir = "quiz data"\n', encoding="utf-8")
    assert resolve_data_dir(None, search_dir=tmp_path) == (tmp_path / "quiz data").resolve()


def test_site_file_percent_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """%VARIABLES% are not read as ini interpolation (which would crash); $VARIABLES are expanded."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    monkeypatch.setenv("QUIZ_BASE", str(tmp_path / "base"))
    (tmp_path / "quizapp.ini").write_text("[paths]\ndata_dir = $QUIZ_BASE/100%\n", encoding="utf-8")
    assert resolve_data_dir(None, search_dir=tmp_path) == (tmp_path / "base" / "100%").resolve()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"data_dir = D:/school\n", "could not be read"),
        (b"[path]\ndatadir = D:/school\n", "no 'data_dir = ...' line"),
        ("[paths]\ndata_dir = D:/école\n".encode("utf-16"), "not saved as UTF-8"),
    ],
)
def test_unusable_site_file_is_reported(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    content: bytes,
    expected: str,
) -> None:
    """An unusable quizapp.ini is named in a warning saying what is wrong; the user folder is used."""
    monkeypatch.delenv("QUIZAPP_DATA_DIR")
    (tmp_path / "quizapp.ini").write_bytes(content)
    with caplog.at_level("WARNING", logger="quizapp.paths"):
        assert resolve_data_dir(None, search_dir=tmp_path).name == "quizapp"
    assert expected in caplog.text
    assert str(tmp_path / "quizapp.ini") in caplog.text
