"""``scenario``: a situation and what the learner could do. Answer: the chosen option id. Rated, not right
or wrong (``correct`` is None): best = full points, acceptable = half the points, unsafe = 0."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field

from quizapp.content.fields import Narration, Slug, Strict
from quizapp.content.qtypes.base import (
    AnswerWords,
    CheckContext,
    Grade,
    QuestionBase,
    QuestionKind,
    TextOf,
    option_text,
)
from quizapp.content.qtypes.options import check_option_ids, one_option
from quizapp.content.text import Text
from quizapp.content.vocab import Rating

RATING_FRACTION: dict[str, float] = {"best": 1.0, "acceptable": 0.5, "unsafe": 0.0}


class ScenarioOption(Strict):
    """What the learner could do in a scenario, with its consequence."""

    id: Slug
    text: Text
    rating: Rating = Field(description="best, acceptable or unsafe.")
    feedback: Text = Field(description="What happens if the learner does this, and why.")
    audio: Narration | None = None


class Scenario(QuestionBase):
    type: Literal["scenario"]
    situation: Text = Field(description="The short situation the learner imagines.")
    options: Annotated[list[ScenarioOption], Field(min_length=2, max_length=8)]


class ScenarioKind(QuestionKind[Scenario]):
    name = "scenario"
    model = Scenario
    rated = True

    def offers_retry(self, question: Scenario) -> bool:
        return len(question.options) > 2

    def grade(self, question: Scenario, answer: Any, *, language: str, default_language: str) -> Grade:
        chosen_id = one_option(question.options, answer, question.id)
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

    def right_answer(self, question: Scenario, *, language: str, default_language: str) -> Any:
        return next(o.id for o in question.options if o.rating == "best")

    def answer_text(self, question: Scenario, answer: Any, words: AnswerWords, text: TextOf) -> str:
        if isinstance(answer, list):
            return words.separator.join(option_text(question.options, a, text) for a in answer)
        return option_text(question.options, answer, text)

    def right_answer_text(
        self, question: Scenario, words: AnswerWords, text: TextOf, *, language: str, default_language: str
    ) -> str:
        return words.separator.join(text(o.text) for o in question.options if o.rating == "best")

    def choice_ids(self, question: Scenario) -> list[str]:
        return [o.id for o in question.options]

    def chosen_ids(self, answer: Any) -> list[str]:
        return [answer] if isinstance(answer, str) else []

    def check(self, question: Scenario, ctx: CheckContext) -> None:
        check_option_ids(question.options, ctx)
        if not any(o.rating == "best" for o in question.options):
            ctx.error(("options",), "a scenario needs at least one option rated 'best'")


KIND = ScenarioKind()
