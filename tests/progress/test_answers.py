"""Quiz runs, answers, module progress and the resume point."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.progress.errors import InvalidValueError, NotFoundError
from quizapp.progress.records import ModuleProgress
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS, answer, start_run

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def test_answer_fields_are_stored_as_given(store: Store) -> None:
    """Every field of an answer reads back as recorded, including JSON answers and UTC times."""
    learner = store.people.create_learner("Ali")
    run = start_run(store, learner)
    when = datetime(2024, 5, 1, 10, 20, 30, 123000, tzinfo=UTC)
    recorded = answer(
        store,
        run,
        "q2",
        question_type="matching",
        answer={"pairs": [[0, 2], [1, 0]], "text": "پاس ورڈ"},
        correct=False,
        points_earned=0.5,
        points_possible=2,
        time_ms=8100,
        answered_at=when,
    )
    (stored,) = store.runs.attempts_for_run(run.id)
    assert stored == recorded
    assert stored.answer == {"pairs": [[0, 2], [1, 0]], "text": "پاس ورڈ"}
    assert stored.answered_at == "2024-05-01T10:20:30.123+00:00"
    assert (stored.points_earned, stored.points_possible, stored.time_ms, stored.correct) == (
        0.5,
        2.0,
        8100,
        False,
    )
    assert stored.wrong


def test_scenario_answers_carry_a_rating(store: Store) -> None:
    """Scenario answers need a rating and may leave correct unset; an unsafe choice counts as wrong."""
    run = start_run(store, store.people.create_learner("Ali"))
    a = answer(store, run, question_type="scenario", correct=None, rating="unsafe", points_earned=0)
    assert (a.correct, a.rating, a.wrong) == (None, "unsafe", True)
    with pytest.raises(InvalidValueError, match="rating"):
        answer(store, run, question_type="scenario", correct=None)
    with pytest.raises(InvalidValueError, match="rating"):
        answer(store, run, question_type="scenario", correct=None, rating="great")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"question_type": "essay"}, "question type"),
        ({"correct": None}, "correct=True"),
        ({"points_earned": 3, "points_possible": 2}, "between 0 and 2"),
        ({"time_ms": -1}, "negative"),
        ({"answer": {1, 2}}, "JSON"),
        ({"question_id": "Q 1"}, "question id"),
        ({"module_id": "other"}, "is not"),
    ],
)
def test_bad_answers_are_refused_and_not_stored(
    store: Store, kwargs: dict[str, object], message: str
) -> None:
    """Answers with impossible values, or for another learner's or module's run, are refused."""
    run = start_run(store, store.people.create_learner("Ali"))
    with pytest.raises(InvalidValueError, match=message):
        answer(store, run, **kwargs)
    assert store.runs.attempts_for_run(run.id) == []


def test_answer_to_unknown_run_is_refused(store: Store) -> None:
    """An answer must belong to a started quiz run."""
    run = start_run(store, store.people.create_learner("Ali"))
    with pytest.raises(NotFoundError):
        answer(store, run, quiz_run_id="00000000-0000-4000-8000-000000000000")


def test_quiz_run_moves_progress_and_resume_point(store: Store) -> None:
    """Starting, answering (with next_index) and finishing keep module progress and "Continue" exact."""
    learner = store.people.create_learner("Ali")
    run = store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", ["q3", "q1", "q2"])
    p = store.progress.get_module_progress(learner.id, "safety", "passwords")
    assert (p.quiz_state, p.quiz_run_id, p.question_order, p.question_index) == (
        "in_progress",
        run.id,
        ("q3", "q1", "q2"),
        0,
    )
    answer(store, run, "q3", next_index=1)
    answer(store, run, "q1", correct=False, points_earned=0, next_index=2)
    assert store.progress.get_module_progress(learner.id, "safety", "passwords").question_index == 2
    point = store.progress.get_resume_point(learner.id)
    assert point is not None and (point.module_id, point.stage, point.position) == ("passwords", "quiz", 2)
    answer(store, run, "q2", next_index=3)
    done = store.runs.finish_quiz_run(run.id, score_percent=66.7, passed=False)
    assert (done.quiz_state, done.best_score, done.passed, done.completed_at, done.status) == (
        "finished",
        66.7,
        False,
        None,
        "in_progress",
    )
    point = store.progress.get_resume_point(learner.id)
    assert point is not None and point.stage == "results"
    finished = store.runs.get_quiz_run(run.id)
    assert finished.finished_at is not None and finished.score_percent == 66.7 and finished.passed is False


def test_best_score_and_first_pass_are_kept(store: Store) -> None:
    """A later, worse run does not lower the best score nor undo a pass; completed_at is the first pass."""
    learner = store.people.create_learner("Ali")
    first = start_run(store, learner)
    passed = store.runs.finish_quiz_run(first.id, score_percent=90, passed=True)
    assert passed.completed_at is not None and passed.status == "passed"
    second = start_run(store, learner)
    later = store.runs.finish_quiz_run(second.id, score_percent=40, passed=False)
    assert (later.best_score, later.passed, later.completed_at) == (90, True, passed.completed_at)
    assert [r.id for r in store.runs.list_quiz_runs(learner.id, module_id="passwords")] == [
        first.id,
        second.id,
    ]
    assert store.runs.finish_quiz_run(second.id, score_percent=100, passed=True) == later  # already finished


def test_score_must_be_a_percent(store: Store) -> None:
    """finish_quiz_run refuses a score outside 0-100."""
    run = start_run(store, store.people.create_learner("Ali"))
    with pytest.raises(InvalidValueError, match="percent"):
        store.runs.finish_quiz_run(run.id, score_percent=101, passed=True)


def test_lesson_position_and_read_flag(store: Store) -> None:
    """The lesson section reached is saved with the resume point; once read, a module stays read."""
    learner = store.people.create_learner("Ali")
    assert store.progress.get_module_progress(learner.id, "safety", "intro") == ModuleProgress(
        learner.id, "safety", "intro"
    )
    store.progress.save_lesson_position(learner.id, "safety", "1.0", "intro", 3)
    p = store.progress.save_lesson_position(learner.id, "safety", "1.0", "intro", 5, read=True)
    assert (p.lesson_position, p.lesson_read, p.status) == (5, True, "in_progress")
    p = store.progress.save_lesson_position(learner.id, "safety", "1.0", "intro", 0)
    assert (p.lesson_position, p.lesson_read) == (0, True)
    point = store.progress.get_resume_point(learner.id)
    assert point is not None and (point.stage, point.position) == ("lesson", 0)
    assert [m.module_id for m in store.progress.list_module_progress(learner.id)] == ["intro"]


def test_resume_point_set_and_clear(store: Store) -> None:
    """set_resume_point validates the stage; clear_resume_point forgets it."""
    learner = store.people.create_learner("Ali")
    store.progress.set_resume_point(learner.id, "safety", "intro", "results")
    with pytest.raises(InvalidValueError, match="stage"):
        store.progress.set_resume_point(learner.id, "safety", "intro", "video")  # type: ignore[arg-type]
    store.progress.clear_resume_point(learner.id)
    assert store.progress.get_resume_point(learner.id) is None


def test_resume_point_survives_reopen(data_dir: Path) -> None:
    """After the app stops, "Continue" finds the same question of the same run."""
    with Store.open(data_dir) as s:
        learner = s.people.create_learner("Ali")
        run = start_run(s, learner)
        answer(s, run, "q1", next_index=1)
    with Store.open(data_dir) as s:
        point = s.progress.get_resume_point(learner.id)
        progress = s.progress.get_module_progress(learner.id, "safety", "passwords")
        assert point is not None and (point.stage, point.position) == ("quiz", 1)
        assert (progress.quiz_run_id, progress.question_index) == (run.id, 1)


def test_attempt_filters_by_module_and_dates(store: Store) -> None:
    """attempts_for_learner filters by pack, module and a [since, until) range of dates."""
    learner = store.people.create_learner("Ali")
    r1, r2 = start_run(store, learner, "m1"), start_run(store, learner, "m2")
    base = datetime(2024, 5, 1, tzinfo=UTC)
    for day in range(3):
        answer(store, r1, answered_at=base + timedelta(days=day))
        answer(store, r2, answered_at=base + timedelta(days=day, hours=1))
    assert len(store.runs.attempts_for_learner(learner.id)) == 6
    assert len(store.runs.attempts_for_learner(learner.id, module_id="m1")) == 3
    assert len(store.runs.attempts_for_learner(learner.id, pack_id="other")) == 0
    ranged = store.runs.attempts_for_learner(
        learner.id, since=base + timedelta(days=1), until=base + timedelta(days=2)
    )
    assert [a.module_id for a in ranged] == ["m1", "m2"]
    assert len(store.runs.attempts_for_learner(learner.id, since="2024-05-02T00:00:00Z")) == 4
