"""A learner's home: one obvious "Continue", then their modules with status, best score and badges."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from quizapp.services.learning import AGE_BANDS
from quizapp.services.library import ADULTS
from quizapp.ui import images, theme
from quizapp.ui.screens.base import Screen, choose_text_size
from quizapp.ui.widgets import (
    Card,
    ContrastToggle,
    FitGrid,
    LanguageToggle,
    ScrollPage,
    TextSizeControl,
    TitleLabel,
    button,
    header_bar,
    label,
    picture,
)

if TYPE_CHECKING:
    from quizapp.services.learning import ModuleCard, Target
    from quizapp.services.records import Learner
    from quizapp.ui.context import AppContext

CARD_WIDTH = 300
FIRST_ROWS = 1
"""Rows of module cards made before the home screen is drawn. The others follow once it is drawn,
:data:`LATER_TILES` at a time, with the window drawn and taps and key presses answered in between, so the
screen is never held for long (a card is about 3 ms of widgets here: forty shown packs held the first
drawing of the home screen for over 100 ms)."""
LATER_TILES = 8


class ModuleTile(Card):
    """One module: picture, title, summary, status in words, best score, a badge when passed."""

    def __init__(self, home: HomeScreen, card: ModuleCard) -> None:
        super().__init__()
        self.card = card
        entry = card.entry
        self.setObjectName(f"module-{entry.pack_id}-{entry.module_id}")
        ctx = home.ctx
        lang = entry.pack.default_language
        title = ctx.text(entry.facts.title_text, lang)
        top = QHBoxLayout()
        top.setSpacing(12)
        if entry.facts.image:
            pixmap = images.load_image(entry.pack.asset_path(entry.facts.image), 56, 56)
            if pixmap is not None:
                top.addWidget(picture(pixmap), 0, Qt.AlignmentFlag.AlignTop)
        self.title = label(title, "heading")
        top.addWidget(self.title, 1)
        if card.passed:
            self.badge = picture(images.icon_pixmap("badge", 44), self.tr("Badge: you passed this module"))
            self.badge.setObjectName("badge")
            top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        self.box.addLayout(top)
        self.box.addWidget(label(ctx.text(entry.facts.summary_text, lang, entry.facts.audience), "subtle"))
        chips = QHBoxLayout()
        chips.setSpacing(8)
        status_text = {
            "not_started": self.tr("Not started"),
            "in_progress": self.tr("In progress"),
            "passed": self.tr("Passed"),
        }[card.status]
        chip_role = {"not_started": "chip", "in_progress": "chip-progress", "passed": "chip-passed"}[
            card.status
        ]
        self.status = label(status_text, chip_role, wrap=False)
        self.status.setObjectName("status")
        chips.addWidget(self.status)
        if card.best_score is not None:
            self.score = label(
                self.tr("Best score: {score}%").format(score=round(card.best_score)), "chip", wrap=False
            )
            self.score.setObjectName("best-score")
            chips.addWidget(self.score)
        chips.addStretch(1)
        self.box.addLayout(chips)
        self.box.addStretch(1)
        action = {
            "not_started": self.tr("Start"),
            "in_progress": self.tr("Continue"),
            "passed": self.tr("Open again"),
        }[card.status]
        self.open_button = button(action)
        self.open_button.setObjectName("open-module")
        self.open_button.setAccessibleName(self.tr("{action}: {module}").format(action=action, module=title))
        self.open_button.clicked.connect(lambda _c=False: home.open_module(card))
        self.box.addWidget(self.open_button)
        self.setAccessibleName(f"{title}. {status_text}")


class HomeScreen(Screen):
    """The modules of the learner chosen on the picker."""

    open_target = Signal(object)  # services.learning.Target
    switch_learner = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.learner: Learner | None = None
        self.target: Target | None = None
        self.avatar = picture(None)
        self.hello = TitleLabel("", "heading")
        self.language = LanguageToggle()
        self.language.language_chosen.connect(self._language_chosen)
        self.text_size = TextSizeControl()
        self.text_size.size_chosen.connect(self._size_chosen)
        self.contrast = ContrastToggle()
        self.contrast.toggled.connect(self._contrast_chosen)
        self.switch_button = button("", role="quiet")
        self.switch_button.setObjectName("switch-learner")
        self.switch_button.clicked.connect(self.switch_learner.emit)
        self.outer.addWidget(
            header_bar(
                self.avatar,
                self.hello,
                self.language,
                self.text_size,
                self.contrast,
                self.switch_button,
                stretch_after=2,
            )
        )

        self.page = ScrollPage()
        self.outer.addWidget(self.page, 1)
        # A learner added by the teacher (by name, from a list or a class list file) has no age yet: they
        # choose it once here, so nobody sees modules meant for another age.
        self.age_card = QFrame()
        self.age_card.setObjectName("age-card")
        self.age_card.setProperty("role", "panel")
        age_box = QVBoxLayout(self.age_card)
        age_box.setContentsMargins(20, 16, 20, 16)
        self.age_title = label("", "heading")
        self.age_detail = label("", "subtle")
        age_box.addWidget(self.age_title)
        age_box.addWidget(self.age_detail)
        age_row = QHBoxLayout()
        self.age_buttons: dict[str, QPushButton] = {}
        for band in AGE_BANDS:
            age_button = button("")
            age_button.setObjectName(f"home-age-{band}")
            age_button.clicked.connect(lambda _=False, band=band: self._age_chosen(band))
            self.age_buttons[band] = age_button
            age_row.addWidget(age_button)
        age_row.addStretch(1)
        age_box.addLayout(age_row)
        self.page.box.addWidget(self.age_card)
        self.continue_card = QFrame()
        self.continue_card.setProperty("role", "panel")
        row = QHBoxLayout(self.continue_card)
        row.setContentsMargins(20, 16, 20, 16)
        row.setSpacing(theme.SPACING)
        column = QVBoxLayout()
        self.continue_title = label("", "heading")
        self.continue_detail = label("", "subtle")
        self.continue_detail.setObjectName("continue-detail")
        column.addWidget(self.continue_title)
        column.addWidget(self.continue_detail)
        row.addLayout(column, 1)
        self.continue_button = button("", role="primary", icon_name="play", icon_size=32)
        self.continue_button.setObjectName("continue-button")
        self.continue_button.setMinimumHeight(64)
        self.continue_button.setIconSize(QSize(32, 32))
        self.continue_button.clicked.connect(self._continue)
        row.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.page.box.addWidget(self.continue_card)

        self.modules_title = label("", "title")
        self.page.box.addWidget(self.modules_title)
        self.grid = FitGrid(CARD_WIDTH, max_columns=4)
        self.grid.setObjectName("module-grid")
        self.page.box.addWidget(self.grid)
        self.empty = QWidget()
        empty_box = QVBoxLayout(self.empty)
        empty_box.addWidget(picture(images.illustration("empty", 120)))
        self.empty_text = label("", "heading")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_box.addWidget(self.empty_text)
        self.page.box.addWidget(self.empty)
        self.page.box.addStretch(1)
        self._tiles: list[ModuleTile] = []
        self._waiting: list[ModuleCard] = []  # cards whose tiles are not made yet
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._make_more)
        self.page.viewport().installEventFilter(self)  # the next tiles are made after the page is drawn

    def show_learner(self, learner: Learner) -> None:
        self.learner = learner
        self.refresh()

    def refresh(self) -> None:
        if self.learner is None:
            return
        learner = self.ctx.store.people.get_learner(self.learner.id)
        self.learner = learner
        rtl = self.ctx.is_rtl
        self.avatar.setPixmap(images.avatar_pixmap(learner.avatar_id, 48))
        self.avatar.setAccessibleName(self.tr("Your picture"))
        self.hello.setText(self.tr("Hello, {name}!").format(name=learner.display_name))
        self.language.retranslate()
        self.language.set_language(self.ctx.language)
        self.text_size.retranslate()
        self.text_size.set_scale(self.ctx.text_scale)
        self.contrast.retranslate()
        self.contrast.set_on(self.ctx.high_contrast)
        self.switch_button.setText(self.tr("Not you? Change"))
        self.switch_button.setAccessibleName(self.tr("Choose a different learner"))
        self.modules_title.setText(self.tr("My modules"))
        self.continue_button.setIcon(images.icon("play", 32, rtl=rtl))

        learning = self.ctx.learning
        needs_age = learning.age_band(learner) is None
        self._show_age_choice(needs_age)
        cards = [] if needs_age else learning.module_cards(learner)
        self.fit_to_text_size()
        self._more.stop()
        self._tiles, self._waiting = [], list(cards)
        self.grid.set_widgets([])
        self._make_tiles(self._row_length() * FIRST_ROWS)
        self.grid.setVisible(bool(cards))
        self.modules_title.setVisible(not needs_age)
        self.empty.setVisible(not cards and not needs_age)
        self.empty_text.setText(self.tr("There are no modules for you yet. Please ask your teacher."))
        self.target = learning.continue_target(learner) if cards else None
        self._show_continue(cards)

    def _show_continue(self, cards: list[ModuleCard]) -> None:
        target = self.target
        self.continue_card.setVisible(bool(cards))
        if target is None:
            self.continue_title.setText(self.tr("You passed every module. Well done!"))
            self.continue_detail.setText(self.tr("You can open any module again to practise."))
            self.continue_button.setVisible(False)
            return
        self.continue_button.setVisible(True)
        entry = target.entry
        title = self.ctx.text(entry.facts.title_text, entry.pack.default_language)
        started = any(c.status != "not_started" for c in cards)
        self.continue_button.setText(self.tr("Continue") if started else self.tr("Start"))
        self.continue_title.setText(title)
        if target.stage == "lesson":
            total = entry.facts.sections
            detail = self.tr("Lesson: part {number} of {total}").format(
                number=target.position + 1, total=total
            )
        elif target.stage == "quiz":
            total = entry.facts.questions
            detail = self.tr("Quiz: question {number} of {total}").format(
                number=min(target.position + 1, total), total=total
            )
        else:
            detail = self.tr("See your results and try again")
        self.continue_detail.setText(detail)
        self.continue_button.setAccessibleName(
            self.tr("Continue: {module}, {where}").format(module=title, where=detail)
        )

    def _show_age_choice(self, visible: bool) -> None:
        self.age_card.setVisible(visible)
        if not visible:
            return
        self.age_title.setText(self.tr("How old are you?"))
        self.age_detail.setText(self.tr("Choose once, and you will see the modules for your age."))
        for band, age_button in self.age_buttons.items():
            if band == ADULTS:
                age_button.setText(self.tr("Parent or teacher"))
                age_button.setAccessibleName(self.tr("A grown-up: a parent or a teacher"))
                continue
            low, high = band.split("-")
            age_button.setText(self.tr("{low} to {high}").format(low=low, high=high))
            age_button.setAccessibleName(self.tr("{low} to {high} years old").format(low=low, high=high))

    def _age_chosen(self, band: str) -> None:
        if self.learner is None:
            return
        self.ctx.learning.set_age_band(self.learner.id, band)
        self.refresh()
        self.focus_start()

    @property
    def tiles(self) -> list[ModuleTile]:
        """Every module's tile (any not made yet are made now)."""
        self._make_tiles(len(self._waiting))
        return self._tiles

    @property
    def building(self) -> bool:
        """True while some module tiles are still to be made (in the idle moments after drawing)."""
        return bool(self._waiting)

    def _row_length(self) -> int:
        """Tiles in a row of the grid; before the home screen was first laid out, at most the window's
        width (a full first row rather than one short)."""
        shown = self.isVisible() and self.grid.width() > 0
        return self.grid.columns_for(self.grid.width() if shown else self.window().width())

    def _make_more(self) -> None:
        self._make_tiles(max(LATER_TILES, self._row_length()))
        if self._waiting:  # the window is drawn again before the next ones (events come before timers)
            self._more.start()

    def _make_tiles(self, count: int) -> None:
        cards, self._waiting = self._waiting[:count], self._waiting[count:]
        made = [ModuleTile(self, card) for card in cards]
        self._tiles += made
        self.grid.add_widgets(made)
        if not self._waiting:
            self._more.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # (tiles still waiting while the home screen is not shown are made when it is drawn, or when
        # ``tiles`` is asked for)
        drawn = watched is self.page.viewport() and event.type() == QEvent.Type.Paint
        if drawn and self._waiting and not self._more.isActive():
            self._more.start()
        return super().eventFilter(watched, event)

    def fit_to_text_size(self) -> None:
        """Larger text needs wider module cards (fewer columns)."""
        self.grid.set_tile_width(CARD_WIDTH * self.ctx.text_scale // 100)

    def focus_start(self) -> None:
        if self.age_card.isVisible():
            next(iter(self.age_buttons.values())).setFocus()
        elif self.continue_button.isVisible():
            self.continue_button.setFocus()
        elif self._tiles:
            self._tiles[0].open_button.setFocus()

    # --------------------------------------------------------------------------------------- actions
    def _continue(self) -> None:
        if self.target is not None:
            self.open_target.emit(self.target)

    def open_module(self, card: ModuleCard) -> None:
        if self.learner is not None:
            self.open_target.emit(self.ctx.learning.target_for(self.learner, card.entry))

    def _language_chosen(self, code: str) -> None:
        if self.learner is not None:
            self.learner = self.ctx.learning.set_language(self.learner.id, code)
        self.ctx.set_language(code)

    def _contrast_chosen(self, on: bool) -> None:
        """The learner's own colours, remembered for them (the teacher's setting stays the computer's)."""
        if self.learner is not None:
            self.ctx.learning.set_high_contrast(self.learner.id, on)
        self.ctx.use_learner_contrast(on)

    def _size_chosen(self, scale: int) -> None:
        choose_text_size(self.ctx, self.learner.id if self.learner else None, scale)
