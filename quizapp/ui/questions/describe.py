"""Answers in words, for the results screen ("You answered ...", "The right answer ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import (
    FillBlank,
    Matching,
    MultipleSelect,
    Ordering,
    Scenario,
    SingleChoice,
    TrueFalse,
)
from quizapp.ui.questions.base import tr

if TYPE_CHECKING:
    from quizapp.content.models import AnyQuestion
    from quizapp.content.text import LText
    from quizapp.ui.context import AppContext


def _text(ctx: AppContext, value: LText | None, default_language: str) -> str:
    return ctx.text(value, default_language)


def describe_answer(ctx: AppContext, question: AnyQuestion, answer: Any, default_language: str) -> str:
    """The learner's stored answer in words; an empty string when it cannot be read."""
    try:
        if isinstance(question, SingleChoice | Scenario):
            option = next(o for o in question.options if o.id == answer)
            return _text(ctx, option.text, default_language)
        if isinstance(question, MultipleSelect):
            chosen = [o for o in question.options if o.id in (answer or [])]
            return "; ".join(_text(ctx, o.text, default_language) for o in chosen)
        if isinstance(question, TrueFalse):
            return tr("True") if answer else tr("False")
        if isinstance(question, Ordering):
            return "  ".join(
                f"{n}. {_text(ctx, question.items[i], default_language)}" for n, i in enumerate(answer, 1)
            )
        if isinstance(question, Matching):
            parts = []
            for pair, chosen in zip(question.pairs, answer, strict=False):
                right = (
                    _text(ctx, question.pairs[chosen].right, default_language) if chosen is not None else "—"
                )
                parts.append(f"{_text(ctx, pair.left, default_language)}: {right}")
            return "; ".join(parts)
        if isinstance(question, FillBlank):
            return str(answer)
    except (StopIteration, IndexError, TypeError, KeyError):
        return ""
    return ""


def describe_right_answer(ctx: AppContext, question: AnyQuestion, default_language: str) -> str:
    """The right answer in words (the best choices for a scenario)."""
    if isinstance(question, SingleChoice):
        return next(
            _text(ctx, o.text, default_language) for o in question.options if o.id == question.correct
        )
    if isinstance(question, MultipleSelect):
        return "; ".join(
            _text(ctx, o.text, default_language) for o in question.options if o.id in question.correct
        )
    if isinstance(question, TrueFalse):
        return tr("True") if question.correct else tr("False")
    if isinstance(question, Ordering):
        return "  ".join(
            f"{n}. {_text(ctx, item, default_language)}" for n, item in enumerate(question.items, 1)
        )
    if isinstance(question, Matching):
        return "; ".join(
            f"{_text(ctx, p.left, default_language)}: {_text(ctx, p.right, default_language)}"
            for p in question.pairs
        )
    if isinstance(question, FillBlank):
        return " / ".join(question.accepted.for_language(ctx.language, default_language))
    if isinstance(question, Scenario):
        return "; ".join(_text(ctx, o.text, default_language) for o in question.options if o.rating == "best")
    return ""
