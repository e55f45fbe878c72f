"""``fill_blank`` in the UI: a line to type on."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, FillBlank
from quizapp.ui.questions.base import tr
from quizapp.ui.questions.fill import FillBlankView
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class FillBlankViewKind(ViewKind):
    view = FillBlankView

    def not_answered(self) -> str:
        return tr("Type your answer first.")

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, FillBlank)
        if not page.answers:
            return "<p>______________________________</p>"
        accepted = question.accepted.for_language(page.language, page.default_language)
        return f'<p class="answer">{", ".join(page.value(a) for a in accepted)}</p>'

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        assert isinstance(view, FillBlankView)
        view.edit.clear()
        pilot.type_text(view.edit, target if right else "banana")

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        assert isinstance(view, FillBlankView)
        view.edit.clear()
        pilot.type_text(view.edit, "pineapple")


KIND = FillBlankViewKind()
