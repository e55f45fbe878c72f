"""The learner picker: each learner's picture and name on a card, a box to find a name, "I'm new", and a
discreet button into the teacher area. Kept light: it imports no pack code.

The cards are a model drawn by a delegate (:mod:`quizapp.ui.cards`), so a school of thousands draws as
quickly as a class. With many learners in classes the picker asks for the class first ("choose your
class, then your name"); typing a name still finds it in any class."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from quizapp.ui import images, theme
from quizapp.ui.cards import Card, CardModel, CardView
from quizapp.ui.screens.base import Screen
from quizapp.ui.widgets import LanguageToggle, TitleLabel, button, header_bar, label, picture

if TYPE_CHECKING:
    from quizapp.services.records import Learner, SchoolClass
    from quizapp.ui.context import AppContext

TILE_WIDTH = 160
AVATAR_SIZE = 80
CLASS_ICON_SIZE = 48
CLASS_STEP_ABOVE = 60
"""With more learners than this, and classes set, the picker asks for the class first."""
NO_CLASS = "-"
"""The group of learners in no class (or in an archived one) when the picker asks for the class first."""


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sorts "Class 2" before "Class 10" (numbers by value, words without case)."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.split(r"(\d+)", text)
        if part
    )


DETAIL_FIELDS = ("detail", "father_name", "roll_number")


def detail_fields(record_type: type) -> tuple[str, ...] | None:
    """The detail fields a record type with ``__slots__`` has (None: any instance may have any)."""
    if "__slots__" not in vars(record_type):
        return None
    return tuple(name for name in DETAIL_FIELDS if hasattr(record_type, name))


def learner_detail(learner: Learner, fields: tuple[str, ...] | None = None) -> str:
    """The second line under a learner's name, when the record has one (father's name, roll number) to
    tell apart learners with the same name; empty otherwise. ``fields``: what :func:`detail_fields` said
    of the record's type (``()`` skips the look-ups, asked for every learner of a school)."""
    if fields == ():
        return ""
    detail = getattr(learner, "detail", None)
    if isinstance(detail, str) and detail.strip():
        return detail.strip()
    parts = [getattr(learner, name, None) for name in ("father_name", "roll_number")]
    return " · ".join(str(part).strip() for part in parts if part is not None and str(part).strip())


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

        self.page = QWidget()
        self.page.setObjectName("page")
        self.outer.addWidget(self.page, 1)
        box = QVBoxLayout(self.page)
        box.setContentsMargins(theme.PAGE_MARGIN, theme.PAGE_MARGIN, theme.PAGE_MARGIN, 0)
        box.setSpacing(theme.SPACING)
        top = QHBoxLayout()
        top.setSpacing(theme.SPACING)
        top.addWidget(picture(images.illustration("welcome", 96)))
        titles = QVBoxLayout()
        titles.setSpacing(4)
        self.title = label("", "title")
        self.step = label("", "subtle")
        self.step.setObjectName("picker-step")
        titles.addWidget(self.title)
        titles.addWidget(self.step)
        top.addLayout(titles, 1)
        box.addLayout(top)

        search_row = QHBoxLayout()
        search_row.setSpacing(theme.SPACING)
        self.classes_button = button("", icon_name="back")
        self.classes_button.setObjectName("all-classes-button")
        self.classes_button.clicked.connect(self.show_classes)
        search_row.addWidget(self.classes_button)
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
        box.addLayout(search_row)

        self.waiting = QWidget()
        waiting_row = QHBoxLayout(self.waiting)
        waiting_row.setContentsMargins(0, 0, 0, 0)
        waiting_row.setSpacing(theme.SPACING)
        self.waiting_text = label("", "heading")
        self.waiting_text.setObjectName("picker-getting-ready")
        self.waiting_bar = QProgressBar()
        self.waiting_bar.setRange(0, 0)  # busy: it moves until the store is open
        self.waiting_bar.setMaximumWidth(220)
        waiting_row.addWidget(self.waiting_text, 1)
        waiting_row.addWidget(self.waiting_bar)
        self.waiting.setVisible(False)
        box.addWidget(self.waiting)

        self.empty = label("", "subtle")
        self.empty.setObjectName("picker-empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.empty)

        self.learner_cards = CardModel(self)
        self.learner_view = CardView(self.learner_cards, card_width=TILE_WIDTH, picture_size=AVATAR_SIZE)
        self.learner_view.setObjectName("learner-grid")
        self.learner_view.chosen.connect(self.learner_chosen.emit)
        self.class_cards = CardModel(self)
        self.class_view = CardView(self.class_cards, card_width=TILE_WIDTH, picture_size=CLASS_ICON_SIZE)
        self.class_view.setObjectName("class-grid")
        self.class_view.show_details(1)
        self.class_view.chosen.connect(self.choose_class)
        self.views = QStackedWidget()
        self.views.addWidget(self.learner_view)
        self.views.addWidget(self.class_view)
        box.addWidget(self.views, 1)

        self.learners: dict[str, Learner] = {}
        self.classes: list[SchoolClass] = []
        self.by_class = False
        """True when the picker asks for the class first."""
        self.chosen_class: str | None = None
        self.retranslate()

    # ------------------------------------------------------------------------------------------ texts
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
        self.classes_button.setText(self.tr("All classes"))
        self.classes_button.setAccessibleName(self.tr("Back to all the classes"))
        self.learner_view.setAccessibleName(self.tr("Learners"))
        self.class_view.setAccessibleName(self.tr("Classes"))
        self.waiting_text.setText(self.tr("Getting ready… one moment."))
        self.waiting_bar.setAccessibleName(self.tr("Getting ready"))
        self.language.retranslate()
        self.language.set_language(self.ctx.language)
        self._update_step()

    # ---------------------------------------------------------------------------------------- content
    def refresh(self) -> None:
        store = self.ctx.store
        learners = store.people.list_learners()
        self.classes = store.people.list_classes()
        names = {school_class.id: school_class.name for school_class in self.classes}
        self.learners = {learner.id: learner for learner in learners}
        self.by_class = len(learners) > CLASS_STEP_ABOVE and any(lr.class_id in names for lr in learners)
        cards = []
        counts: dict[str, int] = {}
        fields = {kind: detail_fields(kind) for kind in {type(learner) for learner in learners}}
        for learner in learners:
            group = learner.class_id if learner.class_id in names else NO_CLASS
            counts[group] = counts.get(group, 0) + 1
            cards.append(
                Card.make(
                    learner.id,
                    learner.display_name,
                    learner_detail(learner, fields[type(learner)]),
                    picture=learner.avatar_id,
                    group=group,
                )
            )
        self.learner_view.show_details(1 if any(card.detail for card in cards) else 0)
        self.learner_cards.set_cards(cards)
        class_cards = [
            Card.make(cid, name, self._count_text(counts[cid]), icon="book")
            for cid, name in sorted(names.items(), key=lambda item: natural_key(item[1]))
            if counts.get(cid)
        ]
        if counts.get(NO_CLASS) and class_cards:
            class_cards.append(
                Card.make(NO_CLASS, self.tr("No class"), self._count_text(counts[NO_CLASS]), icon="book")
            )
        self.class_cards.set_cards(class_cards)
        if self.by_class:
            # The class cards are shown first: draw the learners' pictures once the window is idle, so
            # the first letter typed does not wait for them.
            pictures = {learner.avatar_id for learner in learners}
            QTimer.singleShot(0, lambda: [images.avatar_pixmap(avatar, AVATAR_SIZE) for avatar in pictures])
        if not self.by_class or (self.chosen_class is not None and not counts.get(self.chosen_class)):
            self.chosen_class = None
        self.retranslate()
        self._apply_filter(self.filter.text())

    def _count_text(self, count: int) -> str:
        return self.tr("%n learner(s)", "", count)

    def focus_start(self) -> None:
        self.filter.setFocus()

    def shown_learners(self) -> list[Learner]:
        """The learners whose cards are shown now (none while the classes are shown)."""
        if self.views.currentWidget() is not self.learner_view:
            return []
        return [self.learners[card.key] for card in self.learner_cards.shown()]

    def shown_classes(self) -> list[str]:
        """The names on the class cards shown now (none while learners are shown)."""
        if self.views.currentWidget() is not self.class_view:
            return []
        return [card.title for card in self.class_cards.shown()]

    # ----------------------------------------------------------------------------------------- steps
    def choose_class(self, class_id: str) -> None:
        """Show the learners of one class (the second step)."""
        self.chosen_class = class_id
        self._apply_filter(self.filter.text())
        self.learner_view.focus_first()

    def show_classes(self) -> None:
        """Back to the class cards (the first step)."""
        self.chosen_class = None
        self.filter.clear()
        self._apply_filter("")
        self.class_view.focus_first()

    def _apply_filter(self, text: str) -> None:
        typed = bool(text.strip())
        classes_first = self.by_class and self.chosen_class is None and not typed
        self.learner_cards.set_group(self.chosen_class if self.by_class else None)
        self.learner_cards.set_filter(text)
        self.views.setCurrentWidget(self.class_view if classes_first else self.learner_view)
        self._update_step()

    def _update_step(self) -> None:
        on_classes = self.views.currentWidget() is self.class_view
        self.classes_button.setVisible(self.by_class and self.chosen_class is not None)
        if not self.by_class:
            self.step.setVisible(False)
        else:
            self.step.setVisible(True)
            if on_classes:
                self.step.setText(self.tr("Choose your class, then your name."))
            else:
                name = next((c.title for c in self.class_cards.all_cards() if c.key == self.chosen_class), "")
                self.step.setText(
                    self.tr("{class_name}: find your name.").format(class_name=name)
                    if name
                    else self.tr("Every class: find your name.")
                )
        if not self.learners:
            self.empty.setText(self.tr("No one is here yet. Press “I'm new” to start."))
            self.empty.setVisible(True)
        elif not on_classes and not self.learner_cards.rowCount():
            self.empty.setText(self.tr("No name matches. Check the spelling, or press “I'm new”."))
            self.empty.setVisible(True)
        else:
            self.empty.setVisible(False)

    def _choose_single_match(self) -> None:
        view = self.views.currentWidget()
        if not isinstance(view, CardView):
            return
        shown = view.cards.shown()
        if len(shown) == 1:
            view.chosen.emit(shown[0].key)
        elif shown:
            view.focus_first()

    # ----------------------------------------------------------------------------------- getting ready
    def show_getting_ready(self, waiting: bool) -> None:
        """While the progress data is still opening after a tap: say so (the tap is kept, not lost)."""
        self.waiting.setVisible(waiting)
        self.views.setEnabled(not waiting)

    def _language_chosen(self, code: str) -> None:
        self.ctx.set_language(code)
