"""``ordering``: steps put in order. Answer: the items as placed by the learner, each given by its index in
the pack's (right) order (``[1, 0, 2, 3]``). Right when every item is in its place; partly right by the
share of items in the right place."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from quizapp.content.qtypes.base import (
    AnswerError,
    AnswerWords,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    index_list,
    item_text,
    make_grade,
)
from quizapp.content.text import Text


class Ordering(QuestionBase):
    type: Literal["ordering"]
    items: Annotated[list[Text], Field(min_length=2, max_length=10)] = Field(
        description="The steps in the right order; learners see them shuffled."
    )


class OrderingKind(QuestionKind[Ordering]):
    name = "ordering"
    model = Ordering

    def offers_retry(self, question: Ordering) -> bool:
        return len(question.items) > 2

    def grade(self, question: Ordering, answer: Any, *, language: str, default_language: str) -> Grade:
        size = len(question.items)
        order = index_list(answer, size, f"question '{question.id}'")
        if len(set(order)) != size:
            raise AnswerError(f"question '{question.id}': every item must be placed once")
        parts = [placed == position for position, placed in enumerate(order)]
        return make_grade(question, sum(parts) / size, parts)

    def right_answer(self, question: Ordering, *, language: str, default_language: str) -> Any:
        return list(range(len(question.items)))

    def answer_text(self, question: Ordering, answer: Any, words: AnswerWords, text: TextOf) -> str:
        if not isinstance(answer, list):
            return str(answer)
        steps = [item_text(question.items, a, text) for a in answer]
        if words.numbered_steps:
            return "  ".join(f"{n}. {step}" for n, step in enumerate(steps, 1))
        return words.then.join(steps)


KIND = OrderingKind()
