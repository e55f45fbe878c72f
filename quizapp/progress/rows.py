"""Database rows to the store's records and back (one function a table), and the time-range filter."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, cast

from quizapp.progress.records import (
    Attempt,
    Learner,
    ModuleProgress,
    Moment,
    PackRecord,
    QuizRun,
    QuizState,
    Rating,
    ResumePoint,
    RunKind,
    SchoolClass,
    Stage,
    to_utc_iso,
)

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.sql.elements import ColumnElement


def to_class(row: Row[Any]) -> SchoolClass:
    m = row._mapping
    return SchoolClass(m["id"], m["name"], bool(m["archived"]), m["created_at"], m["updated_at"])


def to_learner(row: Row[Any]) -> Learner:
    m = row._mapping
    return Learner(
        m["id"],
        m["display_name"],
        m["class_id"],
        m["language"],
        m["avatar_id"],
        int(m["text_size"]),
        bool(m["archived"]),
        m["created_at"],
        m["updated_at"],
        m["progress_reset_at"],
        m["father_name"] or "",
        m["roll_number"] or "",
        m["progress_reset_seen"],
    )


def to_attempt(row: Row[Any]) -> Attempt:
    m = row._mapping
    return Attempt(
        m["id"],
        m["learner_id"],
        m["quiz_run_id"],
        m["pack_id"],
        m["pack_version"],
        m["module_id"],
        m["question_id"],
        m["question_type"],
        m["answer_json"],
        None if m["correct"] is None else bool(m["correct"]),
        cast(Rating | None, m["rating"]),
        float(m["points_earned"]),
        float(m["points_possible"]),
        int(m["time_ms"]),
        m["answered_at"],
        cast(RunKind, m["kind"]),
    )


def _order(text: str) -> tuple[str, ...]:
    value = json.loads(text) if text else []
    return tuple(str(v) for v in value)


def to_run(row: Row[Any]) -> QuizRun:
    m = row._mapping
    return QuizRun(
        m["id"],
        m["learner_id"],
        m["pack_id"],
        m["pack_version"],
        m["module_id"],
        _order(m["question_order"]),
        m["started_at"],
        m["finished_at"],
        None if m["score_percent"] is None else float(m["score_percent"]),
        None if m["passed"] is None else bool(m["passed"]),
        m["updated_at"],
        cast(RunKind, m["kind"]),
    )


def to_progress(row: Row[Any]) -> ModuleProgress:
    m = row._mapping
    return ModuleProgress(
        learner_id=m["learner_id"],
        pack_id=m["pack_id"],
        module_id=m["module_id"],
        pack_version=m["pack_version"],
        lesson_read=bool(m["lesson_read"]),
        lesson_position=int(m["lesson_position"]),
        quiz_state=cast(QuizState, m["quiz_state"]),
        quiz_run_id=m["quiz_run_id"],
        question_order=_order(m["question_order"]),
        question_index=int(m["question_index"]),
        best_score=None if m["best_score"] is None else float(m["best_score"]),
        passed=bool(m["passed"]),
        completed_at=m["completed_at"],
        updated_at=m["updated_at"],
    )


def to_resume(row: Row[Any]) -> ResumePoint:
    m = row._mapping
    return ResumePoint(
        m["learner_id"],
        m["pack_id"],
        m["module_id"],
        cast(Stage, m["stage"]),
        int(m["position"]),
        m["updated_at"],
    )


def to_pack(row: Row[Any]) -> PackRecord:
    m = row._mapping
    try:
        title = json.loads(m["title"])
    except ValueError:
        title = {"": m["title"]}
    if not isinstance(title, dict):
        title = {"": str(title)}
    return PackRecord(
        m["id"],
        m["version"],
        {str(k): str(v) for k, v in title.items()},
        m["folder"],
        m["installed_at"],
        bool(m["enabled"]),
    )


def progress_values(p: ModuleProgress, updated_at: str) -> dict[str, Any]:
    return {
        "learner_id": p.learner_id,
        "pack_id": p.pack_id,
        "module_id": p.module_id,
        "pack_version": p.pack_version,
        "lesson_read": p.lesson_read,
        "lesson_position": p.lesson_position,
        "quiz_state": p.quiz_state,
        "quiz_run_id": p.quiz_run_id,
        "question_order": json.dumps(list(p.question_order)),
        "question_index": p.question_index,
        "best_score": p.best_score,
        "passed": p.passed,
        "completed_at": p.completed_at,
        "updated_at": updated_at,
    }


def learner_values(learner: Learner) -> dict[str, Any]:
    return {
        "id": learner.id,
        "display_name": learner.display_name,
        "class_id": learner.class_id,
        "language": learner.language,
        "avatar_id": learner.avatar_id,
        "text_size": learner.text_size,
        "archived": learner.archived,
        "created_at": learner.created_at,
        "updated_at": learner.updated_at,
        "progress_reset_at": learner.progress_reset_at,
        "father_name": learner.father_name,
        "roll_number": learner.roll_number,
        "progress_reset_seen": learner.progress_reset_seen,
    }


def time_range(column: Any, since: Moment | None, until: Moment | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(column >= to_utc_iso(since))
    if until is not None:
        where.append(column < to_utc_iso(until))
    return where
