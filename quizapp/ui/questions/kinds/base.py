"""What each question type gives the UI beyond its view: the printed question (worksheet and answer key),
the message shown when Check is pressed too early, and how the autopilot answers it through its controls."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizapp.ui.questions.base import tr

if TYPE_CHECKING:
    from quizapp.content.models import AnyQuestion
    from quizapp.content.text import LText
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


@dataclass(frozen=True, slots=True)
class PrintPage:
    """How a question is written into a printed document (escaped, direction-isolated HTML)."""

    number: int
    answers: bool  # the answer key (True) or the worksheet
    language: str
    default_language: str
    rtl: bool
    plain: Callable[[LText | None], str]  # a pack text as escaped, isolated plain text
    value: Callable[[str], str]  # any text (a typed answer) escaped and isolated
    esc: Callable[[str], str]  # words of ours, escaped
    box: Callable[[bool], str]  # a tick box, ticked or not
    picture: Callable[[str, int, int], str] = lambda _path, _width, _height: ""
    """A pack's picture (its path in the pack) printed at most width x height px, as HTML ("" when it
    cannot be shown: the question's words then stand alone)."""


class ViewKind:
    """One question type in the UI."""

    view: type[QuestionView]
    screenshot_right: bool = True
    """Answered right in ``quizapp screenshots`` (some types are answered wrongly there, to show how
    partly right and wrong answers look)."""

    def not_answered(self) -> str:
        """Shown when Check is pressed before an answer is given."""
        return tr("Choose an answer first.")

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        """The question's answer part in a printed worksheet or answer key (HTML)."""
        raise NotImplementedError

    def print_intro(self, question: AnyQuestion, page: PrintPage) -> str:
        """HTML printed before the numbered prompt (a scenario's situation); empty for most types."""
        return ""

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        """Give the right answer ``target`` (or a wrong one) through the view's controls."""
        raise NotImplementedError

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        """A second wrong answer, unlike the first (``before``), for the autopilot's second try."""
        from quizapp.ui.autopilot import AutopilotError

        raise AutopilotError(f"no other wrong answer is scripted for a {view.question.type} question")
