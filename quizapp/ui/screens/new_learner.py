"""A new learner: a name or nickname, a picture, a language and an age group (or a class). No password."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QComboBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from quizapp.ui import images, theme
from quizapp.ui.screens.base import Screen
from quizapp.ui.widgets import (
    Card,
    FitGrid,
    LanguageToggle,
    ScrollPage,
    TitleLabel,
    button,
    footer_bar,
    header_bar,
    label,
)

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext

AGE_BANDS = ("8-10", "11-13", "14-17", "adults")
MAX_NAME = 60
AVATAR_BUTTON = 88


def avatar_name(avatar_id: str) -> str:
    """The picture's name in words, for screen readers."""
    names = {
        "bear": QCoreApplication.translate("Avatars", "Bear"),
        "cat": QCoreApplication.translate("Avatars", "Cat"),
        "chick": QCoreApplication.translate("Avatars", "Chick"),
        "dog": QCoreApplication.translate("Avatars", "Dog"),
        "fox": QCoreApplication.translate("Avatars", "Fox"),
        "frog": QCoreApplication.translate("Avatars", "Frog"),
        "lion": QCoreApplication.translate("Avatars", "Lion"),
        "owl": QCoreApplication.translate("Avatars", "Owl"),
        "panda": QCoreApplication.translate("Avatars", "Panda"),
        "penguin": QCoreApplication.translate("Avatars", "Penguin"),
        "rabbit": QCoreApplication.translate("Avatars", "Rabbit"),
        "turtle": QCoreApplication.translate("Avatars", "Turtle"),
    }
    return names.get(avatar_id, avatar_id.replace("-", " ").title())


class NewLearnerScreen(Screen):
    """Make a learner, then go to their home screen."""

    created = Signal(str)
    cancelled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.back_button = button("", icon_name="back", rtl=ctx.is_rtl)
        self.back_button.setObjectName("back-button")
        self.back_button.clicked.connect(self.cancelled.emit)
        self.title = TitleLabel("", "title")
        self.outer.addWidget(header_bar(self.back_button, self.title, stretch_after=2))

        self.page = ScrollPage()
        self.outer.addWidget(self.page, 1)
        box = self.page.box

        name_card = Card()
        self.name_label = label("", "heading")
        name_card.box.addWidget(self.name_label)
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.name.setMaxLength(MAX_NAME)
        self.name.setMinimumHeight(theme.MIN_TARGET + 4)
        self.name_label.setBuddy(self.name)
        name_card.box.addWidget(self.name)
        box.addWidget(name_card)

        avatar_card = Card()
        self.avatar_label = label("", "heading")
        avatar_card.box.addWidget(self.avatar_label)
        self.avatar_group = QButtonGroup(self)
        self.avatar_buttons: dict[str, QToolButton] = {}
        avatars = []
        for avatar_id in images.avatar_ids():
            btn = QToolButton()
            btn.setObjectName(f"avatar-{avatar_id}")
            btn.setProperty("role", "avatar")
            btn.setCheckable(True)
            btn.setIcon(images.icon_from_pixmap(images.avatar_pixmap(avatar_id, 64)))
            btn.setIconSize(QSize(64, 64))
            btn.setFixedSize(AVATAR_BUTTON, AVATAR_BUTTON)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            self.avatar_group.addButton(btn)
            self.avatar_buttons[avatar_id] = btn
            avatars.append(btn)
        self.avatar_grid = FitGrid(AVATAR_BUTTON, max_columns=12)
        self.avatar_grid.grid.setSpacing(10)
        self.avatar_grid.set_widgets(avatars)
        avatar_card.box.addWidget(self.avatar_grid)
        box.addWidget(avatar_card)

        row = QHBoxLayout()
        row.setSpacing(theme.SPACING)
        language_card = Card()
        self.language_label = label("", "heading")
        language_card.box.addWidget(self.language_label)
        self.language = LanguageToggle()
        self.language.language_chosen.connect(self._language_chosen)
        language_card.box.addWidget(self.language)
        row.addWidget(language_card, 1)

        age_card = Card()
        self.age_label = label("", "heading")
        age_card.box.addWidget(self.age_label)
        age_row = QHBoxLayout()
        age_row.setSpacing(6)
        adult_row = QHBoxLayout()
        self.age_group = QButtonGroup(self)
        self.age_buttons: dict[str, QToolButton] = {}
        for band in AGE_BANDS:
            btn = QToolButton()
            btn.setObjectName(f"age-{band}")
            btn.setProperty("role", "toggle")
            btn.setCheckable(True)
            btn.setMinimumSize(theme.MIN_TARGET + 40, theme.MIN_TARGET)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            self.age_group.addButton(btn)
            self.age_buttons[band] = btn
            # "Parent or teacher" on a row of its own, under the children's ages
            (adult_row if band == "adults" else age_row).addWidget(btn)
        age_row.addStretch(1)
        adult_row.addStretch(1)
        age_card.box.addLayout(age_row)
        age_card.box.addLayout(adult_row)
        self.class_label = label("", "subtle")
        age_card.box.addWidget(self.class_label)
        self.class_combo = QComboBox()
        self.class_combo.setObjectName("class")
        self.class_combo.setMinimumHeight(theme.MIN_TARGET)
        age_card.box.addWidget(self.class_combo)
        row.addWidget(age_card, 2)
        box.addLayout(row)

        box.addStretch(1)

        footer, buttons = footer_bar()
        self.cancel_button = button("")
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.create_button = button("", role="primary", icon_name="next", rtl=ctx.is_rtl)
        self.create_button.setObjectName("create-learner")
        self.create_button.clicked.connect(self.create_learner)
        # What is missing is said beside the button that was pressed (always on screen, even when the
        # form is taller than a 1024x600 screen); the field to fill in is scrolled into view.
        self.error = label("", "error")
        self.error.setObjectName("new-learner-error")
        self.error.setVisible(False)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.create_button)
        self.outer.addWidget(footer)
        self.on_enter(self.create_learner)
        self.retranslate()

    def reset(self) -> None:
        """Start with an empty form (the language shown now, a picture chosen at random is not needed)."""
        self.name.clear()
        for group in (self.avatar_group, self.age_group):
            group.setExclusive(False)
            for btn in group.buttons():
                btn.setChecked(False)
            group.setExclusive(True)
        self.error.setVisible(False)
        classes = self.ctx.store.people.list_classes()
        self.class_combo.clear()
        self.class_combo.addItem(self.tr("No class"), None)
        for school_class in classes:
            self.class_combo.addItem(school_class.name, school_class.id)
        self.class_combo.setVisible(bool(classes))
        self.class_label.setVisible(bool(classes))
        self.refresh()

    def retranslate(self) -> None:
        rtl = self.ctx.is_rtl
        self.title.setText(self.tr("Welcome! Tell us about you"))
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back to the list of learners"))
        self.back_button.setIcon(images.icon("back", 28, rtl=rtl))
        self.name_label.setText(self.tr("Your name or nickname"))
        self.name.setPlaceholderText(self.tr("For example: Ayesha"))
        self.name.setAccessibleName(self.tr("Your name or nickname"))
        self.avatar_label.setText(self.tr("Pick a picture"))
        self.avatar_grid.setAccessibleName(self.tr("Pictures"))
        for avatar_id, btn in self.avatar_buttons.items():
            btn.setAccessibleName(avatar_name(avatar_id))
            btn.setToolTip(avatar_name(avatar_id))
        self.language_label.setText(self.tr("Language"))
        self.language.retranslate()
        self.language.set_language(self.ctx.language)
        self.age_label.setText(self.tr("How old are you?"))
        for band, btn in self.age_buttons.items():
            if band == "adults":
                btn.setText(self.tr("Parent or teacher"))
                btn.setAccessibleName(self.tr("A grown-up: a parent or a teacher"))
                continue
            low, high = band.split("-")
            btn.setText(self.tr("{low} to {high}").format(low=low, high=high))
            btn.setAccessibleName(self.tr("{low} to {high} years old").format(low=low, high=high))
        self.class_label.setText(self.tr("Or choose your class"))
        self.class_combo.setAccessibleName(self.tr("Your class"))
        if self.class_combo.count():
            self.class_combo.setItemText(0, self.tr("No class"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.create_button.setText(self.tr("Start learning"))
        self.create_button.setAccessibleName(self.tr("Start learning"))
        self.create_button.setIcon(images.icon("next", 28, rtl=rtl))

    def refresh(self) -> None:
        self.retranslate()

    def focus_start(self) -> None:
        self.name.setFocus()

    # --------------------------------------------------------------------------------------- actions
    def chosen_avatar(self) -> str | None:
        return next((a for a, btn in self.avatar_buttons.items() if btn.isChecked()), None)

    def chosen_age_band(self) -> str | None:
        return next((b for b, btn in self.age_buttons.items() if btn.isChecked()), None)

    def _language_chosen(self, code: str) -> None:
        self.ctx.set_language(code)

    def _fail(self, message: str, focus: QWidget) -> None:
        self.error.setText(message)
        self.error.setVisible(True)
        self.error.setAccessibleName(message)
        focus.setFocus()
        self.page.reveal(focus)

    def create_learner(self) -> None:
        name = " ".join(self.name.text().split())
        if not name:
            self._fail(self.tr("Please type your name or a nickname."), self.name)
            return
        avatar = self.chosen_avatar()
        if avatar is None:
            first = next(iter(self.avatar_buttons.values()), None)
            self._fail(self.tr("Please pick a picture."), first or self.name)
            return
        band = self.chosen_age_band()
        class_id = self.class_combo.currentData()
        if band is None and class_id is None:
            self._fail(self.tr("Please choose how old you are."), self.age_buttons[AGE_BANDS[0]])
            return
        learner = self.ctx.learning.create_learner(
            name, avatar_id=avatar, language=self.ctx.language, age_band=band, class_id=class_id
        )
        self.error.setVisible(False)
        self.created.emit(learner.id)
