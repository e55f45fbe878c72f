"""``true_false``: a statement that is true or false. Answer: ``True`` or ``False``; right or wrong."""

from __future__ import annotations

from typing import Any, Literal

from quizapp.content.qtypes.base import (
    AnswerError,
    AnswerWords,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    make_grade,
)


class TrueFalse(QuestionBase):
    type: Literal["true_false"]
    correct: bool


class TrueFalseKind(QuestionKind[TrueFalse]):
    name = "true_false"
    model = TrueFalse

    def offers_retry(self, question: TrueFalse) -> bool:
        return False

    def grade(self, question: TrueFalse, answer: Any, *, language: str, default_language: str) -> Grade:
        if not isinstance(answer, bool):
            raise AnswerError(f"question '{question.id}' needs true or false")
        return make_grade(question, 1.0 if answer is question.correct else 0.0)

    def right_answer(self, question: TrueFalse, *, language: str, default_language: str) -> Any:
        return question.correct

    def answer_text(self, question: TrueFalse, answer: Any, words: AnswerWords, text: TextOf) -> str:
        if isinstance(answer, bool):
            return words.true if answer else words.false
        if isinstance(answer, str) and answer.lower() in ("true", "false"):
            return words.true if answer.lower() == "true" else words.false
        return str(answer)

    def choice_ids(self, question: TrueFalse) -> list[str]:
        return ["true", "false"]

    def chosen_ids(self, answer: Any) -> list[str]:
        return ["true" if answer else "false"] if isinstance(answer, bool) else []


KIND = TrueFalseKind()
