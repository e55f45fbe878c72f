"""Drive the real student widgets the way a learner would: clicks, typing and keys, sent with QTest.

Used by ``quizapp selftest``, ``quizapp screenshots`` and the UI tests, so they exercise the same
classes a child uses, not a separate code path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from quizapp.services.grading import right_answer
from quizapp.ui.questions.kinds import view_kind
from quizapp.ui.screens.picker import NO_CLASS

if TYPE_CHECKING:
    from quizapp.ui.cards import CardView
    from quizapp.ui.main_window import MainWindow
    from quizapp.ui.questions.base import QuestionView


class AutopilotError(RuntimeError):
    """The screen was not what the journey expected."""


def settle(rounds: int = 3) -> None:
    """Let queued events (timers at 0 ms, layout, painting) run, and delete widgets given up with
    ``deleteLater()`` as the event loop of the running app would."""
    for _ in range(rounds):
        QCoreApplication.processEvents()
        QApplication.sendPostedEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


class Autopilot:
    """Student journeys on a :class:`MainWindow`."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # ------------------------------------------------------------------------------------ basics
    def click(self, widget: QWidget | None) -> None:
        if widget is None:
            raise AutopilotError("a control to click is missing")
        if not widget.isVisible() or not widget.isEnabled():
            raise AutopilotError(f"'{widget.objectName() or widget.accessibleName()}' cannot be clicked now")
        if isinstance(widget, QAbstractButton):
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        settle()

    def type_text(self, widget: QWidget, text: str) -> None:
        """Type ``text`` key by key (any script: Urdu letters are sent as key events with their text)."""
        widget.setFocus()
        for char in text:
            if char.isascii():
                QTest.keyClicks(widget, char)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                    QApplication.sendEvent(widget, event)
        settle()

    def key(self, key: Qt.Key, widget: QWidget | None = None) -> None:
        target = widget or QApplication.focusWidget() or self.window
        QTest.keyClick(target, key)
        settle()

    def find(self, name: str, kind: type[QWidget] = QWidget) -> QWidget:
        screen = self.window.current_screen()
        found = screen.findChild(kind, name)
        if found is None:
            raise AutopilotError(f"'{name}' is not on the {type(screen).__name__}")
        return found

    def expect_screen(self, screen: QWidget) -> None:
        if self.window.current_screen() is not screen:
            shown = type(self.window.current_screen()).__name__
            raise AutopilotError(f"expected {type(screen).__name__}, the window shows {shown}")

    # ---------------------------------------------------------------------------------- journeys
    def create_learner(
        self, name: str, *, avatar: str = "owl", age_band: str = "11-13", language: str = "en"
    ) -> str:
        """Picker -> "I'm new" -> fill in the form -> home. Returns the new learner's id."""
        window = self.window
        self.expect_screen(window.picker)
        self.click(window.picker.new_button)
        form = window.new_learner_screen
        self.expect_screen(form)
        self.type_text(form.name, name)
        self.click(form.avatar_buttons[avatar])
        self.click(form.language.buttons[language])
        self.click(form.age_buttons[age_band])
        self.click(form.create_button)
        self.expect_screen(window.home)
        learner = window.learner
        if learner is None:
            raise AutopilotError("no learner after creating one")
        return learner.id

    def choose_learner(self, learner_id: str) -> None:
        picker = self.window.picker
        self.expect_screen(picker)
        self.click_learner(learner_id)
        self.expect_screen(self.window.home)
        chosen = self.window.learner
        if chosen is None or chosen.id != learner_id:
            wanted = picker.learners.get(learner_id)
            raise AutopilotError(
                f"the tap on {wanted.display_name if wanted else learner_id!r} chose "
                f"{chosen.display_name if chosen else 'nobody'!r}"
            )

    def click_learner(self, learner_id: str) -> None:
        """Click a learner's card on the picker (choosing their class first when it asks for one)."""
        picker = self.window.picker
        if picker.views.currentWidget() is picker.class_view:
            learner = picker.learners.get(learner_id)
            group = None if learner is None else learner.class_id
            if group not in {card.key for card in picker.class_cards.shown()}:
                group = NO_CLASS
            self.click_card(picker.class_view, group)
        self.click_card(picker.learner_view, learner_id)

    def click_card(self, view: CardView, key: str | None) -> None:
        """Click the card ``key`` of a card view, as a person would (scrolling to it first)."""
        rect = view.card_rect(key) if key is not None else None
        if rect is None or rect.isEmpty():
            raise AutopilotError(f"no card {key!r} is shown in {view.objectName() or 'the list'}")
        if not view.isVisible() or not view.isEnabled():
            raise AutopilotError(f"'{view.objectName()}' cannot be clicked now")
        QTest.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
        )
        settle()

    def open_module(self, pack_id: str, module_id: str) -> None:
        home = self.window.home
        self.expect_screen(home)
        tile = next((t for t in home.tiles if t.card.entry.key == (pack_id, module_id)), None)
        if tile is None:
            raise AutopilotError(f"module {pack_id}/{module_id} is not on the home screen")
        self.click(tile.open_button)

    def press_continue(self) -> None:
        home = self.window.home
        self.expect_screen(home)
        self.click(home.continue_button)

    def read_lesson(self) -> list[str]:
        """Press Next through the lesson until the quiz opens; returns the progress texts seen."""
        lesson = self.window.lesson
        seen: list[str] = []
        for _ in range(100):
            if self.window.current_screen() is not lesson:
                break
            seen.append(lesson.where.text())
            self.click(lesson.next_button)
        self.expect_screen(self.window.quiz)
        return seen

    # ------------------------------------------------------------------------------------- quiz
    def view(self) -> QuestionView:
        quiz = self.window.quiz
        self.expect_screen(quiz)
        if quiz.view is None:
            raise AutopilotError("no question is shown")
        return quiz.view

    def answer(self, *, right: bool = True) -> Any:
        """Give the right (or a wrong) answer to the question shown, through its controls."""
        view = self.view()
        question = view.question
        lang = self.window.ctx.language
        default = view.pack.default_language
        target = right_answer(question, language=lang, default_language=default)
        view_kind(question.type).answer_as_learner(self, view, target, right)
        return view.answer()

    def check(self, *, retry_right: bool = True) -> None:
        """Press Check and reach the feedback. When a second try is offered (the first answer was not
        right), give it: the right answer, or with ``retry_right=False`` another wrong one."""
        if self.first_check():
            self.answer_again(right=retry_right)
            self.click(self.window.quiz.action_button)
        if not self.window.quiz.checked:
            raise AutopilotError(f"Check did not check the answer: {self.window.quiz.message.text()}")

    def first_check(self) -> bool:
        """Press Check once; True when the quiz offers one more try instead of the feedback."""
        quiz = self.window.quiz
        if quiz.checked:
            raise AutopilotError("the answer is already checked")
        self.click(quiz.action_button)
        if quiz.retry_pending:
            return True
        if not quiz.checked:
            raise AutopilotError(f"Check did not check the answer: {quiz.message.text()}")
        return False

    def answer_again(self, *, right: bool) -> Any:
        """The second try: the right answer, or a wrong one unlike the first."""
        if right:
            return self.answer(right=True)
        view = self.view()
        question = view.question
        before = view.answer()
        target = right_answer(
            question, language=self.window.ctx.language, default_language=view.pack.default_language
        )
        view_kind(question.type).answer_wrong_again(self, view, before, target)
        if view.answer() == before:
            raise AutopilotError(f"no other wrong answer is scripted for a {question.type} question")
        return view.answer()

    def next(self) -> None:
        quiz = self.window.quiz
        if not quiz.checked:
            raise AutopilotError("Next before Check")
        self.click(quiz.action_button)

    def finish_help_card(self) -> None:
        self.expect_screen(self.window.help_card)
        self.click(self.window.help_card.done_button)
        self.expect_screen(self.window.results)
