"""What the option-based types share (single, multiple, scenario): options with ids, and their checks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import Field

from quizapp.content.fields import Narration, Slug, Strict
from quizapp.content.qtypes.base import AnswerError, CheckContext
from quizapp.content.text import Text


class Option(Strict):
    """An answer option of a single- or multiple-choice question."""

    id: Slug
    text: Text
    feedback: Text | None = Field(default=None, description="Shown when the learner picks this option.")
    audio: Narration | None = None


def check_option_ids(options: Sequence[Any], ctx: CheckContext) -> dict[str, int]:
    """Each option id once; gives the ids with their positions."""
    seen: dict[str, int] = {}
    for index, option in enumerate(options):
        if option.id in seen:
            ctx.error(("options", index, "id"), f"option id '{option.id}' is used twice in this question")
        seen[option.id] = index
    return seen


def one_option(options: Sequence[Any], answer: Any, question_id: str) -> str:
    """``answer`` as the id of one of ``options``, or :class:`AnswerError`."""
    ids = [o.id for o in options]
    if not isinstance(answer, str) or answer not in ids:
        raise AnswerError(f"'{answer}' is not an option of question '{question_id}'")
    return answer
