"""The common part of every question view: the prompt, an optional picture, and the answer contract.

A view shows one question. ``answer()`` gives the learner's answer in the shape
:mod:`quizapp.services.grading` expects (None while nothing is given), ``set_answer()`` puts an answer
back (resume, language switch), ``show_result()`` locks the controls and marks them after "Check", and
``pick_number(n)`` is what the number keys 1-9 do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QVBoxLayout, QWidget

from quizapp.content.models import picture_for
from quizapp.ui import images
from quizapp.ui.narration import SpeakerButton, beside_speaker, question_item
from quizapp.ui.widgets import label, picture

if TYPE_CHECKING:
    from quizapp.content.models import AnyQuestion
    from quizapp.content.packs import Pack
    from quizapp.content.text import LText
    from quizapp.services.grading import Grade
    from quizapp.services.learning import QuizSession
    from quizapp.services.library import CataloguePack
    from quizapp.ui.context import AppContext


def tr(text: str) -> str:
    """Translate outside a QObject, in the empty context where ``lupdate`` files module-level ``tr()``."""
    return QCoreApplication.translate("", text)


class QuestionView(QWidget):
    """Base class of the question views."""

    answer_changed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        question: AnyQuestion,
        pack: Pack | CataloguePack,
        session: QuizSession | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.question = question
        self.pack = pack
        self.session = session
        self.grade: Grade | None = None
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(8)
        self.build_intro()
        self.prompt = label(self.t(question.prompt), "heading")
        self.prompt.setObjectName("prompt")
        self.prompt.setProperty("tight", True)
        item = question_item(ctx, question, pack, self.audience)
        self.speaker = SpeakerButton(ctx.narrator, item, self.prompt.text()) if item is not None else None
        self.box.addWidget(beside_speaker(self.prompt, self.speaker))
        if question.image and not self.picture_in_intro:
            pixmap = self.question_picture(360, 180)
            if pixmap is not None:
                self.box.addWidget(picture(pixmap, self.t(question.image_alt)))
        self.build()

    picture_in_intro = False
    """The question's picture is shown in the view's intro (a scenario's situation card), not under the
    prompt."""

    # ---------------------------------------------------------------------------------------- helpers
    def question_picture(self, max_width: int, max_height: int) -> QPixmap | None:
        """The question's picture in the learner's language (re-checked, as every pack picture is)."""
        path = picture_for(self.question.image, self.ctx.language, self.pack.default_language)
        return images.load_image(self.pack.asset_path(path), max_width, max_height) if path else None

    def t(self, value: LText | None) -> str:
        """A pack text in the learner's language, placeholders filled."""
        return self.ctx.text(value, self.pack.default_language, self.audience)

    @property
    def audience(self) -> str:
        """The audience of the module being taken (adults get adult wording in placeholders)."""
        return self.session.entry.module.audience if self.session is not None else "students"

    @property
    def locked(self) -> bool:
        return self.grade is not None

    # ---------------------------------------------------------------------------------- to implement
    def build_intro(self) -> None:
        """Anything shown above the prompt (the scenario's situation)."""

    def build(self) -> None:
        raise NotImplementedError

    def answer(self) -> Any | None:
        raise NotImplementedError

    def set_answer(self, answer: Any) -> None:
        raise NotImplementedError

    def show_result(self, grade: Grade) -> None:
        """Lock the controls and mark what was right; subclasses call this first."""
        self.grade = grade

    def pick_number(self, number: int) -> bool:
        """React to the number key ``number`` (1-9); True when it did something."""
        return False

    def first_focus(self) -> QWidget | None:
        return None

    def listen(self) -> None:
        """F2: hear the question (views with narrated options play the focused option instead)."""
        if self.speaker is not None:
            self.speaker.click()

    def option_feedback(self) -> list[str]:
        """The pack's feedback for what the learner chose (shown after checking)."""
        return []

    def right_answer_text(self) -> str:
        """The right answer in words, shown when the learner did not get it fully right."""
        return ""


def make_view(
    ctx: AppContext,
    question: AnyQuestion,
    pack: Pack | CataloguePack,
    session: QuizSession | None = None,
    parent: QWidget | None = None,
) -> QuestionView:
    """The view that suits the question's type (from the registry of types, ``ui/questions/kinds``)."""
    from quizapp.ui.questions.kinds import view_kind

    return view_kind(question.type).view(ctx, question, pack, session, parent)
