"""Grading answers: pure functions, no Qt, no store.

Each question type says in its own module (:mod:`quizapp.content.qtypes`) what its answer looks like (a
plain JSON-ready value, the same that is stored with each attempt) and how it is scored; these functions
find the question's type and ask it. ``fraction`` is the share of the question's points earned:

- single, true/false, fill in the blank: 1 when right, else 0 (fill in the blank ignores case and extra
  spaces and accepts the answers of any of the question's languages).
- multiple select and spot the scam: right only when exactly the right options (the suspicious regions)
  are chosen; partly right ``(right chosen - wrong chosen) / number right``, never below 0.
- ordering, matching: partly right by the share of items in their place / of right pairs.
- scenario: rated, not right or wrong (``correct`` is None): best = 1, acceptable = 0.5, unsafe = 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from quizapp.content import qtypes
from quizapp.content.models import AnyQuestion
from quizapp.content.qtypes.base import EPSILON as _EPSILON
from quizapp.content.qtypes.base import AnswerError, Grade, Verdict
from quizapp.content.qtypes.fill_blank import accepted_answers
from quizapp.content.qtypes.scenario import RATING_FRACTION

__all__ = [
    "RATING_FRACTION",
    "AnswerError",
    "Grade",
    "Verdict",
    "accepted_answers",
    "grade",
    "has_passed",
    "is_complete",
    "right_answer",
    "score_percent",
]

Rating = Literal["best", "acceptable", "unsafe"]


def _kind(question: AnyQuestion) -> qtypes.QuestionKindAny:
    try:
        return qtypes.kind_of(question)
    except KeyError:
        raise AnswerError(f"unknown question type '{getattr(question, 'type', '?')}'") from None


def grade(question: AnyQuestion, answer: Any, *, language: str = "en", default_language: str = "en") -> Grade:
    """Grade ``answer`` (its shape is given by the question's type). Raises :class:`AnswerError`."""
    return _kind(question).grade(question, answer, language=language, default_language=default_language)


def right_answer(question: AnyQuestion, *, language: str = "en", default_language: str = "en") -> Any:
    """An answer that earns full points (the first accepted text for fill in the blank)."""
    return _kind(question).right_answer(question, language=language, default_language=default_language)


def is_complete(question: AnyQuestion, answer: Any) -> bool:
    """True when the learner has given an answer worth checking (something chosen, typed or placed)."""
    if answer is None:
        return False
    return _kind(question).is_complete(question, answer)


def score_percent(points_earned: Sequence[float], points_possible: Sequence[float]) -> float:
    """The score as a percent of the points possible (0 when there were none)."""
    possible = sum(points_possible)
    if possible <= 0:
        return 0.0
    return round(100.0 * sum(points_earned) / possible, 2)


def has_passed(score: float, pass_mark: int) -> bool:
    return score + _EPSILON >= pass_mark
