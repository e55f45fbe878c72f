"""What every screen shares: the context, a vertical layout, and ``refresh()`` to re-render its texts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame, QProgressBar, QVBoxLayout, QWidget

from quizapp.ui.widgets import TextSizeControl, TitleLabel, button, header_bar, label

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext


class Screen(QWidget):
    """A full-window page of the student app."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("screen")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.setSpacing(0)

    def refresh(self) -> None:
        """Show everything again in the current language and text size."""

    def focus_start(self) -> None:
        """Put the keyboard focus where a learner starts on this screen."""

    def on_enter(self, action: Callable[[], object]) -> None:
        """Enter (and Return) do the screen's main step: ``action`` (check, go on, create...).

        When the focus is on another button that is not a choice (Back, Cancel, Hint, My modules), they
        press that button, as Space does: Enter on "Back" must not go forward. On a choice (an answer
        card, a picture, a text size) Enter still does the main step, as in a form."""

        def enter() -> None:
            focus = QApplication.focusWidget()
            if (
                isinstance(focus, QAbstractButton)
                and not focus.isCheckable()
                and focus.isEnabled()
                and focus.isVisible()
                and self.isAncestorOf(focus)
            ):
                focus.click()
            else:
                action()

        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(enter)


def choose_text_size(ctx: AppContext, learner_id: str | None, scale: int) -> None:
    """Remember the learner's text size in the store and apply it now."""
    if learner_id is not None:
        learner = ctx.learning.set_text_size(learner_id, scale)
        scale = learner.text_size
    ctx.set_text_scale(scale)


class ModuleHeader:
    """The header of a screen inside a module (the lesson, the quiz, a check): "My modules", the module's
    title, where the learner is ("Question 3 of 8" and a bar) and the text size, which is remembered for
    the learner ``learner_id()`` gives (None: for this session only)."""

    def __init__(
        self,
        screen: Screen,
        *,
        where_name: str,
        go_home: Callable[[], object],
        learner_id: Callable[[], str | None],
    ) -> None:
        self.home_button = button("", icon_name="back")
        self.home_button.setObjectName("home-button")
        self.home_button.clicked.connect(lambda _checked=False: go_home())
        self.module_title = TitleLabel("", "heading")
        self.where = label("", "subtle", wrap=False)
        self.where.setObjectName(where_name)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(140)
        self.progress.setTextVisible(False)
        self.text_size = TextSizeControl()
        self.text_size.size_chosen.connect(lambda scale: choose_text_size(screen.ctx, learner_id(), scale))
        self.bar: QFrame = header_bar(
            self.home_button, self.module_title, self.where, self.progress, self.text_size, stretch_after=2
        )
