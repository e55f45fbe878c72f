"""Check questions before the lesson ("Let's see what you already know") and after the quiz.

One question at a time with "Next": no right or wrong is shown, and the answers do not count toward the quiz.
There is no skip button (a teacher can switch the pre-check off in the settings); "My modules" leaves and the
check continues where it stopped next time.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from quizapp.services.grading import is_complete
from quizapp.services.records import StoreError
from quizapp.ui import images, theme
from quizapp.ui.narration import speaker_shortcut
from quizapp.ui.questions import QuestionView, make_view
from quizapp.ui.screens.base import ModuleHeader, Screen
from quizapp.ui.widgets import (
    ScrollPage,
    button,
    footer_bar,
    label,
)

if TYPE_CHECKING:
    from quizapp.services.checks import CheckSession
    from quizapp.ui.context import AppContext


log = logging.getLogger("quizapp")


class CheckScreen(Screen):
    go_home = Signal()
    done = Signal(object)  # the ModuleEntry whose check was finished

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session: CheckSession | None = None
        self.index = 0
        self.view: QuestionView | None = None
        header = ModuleHeader(
            self,
            where_name="check-progress",
            go_home=self.go_home.emit,
            learner_id=lambda: self.session.learner.id if self.session else None,
        )
        self.home_button, self.module_title, self.where = (
            header.home_button,
            header.module_title,
            header.where,
        )
        self.progress, self.text_size = header.progress, header.text_size
        self.outer.addWidget(header.bar)
        self.page = ScrollPage(max_width=theme.READING_WIDTH)
        self.outer.addWidget(self.page, 1)
        self.intro = label("", "subtle")
        self.intro.setObjectName("check-intro")
        self.page.box.addWidget(self.intro)
        self.view_holder = QVBoxLayout()
        self.view_holder.setContentsMargins(0, 0, 0, 0)
        self.page.box.addLayout(self.view_holder)
        self.page.box.addStretch(1)
        footer, row = footer_bar()
        self.message = label("", "subtle")
        self.message.setObjectName("check-message")
        self.next_button = button("", role="primary", icon_name="next")
        self.next_button.setObjectName("check-next")
        self.next_button.setMinimumWidth(180)
        self.next_button.clicked.connect(self.next)
        row.addWidget(self.message, 1)
        row.addWidget(self.next_button)
        self.outer.addWidget(footer)
        self.on_enter(self.next)
        for number in range(1, 10):  # number keys pick options, as in the quiz
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.pick_number(n))
        speaker_shortcut(self, lambda: self.view.listen() if self.view is not None else None)
        ctx.narrator.problem.connect(self.message.setText)
        self.go_home.connect(ctx.narrator.stop)  # leaving the questions silences them

    def open(self, session: CheckSession) -> None:
        self.session = session
        self.show_question(session.first_unanswered())

    def show_question(self, index: int) -> None:
        session = self.session
        if session is None:
            return
        if index >= session.count:
            self.finish()
            return
        self.index = index
        self.ctx.narrator.stop()
        self._build_view(None)
        session.shown()
        self.page.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, self.focus_start)

    def _build_view(self, keep_answer: Any) -> None:
        session = self.session
        assert session is not None
        if self.view is not None:
            self.view_holder.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        question = session.question(self.index)
        # a check session gives option, item and pair orders like a quiz session does
        self.view = make_view(self.ctx, question, session.entry.pack, cast(Any, session))
        self.view.setObjectName(f"question-{question.type}")
        self.view.answer_changed.connect(lambda: self.message.setText(""))
        self.view_holder.addWidget(self.view)
        if keep_answer is not None:
            self.view.set_answer(keep_answer)
        self.message.setText("")
        self._retranslate_chrome()

    def refresh(self) -> None:
        if self.session is None or self.view is None:
            return
        self._build_view(self.view.answer())

    def _retranslate_chrome(self) -> None:
        session = self.session
        assert session is not None
        entry = session.entry
        self.module_title.setText(self.ctx.text(entry.module.title, entry.pack.default_language))
        if session.kind == "pre":
            intro = self.tr(
                "Let's see what you already know. Choose what you think; you will not be marked, "
                "and it is fine not to know yet."
            )
        else:
            intro = self.tr(
                "Well done! A few more questions to see what you know now. They do not change your score."
            )
        self.intro.setText(intro)
        where = self.tr("Question {number} of {total}").format(number=self.index + 1, total=session.count)
        self.where.setText(where)
        self.progress.setRange(0, session.count)
        self.progress.setValue(self.index + 1)
        self.progress.setAccessibleName(where)
        self.home_button.setText(self.tr("My modules"))
        self.home_button.setAccessibleName(self.tr("Back to my modules"))
        self.home_button.setIcon(images.icon("back", 28, rtl=self.ctx.is_rtl))
        self.text_size.retranslate()
        self.text_size.set_scale(self.ctx.text_scale)
        last = self.index + 1 >= session.count
        self.next_button.setText(self.tr("Finish") if last else self.tr("Next question"))
        self.next_button.setAccessibleName(self.next_button.text())

    def next(self) -> None:
        session, view = self.session, self.view
        if session is None or view is None:
            return
        answer = view.answer()
        if not is_complete(view.question, answer):
            self.message.setText(
                self.tr("Choose a match for every item first.")
                if view.question.type == "matching"
                else self.tr("Type your answer first.")
                if view.question.type == "fill_blank"
                else self.tr("Choose an answer first.")
            )
            focus = view.first_focus()
            if focus is not None:
                focus.setFocus()
            return
        try:
            session.answer(self.index, answer)
        except StoreError as exc:  # a full disk, a read-only folder: the child stays on the question
            log.error("A check answer could not be saved: %s", exc)
            self.message.setText(self.tr("This answer was not saved. Tell your teacher."))
            self.message.setAccessibleName(self.message.text())
            return
        self.show_question(self.index + 1)

    def finish(self) -> None:
        session = self.session
        if session is None:
            return
        self.session = None  # a second Enter must not finish twice
        session.finish()
        self.done.emit(session.entry)

    def pick_number(self, number: int) -> None:
        if self.view is not None:
            self.view.pick_number(number)

    def focus_start(self) -> None:
        if self.view is None:
            return
        focus = self.view.first_focus()
        (focus or self.next_button).setFocus()
