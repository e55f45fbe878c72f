"""Grading answers: pure functions, no Qt, no store.

Answers are plain JSON-ready values, the same that are stored with each attempt:

==============  =====================================================================================
type            answer
==============  =====================================================================================
single          the chosen option id (``"b"``)
multiple        the chosen option ids, in any order (``["otp", "home"]``)
true_false      ``True`` or ``False``
ordering        the items as placed by the learner, each given by its index in the pack's (right)
                order (``[1, 0, 2, 3]``)
matching        for each left item, in pack order, the index of the pair whose right text was chosen,
                or ``None`` when nothing was chosen (``[2, 0, 1]``)
fill_blank      the text typed
scenario        the chosen option id
==============  =====================================================================================

Scoring (``fraction`` of the question's points):

- single, true/false, fill in the blank: 1 when right, else 0. Fill in the blank compares with
  :func:`quizapp.content.text.normalise_answer` (case and extra spaces ignored) against the answers accepted
  in any of the question's languages (those of the language shown first) plus the language-free ones.
- multiple select: right only when exactly the right options are chosen. Partly right otherwise:
  ``(right options chosen - wrong options chosen) / number of right options``, never below 0, so choosing
  everything earns nothing.
- ordering: right when every item is in its place; partly right by the share of items in the right place.
- matching: right when every left item has its right partner; partly right by the share of right pairs.
- scenario: rated, not right or wrong (``correct`` is None): best = full points, acceptable = half the
  points, unsafe = 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from quizapp.content.models import (
    AnyQuestion,
    FillBlank,
    Matching,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from quizapp.content.text import normalise_answer

Verdict = Literal["correct", "partial", "wrong", "best", "acceptable", "unsafe"]
Rating = Literal["best", "acceptable", "unsafe"]

RATING_FRACTION: dict[str, float] = {"best": 1.0, "acceptable": 0.5, "unsafe": 0.0}
_EPSILON = 1e-9


class AnswerError(ValueError):
    """An answer that does not fit its question (unknown option, wrong shape)."""


@dataclass(frozen=True, slots=True)
class Grade:
    """The result of grading one answer.

    ``parts`` says, per option / item / pair, whether it is right: for multiple select by option in pack
    order (True = treated right: chosen and right, or not chosen and wrong), for ordering by position, for
    matching by left item. Empty for the other types.
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
        return self.fraction >= 1.0 - _EPSILON


def _verdict(fraction: float) -> Verdict:
    if fraction >= 1.0 - _EPSILON:
        return "correct"
    if fraction > _EPSILON:
        return "partial"
    return "wrong"


def _make(question: AnyQuestion, fraction: float, parts: Sequence[bool] = ()) -> Grade:
    fraction = min(1.0, max(0.0, fraction))
    verdict = _verdict(fraction)
    return Grade(
        correct=verdict == "correct",
        rating=None,
        fraction=fraction,
        points_earned=round(question.points * fraction, 4),
        points_possible=float(question.points),
        verdict=verdict,
        parts=tuple(parts),
    )


def _option_id(question: SingleChoice | Scenario, answer: Any) -> str:
    ids = [o.id for o in question.options]
    if not isinstance(answer, str) or answer not in ids:
        raise AnswerError(f"'{answer}' is not an option of question '{question.id}'")
    return answer


def _index_list(answer: Any, size: int, what: str, *, allow_none: bool = False) -> list[int | None]:
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


def grade(question: AnyQuestion, answer: Any, *, language: str = "en", default_language: str = "en") -> Grade:
    """Grade ``answer`` (see the module docstring for its shape). Raises :class:`AnswerError`."""
    if isinstance(question, SingleChoice):
        return _make(question, 1.0 if _option_id(question, answer) == question.correct else 0.0)
    if isinstance(question, MultipleSelect):
        ids = [o.id for o in question.options]
        if not isinstance(answer, list | tuple) or not all(isinstance(a, str) for a in answer):
            raise AnswerError(f"question '{question.id}' needs a list of option ids")
        unknown = [a for a in answer if a not in ids]
        if unknown:
            raise AnswerError(f"'{unknown[0]}' is not an option of question '{question.id}'")
        chosen, right = set(answer), set(question.correct)
        parts = [(oid in chosen) == (oid in right) for oid in ids]
        if chosen == right:
            return _make(question, 1.0, parts)
        fraction = (len(chosen & right) - len(chosen - right)) / len(right)
        return _make(question, fraction, parts)
    if isinstance(question, TrueFalse):
        if not isinstance(answer, bool):
            raise AnswerError(f"question '{question.id}' needs true or false")
        return _make(question, 1.0 if answer is question.correct else 0.0)
    if isinstance(question, Ordering):
        size = len(question.items)
        order = _index_list(answer, size, f"question '{question.id}'")
        if len(set(order)) != size:
            raise AnswerError(f"question '{question.id}': every item must be placed once")
        parts = [placed == position for position, placed in enumerate(order)]
        return _make(question, sum(parts) / size, parts)
    if isinstance(question, Matching):
        size = len(question.pairs)
        chosen_pairs = _index_list(answer, size, f"question '{question.id}'", allow_none=True)
        parts = [
            choice is not None and question.pairs[choice].right == pair.right
            for pair, choice in zip(question.pairs, chosen_pairs, strict=True)
        ]
        return _make(question, sum(parts) / size, parts)
    if isinstance(question, FillBlank):
        if not isinstance(answer, str):
            raise AnswerError(f"question '{question.id}' needs the text typed")
        typed = normalise_answer(answer)
        accepted = {normalise_answer(a) for a in accepted_answers(question, language, default_language)}
        return _make(question, 1.0 if typed and typed in accepted else 0.0)
    if isinstance(question, Scenario):
        chosen_id = _option_id(question, answer)
        option = next(o for o in question.options if o.id == chosen_id)
        fraction = RATING_FRACTION[option.rating]
        return Grade(
            correct=None,
            rating=option.rating,
            fraction=fraction,
            points_earned=round(question.points * fraction, 4),
            points_possible=float(question.points),
            verdict=option.rating,
        )
    raise AnswerError(f"unknown question type '{getattr(question, 'type', '?')}'")


def accepted_answers(question: FillBlank, language: str, default_language: str) -> tuple[str, ...]:
    """Answers accepted for a fill in the blank shown in ``language``: that language's first, then those of
    every other language the question is written in (a learner who switched language, or who reads the
    English question and answers in Urdu, is right when the answer is right in either language)."""
    languages = [language, *sorted(question.prompt.languages(default_language) - {language})]
    answers: list[str] = []
    for code in languages:
        answers.extend(a for a in question.accepted.for_language(code, default_language) if a not in answers)
    return tuple(answers)


def right_answer(question: AnyQuestion, *, language: str = "en", default_language: str = "en") -> Any:
    """An answer that earns full points (the first accepted text for fill in the blank)."""
    if isinstance(question, SingleChoice):
        return question.correct
    if isinstance(question, MultipleSelect):
        return list(question.correct)
    if isinstance(question, TrueFalse):
        return question.correct
    if isinstance(question, Ordering):
        return list(range(len(question.items)))
    if isinstance(question, Matching):
        return list(range(len(question.pairs)))
    if isinstance(question, FillBlank):
        return question.accepted.for_language(language, default_language)[0]
    if isinstance(question, Scenario):
        return next(o.id for o in question.options if o.rating == "best")
    raise AnswerError(f"unknown question type '{getattr(question, 'type', '?')}'")


def is_complete(question: AnyQuestion, answer: Any) -> bool:
    """True when the learner has given an answer worth checking (something chosen, typed or placed)."""
    if answer is None:
        return False
    if isinstance(question, MultipleSelect):
        return isinstance(answer, list | tuple) and len(answer) > 0
    if isinstance(question, Matching):
        return isinstance(answer, list | tuple) and all(a is not None for a in answer)
    if isinstance(question, FillBlank):
        return isinstance(answer, str) and bool(answer.strip())
    return True


def score_percent(points_earned: Sequence[float], points_possible: Sequence[float]) -> float:
    """The score as a percent of the points possible (0 when there were none)."""
    possible = sum(points_possible)
    if possible <= 0:
        return 0.0
    return round(100.0 * sum(points_earned) / possible, 2)


def has_passed(score: float, pass_mark: int) -> bool:
    return score + _EPSILON >= pass_mark
