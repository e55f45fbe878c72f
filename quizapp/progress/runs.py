"""Quiz runs and answers: ``store.runs`` starts a run (a quiz, or the check questions before the lesson and
after the quiz), saves each answer in its own transaction (with the learner's place, so a killed app resumes
at the next question), finishes the run (best score, passed) and reads runs and answers back."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, bindparam, insert, select, update

from quizapp.progress import schema as t
from quizapp.progress import server_answer
from quizapp.progress.concurrency import retrying
from quizapp.progress.database import COUNTER_KEY, Database
from quizapp.progress.errors import InvalidValueError, NotFoundError
from quizapp.progress.moduleprogress import progress_row, save_progress, save_resume
from quizapp.progress.people import learner_in
from quizapp.progress.records import (
    QUESTION_TYPES,
    RATINGS,
    RUN_KINDS,
    Attempt,
    ModuleProgress,
    Moment,
    QuizRun,
    Rating,
    RunKind,
    to_utc_iso,
)
from quizapp.progress.rows import time_range, to_attempt, to_run
from quizapp.progress.values import check_slug, check_version, new_id

# statements of the answer path, built once (building them per call costs more than running them)
_mp = t.module_progress.c
INSERT_ATTEMPT = insert(t.attempts)
UPDATE_POSITION = (
    update(t.module_progress)
    .where(
        _mp.learner_id == bindparam("w_learner"),
        _mp.pack_id == bindparam("w_pack"),
        _mp.module_id == bindparam("w_module"),
        _mp.quiz_run_id == bindparam("w_run"),
    )
    .values(
        question_index=bindparam("v_index"),
        updated_at=bindparam("v_now"),
        origin_device=bindparam("v_device"),
        origin_counter=bindparam("v_counter"),
    )
)


def run_in(conn: Connection, run_id: str) -> QuizRun:
    """The quiz run, read in the caller's transaction; ``NotFoundError`` when there is none."""
    row = conn.execute(select(t.quiz_runs).where(t.quiz_runs.c.id == run_id)).first()
    if row is None:
        raise NotFoundError(f"There is no quiz run with id {run_id}.")
    return to_run(row)


class Runs:
    """``store.runs``: quiz runs and the answers in them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    @retrying
    def start_quiz_run(
        self,
        learner_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_order: Sequence[str],
        *,
        kind: RunKind = "quiz",
    ) -> QuizRun:
        """Start a go at a module's quiz with the question order used (shuffled or not).

        Also marks the module's quiz in progress at question 0 and moves the resume point there, in the
        same transaction. A ``kind`` of "pre" or "post" starts a run of the module's check questions
        instead, which touches neither (its answers never count toward the quiz).
        """
        if kind not in RUN_KINDS:
            raise InvalidValueError(f"Unknown run kind {kind!r}; use quiz, pre or post.")
        check_slug(pack_id, "pack id")
        check_slug(module_id, "module id")
        check_version(pack_version)
        order = [check_slug(q, "question id") for q in question_order]
        if not order:
            raise InvalidValueError("A quiz run needs at least one question.")
        now = self._db.now()
        run = QuizRun(
            new_id(),
            learner_id,
            pack_id,
            pack_version,
            module_id,
            tuple(order),
            now,
            None,
            None,
            None,
            now,
            kind,
        )
        with self._db.write() as conn:
            learner_in(conn, learner_id)
            conn.execute(
                insert(t.quiz_runs).values(
                    id=run.id,
                    learner_id=learner_id,
                    pack_id=pack_id,
                    pack_version=pack_version,
                    module_id=module_id,
                    question_order=json.dumps(order),
                    started_at=now,
                    finished_at=None,
                    score_percent=None,
                    passed=None,
                    updated_at=now,
                    kind=kind,
                    **self._db.origin(conn),
                )
            )
            if kind != "quiz":  # check questions leave the module's quiz progress and resume point alone
                self._db.run_owners[run.id] = (learner_id, pack_id, module_id, kind)
                return run
            old = progress_row(conn, learner_id, pack_id, module_id, lock=True)
            new = ModuleProgress(
                learner_id=learner_id,
                pack_id=pack_id,
                module_id=module_id,
                pack_version=pack_version,
                lesson_read=old.lesson_read,
                lesson_position=old.lesson_position,
                quiz_state="in_progress",
                quiz_run_id=run.id,
                question_order=tuple(order),
                question_index=0,
                best_score=old.best_score,
                passed=old.passed,
                completed_at=old.completed_at,
            )
            save_progress(self._db, conn, new, exists=old.updated_at is not None, now=now)
            save_resume(self._db, conn, learner_id, pack_id, module_id, "quiz", 0, now)
        self._db.run_owners[run.id] = (learner_id, pack_id, module_id, kind)
        return run

    def _run_owner(self, conn: Connection, run_id: str) -> tuple[str, str, str, RunKind]:
        owner = self._db.run_owners.get(run_id)
        if owner is None:
            r = t.quiz_runs.c
            row = conn.execute(
                select(r.learner_id, r.pack_id, r.module_id, r.kind).where(r.id == run_id)
            ).first()
            if row is None:
                raise NotFoundError(f"There is no quiz run with id {run_id}.")
            owner = (row[0], row[1], row[2], cast(RunKind, row[3]))
            self._db.run_owners[run_id] = owner
        return owner

    @retrying
    def record_answer(
        self,
        *,
        learner_id: str,
        quiz_run_id: str,
        pack_id: str,
        pack_version: str,
        module_id: str,
        question_id: str,
        question_type: str,
        answer: Any,
        correct: bool | None,
        rating: Rating | None = None,
        points_earned: float,
        points_possible: float,
        time_ms: int,
        answered_at: Moment | None = None,
        next_index: int | None = None,
    ) -> Attempt:
        """Record one answer and commit it before returning.

        ``answer`` is anything JSON can hold (option ids, text typed, an order...). Scenario questions
        give ``rating`` ('best'/'acceptable'/'unsafe') and may leave ``correct`` None. When ``next_index``
        is given, the module's quiz position and the resume point move to that question index in the
        same transaction (one disk flush for both).
        """
        check_slug(question_id, "question id")
        check_version(pack_version)
        if question_type not in QUESTION_TYPES:
            raise InvalidValueError(f"Unknown question type {question_type!r}.")
        if rating is not None and rating not in RATINGS:
            raise InvalidValueError(f"Unknown scenario rating {rating!r}; use best, acceptable or unsafe.")
        if question_type == "scenario" and rating is None:
            raise InvalidValueError("A scenario answer needs its rating (best, acceptable or unsafe).")
        if question_type != "scenario" and correct is None:
            raise InvalidValueError("An answer needs correct=True or correct=False.")
        if not (0 <= points_earned <= points_possible):
            raise InvalidValueError(
                f"Points earned ({points_earned}) must be between 0 and {points_possible}."
            )
        if time_ms < 0:
            raise InvalidValueError("Time taken cannot be negative.")
        try:
            answer_json = json.dumps(answer, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        except (TypeError, ValueError) as exc:
            raise InvalidValueError(f"The answer cannot be stored as JSON: {exc}") from exc
        attempt = Attempt(
            id=new_id(),
            learner_id=learner_id,
            quiz_run_id=quiz_run_id,
            pack_id=pack_id,
            pack_version=pack_version,
            module_id=module_id,
            question_id=question_id,
            question_type=question_type,
            answer_json=answer_json,
            correct=correct,
            rating=rating,
            points_earned=float(points_earned),
            points_possible=float(points_possible),
            time_ms=int(time_ms),
            answered_at=self._db.now() if answered_at is None else to_utc_iso(answered_at),
        )
        with self._db.write() as conn:
            owner = self._run_owner(conn, quiz_run_id)
            kind = owner[3]
            if owner[:3] != (learner_id, pack_id, module_id):
                raise InvalidValueError(
                    f"Quiz run {quiz_run_id} is not {learner_id}'s run of {pack_id}/{module_id}."
                )
            row = {
                "id": attempt.id,
                "learner_id": learner_id,
                "quiz_run_id": quiz_run_id,
                "pack_id": pack_id,
                "pack_version": pack_version,
                "module_id": module_id,
                "question_id": question_id,
                "question_type": question_type,
                "answer_json": answer_json,
                "correct": correct,
                "rating": rating,
                "points_earned": attempt.points_earned,
                "points_possible": attempt.points_possible,
                "time_ms": attempt.time_ms,
                "answered_at": attempt.answered_at,
                "kind": kind,
            }
            if self._db.answer_on_server is not None:  # one statement (server_answer.py)
                index = next_index if kind == "quiz" else None
                values = server_answer.parameters(
                    row,
                    counter_key=COUNTER_KEY,
                    first_value=self._db.next_counter,
                    device=self._db.database_id,
                    next_index=index,
                    now=self._db.now(),
                )
                statement = self._db.answer_on_server[index is not None]
                self._db.counter_raised(int(conn.execute(statement, values).scalar_one()))
                return attempt if kind == "quiz" else dataclasses.replace(attempt, kind=kind)
            conn.execute(INSERT_ATTEMPT, {**row, **self._db.origin(conn)})
            if kind != "quiz":
                return dataclasses.replace(attempt, kind=kind)
            if next_index is not None:
                now = self._db.now()
                where = {
                    "w_learner": learner_id,
                    "w_pack": pack_id,
                    "w_module": module_id,
                    "w_run": quiz_run_id,
                }
                origin = self._db.origin(conn)
                stamp = {"v_device": origin["origin_device"], "v_counter": origin["origin_counter"]}
                conn.execute(UPDATE_POSITION, {**where, **stamp, "v_index": next_index, "v_now": now})
                save_resume(self._db, conn, learner_id, pack_id, module_id, "quiz", next_index, now)
        return attempt

    @retrying
    def finish_quiz_run(self, quiz_run_id: str, *, score_percent: float, passed: bool) -> ModuleProgress:
        """Close a run with its score; updates best score, passed and completed_at (first pass), and moves
        the resume point to the module's results. Returns the module's progress. A check run ("pre" or
        "post" kind) only records its score: the module's progress and resume point stay as they were."""
        if not 0 <= score_percent <= 100:
            raise InvalidValueError(f"A score must be a percent from 0 to 100, not {score_percent}.")
        now = self._db.now()
        with self._db.write() as conn:
            run = run_in(conn, quiz_run_id)
            old = progress_row(conn, run.learner_id, run.pack_id, run.module_id, lock=True)
            if run.finished_at is not None:
                return old
            conn.execute(
                update(t.quiz_runs)
                .where(t.quiz_runs.c.id == quiz_run_id)
                .values(
                    finished_at=now,
                    score_percent=float(score_percent),
                    passed=passed,
                    updated_at=now,
                    **self._db.origin(conn),
                )
            )
            if run.kind != "quiz":  # a check's score is for the learning gain, not the module's progress
                return old
            best = score_percent if old.best_score is None else max(old.best_score, score_percent)
            current = old.quiz_run_id in (None, quiz_run_id)
            new = ModuleProgress(
                learner_id=run.learner_id,
                pack_id=run.pack_id,
                module_id=run.module_id,
                pack_version=run.pack_version if current else old.pack_version,
                lesson_read=old.lesson_read,
                lesson_position=old.lesson_position,
                quiz_state="finished" if current else old.quiz_state,
                quiz_run_id=quiz_run_id if current else old.quiz_run_id,
                question_order=run.question_order if current else old.question_order,
                question_index=len(run.question_order) if current else old.question_index,
                best_score=float(best),
                passed=old.passed or passed,
                completed_at=old.completed_at or (now if passed else None),
            )
            save_progress(self._db, conn, new, exists=old.updated_at is not None, now=now)
            if current:
                save_resume(self._db, conn, run.learner_id, run.pack_id, run.module_id, "results", 0, now)
            return progress_row(conn, run.learner_id, run.pack_id, run.module_id)

    def get_quiz_run(self, quiz_run_id: str) -> QuizRun:
        with self._db.read() as conn:
            return run_in(conn, quiz_run_id)

    def list_quiz_runs(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[QuizRun]:
        """A learner's runs of the given kinds (quiz runs unless asked), oldest first."""
        c = t.quiz_runs.c
        query = select(t.quiz_runs).where(c.learner_id == learner_id, c.kind.in_(list(kinds)))
        if pack_id is not None:
            query = query.where(c.pack_id == pack_id)
        if module_id is not None:
            query = query.where(c.module_id == module_id)
        with self._db.read() as conn:
            return [to_run(r) for r in conn.execute(query.order_by(c.started_at, c.id))]

    def attempts_for_learner(
        self,
        learner_id: str,
        *,
        pack_id: str | None = None,
        module_id: str | None = None,
        since: Moment | None = None,
        until: Moment | None = None,
        kinds: Sequence[RunKind] = ("quiz",),
    ) -> list[Attempt]:
        """A learner's answers of runs of the given kinds (quiz unless asked) in the order given; ``since``
        inclusive, ``until`` exclusive."""
        c = t.attempts.c
        query = select(t.attempts).where(c.learner_id == learner_id, c.kind.in_(list(kinds)))
        if pack_id is not None:
            query = query.where(c.pack_id == pack_id)
        if module_id is not None:
            query = query.where(c.module_id == module_id)
        query = query.where(*time_range(c.answered_at, since, until))
        with self._db.read() as conn:
            return [to_attempt(r) for r in conn.execute(query.order_by(c.answered_at, c.id))]

    def attempts_for_run(self, quiz_run_id: str) -> list[Attempt]:
        c = t.attempts.c
        with self._db.read() as conn:
            rows = conn.execute(
                select(t.attempts).where(c.quiz_run_id == quiz_run_id).order_by(c.answered_at, c.id)
            )
            return [to_attempt(r) for r in rows]
