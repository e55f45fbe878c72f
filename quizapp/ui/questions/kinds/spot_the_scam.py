"""``spot_the_scam`` in the UI: mark the suspicious parts of a message (see ``ui/questions/scam.py``).

Printed, the picture is shown with its description in words (its ``picture_alt``) below it, and each region
is a box to tick; the answer key ticks the suspicious ones and gives every region's explanation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from quizapp.content.models import AnyQuestion, SpotTheScam
from quizapp.ui.questions.base import tr
from quizapp.ui.questions.kinds.base import PrintPage, ViewKind
from quizapp.ui.questions.scam import SpotTheScamView

if TYPE_CHECKING:
    from quizapp.ui.autopilot import Autopilot
    from quizapp.ui.questions.base import QuestionView


PRINT_WIDTH, PRINT_HEIGHT = 420, 320  # px at the documents' 96 dpi: about 11 x 8.5 cm


class SpotTheScamViewKind(ViewKind):
    view = SpotTheScamView
    screenshot_right = False

    def not_answered(self) -> str:
        return tr("Tap the parts of the message that look like a trick first.")

    def print_body(self, question: AnyQuestion, page: PrintPage) -> str:
        assert isinstance(question, SpotTheScam)
        language = question.picture_language(page.language, page.default_language)
        out = page.picture(question.picture[language], PRINT_WIDTH, PRINT_HEIGHT)
        out += f'<p class="muted"><i>{page.plain(question.picture_alt)}</i></p>'
        if not page.answers:
            how = tr("Tick every part of the message that is a warning sign.")
            out += f'<p class="muted">{page.esc(how)}</p>'
        out += "<p>"
        for region in question.regions:
            marked = page.answers and region.suspicious
            name = page.plain(region.name)
            if marked:
                name = f'<span class="answer">{name}</span>'
            out += f'<span class="box">{page.box(marked)}</span> {name}'
            if page.answers:
                out += f" <i>({page.plain(region.explanation)})</i>"
            out += "<br/>"
        return out + "</p>"

    def answer_as_learner(self, pilot: Autopilot, view: QuestionView, target: Any, right: bool) -> None:
        """Mark the suspicious parts; a wrong answer marks the first suspicious one and an innocent one."""
        assert isinstance(view, SpotTheScamView) and isinstance(view.question, SpotTheScam)
        regions = view.question.regions
        innocent = [r.id for r in regions if not r.suspicious]
        chosen = list(target) if right else [target[0], *innocent[:1]]
        self._mark(pilot, view, chosen)

    def answer_wrong_again(self, pilot: Autopilot, view: QuestionView, before: Any, target: Any) -> None:
        """Every part marked (the innocent ones too)."""
        assert isinstance(view, SpotTheScamView)
        self._mark(pilot, view, [button.region.id for button in view.buttons])

    @staticmethod
    def _mark(pilot: Autopilot, view: SpotTheScamView, chosen: list[str]) -> None:
        """Mark exactly the ``chosen`` parts (clicking only those whose state must change)."""
        for button in view.buttons:
            if button.isChecked() != (button.region.id in chosen):
                pilot.click(button)


KIND = SpotTheScamViewKind()
