"""Helpers for teacher tests: the example pack, and a learner's quiz recorded as the student app does."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from quizapp.content.diagnostics import DiagnosticList
from quizapp.content.models import AnyQuestion
from quizapp.content.packs import Pack, load_pack_folder
from quizapp.progress.records import ModuleProgress
from quizapp.progress.store import Store
from quizapp.services.grading import grade
from quizapp.services.grading import right_answer as grading_right_answer

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "questions" / "example"


def example_pack() -> Pack:
    diags = DiagnosticList()
    pack = load_pack_folder(EXAMPLE, "example", diags)
    assert pack is not None, [str(d) for d in diags.items]
    return pack


def right_answer(question: AnyQuestion) -> Any:
    """An answer that earns full points, in English (from the question's type)."""
    return grading_right_answer(question, language="en", default_language="en")


def take_quiz(
    store: Store, pack: Pack, module_id: str, learner_id: str, answers: dict[str, Any] | None = None
) -> ModuleProgress:
    """Answer every question (right unless ``answers`` says otherwise) and finish the run."""
    answers = answers or {}
    module = pack.module(module_id)
    assert module is not None
    questions = module.quiz.questions
    run = store.runs.start_quiz_run(learner_id, pack.id, pack.version, module_id, [q.id for q in questions])
    earned = possible = 0.0
    for index, question in enumerate(questions):
        answer = answers.get(question.id, right_answer(question))
        result = grade(question, answer, language="en", default_language=pack.default_language)
        earned += result.points_earned
        possible += result.points_possible
        store.runs.record_answer(
            learner_id=learner_id,
            quiz_run_id=run.id,
            pack_id=pack.id,
            pack_version=pack.version,
            module_id=module_id,
            question_id=question.id,
            question_type=question.type,
            answer=answer,
            correct=result.correct,
            rating=result.rating,
            points_earned=result.points_earned,
            points_possible=result.points_possible,
            time_ms=1500,
            next_index=index + 1,
        )
    score = 100.0 * earned / possible
    return store.runs.finish_quiz_run(run.id, score_percent=score, passed=score >= module.quiz.pass_mark)
