"""``quizapp`` with no command opens the app on the data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli.main import main


def test_no_command_opens_the_app(
    qapp,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    """The app opens on the given data folder (here it quits once the picker is shown)."""
    monkeypatch.setenv("QUIZAPP_EXIT_WHEN_IDLE", "1")
    data = tmp_path / "school"
    assert main(["--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("ready ")
    assert (data / "logs" / "quizapp.log").is_file()
