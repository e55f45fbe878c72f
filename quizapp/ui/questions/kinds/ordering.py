"""``ordering`` in the UI: steps dragged, or moved with Up and Down."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, Ordering
from quizapp.ui.questions.arrange import OrderingView
from quizapp.ui.questions.base import tr
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


class OrderingViewKind(ViewKind):
    view = OrderingView
    screenshot_right = False

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, Ordering)
        items = [page.plain(i) for i in question.items]
        if page.answers:
            return "<ol>" + "".join(f'<li class="answer">{i}</li>' for i in items) + "</ol>"
        shown = items[1:] + items[:1] if len(items) > 1 else items  # not in the right order
        shown = list(reversed(shown)) if len(shown) > 2 else shown
        out = "<p>" + "".join(f"____ &nbsp; {i}<br/>" for i in shown) + "</p>"
        how = tr("Number the steps 1, 2, 3... in the right order.")
        return out + f'<p class="muted">{page.esc(how)}</p>'

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        """Put the steps in order with the Up buttons (as a keyboard or mouse user would); a wrong answer
        puts each step one place off (no step in its place: no partial credit)."""
        assert isinstance(view, OrderingView)
        if not right:
            target = [*target[1:], *target[:1]]
        order_list = view.list
        for position, item in enumerate(target):
            for _ in range(len(target)):
                current = order_list.order().index(item)
                if current == position:
                    break
                pilot.click(order_list.rows[current].up)

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        """The steps reversed (or turned by one when that is how they stand)."""
        assert isinstance(view, OrderingView)
        size = len(view.list.order())
        wanted = list(reversed(range(size)))
        if wanted == before:
            wanted = [*range(1, size), 0]
        self.answer_as_learner(pilot, view, wanted, True)


KIND = OrderingViewKind()
