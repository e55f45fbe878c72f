"""Results as CSV: BOM, numbers as numbers, ISO dates, summary file, filters, labels, no formula injection."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizapp.progress.csvexport import (
    ATTEMPT_COLUMNS,
    SUMMARY_COLUMNS,
    export_results_csv,
    local_time,
)
from quizapp.progress.errors import StoreError
from quizapp.progress.records import Attempt
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_csv_files_are_written_for_spreadsheets(store: Store, tmp_path: Path) -> None:
    """One row per answer plus a learner x module summary, UTF-8 with BOM, numbers unquoted, ISO times."""
    c = store.people.create_class("5A")
    ayesha = store.people.create_learner("عائشہ", class_id=c.id)
    run = start_run(store, ayesha)
    when = datetime(2024, 5, 1, 10, 20, 30, tzinfo=UTC)
    answer(store, run, "q1", answer="b", correct=False, points_earned=0, time_ms=4250, answered_at=when)
    answer(
        store,
        run,
        "q2",
        question_type="multiple",
        answer=["a", "c"],
        correct=False,
        points_earned=0.5,
        points_possible=1,
    )
    store.runs.finish_quiz_run(run.id, score_percent=62.5, passed=False)

    saved = export_results_csv(store, tmp_path / "results.csv")
    assert saved.summary == tmp_path / "results-summary.csv"
    assert (saved.answer_rows, saved.summary_rows) == (2, 1)
    raw = saved.answers.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "عائشہ".encode() in raw
    rows = _read(saved.answers)
    assert list(rows[0]) == list(ATTEMPT_COLUMNS) and len(rows) == 2
    first = rows[0]
    assert first["answered_at_local"] == local_time("2024-05-01T10:20:30.000+00:00")
    assert datetime.strptime(first["answered_at_local"], "%Y-%m-%d %H:%M:%S")
    assert (first["answer"], first["outcome"], first["correct"], first["points_earned"]) == (
        "b",
        "wrong",
        "0",
        "0",
    )
    assert first["time_seconds"] == "4.25" and first["module_title"] == "" and first["answer_data"] == '"b"'
    assert rows[1]["answer"] == '["a","c"]' and rows[1]["points_earned"] == "0.5"
    assert rows[1]["outcome"] == "partly"
    line = raw.decode("utf-8-sig").splitlines()[1]
    assert ",wrong,0,,0,1,4.25," in line  # outcome, correct, rating, points and time: bare numbers
    (row,) = _read(saved.summary)
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
    learner = store.people.create_learner("=HYPERLINK(1)")
    answer(store, start_run(store, learner), question_type="fill_blank", answer="+cmd")
    saved = export_results_csv(store, tmp_path / "r.csv")
    (row,) = _read(saved.answers)
    assert row["learner_name"] == "'=HYPERLINK(1)" and row["answer"] == "'+cmd"
    assert _read(saved.summary)[0]["learner_name"] == "'=HYPERLINK(1)"


def test_learners_and_dates_limit_both_files(store: Store, tmp_path: Path) -> None:
    """Only the learners asked for, and only answers in the date range, are written, sorted by class."""
    a, b = store.people.create_class("A"), store.people.create_class("B")
    zara = store.people.create_learner("Zara", class_id=a.id)
    bilal = store.people.create_learner("Bilal", class_id=b.id)
    other = store.people.create_learner("Other", class_id=a.id)
    for who in (zara, bilal, other):
        run = start_run(store, who)
        answer(store, run, "q1", answered_at=datetime(2024, 1, 5, 9, tzinfo=UTC))
        answer(store, run, "q2", answered_at=datetime(2024, 3, 5, 9, tzinfo=UTC))
    saved = export_results_csv(
        store,
        tmp_path / "r.csv",
        learner_ids={bilal.id, zara.id},
        since=datetime(2024, 2, 1, tzinfo=UTC),
    )
    rows = _read(saved.answers)
    assert [(r["learner_name"], r["question_id"]) for r in rows] == [("Zara", "q2"), ("Bilal", "q2")]
    summary = _read(saved.summary)
    assert [(r["learner_name"], r["answers"]) for r in summary] == [("Zara", "1"), ("Bilal", "1")]


class _Labels:
    """Labels as the teacher services give them: two student modules, titles, answers in words."""

    def modules(self) -> Sequence[tuple[str, str]]:
        return [("safety", "passwords"), ("safety", "phishing")]

    def module_title(self, pack_id: str, module_id: str) -> str:
        return module_id.title()

    def question_prompt(self, pack_id: str, module_id: str, question_id: str) -> str:
        return f"Prompt of {question_id}"

    def answer_text(self, attempt: Attempt) -> str:
        return f"option {attempt.answer}"


def test_labels_give_words_and_every_module_in_the_summary(store: Store, tmp_path: Path) -> None:
    """With labels, rows carry titles, prompts and answers in words, and the summary lists every module
    for every learner, started or not."""
    ali = store.people.create_learner("Ali")
    store.people.create_learner("Sara")
    answer(store, start_run(store, ali), "q1", answer="b")
    saved = export_results_csv(store, tmp_path / "r.csv", labels=_Labels())
    (row,) = _read(saved.answers)
    assert (row["module_title"], row["question_prompt"], row["answer"], row["answer_data"]) == (
        "Passwords",
        "Prompt of q1",
        "option b",
        '"b"',
    )
    summary = [
        (r["learner_name"], r["module_id"], r["module_title"], r["status"]) for r in _read(saved.summary)
    ]
    assert summary == [
        ("Ali", "passwords", "Passwords", "in_progress"),
        ("Ali", "phishing", "Phishing", "not_started"),
        ("Sara", "passwords", "Passwords", "not_started"),
        ("Sara", "phishing", "Phishing", "not_started"),
    ]


def test_a_file_that_cannot_be_written_changes_neither_file(store: Store, tmp_path: Path) -> None:
    """When the summary cannot be written (here: a folder has its name) the answers file is not replaced
    either, no temporary file is left, and the message names the file."""
    answer(store, start_run(store, store.people.create_learner("Ali")))
    out = tmp_path / "r.csv"
    out.write_text("old", encoding="utf-8")
    (tmp_path / "r-summary.csv").mkdir()
    with pytest.raises(StoreError, match=r"r-summary\.csv"):
        export_results_csv(store, out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "r-summary.csv", "r.csv"]
