"""Class summaries and per-question statistics."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

DAY1 = datetime(2024, 5, 1, 9, tzinfo=UTC)

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def test_summary_status_best_score_and_counts(store: Store) -> None:
    """Each learner x module cell says not started / in progress / passed, best score, runs and answers."""
    c = store.people.create_class("5A")
    ali, sara, zain = (store.people.create_learner(n, class_id=c.id) for n in ("Ali", "Sara", "Zain"))
    other = store.people.create_learner("Elsewhere")
    for score, passed in ((40, False), (80, True)):
        run = start_run(store, ali)
        answer(store, run, "q1")
        answer(store, run, "q2", correct=False, points_earned=0)
        store.runs.finish_quiz_run(run.id, score_percent=score, passed=passed)
    answer(store, start_run(store, sara))
    store.progress.save_lesson_position(zain.id, "safety", "1.0", "intro", 1)
    answer(store, start_run(store, other))

    summary = store.reports.class_summary(c.id)
    assert [x.display_name for x in summary.learners] == ["Ali", "Sara", "Zain"]
    assert summary.modules == (("safety", "intro"), ("safety", "passwords"))
    a = summary.cell(ali.id, "safety", "passwords")
    assert (a.status, a.best_score, a.runs, a.answers) == ("passed", 80.0, 2, 4)
    s = summary.cell(sara.id, "safety", "passwords")
    assert (s.status, s.best_score, s.runs, s.answers) == ("in_progress", None, 1, 1)
    assert summary.cell(zain.id, "safety", "intro").status == "in_progress"
    assert summary.cell(zain.id, "safety", "passwords").status == "not_started"
    assert (other.id, "safety", "passwords") not in summary.cells
    assert len(store.reports.class_summary().learners) == 4


def test_summary_date_range_counts_only_activity_in_it(store: Store) -> None:
    """With a date range only runs and answers in it count; a pass before the range is not shown."""
    ali = store.people.create_learner("Ali")
    run = start_run(store, ali)
    answer(store, run, answered_at=DAY1)
    store.runs.finish_quiz_run(run.id, score_percent=100, passed=True)
    everything = store.reports.class_summary().cell(ali.id, "safety", "passwords")
    assert everything.status == "passed"
    future = datetime.now(UTC) + timedelta(days=1)
    empty = store.reports.class_summary(since=future)
    assert empty.cell(ali.id, "safety", "passwords").status == "not_started"
    answers_only = store.reports.class_summary(since=DAY1, until=DAY1 + timedelta(hours=1))
    cell = answers_only.cell(ali.id, "safety", "passwords")
    assert (cell.answers, cell.runs, cell.status) == (1, 0, "in_progress")


def test_summary_leaves_out_archived_learners_unless_asked(store: Store) -> None:
    """Archived learners are not in the summary unless include_archived is given."""
    ali = store.people.create_learner("Ali")
    answer(store, start_run(store, ali))
    store.people.archive_learner(ali.id)
    assert store.reports.class_summary().cells == {}
    assert store.reports.class_summary(include_archived=True).cell(ali.id, "safety", "passwords").answers == 1


def test_question_stats_most_missed_first_with_common_wrong_answers(store: Store) -> None:
    """Questions are sorted by share of wrong answers, each with its most-chosen wrong answers."""
    c = store.people.create_class("5A")
    for i in range(4):
        run = start_run(store, store.people.create_learner(f"L{i}", class_id=c.id))
        answer(store, run, "q1", answer="b", correct=i == 0, points_earned=int(i == 0))
        answer(store, run, "q2", answer="a", correct=i != 0, points_earned=int(i != 0))
        rating = "unsafe" if i < 2 else "best"
        answer(store, run, "q3", question_type="scenario", answer=f"s{i % 2}", correct=None, rating=rating)
    other = start_run(store, store.people.create_learner("Other class"))
    answer(store, other, "q2", answer="z", correct=False, points_earned=0)
    answer(
        store,
        start_run(store, store.people.create_learner("L9", class_id=c.id)),
        "q1",
        answer="c",
        correct=False,
    )

    stats = store.reports.question_stats(c.id)
    assert [(s.question_id, s.answers, s.wrong) for s in stats] == [("q1", 5, 4), ("q3", 4, 2), ("q2", 4, 1)]
    assert [(w.answer_json, w.count) for w in stats[0].top_wrong_answers] == [('"b"', 3), ('"c"', 1)]
    assert stats[0].percent_wrong == 80.0
    assert [(w.answer_json, w.count) for w in stats[1].top_wrong_answers] == [('"s0"', 1), ('"s1"', 1)]
    assert len(store.reports.question_stats(c.id, wrong_answers=1)[0].top_wrong_answers) == 1
    everyone = {s.question_id: s for s in store.reports.question_stats()}
    assert everyone["q2"].wrong == 2
    assert store.reports.question_stats(c.id, module_id="other") == []
    assert store.reports.question_stats(c.id, since=datetime.now(UTC) + timedelta(days=1)) == []
