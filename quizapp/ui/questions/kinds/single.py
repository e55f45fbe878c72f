"""``single`` in the UI: one card per option."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, SingleChoice
from quizapp.ui.questions.choice import SingleView
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind
from quizapp.ui.questions.kinds.options import options_html

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class SingleViewKind(ViewKind):
    view = SingleView

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, SingleChoice)
        return options_html(question.options, {question.correct}, page)

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        assert isinstance(view, SingleView) and isinstance(view.question, SingleChoice)
        option = target if right else next(o.id for o in view.question.options if o.id != target)
        pilot.click(view.card_for(option))

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        assert isinstance(view, SingleView) and isinstance(view.question, SingleChoice)
        wrong = [o.id for o in view.question.options if o.id not in (before, target)]
        pilot.click(view.card_for(wrong[0]))


KIND = SingleViewKind()
