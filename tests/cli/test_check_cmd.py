"""``quizapp check``: the full check of the progress data on a teacher's request."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.progress.checks import last_full_check
from quizapp.progress.store import DB_FILE_NAME, Store


def test_sound_data_exits_0_and_is_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sound data: exit 0, a plain sentence, and the result recorded for the weekly schedule."""
    with Store.open(tmp_path) as store:
        store.people.create_learner("Ali", avatar_id="cat")
    assert main(["--data-dir", str(tmp_path), "check"]) == 0
    assert "The progress data is sound" in capsys.readouterr().out
    record = last_full_check(tmp_path)
    assert record is not None and record.ok


def test_damaged_data_exits_1_and_says_what_happens_next(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A damaged database: exit 1 and a message saying the next start restores the newest good backup."""
    (tmp_path / DB_FILE_NAME).write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    assert main(["--data-dir", str(tmp_path), "check"]) == 1
    assert "restore the newest good backup" in capsys.readouterr().err


def test_no_data_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An empty folder: exit 1 with a clear message, and nothing is created."""
    assert main(["--data-dir", str(tmp_path / "none"), "check"]) == 1
    assert "no progress data" in capsys.readouterr().err
    assert not (tmp_path / "none").exists()
