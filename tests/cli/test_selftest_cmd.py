"""``quizapp selftest``: the scripted journey passes, prints one JSON line last, and can run twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.content.vocab import QUESTION_TYPES
from quizapp.progress.store import Store


def last_json(out: str) -> dict[str, object]:
    line = out.strip().splitlines()[-1]
    summary = json.loads(line)
    assert isinstance(summary, dict)
    return summary


def test_selftest_twice_on_the_same_data_folder(
    qapp,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    """Two runs on one folder both pass, each with its own learner, and the results are stored."""
    data = tmp_path / "school"
    assert main(["--data-dir", str(data), "selftest"]) == 0
    first = last_json(capsys.readouterr().out)
    assert main(["--data-dir", str(data), "selftest"]) == 0
    second = last_json(capsys.readouterr().out)
    for summary in (first, second):
        assert summary["ok"] is True
        assert summary["answers"] == len(QUESTION_TYPES)  # one question of each type
        assert summary["resumed_at_question"] == 4
        assert sorted(summary["question_types"]) == sorted(QUESTION_TYPES)  # type: ignore[arg-type]
    assert first["learner"] != second["learner"]
    with Store.open(data) as store:
        names = {learner.display_name for learner in store.people.list_learners()}
    assert {first["learner"], second["learner"]} <= names


def test_selftest_reports_a_folder_in_use(
    qapp,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    """When the data folder is open elsewhere, the summary says so and the exit code is 1."""
    data = tmp_path / "school"
    with Store.open(data):
        assert main(["--data-dir", str(data), "selftest"]) == 1
    summary = last_json(capsys.readouterr().out)
    assert summary["ok"] is False
    assert "already open" in str(summary["failed"])


@pytest.mark.parametrize("arguments", [["--lang", "ur"], ["--switch-language"]])
def test_selftest_in_urdu_and_after_a_switch_on_home(
    qapp,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],  # type: ignore[no-untyped-def]
) -> None:
    """The journey in Urdu, and made in English then switched to Urdu on home: the fill-in typed in Urdu
    is graded right and everything else as in English."""
    assert main(["--data-dir", str(tmp_path / "school"), "selftest", *arguments]) == 0
    summary = last_json(capsys.readouterr().out)
    assert summary["ok"] is True
    assert summary["language"] == "ur"
    assert summary["fill_blank_answer"] == "پاس ورڈ"
