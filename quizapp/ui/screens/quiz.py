"""The quiz: one question at a time, "Check" for immediate feedback in words and icons, a hint on request.

Keyboard: Enter checks and then goes on, number keys 1-9 pick options, F2 reads the question or the focused
option aloud (where there is narration), Tab moves between controls.
Each answer is stored the moment it is checked. A first answer that is not fully right gets "Not quite - try
once more" without the answer; the second try then shows the feedback (the first is what is stored and
scored). A right answer gets a short praise moment: a friendly word, a star, and a soft sound unless the
teacher turned it off.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from quizapp import paths
from quizapp.services.grading import Grade, is_complete
from quizapp.services.play import praise_sound_enabled
from quizapp.services.records import StoreError
from quizapp.ui import images, theme
from quizapp.ui.narration import speaker_shortcut
from quizapp.ui.praise import PraiseMoment
from quizapp.ui.questions import QuestionView, make_view
from quizapp.ui.questions.choice import ScenarioView, rating_words
from quizapp.ui.questions.kinds import view_kind
from quizapp.ui.screens.base import ModuleHeader, Screen
from quizapp.ui.widgets import (
    ScrollPage,
    button,
    footer_bar,
    label,
    picture,
    set_role,
)

if TYPE_CHECKING:
    from quizapp.services.learning import QuizSession
    from quizapp.ui.context import AppContext

log = logging.getLogger("quizapp")

VERDICT_ICONS = {
    "correct": "correct",
    "partial": "partial",
    "wrong": "not-quite",
    "best": "best",
    "acceptable": "acceptable",
    "unsafe": "unsafe",
}


class FeedbackPanel(QFrame):
    """What "Check" says: right or not in words with an icon, the option's feedback, the right answer and
    the explanation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("feedback")
        self.setProperty("role", "feedback-correct")
        row = QHBoxLayout(self)
        row.setContentsMargins(18, 14, 18, 14)
        row.setSpacing(14)
        self.icon = picture(None)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(8)
        self.verdict = label("", "verdict-correct")
        self.verdict.setObjectName("verdict")
        self.option_feedback = label("")
        self.option_feedback.setObjectName("option-feedback")
        self.right_answer = label("")
        self.right_answer.setObjectName("right-answer")
        self.explanation = label("")
        self.explanation.setObjectName("explanation")
        for widget in (self.verdict, self.option_feedback, self.right_answer, self.explanation):
            column.addWidget(widget)
        row.addLayout(column, 1)

    def show_grade(
        self, verdict_text: str, verdict: str, feedback: list[str], right_answer: str, explanation: str
    ) -> None:
        set_role(self, f"feedback-{verdict}")
        set_role(self.verdict, f"verdict-{verdict}")
        self.icon.setPixmap(images.icon_pixmap(VERDICT_ICONS[verdict], 48))
        self.icon.setAccessibleName(verdict_text)
        self.verdict.setText(verdict_text)
        self.option_feedback.setText("\n".join(feedback))
        self.option_feedback.setVisible(bool(feedback))
        self.right_answer.setText(right_answer)
        self.right_answer.setVisible(bool(right_answer))
        self.explanation.setText(explanation)
        parts = [verdict_text, *feedback, right_answer, explanation]
        self.setAccessibleName(" ".join(p for p in parts if p))
        self.setVisible(True)


class QuizScreen(Screen):
    go_home = Signal()
    finished = Signal(object)  # services.learning.RunResult

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.session: QuizSession | None = None
        self.index = 0
        self.view: QuestionView | None = None
        header = ModuleHeader(
            self,
            where_name="quiz-progress",
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
        # Little room above and between the parts: at 1024x600 in Urdu every option must be in sight.
        self.page.box.setContentsMargins(theme.PAGE_MARGIN, 8, theme.PAGE_MARGIN, 8)
        self.page.box.setSpacing(10)
        self.outer.addWidget(self.page, 1)
        self.view_holder = QVBoxLayout()
        self.view_holder.setContentsMargins(0, 0, 0, 0)
        self.page.box.addLayout(self.view_holder)
        self.hint = QFrame()
        self.hint.setObjectName("hint")
        self.hint.setProperty("role", "hint")
        hint_row = QHBoxLayout(self.hint)
        hint_row.setContentsMargins(16, 12, 16, 12)
        hint_row.addWidget(picture(images.icon_pixmap("hint", 36)), 0, Qt.AlignmentFlag.AlignTop)
        self.hint_text = label("")
        self.hint_text.setObjectName("hint-text")
        hint_row.addWidget(self.hint_text, 1)
        self.page.box.addWidget(self.hint)
        self.page.reveal_when_shown(self.hint)
        self.feedback = FeedbackPanel()
        self.page.box.addWidget(self.feedback)
        self.page.box.addStretch(1)

        footer, row = footer_bar()
        self.hint_button = button("", icon_name="hint")
        self.hint_button.setObjectName("hint-button")
        self.hint_button.clicked.connect(self.show_hint)
        # On a small screen in Urdu or large text a question's last options can be below the fold: this
        # says so in words beside the Check button, and takes the learner to them.
        self.more_below = button("", icon_name="down")
        self.more_below.setObjectName("more-options-below")
        self.more_below.setProperty("role", "quiet")
        self.more_below.clicked.connect(self.show_more_options)
        self.more_below.setVisible(False)
        self.page.verticalScrollBar().valueChanged.connect(lambda _value: self.update_more_below())
        self.page.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self.update_more_below())
        self.message = label("", "subtle")
        self.message.setObjectName("quiz-message")
        self.action_button = button("", role="primary")
        self.action_button.setObjectName("check-button")
        self.action_button.setMinimumWidth(180)
        self.action_button.clicked.connect(self.act)
        row.addWidget(self.hint_button)
        row.addWidget(self.more_below)
        row.addWidget(self.message, 1)
        row.addWidget(self.action_button)
        self.outer.addWidget(footer)
        # Thin bars: the question gets the height of a small screen.
        for bar in (header.bar, footer):
            bar_layout = bar.layout()
            assert bar_layout is not None
            bar_layout.setContentsMargins(theme.PAGE_MARGIN, 4, theme.PAGE_MARGIN, 4)

        self.praise = PraiseMoment(self)

        self.on_enter(self.act)
        for number in range(1, 10):
            shortcut = QShortcut(QKeySequence(str(number)), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=number: self.pick_number(n))
        speaker_shortcut(self, lambda: self.view.listen() if self.view is not None else None)
        ctx.narrator.problem.connect(self.message.setText)
        self.go_home.connect(ctx.narrator.stop)  # leaving the quiz silences it
        self.finished.connect(lambda _result: ctx.narrator.stop())

    # ------------------------------------------------------------------------------------------ state
    @property
    def checked(self) -> bool:
        return self.view is not None and self.view.locked

    @property
    def retry_pending(self) -> bool:
        """The question shown waits for its one more try (the first answer was not fully right)."""
        return (
            self.session is not None
            and self.view is not None
            and self.session.retry_pending(self.view.question.id)
        )

    def open(self, session: QuizSession) -> None:
        """Show the first question not answered yet (the same order as before when resuming)."""
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
        self._build_view(keep_answer=None)
        session.shown()
        self.page.verticalScrollBar().setValue(0)
        QTimer.singleShot(0, self.focus_start)
        QTimer.singleShot(0, self.update_more_below)

    def _build_view(self, keep_answer: object | None) -> None:
        session = self.session
        assert session is not None
        question = session.question(self.index)
        if self.view is not None:
            self.view_holder.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        self.view = make_view(self.ctx, question, session.entry.pack, session)
        self.view.setObjectName(f"question-{question.type}")
        self.view.answer_changed.connect(lambda: self.message.setText(""))
        self.view.installEventFilter(self)  # options placed again (one column or two): is any out of sight?
        self.view_holder.addWidget(self.view)
        self.hint.setVisible(False)
        self.feedback.setVisible(False)
        self.message.setText("")
        set_role(self.message, "subtle")
        self.praise.stop()
        self._retranslate_chrome()
        done = session.shown_result(question.id, language=self.ctx.language)
        if done is not None:
            answer, result = done
            self.view.set_answer(answer)
            self._show_result(result)
        elif keep_answer is not None:
            self.view.set_answer(keep_answer)
        if self.retry_pending:
            self._offer_retry()

    def refresh(self) -> None:
        """Re-render in the current language, keeping what the learner has chosen."""
        if self.session is None or self.view is None:
            return
        answer = None if self.checked else self.view.answer()
        self._build_view(keep_answer=answer)
        self.hint_text.setText(self.view.t(self.view.question.hint))

    def _retranslate_chrome(self) -> None:
        session = self.session
        assert session is not None
        rtl = self.ctx.is_rtl
        entry = session.entry
        self.module_title.setText(self.ctx.text(entry.module.title, entry.pack.default_language))
        where = self.tr("Question {number} of {total}").format(number=self.index + 1, total=session.count)
        self.where.setText(where)
        self.progress.setRange(0, session.count)
        self.progress.setValue(self.index + 1)
        self.progress.setAccessibleName(where)
        self.home_button.setText(self.tr("My modules"))
        self.home_button.setAccessibleName(self.tr("Back to my modules"))
        self.home_button.setIcon(images.icon("back", 28, rtl=rtl))
        self.text_size.retranslate()
        self.text_size.set_scale(self.ctx.text_scale)
        self.more_below.setText(self.tr("More answers below"))
        self.more_below.setAccessibleName(self.tr("Show the answers below"))
        self.hint_button.setText(self.tr("Hint"))
        self.hint_button.setAccessibleName(self.tr("Show a hint"))
        question = session.question(self.index)
        self.hint_button.setVisible(question.hint is not None and not self.checked)
        self._update_action()

    def _update_action(self) -> None:
        session = self.session
        if session is None:
            return
        if not self.checked and self.retry_pending:
            text, name = self.tr("Check again"), self.tr("Check my new answer")
        elif not self.checked:
            text, name = self.tr("Check"), self.tr("Check my answer")
        elif self.index + 1 < session.count:
            text, name = self.tr("Next question"), self.tr("Next question")
        else:
            text, name = self.tr("Finish"), self.tr("Finish the quiz")
        self.action_button.setText(text)
        self.action_button.setAccessibleName(name)

    # ---------------------------------------------------------------------------------------- actions
    def act(self) -> None:
        """Enter / the main button: check the answer, or go on once it is checked."""
        if self.view is None:
            return
        if self.checked:
            self.go_on()
        else:
            self.check()

    def options_below(self) -> list[QWidget]:
        """The answer cards whose lower edge is below the part of the page shown."""
        viewport = self.page.viewport()
        cards = [card for _option, card in getattr(self.view, "cards", [])]
        return [
            card
            for card in cards
            if card.isVisible() and card.mapTo(viewport, card.rect().bottomLeft()).y() >= viewport.height()
        ]

    def update_more_below(self) -> None:
        """Show "More answers below" while an answer card of the question is below the fold."""
        wanted = self.view is not None and not self.checked and bool(self.options_below())
        if wanted != self.more_below.isVisible():
            self.more_below.setVisible(wanted)

    def show_more_options(self) -> None:
        """Bring the next option below the fold into view and give it the focus (press again for more)."""
        below = self.options_below()
        if below:
            below[0].setFocus()
            self.page.ensureWidgetVisible(below[0], 0, ScrollPage.REVEAL_MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            QTimer.singleShot(0, self.update_more_below)
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.update_more_below)

    def pick_number(self, number: int) -> None:
        if self.view is not None:
            self.view.pick_number(number)

    def show_hint(self) -> None:
        if self.view is None or self.view.question.hint is None:
            return
        self.hint_text.setText(self.view.t(self.view.question.hint))
        self.hint.setAccessibleName(self.tr("Hint: {hint}").format(hint=self.hint_text.text()))
        self.hint.setVisible(True)
        self.page.reveal(self.hint)

    def check(self) -> None:
        session, view = self.session, self.view
        if session is None or view is None or view.locked:
            return
        answer = view.answer()
        if not is_complete(view.question, answer):
            self.message.setText(view_kind(view.question.type).not_answered())
            focus = view.first_focus()
            if focus is not None:
                focus.setFocus()
            return
        question_id = view.question.id
        if session.retry_pending(question_id):
            first = session.attempt(question_id)
            if first is not None and first.answer == answer:
                self.message.setText(self.tr("Try a different answer this time."))
                self.message.setAccessibleName(self.message.text())
                return
            self._show_result(session.retry(self.index, answer, language=self.ctx.language), fresh=True)
            self.action_button.setFocus()
            QTimer.singleShot(0, lambda: self.page.ensureWidgetVisible(self.feedback, 0, 40))
            return
        try:
            result = session.check(self.index, answer, language=self.ctx.language)
        except StoreError as exc:  # a full disk, a read-only folder: the child stays on the question
            log.error("An answer could not be saved: %s", exc)
            self.message.setText(self.tr("This answer was not saved. Tell your teacher."))
            self.message.setAccessibleName(self.message.text())
            self.action_button.setFocus()
            return
        if session.retry_pending(question_id):
            self._offer_retry()
            focus = view.first_focus()
            (focus or self.action_button).setFocus()
            return
        self._show_result(result, fresh=True)
        self.action_button.setFocus()
        QTimer.singleShot(0, lambda: self.page.ensureWidgetVisible(self.feedback, 0, 40))

    def _offer_retry(self) -> None:
        """A gentle "try once more" beside the Check button; the right answer stays hidden."""
        session, view = self.session, self.view
        assert session is not None and view is not None
        result = session.grades.get(view.question.id)
        if result is not None and result.rating == "acceptable":
            text = self.tr("An okay choice, but there is a better one. Try once more.")
        elif result is not None and result.verdict == "partial":
            text = self.tr("Nearly right! Try once more.")
        else:
            text = self.tr("Not quite. Try once more.")
        self.message.setText(text)
        self.message.setAccessibleName(text)
        set_role(self.message, "try-again")
        self._update_action()

    def _praise(self) -> None:
        """The praise moment for a right answer: a word and a star, and the soft sound when it is on."""
        word = self.praise.pick_word()
        self.praise.start(word, self.ctx.display_scale)
        self.feedback.setAccessibleName(f"{word} {self.feedback.accessibleName()}")
        if praise_sound_enabled(self.ctx.store):
            self.ctx.narrator.play_effect(paths.assets_dir() / "sounds" / "praise.wav")

    def _show_result(self, result: Grade, *, fresh: bool = False) -> None:
        """Show a checked answer's feedback; ``fresh`` when it was just checked (then a right one is
        praised; not when the screen is drawn again after a language switch or a restart)."""
        view = self.view
        assert view is not None and self.session is not None
        view.show_result(result)
        question = view.question
        verdict = result.verdict
        if isinstance(view, ScenarioView) and result.rating is not None:
            verdict_text = rating_words(result.rating)
        else:
            verdict_text = {
                "correct": self.tr("Correct!"),
                "partial": self.tr("Partly right"),
                "wrong": self.tr("Not quite"),
            }[verdict]
        right = ""
        if not result.full_marks:
            right = self.tr("The right answer: {answer}").format(answer=view.right_answer_text())
        self.feedback.show_grade(
            verdict_text, verdict, view.option_feedback(), right, view.t(question.explanation)
        )
        self.hint_button.setVisible(False)
        self.more_below.setVisible(False)
        self.message.setText("")
        set_role(self.message, "subtle")
        self._update_action()
        if fresh and result.full_marks:
            self._praise()

    def go_on(self) -> None:
        if self.session is None:
            return
        if self.index + 1 < self.session.count:
            self.show_question(self.index + 1)
        else:
            self.finish()

    def finish(self) -> None:
        session = self.session
        if session is None:
            return
        self.session = None  # a second Enter must not finish the run twice
        result = session.finish()
        self.finished.emit(result)

    def focus_start(self) -> None:
        if self.view is None:
            return
        if self.checked:
            self.action_button.setFocus()
            return
        focus = self.view.first_focus()
        (focus or self.action_button).setFocus()
        if focus is not None:  # after the focus has scrolled it into view (queued the same way)
            QTimer.singleShot(0, lambda: self._back_to_top_if_in_sight(focus))

    def _back_to_top_if_in_sight(self, widget: QWidget) -> None:
        """The question's start (the situation) stays in sight when the first option is in sight from the
        top of the page too: the focus scrolls no further than it must."""
        try:
            page = self.page.widget()
            if page is not None and widget.isVisible() and page.isAncestorOf(widget):
                bottom = widget.mapTo(page, widget.rect().bottomLeft()).y()
                if bottom < self.page.viewport().height():
                    self.page.verticalScrollBar().setValue(0)
        except RuntimeError:  # the question was replaced meanwhile
            pass
