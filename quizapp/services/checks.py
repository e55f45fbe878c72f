"""Check questions before the lesson and after the quiz (no Qt).

A module with a ``check:`` section asks its check questions once before the lesson ("let's see what you
already know", no feedback) and once again after the quiz (questions and options shuffled). Both are stored as
runs of their own kind ("pre" and "post") so they never count toward the quiz score, the module's progress or
the teacher's "missed most" list; they are what the learning gain is measured from.

A teacher can switch the pre-check off (setting ``pre_checks``); a learner cannot skip it. Without a pre-check
there is nothing to compare with, so the post-check is then not asked either.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any

from quizapp.content.models import AnyQuestion
from quizapp.progress.records import Attempt, Learner, QuizRun, RunKind
from quizapp.progress.store import Store
from quizapp.services.grading import grade, score_percent
from quizapp.services.learning import Sitting
from quizapp.services.library import ModuleEntry

PRE_CHECKS_SETTING = "pre_checks"


def pre_checks_enabled(store: Store) -> bool:
    return store.settings.get_bool(PRE_CHECKS_SETTING, True)


def set_pre_checks_enabled(store: Store, enabled: bool) -> None:
    store.settings.set_bool(PRE_CHECKS_SETTING, enabled)


class CheckService:
    """Which check is due for a learner and module, and check sessions."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _runs(self, learner: Learner, entry: ModuleEntry, kind: RunKind) -> list[QuizRun]:
        return self.store.runs.list_quiz_runs(
            learner.id, pack_id=entry.pack_id, module_id=entry.module_id, kinds=(kind,)
        )

    def _usable(self, run: QuizRun, entry: ModuleEntry) -> bool:
        ids = {q.id for q in entry.module.check.questions} if entry.module.check else set()
        return bool(run.question_order) and set(run.question_order) <= ids

    def pre_check_due(self, learner: Learner, entry: ModuleEntry) -> bool:
        """True before the lesson when the module has check questions, the teacher has not switched
        pre-checks off and this learner has not finished one for this module."""
        if entry.module.check is None or not pre_checks_enabled(self.store):
            return False
        return not any(r.finished_at is not None for r in self._runs(learner, entry, "pre"))

    def post_check_due(self, learner: Learner, entry: ModuleEntry) -> bool:
        """True after a quiz when the learner did the pre-check and has not done the post-check yet."""
        if entry.module.check is None:
            return False
        if not any(r.finished_at is not None for r in self._runs(learner, entry, "pre")):
            return False
        return not any(r.finished_at is not None for r in self._runs(learner, entry, "post"))

    def open_check(self, learner: Learner, entry: ModuleEntry, kind: RunKind) -> CheckSession:
        """The unfinished check of that kind (answers kept), or a new one. The pre-check keeps the pack's
        order; the post-check shuffles questions and options, so it is not answered from memory of places."""
        check = entry.module.check
        if check is None or kind == "quiz":
            raise ValueError(f"module '{entry.module_id}' has no check questions")
        for run in reversed(self._runs(learner, entry, kind)):
            if run.finished_at is None and self._usable(run, entry):
                attempts = {a.question_id: a for a in self.store.runs.attempts_for_run(run.id)}
                return CheckSession(self.store, learner, entry, run, attempts)
            break
        ids = [q.id for q in check.questions]
        if kind == "post":
            random.shuffle(ids)
        run = self.store.runs.start_quiz_run(
            learner.id, entry.pack_id, entry.pack.version, entry.module_id, ids, kind=kind
        )
        return CheckSession(self.store, learner, entry, run, {})


@dataclass
class CheckSession(Sitting):
    """One check run being taken: answers are graded and stored, but nothing is shown to the learner."""

    store: Store
    learner: Learner
    entry: ModuleEntry
    run: QuizRun
    attempts: dict[str, Attempt] = field(default_factory=dict)
    _shown_at: float = field(default_factory=time.monotonic)

    @property
    def kind(self) -> RunKind:
        return self.run.kind

    def question(self, index: int) -> AnyQuestion:
        check = self.entry.module.check
        assert check is not None
        qid = self.run.question_order[index]
        return next(q for q in check.questions if q.id == qid)

    def shuffles_options(self) -> bool:
        """Options in pack order for the pre-check, shuffled (from the run id) for the post-check."""
        return self.kind == "post"

    def answer(self, index: int, answer: Any) -> None:
        """Grade and store the answer to question ``index`` (the learner is not told the result)."""
        question = self.question(index)
        result = grade(
            question,
            answer,
            language=self.learner.language,
            default_language=self.entry.pack.default_language,
        )
        self._store_answer(self.store, question, answer, result)

    def finish(self) -> float:
        """Close the check with its score in percent (questions left unanswered count as 0)."""
        earned = [a.points_earned for a in self.attempts.values() if a.question_id in self.run.question_order]
        possible = [float(self.question(i).points) for i in range(self.count)]
        score = score_percent(earned, possible)
        self.store.runs.finish_quiz_run(self.run.id, score_percent=score, passed=False)
        self.run = self.store.runs.get_quiz_run(self.run.id)
        return score
