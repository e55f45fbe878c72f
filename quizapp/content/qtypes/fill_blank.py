"""``fill_blank``: a word or two typed. Answer: the text typed. Right when it is one of the accepted answers,
compared with :func:`quizapp.content.text.normalise_answer` (case and extra spaces ignored) against the
answers accepted in any of the question's languages (those of the language shown first) plus the
language-free ones."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from quizapp.content.qtypes.base import (
    AnswerError,
    AnswerWords,
    CheckContext,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    make_grade,
)
from quizapp.content.text import AcceptedAnswers, normalise_answer, same_answer_key


class FillBlank(QuestionBase):
    type: Literal["fill_blank"]
    accepted: AcceptedAnswers = Field(
        description="Answers counted as right, compared without regard to case and extra spaces."
    )


def accepted_answers(question: FillBlank, language: str, default_language: str) -> tuple[str, ...]:
    """Answers accepted for a fill in the blank shown in ``language``: that language's first, then those of
    every other language the question is written in (a learner who switched language, or who reads the
    English question and answers in Urdu, is right when the answer is right in either language)."""
    languages = [language, *sorted(question.prompt.languages(default_language) - {language})]
    answers: list[str] = []
    for code in languages:
        answers.extend(a for a in question.accepted.for_language(code, default_language) if a not in answers)
    return tuple(answers)


class FillBlankKind(QuestionKind[FillBlank]):
    name = "fill_blank"
    model = FillBlank

    def grade(self, question: FillBlank, answer: Any, *, language: str, default_language: str) -> Grade:
        if not isinstance(answer, str):
            raise AnswerError(f"question '{question.id}' needs the text typed")
        typed = normalise_answer(answer)
        accepted = {normalise_answer(a) for a in accepted_answers(question, language, default_language)}
        return make_grade(question, 1.0 if typed and typed in accepted else 0.0)

    def right_answer(self, question: FillBlank, *, language: str, default_language: str) -> Any:
        return question.accepted.for_language(language, default_language)[0]

    def is_complete(self, question: FillBlank, answer: Any) -> bool:
        return isinstance(answer, str) and bool(answer.strip())

    def answer_text(self, question: FillBlank, answer: Any, words: AnswerWords, text: TextOf) -> str:
        return answer if isinstance(answer, str) else str(answer)

    def right_answer_text(
        self, question: FillBlank, words: AnswerWords, text: TextOf, *, language: str, default_language: str
    ) -> str:
        return " / ".join(question.accepted.for_language(language, default_language))

    def check(self, question: FillBlank, ctx: CheckContext) -> None:
        for lang, answers in question.accepted.items():
            normal = [same_answer_key(a) for a in answers]
            if len(set(normal)) != len(normal):
                ctx.error(
                    ("accepted",), f"an accepted answer is listed twice{f' for {lang}' if lang else ''}"
                )


KIND = FillBlankKind()
