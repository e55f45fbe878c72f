"""``scenario`` in the UI: the situation, then one card per thing the learner could do."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, Scenario
from quizapp.ui.questions.choice import ScenarioView
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind
from quizapp.ui.questions.kinds.options import options_html

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class ScenarioViewKind(ViewKind):
    view = ScenarioView

    def print_intro(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, Scenario)
        return f"<p><b>{page.number}.</b> <i>{page.plain(question.situation)}</i></p>"

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, Scenario)
        best = {o.id for o in question.options if o.rating == "best"}
        return options_html(question.options, best, page, ratings=True)

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        assert isinstance(view, ScenarioView) and isinstance(view.question, Scenario)
        option = target if right else next(o.id for o in view.question.options if o.rating == "unsafe")
        pilot.click(view.card_for(option))

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        assert isinstance(view, ScenarioView) and isinstance(view.question, Scenario)
        wrong = [o.id for o in view.question.options if o.id != before and o.rating != "best"]
        pilot.click(view.card_for(wrong[0]))


KIND = ScenarioViewKind()
