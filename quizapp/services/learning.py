"""The student's learning flow over the progress store and the pack library (no Qt).

- which modules a learner sees (their age band, packs enabled for their class) and how far they got;
- where "Continue" goes (the store's resume point, checked against the packs that exist now);
- lesson positions, and quiz sessions: question order (shuffled when the module or the teacher asks for
  it, stored with the quiz run), option order (derived from the run id, so a resumed quiz shows the same
  order), answers graded and recorded the moment they are checked, and the finished run's score.

The store has no age band on a learner, so it is kept as the per-learner setting
``learner_age_band:<learner id>`` (``Settings.learner_key``: removed and merged with the learner).
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from typing import Any, Literal

from quizapp.content import qtypes
from quizapp.content.models import (
    AnyQuestion,
    Matching,
    Module,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
)
from quizapp.progress.records import Attempt, Learner, ModuleProgress, QuizRun
from quizapp.progress.settings import Settings
from quizapp.progress.store import Store
from quizapp.services.grading import Grade, grade, has_passed, score_percent
from quizapp.services.library import ADULTS, ModuleEntry, PackLibrary
from quizapp.services.names import clean_name

# "adults": a parent or a teacher learning with the modules written for them.
AGE_BANDS: tuple[str, ...] = ("8-10", "11-13", "14-17", ADULTS)
TEXT_SIZES: tuple[int, ...] = (100, 125, 150)  # normal, large, extra large (percent)
LANGUAGES: tuple[str, ...] = ("en", "ur")
AGE_BAND_SETTING = "learner_age_band"
HIGH_CONTRAST_SETTING = "learner_high_contrast"
MAX_NAME_LENGTH = 60
EXAMPLE_PACK_ID = "example"
"""The built-in demo pack (every question type): hidden from learners unless a teacher turns it on."""

Stage = Literal["lesson", "quiz", "results"]


class LearningError(ValueError):
    """Something a learner typed or chose that cannot be used; the message can be shown as it is."""


@dataclass(frozen=True, slots=True)
class ModuleCard:
    """What the home screen shows for one module."""

    entry: ModuleEntry
    progress: ModuleProgress

    @property
    def status(self) -> str:
        return self.progress.status

    @property
    def best_score(self) -> float | None:
        return self.progress.best_score

    @property
    def passed(self) -> bool:
        return self.progress.passed


@dataclass(frozen=True, slots=True)
class Target:
    """Where to take a learner: a module, a stage and a position (lesson section or question index)."""

    entry: ModuleEntry
    stage: Stage
    position: int = 0


@dataclass(frozen=True, slots=True)
class Missed:
    """A question not answered fully right in a run, with the answer given."""

    question: AnyQuestion
    attempt: Attempt


@dataclass(frozen=True, slots=True)
class RunResult:
    """A finished quiz run."""

    entry: ModuleEntry
    run: QuizRun
    score: float
    passed: bool
    pass_mark: int
    points_earned: float
    points_possible: float
    missed: tuple[Missed, ...]
    first_pass: bool = False


def normalise_name(name: str) -> str:
    """A learner's name as stored (see ``services/names.py``: NFC, no invisible or bidi control characters,
    inner spaces collapsed); :class:`LearningError` when empty or too long."""
    cleaned = clean_name(name)
    if not cleaned:
        raise LearningError("Please type your name or a nickname.")
    if len(cleaned) > MAX_NAME_LENGTH:
        raise LearningError(f"Please use a shorter name (at most {MAX_NAME_LENGTH} letters).")
    return cleaned


class LearningService:
    """Student-side operations; every change goes to the store at once."""

    def __init__(self, store: Store, library: PackLibrary) -> None:
        self.store = store
        self.library = library
        self.show_example = False
        """Show the example pack in this process whatever the school's setting (``quizapp selftest``: it
        must not switch a setting that every PC of a school server shares)."""

    # ------------------------------------------------------------------------------------ learners
    def create_learner(
        self,
        name: str,
        *,
        avatar_id: str,
        language: str,
        age_band: str | None,
        class_id: str | None = None,
    ) -> Learner:
        display_name = normalise_name(name)
        if age_band is not None and age_band not in AGE_BANDS:
            raise LearningError(f"Unknown age group '{age_band}'.")
        learner = self.store.people.create_learner(
            display_name, class_id=class_id, language=language, avatar_id=avatar_id
        )
        if age_band is not None:
            self.store.settings.write(Settings.learner_key(AGE_BAND_SETTING, learner.id), age_band)
        return learner

    def learners(self) -> list[Learner]:
        return self.store.people.list_learners()

    def age_band(self, learner: Learner) -> str | None:
        """The learner's age band, or None (then every band's modules are shown)."""
        own = getattr(learner, "age_band", None)
        if isinstance(own, str) and own in AGE_BANDS:
            return own
        value = self.store.settings.read(Settings.learner_key(AGE_BAND_SETTING, learner.id))
        return value if value in AGE_BANDS else None

    def set_age_band(self, learner_id: str, age_band: str | None) -> None:
        if age_band is not None and age_band not in AGE_BANDS:
            raise LearningError(f"Unknown age group '{age_band}'.")
        self.store.settings.write(Settings.learner_key(AGE_BAND_SETTING, learner_id), age_band)

    def set_text_size(self, learner_id: str, percent: int) -> Learner:
        size = min(TEXT_SIZES, key=lambda s: abs(s - percent))
        return self.store.people.update_learner(learner_id, text_size=size)

    def high_contrast(self, learner_id: str) -> bool | None:
        """The learner's own choice of high-contrast colours; None when they never chose (then the
        computer's setting, made by the teacher, applies)."""
        value = self.store.settings.read(Settings.learner_key(HIGH_CONTRAST_SETTING, learner_id))
        return None if value is None else value == "1"

    def set_high_contrast(self, learner_id: str, on: bool) -> None:
        """Remember the learner's choice of high-contrast colours (chosen on their home screen)."""
        self.store.settings.write(Settings.learner_key(HIGH_CONTRAST_SETTING, learner_id), "1" if on else "0")

    def set_language(self, learner_id: str, language: str) -> Learner:
        return self.store.people.update_learner(learner_id, language=language)

    # ------------------------------------------------------------------------------------- modules
    def enabled_pack_ids(self, learner: Learner) -> set[str]:
        """Packs this learner may use: the class's choice when the teacher made one, else every pack
        that is not switched off (built-in packs are on unless a teacher switched them off)."""
        available = self.library.pack_ids()
        shown = self.show_example or self.store.settings.show_example_pack
        if not shown and self.library.is_builtin(EXAMPLE_PACK_ID):
            available.discard(EXAMPLE_PACK_ID)  # a demo, not a real module: shown when a teacher says so
        chosen = self.store.settings.enabled_packs(learner.class_id) if learner.class_id else None
        if chosen is not None:
            return available & chosen
        records = {r.id: r for r in self.store.packs.list_packs()}
        return {pid for pid in available if pid not in records or records[pid].enabled}

    def modules_for(self, learner: Learner) -> list[ModuleEntry]:
        return self.library.modules_for(self.age_band(learner), self.enabled_pack_ids(learner))

    def module_cards(self, learner: Learner) -> list[ModuleCard]:
        progress = {(p.pack_id, p.module_id): p for p in self.store.progress.list_module_progress(learner.id)}
        cards = []
        for entry in self.modules_for(learner):
            found = progress.get(entry.key) or ModuleProgress(learner.id, entry.pack_id, entry.module_id)
            cards.append(ModuleCard(entry, found))
        return cards

    def progress(self, learner_id: str, entry: ModuleEntry) -> ModuleProgress:
        return self.store.progress.get_module_progress(learner_id, entry.pack_id, entry.module_id)

    def target_for(self, learner: Learner, entry: ModuleEntry) -> Target:
        """Where opening a module takes the learner: an unfinished quiz, the lesson section reached, or the
        lesson's start."""
        progress = self.progress(learner.id, entry)
        if progress.quiz_state == "in_progress" and self._open_run(learner.id, entry) is not None:
            return Target(entry, "quiz", progress.question_index)
        sections = entry.facts.sections
        if not progress.lesson_read and 0 < progress.lesson_position < sections:
            return Target(entry, "lesson", progress.lesson_position)
        return Target(entry, "lesson", 0)

    def continue_target(self, learner: Learner) -> Target | None:
        """Where "Continue" goes: exactly where the learner stopped, or the next module not yet passed."""
        modules = self.modules_for(learner)
        point = self.store.progress.get_resume_point(learner.id)
        if point is not None:
            entry = next((e for e in modules if e.key == (point.pack_id, point.module_id)), None)
            if entry is not None:
                if point.stage == "quiz" and self._open_run(learner.id, entry) is not None:
                    return Target(entry, "quiz", point.position)
                if point.stage == "lesson" and 0 <= point.position < entry.facts.sections:
                    return Target(entry, "lesson", point.position)
                if point.stage == "results" and not self.progress(learner.id, entry).passed:
                    return Target(entry, "results", 0)
                following = self.next_module(learner, entry)
                if following is not None:
                    return self.target_for(learner, following)
        cards = self.module_cards(learner)
        for card in cards:
            if card.status == "in_progress":
                return self.target_for(learner, card.entry)
        for card in cards:
            if not card.passed:
                return self.target_for(learner, card.entry)
        return None

    def next_module(self, learner: Learner, after: ModuleEntry) -> ModuleEntry | None:
        """The next module not yet passed after ``after`` (wrapping round), or None when all are passed."""
        cards = self.module_cards(learner)
        keys = [c.entry.key for c in cards]
        start = keys.index(after.key) + 1 if after.key in keys else 0
        for card in cards[start:] + cards[:start]:
            if not card.passed and card.entry.key != after.key:
                return card.entry
        return None

    # -------------------------------------------------------------------------------------- lesson
    def save_lesson_position(self, learner_id: str, entry: ModuleEntry, position: int) -> ModuleProgress:
        sections = entry.facts.sections
        position = max(0, min(position, sections - 1))
        return self.store.progress.save_lesson_position(
            learner_id, entry.pack_id, entry.pack.version, entry.module_id, position
        )

    def mark_lesson_read(self, learner_id: str, entry: ModuleEntry) -> ModuleProgress:
        last = entry.facts.sections - 1
        return self.store.progress.save_lesson_position(
            learner_id, entry.pack_id, entry.pack.version, entry.module_id, last, read=True
        )

    # ---------------------------------------------------------------------------------------- quiz
    def _open_run(self, learner_id: str, entry: ModuleEntry) -> QuizRun | None:
        progress = self.progress(learner_id, entry)
        if progress.quiz_state != "in_progress" or not progress.quiz_run_id:
            return None
        try:
            run = self.store.runs.get_quiz_run(progress.quiz_run_id)
        except LookupError:
            return None
        ids = {q.id for q in entry.module.quiz.questions}
        if run.finished_at is not None or not run.question_order or not set(run.question_order) <= ids:
            return None  # the pack changed under the run: start afresh
        return run

    def shuffles(self, module: Module) -> bool:
        return module.quiz.shuffle or self.store.settings.shuffle_default

    def start_quiz(self, learner: Learner, entry: ModuleEntry) -> QuizSession:
        """A new go at the module's quiz."""
        ids = [q.id for q in entry.module.quiz.questions]
        if self.shuffles(entry.module):
            random.shuffle(ids)
        run = self.store.runs.start_quiz_run(
            learner.id, entry.pack_id, entry.pack.version, entry.module_id, ids
        )
        return QuizSession(self, learner, entry, run, {})

    def open_quiz(self, learner: Learner, entry: ModuleEntry) -> QuizSession:
        """The unfinished run of this module when there is one (same order, answers kept), else a new one."""
        run = self._open_run(learner.id, entry)
        if run is None:
            return self.start_quiz(learner, entry)
        attempts: dict[str, Attempt] = {}
        for attempt in self.store.runs.attempts_for_run(run.id):
            attempts[attempt.question_id] = attempt
        return QuizSession(self, learner, entry, run, attempts)

    def last_result(self, learner: Learner, entry: ModuleEntry) -> RunResult | None:
        """The latest finished run of a module."""
        runs = [
            r
            for r in self.store.runs.list_quiz_runs(
                learner.id, pack_id=entry.pack_id, module_id=entry.module_id
            )
            if r.finished_at is not None
        ]
        if not runs:
            return None
        run = runs[-1]
        attempts = {a.question_id: a for a in self.store.runs.attempts_for_run(run.id)}
        return build_result(entry, run, attempts)


def build_result(
    entry: ModuleEntry, run: QuizRun, attempts: dict[str, Attempt], *, first_pass: bool = False
) -> RunResult:
    questions = {q.id: q for q in entry.module.quiz.questions}
    earned = [a.points_earned for a in attempts.values()]
    possible = [float(questions[qid].points) for qid in run.question_order if qid in questions]
    score = run.score_percent if run.score_percent is not None else score_percent(earned, possible)
    passed = run.passed if run.passed is not None else has_passed(score, entry.module.quiz.pass_mark)
    missed = tuple(
        Missed(questions[qid], attempts[qid])
        for qid in run.question_order
        if qid in attempts
        and qid in questions
        and attempts[qid].points_earned < attempts[qid].points_possible
    )
    return RunResult(
        entry=entry,
        run=run,
        score=score,
        passed=passed,
        pass_mark=entry.module.quiz.pass_mark,
        points_earned=sum(earned),
        points_possible=sum(possible),
        missed=missed,
        first_pass=first_pass,
    )


def _seeded(run_id: str, question_id: str, what: str) -> random.Random:
    return random.Random(f"{run_id}/{question_id}/{what}")


class Sitting:
    """What a quiz and a check being taken share: the display orders (shuffled from the run id, so a run
    resumed after a restart shows the same order), where to resume, the time an answer took, and storing a
    graded answer. Subclasses are dataclasses with ``learner``, ``entry``, ``run``, ``attempts`` and
    ``_shown_at``."""

    learner: Learner
    entry: ModuleEntry
    run: QuizRun
    attempts: dict[str, Attempt]
    _shown_at: float

    @property
    def order(self) -> tuple[str, ...]:
        return self.run.question_order

    @property
    def count(self) -> int:
        return len(self.order)

    def first_unanswered(self) -> int:
        """The index to resume at; ``count`` when every question was answered."""
        return next((i for i, qid in enumerate(self.order) if qid not in self.attempts), self.count)

    def shown(self) -> None:
        """Call when a question appears, so the time taken to answer can be stored."""
        self._shown_at = time.monotonic()

    def shuffles_options(self) -> bool:
        """Whether the options of a question are shown in a shuffled order."""
        raise NotImplementedError

    def option_order(self, question: AnyQuestion) -> list[int]:
        """The order to show options (single, multiple, scenario) as indices into the pack's options."""
        if not isinstance(question, SingleChoice | MultipleSelect | Scenario):
            return []
        indices = list(range(len(question.options)))
        if self.shuffles_options():
            _seeded(self.run.id, question.id, "options").shuffle(indices)
        return indices

    def ordering_start(self, question: Ordering) -> list[int]:
        """The shuffled order ordering items start in (never already right)."""
        return derangement_like(len(question.items), _seeded(self.run.id, question.id, "items"))

    def matching_choices(self, question: Matching) -> list[int]:
        """The order right-hand texts are offered in, as pair indices."""
        return derangement_like(len(question.pairs), _seeded(self.run.id, question.id, "right"))

    def _store_answer(
        self,
        store: Store,
        question: AnyQuestion,
        answer: Any,
        result: Grade,
        *,
        next_index: int | None = None,
    ) -> Attempt:
        """Store ``answer`` to ``question`` with its grade and the time since it was shown (committed when
        this returns); with ``next_index`` the resume point moves there in the same transaction."""
        attempt = store.runs.record_answer(
            learner_id=self.learner.id,
            quiz_run_id=self.run.id,
            pack_id=self.entry.pack_id,
            pack_version=self.entry.pack.version,
            module_id=self.entry.module_id,
            question_id=question.id,
            question_type=question.type,
            answer=answer,
            correct=result.correct,
            rating=result.rating,
            points_earned=result.points_earned,
            points_possible=result.points_possible,
            time_ms=max(0, int((time.monotonic() - self._shown_at) * 1000)),
            next_index=next_index,
        )
        self.attempts[question.id] = attempt
        return attempt


@dataclass
class QuizSession(Sitting):
    """One quiz run being taken. Answers are graded and stored by :meth:`check`."""

    service: LearningService
    learner: Learner
    entry: ModuleEntry
    run: QuizRun
    attempts: dict[str, Attempt] = field(default_factory=dict)
    grades: dict[str, Grade] = field(default_factory=dict)
    retries: dict[str, tuple[Any, Grade]] = field(default_factory=dict)
    """Second tries made in this sitting (answer, grade): shown to the learner, never scored."""
    _retry_offered: set[str] = field(default_factory=set)
    _shown_at: float = field(default_factory=time.monotonic)

    @property
    def module(self) -> Module:
        return self.entry.module

    def question(self, index: int) -> AnyQuestion:
        qid = self.order[index]
        return next(q for q in self.module.quiz.questions if q.id == qid)

    @property
    def complete(self) -> bool:
        return self.first_unanswered() >= self.count

    def attempt(self, question_id: str) -> Attempt | None:
        return self.attempts.get(question_id)

    def shuffles_options(self) -> bool:
        return self.service.shuffles(self.module)

    def check(self, index: int, answer: Any, *, language: str | None = None) -> Grade:
        """Grade the answer to question ``index`` and store it at once; the resume point moves on.

        ``language`` is the one the question was shown in (the learner may have switched since the quiz
        started; ``learner`` is the record read when it started). Without it, the learner's language as
        stored now is used."""
        question = self.question(index)
        default_language = self.entry.pack.default_language
        shown = language or self.service.store.people.get_learner(self.learner.id).language
        result = grade(question, answer, language=shown, default_language=default_language)
        self._store_answer(
            self.service.store, question, answer, result, next_index=min(index + 1, self.count)
        )
        self.grades[question.id] = result
        if not result.full_marks and offers_retry(question):
            self._retry_offered.add(question.id)
        return result

    # one more try before the right answer is shown: the first answer is stored (and scored) at once, so
    # nothing is lost if the app stops; the second is graded for the learner only. A quiz resumed after a
    # restart shows the stored answer's feedback (the offer is not kept).
    def retry_pending(self, question_id: str) -> bool:
        """The first answer was not fully right, and its one more try has not been used yet."""
        return question_id in self._retry_offered and question_id not in self.retries

    def retry(self, index: int, answer: Any, *, language: str | None = None) -> Grade:
        """Grade the second try at question ``index`` (only after :meth:`check` offered it). The first
        answer stays what the teacher sees and what counts for the score."""
        question = self.question(index)
        if not self.retry_pending(question.id):
            raise LearningError("This question has no second try left.")
        shown = language or self.service.store.people.get_learner(self.learner.id).language
        result = grade(question, answer, language=shown, default_language=self.entry.pack.default_language)
        self.retries[question.id] = (answer, result)
        return result

    def shown_result(self, question_id: str, *, language: str) -> tuple[Any, Grade] | None:
        """The answer and grade the screen shows once a question is done: the second try when there was
        one, else the stored answer (None when not answered, or while the second try is pending).
        ``language`` is the one the question is shown in (a fill-in answer is graded in it)."""
        if question_id in self.retries:
            return self.retries[question_id]
        attempt = self.attempts.get(question_id)
        if attempt is None or self.retry_pending(question_id):
            return None
        result = self.grades.get(question_id)
        if result is None:
            question = next(q for q in self.module.quiz.questions if q.id == question_id)
            default = self.entry.pack.default_language
            result = grade(question, attempt.answer, language=language, default_language=default)
        return attempt.answer, result

    def finish(self) -> RunResult:
        """Close the run with its score (questions never answered count as 0)."""
        earned = [a.points_earned for a in self.attempts.values() if a.question_id in self.order]
        possible = [float(self.question(i).points) for i in range(self.count)]
        score = score_percent(earned, possible)
        passed = has_passed(score, self.module.quiz.pass_mark)
        before = self.service.progress(self.learner.id, self.entry).passed
        self.service.store.runs.finish_quiz_run(self.run.id, score_percent=score, passed=passed)
        self.run = self.service.store.runs.get_quiz_run(self.run.id)
        return build_result(self.entry, self.run, self.attempts, first_pass=passed and not before)


def offers_retry(question: AnyQuestion) -> bool:
    """A second try makes sense: not true/false or a choice of two (the other answer would be a giveaway)."""
    return qtypes.kind_of(question).offers_retry(question)


def derangement_like(size: int, rng: random.Random) -> list[int]:
    """A shuffled ``range(size)`` that is not the identity (for two or more items)."""
    indices = list(range(size))
    if size < 2:
        return indices
    for _ in range(20):
        rng.shuffle(indices)
        if indices != sorted(indices):
            return indices
    return indices[1:] + indices[:1]
