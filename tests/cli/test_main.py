"""The command line: every command is listed, and opening the app does not load the commands."""

from __future__ import annotations

import pytest

from quizapp.cli.main import COMMAND_MODULES, _opens_app, main


@pytest.mark.parametrize(
    ("argv", "opens"),
    [
        ([], True),
        (["--data-dir", "D:/lab"], True),
        (["--data-dir=D:/lab"], True),
        (["validate", "x"], False),
        (["--data-dir", "d", "selftest"], False),
        (["--help"], False),
        (["--version"], False),
        (["--data-dir"], False),
    ],
)
def test_opens_app_only_without_a_command(argv: list[str], opens: bool) -> None:
    """Only --data-dir (or nothing) opens the app; anything else goes through the full parser."""
    assert _opens_app(argv) is opens


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """`quizapp --help` names every command."""
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for name in ("validate", "packs", "results", "roster", "set-pin", "convert", "export-questions",
                 "selftest", "screenshots"):  # fmt: skip
        assert f"    {name} " in out or f"    {name}\n" in out, name
    assert len(COMMAND_MODULES) >= 9


def test_missing_data_dir_value_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """`quizapp --data-dir` with no folder exits 2 with a message."""
    with pytest.raises(SystemExit) as done:
        main(["--data-dir"])
    assert done.value.code == 2
    assert "expected one argument" in capsys.readouterr().err
