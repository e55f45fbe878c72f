"""The learner picker: big tiles with each learner's picture and name, a box to find a name, "I'm new",
and a discreet button into the teacher area. Kept light: it imports no pack code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QToolButton, QWidget

from quizapp.ui import images, theme
from quizapp.ui.plaintext import tooltip_text
from quizapp.ui.screens.base import Screen
from quizapp.ui.widgets import (
    FitGrid,
    LanguageToggle,
    ScrollPage,
    TitleLabel,
    button,
    header_bar,
    label,
    picture,
)

if TYPE_CHECKING:
    from quizapp.progress.records import Learner
    from quizapp.ui.context import AppContext

TILE_WIDTH = 160
AVATAR_SIZE = 80


class LearnerTile(QToolButton):
    """A learner's picture and name; activating it opens their home screen."""

    def __init__(self, learner: Learner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.learner = learner
        self.setObjectName(f"learner-{learner.id}")
        self.setProperty("role", "tile")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        self.setIcon(images.icon_from_pixmap(images.avatar_pixmap(learner.avatar_id, AVATAR_SIZE)))
        self.setIconSize(QSize(AVATAR_SIZE, AVATAR_SIZE))
        self.setFixedSize(TILE_WIDTH, AVATAR_SIZE + 64)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(learner.display_name)
        self.setToolTip(tooltip_text(learner.display_name))
        self._full = learner.display_name
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, TILE_WIDTH - 20))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()


class PickerScreen(Screen):
    """Who is learning today?"""

    learner_chosen = Signal(str)
    new_learner_requested = Signal()
    teacher_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.app_title = TitleLabel("", "heading")
        self.language = LanguageToggle()
        self.language.language_chosen.connect(self._language_chosen)
        self.teacher_button = button("", role="quiet", icon_name="teacher", icon_size=22)
        self.teacher_button.setObjectName("teacher-button")
        self.teacher_button.clicked.connect(self.teacher_requested.emit)
        self.outer.addWidget(header_bar(self.app_title, self.language, self.teacher_button))

        self.page = ScrollPage()
        self.outer.addWidget(self.page, 1)
        top = QHBoxLayout()
        top.setSpacing(theme.SPACING)
        top.addWidget(picture(images.illustration("welcome", 96)))
        self.title = label("", "title")
        top.addWidget(self.title, 1)
        self.page.box.addLayout(top)

        search_row = QHBoxLayout()
        search_row.setSpacing(theme.SPACING)
        self.filter = QLineEdit()
        self.filter.setObjectName("learner-filter")
        self.filter.setMinimumHeight(theme.MIN_TARGET + 4)
        self.filter.textChanged.connect(self._apply_filter)
        self.filter.returnPressed.connect(self._choose_single_match)
        search_row.addWidget(self.filter, 1)
        self.new_button = button("", role="primary", icon_name="add")
        self.new_button.setObjectName("new-learner-button")
        self.new_button.clicked.connect(self.new_learner_requested.emit)
        search_row.addWidget(self.new_button)
        self.page.box.addLayout(search_row)

        self.empty = label("", "subtle")
        self.empty.setObjectName("picker-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.box.addWidget(self.empty)
        self.grid = FitGrid(TILE_WIDTH)
        self.grid.setObjectName("learner-grid")
        self.page.box.addWidget(self.grid)
        self.page.box.addStretch(1)
        self.tiles: list[LearnerTile] = []
        self.retranslate()

    def retranslate(self) -> None:
        school = self.ctx.store.settings.school_name
        self.app_title.setText(
            self.tr("Staying safe online — {school}").format(school=school)
            if school
            else self.tr("Staying safe online")
        )
        self.title.setText(self.tr("Who is learning today?"))
        self.filter.setPlaceholderText(self.tr("Type to find your name"))
        self.filter.setAccessibleName(self.tr("Find your name"))
        self.new_button.setText(self.tr("I'm new"))
        self.new_button.setAccessibleName(self.tr("I'm new: make my own page"))
        self.teacher_button.setText(self.tr("Teacher"))
        self.teacher_button.setAccessibleName(self.tr("Teacher area"))
        self.grid.setAccessibleName(self.tr("Learners"))
        self.language.retranslate()
        self.language.set_language(self.ctx.language)
        self._update_empty()

    def refresh(self) -> None:
        learners = self.ctx.store.list_learners()
        self.tiles = [LearnerTile(learner) for learner in learners]
        for tile in self.tiles:
            tile.clicked.connect(lambda _checked=False, lid=tile.learner.id: self.learner_chosen.emit(lid))
        self.grid.set_widgets(self.tiles)
        self.retranslate()
        self._apply_filter(self.filter.text())

    def focus_start(self) -> None:
        self.filter.setFocus()

    def visible_tiles(self) -> list[LearnerTile]:
        return [t for t in self.tiles if not t.isHidden()]

    def _apply_filter(self, text: str) -> None:
        wanted = " ".join(text.split()).casefold()
        shown = [t for t in self.tiles if wanted in t.learner.display_name.casefold()]
        self.grid.show_only(shown)
        self._update_empty()

    def _update_empty(self) -> None:
        if not self.tiles:
            self.empty.setText(self.tr("No one is here yet. Press “I'm new” to start."))
            self.empty.setVisible(True)
        elif not self.visible_tiles():
            self.empty.setText(self.tr("No name matches. Check the spelling, or press “I'm new”."))
            self.empty.setVisible(True)
        else:
            self.empty.setVisible(False)

    def _choose_single_match(self) -> None:
        shown = self.visible_tiles()
        if len(shown) == 1:
            self.learner_chosen.emit(shown[0].learner.id)
        elif shown:
            shown[0].setFocus()

    def _language_chosen(self, code: str) -> None:
        self.ctx.set_language(code)
