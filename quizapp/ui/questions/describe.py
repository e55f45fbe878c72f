"""Answers in words, for the results screen ("You answered ...", "The right answer ..."): each question
type writes its own (``quizapp.content.qtypes``); the words around them are the interface's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content import qtypes
from quizapp.content.qtypes.base import AnswerWords
from quizapp.ui.questions.base import tr

if TYPE_CHECKING:
    from quizapp.content.models import AnyQuestion
    from quizapp.ui.context import AppContext


def _words() -> AnswerWords:
    return AnswerWords(
        true=tr("True"), false=tr("False"), nothing="—", separator="; ", then=": ", numbered_steps=True
    )


def describe_answer(ctx: AppContext, question: AnyQuestion, answer: Any, default_language: str) -> str:
    """The learner's stored answer in words; an empty string when it cannot be read."""
    if answer is None:
        return ""
    try:
        return qtypes.kind_of(question).answer_text(
            question, answer, _words(), lambda value: ctx.text(value, default_language)
        )
    except (StopIteration, IndexError, TypeError, KeyError, ValueError):
        return ""


def describe_right_answer(ctx: AppContext, question: AnyQuestion, default_language: str) -> str:
    """The right answer in words (the best choices for a scenario)."""
    try:
        return qtypes.kind_of(question).right_answer_text(
            question,
            _words(),
            lambda value: ctx.text(value, default_language),
            language=ctx.language,
            default_language=default_language,
        )
    except (StopIteration, IndexError, TypeError, KeyError, ValueError):
        return ""
