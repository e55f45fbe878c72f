"""``quizapp results gain|analysis|summary --out FILE.csv`` from the command line."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.progress.store import Store


def _header_and_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


@pytest.mark.parametrize(
    ("action", "needed"),
    [
        ("gain", {"pre", "post", "gain"}),
        ("analysis", {"facility", "discrimination"}),
        ("summary", {"learners", "mean_pre", "mean_post", "gain"}),
    ],
)
def test_empty_data_folder_writes_a_header_only(tmp_path: Path, action: str, needed: set[str]) -> None:
    """On a data folder with nothing in it each command writes the CSV header and exits 0."""
    out = tmp_path / f"{action}.csv"
    assert main(["--data-dir", str(tmp_path / "data"), "results", action, "--out", str(out)]) == 0
    rows = _header_and_rows(out)
    assert len(rows) == 1 and needed <= set(rows[0])


def test_gain_for_a_class_with_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--class NAME writes that class's gain; an unknown class is a usage error naming the classes."""
    data = tmp_path / "data"
    with Store.open(data) as s:
        learner = s.people.create_learner("Ali", class_id=s.people.create_class("5A").id)
        for kind, right in (("pre", False), ("post", True)):
            run = s.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", ["ck-1"], kind=kind)  # type: ignore[arg-type]
            s.runs.record_answer(
                learner_id=learner.id,
                quiz_run_id=run.id,
                pack_id="safety",
                pack_version="1.0",
                module_id="passwords",
                question_id="ck-1",
                question_type="true_false",
                answer=right,
                correct=right,
                points_earned=1 if right else 0,
                points_possible=1,
                time_ms=900,
            )
            s.runs.finish_quiz_run(run.id, score_percent=100 if right else 0, passed=False)
    out = tmp_path / "gain.csv"
    assert main(["--data-dir", str(data), "results", "gain", "--class", "5a", "--out", str(out)]) == 0
    rows = _header_and_rows(out)
    assert dict(zip(rows[0], rows[1], strict=True))["gain"] == "100.0"
    assert main(["--data-dir", str(data), "results", "gain", "--class", "9Z", "--out", str(out)]) == 2
    assert "5A" in capsys.readouterr().err


def test_summary_of_a_small_class_says_what_it_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two learners: the summary gives their number only and says so; --min-group 1 gives every figure."""
    data = tmp_path / "data"
    with Store.open(data) as s:
        group = s.people.create_class("5A")
        for name in ("Ali", "Sara"):
            learner = s.people.create_learner(name, class_id=group.id)
            s.progress.save_lesson_position(learner.id, "safety", "1.0", "passwords", 1, read=True)
    out = tmp_path / "summary.csv"
    assert main(["--data-dir", str(data), "results", "summary", "--out", str(out)]) == 0
    assert "figures of 1 small group(s) left out" in capsys.readouterr().out
    row = dict(zip(*_header_and_rows(out), strict=True))
    assert row["learners"] == "2" and row["finished_quiz"] == "" and "fewer than 5" in row["note"]
    assert main(["--data-dir", str(data), "results", "summary", "--min-group", "1", "--out", str(out)]) == 0
    row = dict(zip(*_header_and_rows(out), strict=True))
    assert row["finished_quiz"] == "0" and row["note"] == ""
