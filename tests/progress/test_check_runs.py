"""Check runs (before the lesson, after the quiz) in the store: kept apart from quizzes, carried by bundles,
and added to an old database by the v4 upgrade."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.progress.bundle import export_results, import_results
from quizapp.progress.errors import InvalidValueError
from quizapp.progress.store import Store
from tests.progress.conftest import BACKENDS

STORE_BACKENDS = BACKENDS  # every test with the store fixture runs on SQLite and PostgreSQL


def _pre_run(store: Store) -> str:
    learner = store.people.create_learner("Ayesha")
    run = store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", ["ck-1"], kind="pre")
    store.runs.record_answer(
        learner_id=learner.id,
        quiz_run_id=run.id,
        pack_id="safety",
        pack_version="1.0",
        module_id="passwords",
        question_id="ck-1",
        question_type="true_false",
        answer=True,
        correct=True,
        points_earned=1,
        points_possible=1,
        time_ms=700,
    )
    store.runs.finish_quiz_run(run.id, score_percent=100.0, passed=False)
    return learner.id


def test_results_bundle_carries_the_kind_of_each_run(tmp_path: Path) -> None:
    """A pre-check exported on one computer is still a pre-check (not a quiz) after import on another."""
    with Store.open(tmp_path / "a") as a:
        learner_id = _pre_run(a)
        export_results(a, tmp_path / "r.zip")
    with Store.open(tmp_path / "b") as b:
        (outcome,) = import_results(b, [tmp_path / "r.zip"])
        assert outcome.error is None
        assert b.runs.list_quiz_runs(learner_id) == []
        (run,) = b.runs.list_quiz_runs(learner_id, kinds=("pre",))
        assert run.kind == "pre" and run.score_percent == 100.0
        assert [a.kind for a in b.runs.attempts_for_learner(learner_id, kinds=("pre",))] == ["pre"]
        assert b.progress.get_module_progress(learner_id, "safety", "passwords").best_score is None


def test_unknown_run_kind_is_refused(store: Store) -> None:
    """Only quiz, pre and post runs exist."""
    learner = store.people.create_learner("Bilal")
    with pytest.raises(InvalidValueError, match="run kind"):
        store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", ["q1"], kind="exam")  # type: ignore[arg-type]
