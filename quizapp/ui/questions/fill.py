"""Fill in the blank: the learner types the missing word."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from quizapp.content.models import FillBlank
from quizapp.services.grading import Grade
from quizapp.ui import theme
from quizapp.ui.questions.base import QuestionView, tr


class FillBlankView(QuestionView):
    def build(self) -> None:
        self.edit = QLineEdit()
        self.edit.setObjectName("blank")
        self.edit.setMaxLength(120)
        self.edit.setMinimumHeight(theme.MIN_TARGET + 8)
        self.edit.setPlaceholderText(tr("Type your answer here"))
        self.edit.setAccessibleName(tr("Your answer"))
        self.edit.setClearButtonEnabled(False)
        self.edit.textChanged.connect(lambda _text="": self.answer_changed.emit())
        self.box.addWidget(self.edit)

    def answer(self) -> Any | None:
        text = self.edit.text()
        return text if text.strip() else None

    def set_answer(self, answer: Any) -> None:
        if isinstance(answer, str):
            self.edit.setText(answer)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        self.edit.setReadOnly(True)
        self.edit.setAccessibleDescription(tr("Checked"))

    def first_focus(self) -> QWidget | None:
        return self.edit

    def accepted(self) -> tuple[str, ...]:
        question = self.question
        assert isinstance(question, FillBlank)
        return question.accepted.for_language(self.ctx.language, self.pack.default_language)

    def right_answer_text(self) -> str:
        return " / ".join(self.accepted())
