"""``single``: one right option. Answer: the chosen option id (``"b"``). 1 point share when right, else 0."""

from __future__ import annotations

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
    option_text,
)
from quizapp.content.qtypes.base import make_grade as _make
from quizapp.content.qtypes.options import Option, check_option_ids, one_option


class SingleChoice(QuestionBase):
    type: Literal["single"]
    options: Annotated[list[Option], Field(min_length=2, max_length=10)]
    correct: Slug = Field(description="The id of the right option.")


class SingleKind(QuestionKind[SingleChoice]):
    name = "single"
    model = SingleChoice

    def offers_retry(self, question: SingleChoice) -> bool:
        return len(question.options) > 2

    def grade(self, question: SingleChoice, answer: Any, *, language: str, default_language: str) -> Grade:
        chosen = one_option(question.options, answer, question.id)
        return _make(question, 1.0 if chosen == question.correct else 0.0)

    def right_answer(self, question: SingleChoice, *, language: str, default_language: str) -> Any:
        return question.correct

    def answer_text(self, question: SingleChoice, answer: Any, words: AnswerWords, text: TextOf) -> str:
        if isinstance(answer, list):
            return words.separator.join(option_text(question.options, a, text) for a in answer)
        return option_text(question.options, answer, text)

    def choice_ids(self, question: SingleChoice) -> list[str]:
        return [o.id for o in question.options]

    def chosen_ids(self, answer: Any) -> list[str]:
        return [answer] if isinstance(answer, str) else []

    def check(self, question: SingleChoice, ctx: CheckContext) -> None:
        seen = check_option_ids(question.options, ctx)
        if question.correct not in seen:
            ctx.error(
                ("correct",),
                f"correct answer '{question.correct}' is not one of the options ({', '.join(seen)})",
            )


KIND = SingleKind()
