"""``matching`` in the UI: tap an item, then its partner (see ``ui/questions/pairing.py``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, Matching
from quizapp.ui.questions.base import tr
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind
from quizapp.ui.questions.pairing import MatchingView

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView

LETTERS = "ABCDEFGHIJ"


class MatchingViewKind(ViewKind):
    view = MatchingView

    def not_answered(self) -> str:
        return tr("Choose a match for every item first.")

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, Matching)
        lefts = [page.plain(p.left) for p in question.pairs]
        rights = [page.plain(p.right) for p in question.pairs]
        if page.answers:
            return (
                "<ul>"
                + "".join(
                    f'<li>{left} → <span class="answer">{right}</span></li>'
                    for left, right in zip(lefts, rights, strict=True)
                )
                + "</ul>"
            )
        shuffled = rights[1:] + rights[:1]
        out = '<table cellspacing="0" cellpadding="4" width="100%">'
        for index, left in enumerate(lefts):
            out += (
                f"<tr><td>{index + 1}. {left}</td><td>____</td>"
                f"<td>{LETTERS[index]}. {shuffled[index]}</td></tr>"
            )
        return out + "</table>"

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        """Tap each item and then its partner; a wrong answer pairs each item with the next one's partner."""
        assert isinstance(view, MatchingView)
        size = len(view.left_cards)
        wanted = list(target) if right else [(i + 1) % size for i in range(size)]
        for card, value in zip(view.left_cards, wanted, strict=True):
            pilot.click(card)
            pilot.click(view.right_card_for(value))

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        """Each item with the partner two further on (unlike the first wrong answer's next one)."""
        assert isinstance(view, MatchingView)
        size = len(view.left_cards)
        self.answer_as_learner(pilot, view, [(i + 2) % size for i in range(size)], True)


KIND = MatchingViewKind()
