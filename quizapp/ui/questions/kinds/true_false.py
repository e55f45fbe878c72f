"""``true_false`` in the UI: a True card and a False card."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, TrueFalse
from quizapp.ui.questions.base import tr
from quizapp.ui.questions.choice import TrueFalseView
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class TrueFalseViewKind(ViewKind):
    view = TrueFalseView

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, TrueFalse)
        true_word, false_word = tr("True"), tr("False")
        true_mark = page.box(page.answers and question.correct)
        false_mark = page.box(page.answers and not question.correct)
        return (
            f'<p><span class="box">{true_mark}</span> {page.esc(true_word)} &nbsp;&nbsp;&nbsp; '
            f'<span class="box">{false_mark}</span> {page.esc(false_word)}</p>'
        )

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        assert isinstance(view, TrueFalseView)
        truth = target if right else not target
        pilot.click(view.true_card if truth else view.false_card)


KIND = TrueFalseViewKind()
