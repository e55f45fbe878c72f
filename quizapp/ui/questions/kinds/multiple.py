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
        self._choose(pilot, view, chosen)

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        """Partly right when two or more options are right, else every option."""
        question = view.question
        assert isinstance(view, MultipleView) and isinstance(question, MultipleSelect)
        several = len(question.correct) > 1
        self._choose(pilot, view, [question.correct[0]] if several else [o.id for o in question.options])

    @staticmethod
    def _choose(pilot: Autopilot, view: MultipleView, chosen: list[str]) -> None:
        """Tick exactly the ``chosen`` options (clicking only those whose state must change)."""
        for option in view.question.options:  # type: ignore[attr-defined]
            card = view.card_for(option.id)
            if card is not None and card.isChecked() != (option.id in chosen):
                pilot.click(card)


KIND = MultipleViewKind()
