"""What every question type gives: its model, how an answer is graded, the answer in words, and the checks
the validator makes beyond the model. One module per type (``single.py``, ``matching.py`` ...) defines a
subclass of :class:`QuestionKind` and an instance of it named ``KIND``; :mod:`quizapp.content.qtypes` finds
them by the type's name.

Answers are plain JSON-ready values, the same that are stored with each attempt; each type's module says
what its answer looks like and how it is scored. Grades count a fraction of the question's points.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import Field

from quizapp.content.fields import Narration, PicturePath, Slug, Strict
from quizapp.content.text import LText, Text
from quizapp.content.vocab import Difficulty

Verdict = Literal["correct", "partial", "wrong", "best", "acceptable", "unsafe"]
Rating = Literal["best", "acceptable", "unsafe"]
EPSILON = 1e-9


class QuestionBase(Strict):
    """What every question has, whatever its type."""

    type: str
    id: Slug
    prompt: Text
    audio: Narration | None = Field(
        default=None, description="The prompt read aloud (a scenario's situation and prompt)."
    )
    explanation: Text = Field(
        description="Why the right answer is right and the tempting wrong one is wrong."
    )
    hint: Text | None = None
    image: PicturePath | None = Field(
        default=None, description="Shown with the question (a scenario's picture replaces the phone icon)."
    )
    image_alt: Text | None = Field(default=None, description="Words that describe the image.")
    difficulty: Difficulty | None = None
    points: Annotated[int, Field(ge=1, le=100)] = 1
    source: Text | None = Field(
        default=None,
        description="Where a legal or institutional claim comes from (law and section, official body); "
        "shown to teachers in the answer key, never to learners.",
    )


class AnswerError(ValueError):
    """An answer that does not fit its question (unknown option, wrong shape)."""


@dataclass(frozen=True, slots=True)
class Grade:
    """The result of grading one answer.

    ``parts`` says, per option / item / pair / region, whether it is right: for multiple select by option in
    pack order (True = treated right: chosen and right, or not chosen and wrong), for ordering by position,
    for matching by left item, for spot the scam by region. Empty for the other types.
    """

    correct: bool | None
    rating: Rating | None
    fraction: float
    points_earned: float
    points_possible: float
    verdict: Verdict
    parts: tuple[bool, ...] = ()

    @property
    def full_marks(self) -> bool:
        return self.fraction >= 1.0 - EPSILON


def verdict_of(fraction: float) -> Verdict:
    if fraction >= 1.0 - EPSILON:
        return "correct"
    if fraction > EPSILON:
        return "partial"
    return "wrong"


def make_grade(question: QuestionBase, fraction: float, parts: Sequence[bool] = ()) -> Grade:
    """A right/partly/wrong grade for ``fraction`` (clamped to 0..1) of the question's points."""
    fraction = min(1.0, max(0.0, fraction))
    verdict = verdict_of(fraction)
    return Grade(
        correct=verdict == "correct",
        rating=None,
        fraction=fraction,
        points_earned=round(question.points * fraction, 4),
        points_possible=float(question.points),
        verdict=verdict,
        parts=tuple(parts),
    )


def index_list(answer: Any, size: int, what: str, *, allow_none: bool = False) -> list[int | None]:
    """``answer`` read as a list of ``size`` positions (0..size-1), or :class:`AnswerError`."""
    if not isinstance(answer, list | tuple) or len(answer) != size:
        raise AnswerError(f"{what} needs a list of {size} positions")
    out: list[int | None] = []
    for value in answer:
        if value is None and allow_none:
            out.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < size:
            raise AnswerError(f"{what}: '{value}' is not a position between 0 and {size - 1}")
        out.append(value)
    return out


def id_list(answer: Any, ids: Sequence[str], question_id: str, what: str = "option") -> list[str]:
    """``answer`` read as a list of known ids, or :class:`AnswerError`."""
    if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
        raise AnswerError(f"question '{question_id}' needs a list of {what} ids")
    unknown = [a for a in answer if a not in ids]
    if unknown:
        raise AnswerError(f"'{unknown[0]}' is not an {what} of question '{question_id}'")
    return list(answer)


def as_int(value: Any) -> Any:
    """A position stored as text ("2") read as a number; anything else unchanged."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


@dataclass(frozen=True, slots=True)
class AnswerWords:
    """Words the caller supplies in the reader's language (the core holds no translations)."""

    true: str = "True"
    false: str = "False"
    nothing: str = "(no answer)"
    separator: str = "; "
    then: str = " → "
    numbered_steps: bool = False  # ordering answers as "1. first  2. second" instead of joined by ``then``


TextOf = Callable[[LText | None], str]
"""The caller's way of showing a pack text: in the reader's language, as plain text."""


def item_text(items: Sequence[LText], value: Any, text: TextOf) -> str:
    value = as_int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(items):
        return text(items[value])
    return str(value)


def option_text(options: Sequence[Any], option_id: Any, text: TextOf) -> str:
    for option in options:
        if option.id == option_id:
            return text(option.text)
    return str(option_id)


@dataclass(frozen=True, slots=True)
class CheckContext:
    """What a type's own checks may use: where a problem is reported, and the pack's files.

    ``error(path, message)`` reports at the YAML node ``path`` (relative to the question);
    ``asset(rel, path)`` checks a file named in the pack (inside the pack, present, a safe picture) the way
    every ``image:`` is checked, and gives its path when it may be used.
    """

    error: Callable[[tuple[int | str, ...], str], None]
    asset: Callable[[str, tuple[int | str, ...]], Path | None]
    languages: tuple[str, ...]
    default_language: str


Q = TypeVar("Q", bound=QuestionBase)


class QuestionKind(Generic[Q]):
    """One question type. Subclasses set ``name`` and ``model`` and implement the grading."""

    name: str
    model: type[Q]
    rated: bool = False
    """Scored by a rating (best / acceptable / unsafe) instead of right or wrong (scenarios)."""

    def grade(self, question: Q, answer: Any, *, language: str, default_language: str) -> Grade:
        raise NotImplementedError

    def right_answer(self, question: Q, *, language: str, default_language: str) -> Any:
        """An answer that earns full points."""
        raise NotImplementedError

    def offers_retry(self, question: Q) -> bool:
        """A second try after a wrong first answer makes sense: not when only one other answer is left (it
        would give the answer away)."""
        return True

    def is_complete(self, question: Q, answer: Any) -> bool:
        """True when the learner has given an answer worth checking (something chosen, typed or placed)."""
        return answer is not None

    def answer_text(self, question: Q, answer: Any, words: AnswerWords, text: TextOf) -> str:
        """A learner's stored answer in words (option texts, not ids), forgiving of older shapes."""
        raise NotImplementedError

    def right_answer_text(
        self, question: Q, words: AnswerWords, text: TextOf, *, language: str, default_language: str
    ) -> str:
        """The right answer in words (for feedback, the answer key and exports)."""
        return self.answer_text(
            question,
            self.right_answer(question, language=language, default_language=default_language),
            words,
            text,
        )

    def choice_ids(self, question: Q) -> list[str]:
        """What a learner can choose, by id, for the per-option item analysis; empty when not a choice."""
        return []

    def chosen_ids(self, answer: Any) -> list[str]:
        """The ids a stored answer chose (see :meth:`choice_ids`)."""
        return []

    def check(self, question: Q, ctx: CheckContext) -> None:
        """Problems the model cannot see (an answer that is not an option, a region outside its picture)."""
