"""``multiple`` in the UI: one card per option, several may be chosen."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, MultipleSelect
from quizapp.ui.questions.choice import MultipleView
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind
from quizapp.ui.questions.kinds.options import options_html

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class MultipleViewKind(ViewKind):
    view = MultipleView
    screenshot_right = False

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, MultipleSelect)
        return options_html(question.options, set(question.correct), page)

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        question = view.question
        assert isinstance(view, MultipleView) and isinstance(question, MultipleSelect)
        wrong = [o.id for o in question.options if o.id not in question.correct]
        chosen = list(question.correct) if right else [question.correct[0], *wrong[:1]]
        for option in chosen:
            pilot.click(view.card_for(option))


KIND = MultipleViewKind()
