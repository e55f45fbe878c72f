"""Results as CSV: BOM, numbers as numbers, ISO dates, a summary file, no formula injection."""

from __future__ import annotations

import csv
from datetime import UTC, datetime
from pathlib import Path

from quizapp.progress.csvexport import ATTEMPT_COLUMNS, SUMMARY_COLUMNS, export_results_csv, local_time
from quizapp.progress.store import Store
from tests.progress.conftest import answer, start_run


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_are_written_for_spreadsheets(store: Store, tmp_path: Path) -> None:
    """One row per answer plus a learner x module summary, UTF-8 with BOM, numbers unquoted, ISO times."""
    c = store.create_class("5A")
    ayesha = store.create_learner("عائشہ", class_id=c.id)
    run = start_run(store, ayesha)
    when = datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)
    answer(store, run, "q1", answer="b", correct=False, points_earned=0, time_ms=4250, answered_at=when)
    answer(
        store, run, "q2", question_type="multiple", answer=["a", "c"], points_earned=0.5, points_possible=1
    )
    store.finish_quiz_run(run.id, score_percent=62.5, passed=False)

    answers, summary = export_results_csv(store, tmp_path / "results.csv")
    assert summary == tmp_path / "results-summary.csv"
    raw = answers.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "عائشہ".encode() in raw
    rows = _read(answers)
    assert list(rows[0]) == list(ATTEMPT_COLUMNS) and len(rows) == 2
    first = rows[0]
    assert first["answered_at_local"] == local_time("2024-05-01T10:20:30.000+00:00")
    assert datetime.strptime(first["answered_at_local"], "%Y-%m-%d %H:%M:%S")
    assert (first["answer"], first["correct"], first["points_earned"], first["time_seconds"]) == (
        "b",
        "0",
        "0",
        "4.25",
    )
    assert rows[1]["answer"] == '["a","c"]' and rows[1]["points_earned"] == "0.5"
    line = raw.decode("utf-8-sig").splitlines()[1]
    assert ",0,,0,1,4.25," in line  # correct, rating, points and time are bare numbers
    (row,) = _read(summary)
    assert list(row) == list(SUMMARY_COLUMNS)
    assert (row["learner_name"], row["class_name"], row["status"], row["best_score_percent"]) == (
        "عائشہ",
        "5A",
        "in_progress",
        "62.5",
    )
    assert (row["quiz_runs"], row["answers"]) == ("1", "2")


def test_formula_like_text_is_neutralised(store: Store, tmp_path: Path) -> None:
    """Names or answers starting with = + - @ cannot run as spreadsheet formulas."""
    learner = store.create_learner("=HYPERLINK(1)")
    answer(store, start_run(store, learner), question_type="fill_blank", answer="+cmd")
    answers, summary = export_results_csv(store, tmp_path / "r.csv")
    (row,) = _read(answers)
    assert row["learner_name"] == "'=HYPERLINK(1)" and row["answer"] == "'+cmd"
    assert _read(summary)[0]["learner_name"] == "'=HYPERLINK(1)"
