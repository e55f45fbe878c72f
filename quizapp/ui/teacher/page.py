"""What every teacher page shares: access to the area's services and safe running of actions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from quizapp.services.learner_names import display_detail, display_label
from quizapp.services.records import StoreError
from quizapp.services.teacher.exports import save_results_csv
from quizapp.services.teacher.reports import AnswerWords
from quizapp.ui.plaintext import fill_args, plain_label
from quizapp.ui.teacher.widgets import MIN_TARGET, AdaptiveForm, FlowLayout, MessagePanel, heading, note, tr

if TYPE_CHECKING:
    from quizapp.content.text import LText
    from quizapp.services.library import CataloguePack, PackLibrary
    from quizapp.services.records import Learner, Store
    from quizapp.ui.context import AppContext
    from quizapp.ui.teacher.area import TeacherArea
    from quizapp.ui.teacher.results_page import DateFilter

T = TypeVar("T")

NO_CLASS = "__none__"  # the combo data for "learners in no class"
ALL = "__all__"


@dataclass(slots=True)
class SharedFilters:
    """The class and dates chosen on the results page or the print page: the other page starts with them,
    so a report printed after looking at the grid is the grid the teacher looked at."""

    class_key: object = None
    since: date | None = None
    until: date | None = None  # included


class Page(QWidget):
    """A teacher page: a title, a short explanation and its content, with a message panel."""

    def __init__(self, area: TeacherArea, title: str, intro: str = "") -> None:
        super().__init__()
        self.setObjectName("page")
        self.area = area
        self.ctx: AppContext = area.ctx
        self.dialogs = area.dialogs
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(8, 4, 8, 12)
        self.layout_.setSpacing(14)
        self.title_label = heading(title)
        self.layout_.addWidget(self.title_label)
        if intro:
            self.layout_.addWidget(note(intro))
        self.message = MessagePanel()
        self.layout_.addWidget(self.message)
        self.forms: list[QFormLayout] = []

    def form(self) -> QFormLayout:
        """A form whose labels go above their fields when they need the room (see :class:`AdaptiveForm`)."""
        form = AdaptiveForm()
        self.forms.append(form)
        return form

    @property
    def store(self) -> Store:
        return self.ctx.store

    @property
    def library(self) -> PackLibrary:
        return self.ctx.library

    def refresh(self) -> None:
        """Read the data again (called whenever the page is shown)."""

    def run_safely(self, action: Callable[[], T]) -> T | None:
        """Run an action; a problem becomes a readable message, never a traceback."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return action()
        except StoreError as exc:
            self.message.show_problem(str(exc))
        except OSError as exc:
            self.message.show_problem(
                fill_args(tr("The file could not be used: %1"), exc.strerror or str(exc))
            )
        except ValueError as exc:
            self.message.show_problem(str(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
        return None

    def save_results_first(
        self,
        learners: list[Learner],
        title: str,
        suggested: str,
        *,
        not_saved: str,
        failed: str,
        path: Path | None = None,
    ) -> Path | None:
        """Before answers are cleared: save ``learners``' results to a CSV the teacher chooses (``path``
        when given). Returns the file, or None when nothing was saved: the page then shows ``not_saved``
        (no file chosen) or ``failed`` (it could not be written), and the caller must stop."""
        path = path or self.dialogs.save_file(self, title, suggested, tr("CSV files (*.csv)"))
        if path is None:
            self.message.show_info(not_saved)
            return None
        saved = self.run_safely(
            lambda: save_results_csv(
                path, self.store, self.packs(), learners, language=self.ctx.language, words=self.words()
            )
        )
        if saved is None or not Path(path).is_file():
            self.message.show_problem(failed)
            return None
        return path

    # --------------------------------------------------------------------------------------- helpers
    def class_combo(
        self, *, include_all: bool, include_none: bool = False, accessible: str = ""
    ) -> QComboBox:
        combo = QComboBox()
        combo.setMinimumHeight(MIN_TARGET)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)  # a long class name is shown whole in the open list
        combo.setAccessibleName(accessible or tr("Class"))
        combo.setProperty("include_all", include_all)
        combo.setProperty("include_none", include_none)
        self.fill_class_combo(combo)
        return combo

    def fill_class_combo(self, combo: QComboBox) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        if combo.property("include_all"):
            combo.addItem(tr("All classes"), ALL)
        for school_class in self.store.people.list_classes():
            combo.addItem(school_class.name, school_class.id)
        if combo.property("include_none"):
            combo.addItem(tr("Learners in no class"), NO_CLASS)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def remember_filters(self, combo: QComboBox, dates: DateFilter) -> None:
        """Keep this page's class and dates for the other pages that filter results."""
        shared = self.area.shared_filters
        shared.class_key = combo.currentData()
        since, until = dates.since(), dates.until()
        shared.since = since.date() if since else None
        shared.until = (until - timedelta(days=1)).date() if until else None

    def apply_filters(self, combo: QComboBox, dates: DateFilter) -> None:
        """Choose the class and dates last chosen on another results page (without signals)."""
        shared = self.area.shared_filters
        widgets = [combo, dates.use_from, dates.use_until, dates.from_edit, dates.until_edit]
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if shared.class_key is not None:
                index = combo.findData(shared.class_key)
                if index >= 0:
                    combo.setCurrentIndex(index)
            dates.set_range(shared.since, shared.until)
            dates.from_edit.setEnabled(dates.use_from.isChecked())
            dates.until_edit.setEnabled(dates.use_until.isChecked())
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    @staticmethod
    def labelled(text: str, field: QWidget) -> QWidget:
        """``text`` before ``field`` (its buddy, so the label's shortcut and screen readers find it)."""
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        label = plain_label(text)
        label.setBuddy(field)
        layout.addWidget(label)
        layout.addWidget(field, 1)
        return box

    def filter_bar(self, *parts: QWidget) -> FlowLayout:
        """Choices above a page's content (class, dates) on one line, or on more when they need it."""
        bar = FlowLayout(spacing=12, fill=True)
        for part in parts:
            bar.addWidget(part)
        return bar

    @staticmethod
    def class_id_of(combo: QComboBox) -> str | None:
        """The class chosen: an id, or None for "all classes" / "no class" (see ``combo.currentData()``)."""
        data = combo.currentData()
        return None if data in (ALL, NO_CLASS, None) else str(data)

    def class_name(self, class_id: str | None) -> str:
        if class_id is None:
            return tr("All classes")
        try:
            return str(self.store.people.get_class(class_id).name)
        except StoreError:
            return class_id

    def learner_name(self, learner_id: str) -> str | None:
        """The name of a learner of this computer, None when there is none with that id."""
        try:
            return str(self.store.people.get_learner(learner_id).display_name)
        except StoreError:
            return None

    def learner_label(self, learner_id: str) -> str | None:
        """A learner's name with their father's name and roll number when known (None: no such learner)."""
        try:
            return display_label(self.store.people.get_learner(learner_id))
        except StoreError:
            return None

    def learner_detail(self, learner_id: str) -> str:
        """A learner's father's name and roll number ("" when unknown or no such learner)."""
        try:
            return display_detail(self.store.people.get_learner(learner_id))
        except StoreError:
            return ""

    def packs(self) -> list[CataloguePack]:
        """The usable packs as the catalogue keeps them: titles and counts from its cache, a module read
        only when its questions are needed (so a page does not grow with the size of the packs)."""
        return self.library.catalogue

    def text(self, value: LText | None, default_language: str = "en") -> str:
        return str(self.ctx.text(value, default_language))

    def words(self) -> AnswerWords:
        return AnswerWords(true=tr("True"), false=tr("False"), nothing=tr("(no answer)"))
