"""``multiple``: every right option must be chosen. Answer: the chosen option ids, in any order
(``["otp", "home"]``).

Right only when exactly the right options are chosen. Partly right otherwise:
``(right options chosen - wrong options chosen) / number of right options``, never below 0, so choosing
everything earns nothing.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any, Literal

from pydantic import Field

from quizapp.content.fields import Slug
from quizapp.content.qtypes.base import (
    AnswerWords,
    CheckContext,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    id_list,
    make_grade,
    option_text,
)
from quizapp.content.qtypes.options import Option, check_option_ids


class MultipleSelect(QuestionBase):
    type: Literal["multiple"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]
    correct: Annotated[list[Slug], Field(min_length=1)] = Field(description="The ids of every right option.")


def chosen_fraction(chosen: set[str], right: set[str]) -> float:
    """The share of points for choosing ``chosen`` when ``right`` are the right ones (see the module)."""
    if chosen == right:
        return 1.0
    return (len(chosen & right) - len(chosen - right)) / len(right)


class MultipleKind(QuestionKind[MultipleSelect]):
    name = "multiple"
    model = MultipleSelect

    def grade(self, question: MultipleSelect, answer: Any, *, language: str, default_language: str) -> Grade:
        ids = [o.id for o in question.options]
        chosen, right = set(id_list(answer, ids, question.id)), set(question.correct)
        parts = [(oid in chosen) == (oid in right) for oid in ids]
        return make_grade(question, chosen_fraction(chosen, right), parts)

    def right_answer(self, question: MultipleSelect, *, language: str, default_language: str) -> Any:
        return list(question.correct)

    def is_complete(self, question: MultipleSelect, answer: Any) -> bool:
        return isinstance(answer, list | tuple) and len(answer) > 0

    def answer_text(self, question: MultipleSelect, answer: Any, words: AnswerWords, text: TextOf) -> str:
        chosen = answer if isinstance(answer, list) else [answer]
        ordered = [o.id for o in question.options if o.id in chosen] + [
            a for a in chosen if a not in {o.id for o in question.options}
        ]
        return words.separator.join(option_text(question.options, a, text) for a in ordered)

    def choice_ids(self, question: MultipleSelect) -> list[str]:
        return [o.id for o in question.options]

    def chosen_ids(self, answer: Any) -> list[str]:
        return [str(a) for a in answer] if isinstance(answer, list) else []

    def check(self, question: MultipleSelect, ctx: CheckContext) -> None:
        seen = check_option_ids(question.options, ctx)
        for index, answer in enumerate(question.correct):
            if answer not in seen:
                ctx.error(
                    ("correct", index),
                    f"correct answer '{answer}' is not one of the options ({', '.join(seen)})",
                )
        duplicates = [a for a, n in Counter(question.correct).items() if n > 1]
        if duplicates:
            ctx.error(("correct",), f"correct answer '{duplicates[0]}' is listed twice")


KIND = MultipleKind()
