"""Classes and learners: create, rename, archive; add learners one by one or from a file; move; remove
(only after their results are saved); print a class list with each child's picture."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from quizapp.paths import assets_dir
from quizapp.services.learner_names import display_detail, shared_names
from quizapp.services.records import StoreError
from quizapp.services.teacher.class_list import read_register
from quizapp.services.teacher.roster import AddedNames, add_entries, add_learners
from quizapp.ui.plaintext import fill_args
from quizapp.ui.teacher.learner_list import LearnerListView, LearnerRow
from quizapp.ui.teacher.page import NO_CLASS, Page
from quizapp.ui.teacher.widgets import (
    MIN_TARGET,
    Card,
    MessagePanel,
    WrappingCheckBox,
    button,
    flow,
    line_room,
    note,
    safe_file_name,
    tr,
)

if TYPE_CHECKING:
    from quizapp.services.records import Learner
    from quizapp.ui.teacher.area import TeacherArea

ROLE_ID = Qt.ItemDataRole.UserRole
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"


def avatar_path(avatar_id: str) -> Path | None:
    if not avatar_id:
        return None
    path = assets_dir() / "avatars" / f"{avatar_id}.svg"
    return path if path.is_file() else None


def avatar_ids() -> list[str]:
    folder = assets_dir() / "avatars"
    return sorted(p.stem for p in folder.glob("*.svg")) if folder.is_dir() else []


def avatar_image(avatar_id: str, size: int) -> QImage | None:
    path = avatar_path(avatar_id)
    if path is None:
        return None
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        return None
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


class ClassesPage(Page):
    def __init__(self, area: TeacherArea) -> None:
        super().__init__(
            area,
            tr("Classes and learners"),
            tr("Choose a class, then add its learners."),
        )
        self.show_archived = WrappingCheckBox(tr("Show archived classes and learners"))
        self.show_archived.setAccessibleName(tr("Show archived classes and learners"))
        self.show_archived.setMinimumHeight(MIN_TARGET)
        self.show_archived.toggled.connect(lambda _: self.refresh())
        self.layout_.addWidget(self.show_archived)
        self.columns = columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(14)

        # classes
        classes_card = Card(tr("Classes"))
        self.class_list = QListWidget()
        self.class_list.setAccessibleName(tr("Classes"))
        self.class_list.setMinimumWidth(200)
        self.class_list.setSpacing(2)
        self.class_list.currentItemChanged.connect(lambda *_: self._show_learners())
        self.new_class_button = button(tr("New class…"), primary=True)
        self.new_class_button.clicked.connect(self.new_class)
        self.rename_class_button = button(tr("Rename…"))
        self.rename_class_button.setAccessibleName(tr("Rename the class"))
        self.rename_class_button.clicked.connect(self.rename_class)
        self.archive_class_button = button(tr("Archive"))
        self.archive_class_button.setAccessibleName(tr("Archive the class or bring it back"))
        self.archive_class_button.clicked.connect(self.toggle_archive_class)
        classes_card.body.addLayout(flow(self.new_class_button, fill=True))
        self.class_message = MessagePanel()  # next to the class list, where the teacher is looking
        classes_card.body.addWidget(self.class_message)
        classes_card.body.addWidget(self.class_list, 1)  # "New class…" above the list: seen on first use
        classes_card.body.addLayout(flow(self.rename_class_button, self.archive_class_button, fill=True))
        self.classes_card = classes_card
        columns.addWidget(classes_card, 2)

        # learners
        learners_card = Card(tr("Learners"))
        self.learners_title = learners_card.findChild(QWidget, "teacherSubheading")
        add_row = QHBoxLayout()
        self.name_field = QLineEdit()
        self.name_field.setPlaceholderText(tr("Name or nickname"))
        self.name_field.setAccessibleName(tr("Name of the new learner"))
        self.name_field.setMaxLength(60)
        self.name_field.returnPressed.connect(self.add_learner)
        add_row.addWidget(self.name_field, 1)
        self.add_button = button(tr("Add learner"), primary=True)
        self.add_button.clicked.connect(self.add_learner)
        add_row.addWidget(self.add_button)
        learners_card.body.addLayout(add_row)
        self.father_field = QLineEdit()
        self.father_field.setPlaceholderText(tr("Father's name (optional)"))
        self.father_field.setAccessibleName(tr("Father's name of the new learner"))
        self.father_field.setMaxLength(60)
        self.father_field.returnPressed.connect(self.add_learner)
        self.roll_field = QLineEdit()
        self.roll_field.setPlaceholderText(tr("Roll number (optional)"))
        self.roll_field.setAccessibleName(tr("Roll number of the new learner"))
        self.roll_field.setMaxLength(20)
        self.roll_field.returnPressed.connect(self.add_learner)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.father_field, 3)
        detail_row.addWidget(self.roll_field, 2)
        learners_card.body.addLayout(detail_row)
        self.learner_message = MessagePanel()  # what adding or importing did, under the fields used
        learners_card.body.addWidget(self.learner_message)
        self.learner_list = LearnerListView()
        self.learner_list.setAccessibleName(tr("Learners of the class"))
        self.learner_list.setMinimumHeight(180)
        learners_card.body.addWidget(self.learner_list, 1)
        self.import_button = button(tr("Add from a class register (CSV, Excel)…"))
        self.import_button.clicked.connect(self.import_names)
        self.roster_button = button(tr("Import a class list file…"))
        self.roster_button.clicked.connect(self.import_roster)
        self.roster_export_button = button(tr("Save a class list file…"))
        self.roster_export_button.setAccessibleName(tr("Save the class list file for the other computers"))
        self.roster_export_button.clicked.connect(lambda: self.export_roster())
        self.rename_button = button(tr("Rename…"))
        self.rename_button.setAccessibleName(tr("Rename the learner"))
        self.rename_button.clicked.connect(self.rename_learner)
        self.move_button = button(tr("Move to class…"))
        self.move_button.clicked.connect(self.move_learners)
        self.archive_button = button(tr("Archive"))
        self.archive_button.setAccessibleName(tr("Archive the learner or bring them back"))
        self.archive_button.clicked.connect(self.toggle_archive_learners)
        self.remove_button = button(tr("Remove…"), danger=True)
        self.remove_button.setAccessibleName(tr("Remove the learner"))
        self.remove_button.clicked.connect(self.remove_learners)
        self.print_button = button(tr("Class list with pictures (PDF)…"))
        self.print_button.clicked.connect(self.save_roster_pdf)
        actions = flow(
            self.rename_button,
            self.move_button,
            self.archive_button,
            self.remove_button,
            self.import_button,
            self.roster_button,
            self.roster_export_button,
            self.print_button,
            fill=True,
            spacing=8,
        )
        learners_card.body.addLayout(actions)
        learners_card.body.addWidget(
            note(tr("Archived learners keep their results but are hidden from the learner picker."))
        )
        self.learners_card = learners_card
        columns.addWidget(learners_card, 3)
        self.layout_.addLayout(columns, 1)
        self._arrange_columns()

    # ------------------------------------------------------------------------------------------ layout
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_columns()

    def _arrange_columns(self) -> None:
        """Classes beside learners when both fit (longer words, a narrow window: one above the other).

        The page's own minimum width is that of the wider card, so the scroll area gives it the window's
        width and this choice is made on it."""
        cards = (self.classes_card, self.learners_card)
        margins = self.layout_.contentsMargins()
        sides = margins.left() + margins.right()
        self.setMinimumWidth(max(card.minimumSizeHint().width() for card in cards) + sides)
        beside = sum(card.minimumSizeHint().width() for card in cards) + self.columns.spacing() + sides
        side_by_side = self.width() >= beside
        direction = QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        self.classes_card.setMaximumWidth(340 if side_by_side else QWIDGETSIZE_MAX)

    # ---------------------------------------------------------------------------------------- reading
    def refresh(self) -> None:
        current = self.current_class_key()
        self.class_list.blockSignals(True)
        self.class_list.clear()
        include_archived = self.show_archived.isChecked()
        # once: one query per class is slow with a school's classes
        learners = self.store.people.list_learners()
        counts: dict[str | None, int] = {}
        for learner in learners:
            counts[learner.class_id] = counts.get(learner.class_id, 0) + 1
        for school_class in self.store.people.list_classes(include_archived=include_archived):
            count = counts.get(school_class.id, 0)
            label = fill_args(tr("%1 (%n learner(s))", "", count), school_class.name)
            if school_class.archived:
                label = fill_args(tr("%1 — archived"), label)
            item = QListWidgetItem(label)
            item.setData(ROLE_ID, school_class.id)
            item.setSizeHint(QSize(0, line_room(self.class_list)))
            self.class_list.addItem(item)
        loose = counts.get(None, 0)
        if loose:
            item = QListWidgetItem(tr("Learners in no class (%n)", "", loose))
            item.setData(ROLE_ID, NO_CLASS)
            item.setSizeHint(QSize(0, line_room(self.class_list)))
            self.class_list.addItem(item)
        self.class_list.blockSignals(False)
        self.select_class(current)
        self._show_learners()

    def select_class(self, key: str | None) -> None:
        for row in range(self.class_list.count()):
            if self.class_list.item(row).data(ROLE_ID) == key:
                self.class_list.setCurrentRow(row)
                return
        if self.class_list.count():
            self.class_list.setCurrentRow(0)

    def current_class_key(self) -> str | None:
        item = self.class_list.currentItem()
        if item is None:
            return None
        data = item.data(ROLE_ID)
        return None if data is None else str(data)

    def current_class_id(self) -> str | None:
        key = self.current_class_key()
        return None if key in (None, NO_CLASS) else key

    def _learners_of_current(self, include_archived: bool) -> list[Learner]:
        key = self.current_class_key()
        if key is None:
            return []
        if key == NO_CLASS:
            return [
                lr
                for lr in self.store.people.list_learners(include_archived=include_archived)
                if lr.class_id is None
            ]
        return self.store.people.list_learners(key, include_archived=include_archived)

    def _show_learners(self) -> None:
        key = self.current_class_key()
        has_class = key is not None and key != NO_CLASS
        for widget in (self.rename_class_button, self.archive_class_button):
            widget.setEnabled(has_class)
        if key is not None and key != NO_CLASS:
            archived = self.store.people.get_class(key).archived
            self.archive_class_button.setText(tr("Bring back") if archived else tr("Archive"))
        self.add_button.setEnabled(key is not None)
        self.name_field.setEnabled(key is not None)
        self.import_button.setEnabled(key is not None)
        self.roster_export_button.setEnabled(has_class)
        shown = self._learners_of_current(self.show_archived.isChecked())
        shared = shared_names(shown)
        rows = []
        for learner in shown:
            label = learner.display_name
            detail = display_detail(learner)
            if detail and learner.id in shared:
                label = f"{label} ({detail})"
            if learner.archived:
                label = fill_args(tr("%1 — archived"), label)
            rows.append(LearnerRow(learner.id, label, learner.avatar_id))
        if not rows:
            if key is None:
                rows = [LearnerRow("", tr("No classes yet: make one with 'New class…'."))]
            else:
                rows = [LearnerRow("", tr("No learners here yet."))]
        self.learner_list.set_rows(rows)

    def selected_learner_ids(self) -> list[str]:
        return self.learner_list.selected_ids()

    def _changed(self) -> None:
        self.refresh()
        self.area.notify_content_changed()

    # ---------------------------------------------------------------------------------------- classes
    def new_class(self, name: str | None = None) -> None:
        name = name or self.dialogs.ask_text(
            self, tr("New class"), tr("Name of the class (for example 'Class 6 Blue'):")
        )
        if not name:
            return
        created = self.run_safely(lambda: self.store.people.create_class(name))
        if created is not None:
            self.refresh()
            self.select_class(created.id)
            self.class_message.show_ok(
                fill_args(tr("The class '%1' was made. Now add its learners."), created.name)
            )
            self.area.notify_content_changed()

    def rename_class(self) -> None:
        class_id = self.current_class_id()
        if class_id is None:
            return
        old = self.store.people.get_class(class_id)
        name = self.dialogs.ask_text(self, tr("Rename the class"), tr("New name of the class:"), old.name)
        if name and self.run_safely(lambda: self.store.people.rename_class(class_id, name)) is not None:
            self._changed()

    def toggle_archive_class(self) -> None:
        class_id = self.current_class_id()
        if class_id is None:
            return
        school_class = self.store.people.get_class(class_id)
        if not school_class.archived and not self.dialogs.confirm(
            self,
            tr("Archive the class"),
            fill_args(
                tr(
                    "Archive '%1'? Its learners keep their results; the class is hidden until you bring it back."  # noqa: E501
                ),
                school_class.name,
            ),
            tr("Archive"),
        ):
            return
        if (
            self.run_safely(lambda: self.store.people.archive_class(class_id, not school_class.archived))
            is not None
        ):
            if not school_class.archived:
                self.show_archived.setChecked(True)
            self._changed()

    # ---------------------------------------------------------------------------------------- learners
    def add_learner(self) -> None:
        name = " ".join(self.name_field.text().split())
        if not name:
            self.learner_message.show_problem(tr("Type the learner's name first."))
            return
        key = self.current_class_key()
        if key is None:
            self.learner_message.show_problem(tr("Make a class first with 'New class…'."))
            return
        class_id = None if key == NO_CLASS else key
        result = self.run_safely(
            lambda: add_learners(
                self.store,
                [name],
                class_id=class_id,
                language=self.store.settings.default_language,
                avatars=avatar_ids(),
                father_name=self.father_field.text(),
                roll_number=self.roll_field.text(),
            )
        )
        if result is None:
            return
        if result.already_there:
            text = fill_args(tr("'%1' is already in this class."), name)
            if result.needs_detail:
                text += " " + tr(
                    "If this is another child of the same name, type the father's name or roll number too."
                )
            self.learner_message.show_problem(text)
            self.father_field.setFocus()
            return
        self.name_field.clear()
        self.father_field.clear()
        self.roll_field.clear()
        self.learner_message.show_ok(fill_args(tr("'%1' was added."), name))
        self._changed()
        self.name_field.setFocus()

    def import_names(self, path: Path | None = None) -> None:
        """Read a class register (CSV in any encoding, Excel's Unicode Text, .xlsx), show it with the
        columns mapped, and add its learners only when the teacher confirms."""
        from quizapp.services.teacher.class_list import RegisterError
        from quizapp.ui.teacher.register_preview import RegisterPreview, reason_words

        key = self.current_class_key()
        if key is None:
            self.learner_message.show_problem(tr("Make a class first with 'New class…'."))
            return
        path = path or self.dialogs.open_file(
            self,
            tr("Add from a class register"),
            tr("Class registers (*.csv *.txt *.tsv *.xlsx);;All files (*)"),
        )
        if path is None:
            return
        try:
            register = read_register(path)
        except RegisterError as exc:
            self.learner_message.show_problem(str(exc))
            return
        class_id = None if key == NO_CLASS else key
        class_name = (
            tr("Learners in no class") if class_id is None else self.store.people.get_class(class_id).name
        )
        preview = RegisterPreview(register, class_name, self)
        if not self.dialogs.run_dialog(preview):
            self.learner_message.show_info(tr("Nothing was added."))
            return
        entries = preview.entries()
        result = self.run_safely(
            lambda: add_entries(
                self.store,
                entries.entries,
                class_id=class_id,
                language=self.store.settings.default_language,
                avatars=avatar_ids(),
            )
        )
        if result is None:
            return
        words = reason_words()
        notes = self._added_notes(result)
        notes += [
            fill_args(
                tr("%1, line %2: '%3' was left out (%4)"),
                path.name,
                str(line),
                text,
                words.get(reason, reason),
            )
            for line, text, reason in entries.skipped
        ]
        if notes:
            self.learner_message.show_info(tr("%n learner(s) added.", "", len(result.added)), notes)
        else:
            self.learner_message.show_ok(tr("%n learner(s) added.", "", len(result.added)))
        self._changed()

    @staticmethod
    def _added_notes(result: AddedNames) -> list[str]:
        notes = [fill_args(tr("New class: %1"), n) for n in result.new_classes]
        notes += [fill_args(tr("Already in the class: %1"), n) for n in result.already_there]
        return notes

    def import_roster(self, path: Path | None = None) -> None:
        from quizapp.services.transfer import import_roster
        from quizapp.ui.teacher.merge_report import merge_lines

        path = path or self.dialogs.open_file(
            self,
            tr("Import a class list file"),
            tr("Class lists (*.zip *.json *.csv *.txt *.xlsx);;All files (*)"),
        )
        if path is None:
            return
        if path.suffix.lower() not in (".zip", ".json"):
            self.import_names(path)  # a school's register: previewed before anything is added
            return
        report = self.run_safely(lambda: import_roster(self.store, path))
        if report is not None:
            lines = merge_lines(report, path.name, self.learner_label, roster=True)
            self.learner_message.show_info(tr("The class list file was read."), lines)
            self._changed()

    def export_roster(self, path: Path | None = None) -> None:
        """Save the chosen class and its learners to a file that 'Import a class list file…' reads on
        the other lab computers (the same learners, with the same pictures, everywhere)."""
        from quizapp.services.transfer import export_roster

        class_id = self.current_class_id()
        if class_id is None:
            return
        class_name = self.store.people.get_class(class_id).name
        path = path or self.dialogs.save_file(
            self,
            tr("Save a class list file"),
            f"{safe_file_name(class_name)}-class-list.zip",
            tr("quizapp class lists (*.zip *.json);;Class list spreadsheet (*.csv);;All files (*)"),
        )
        if path is None:
            return
        if path.suffix.lower() == ".csv":  # roll number, name, father's name, class: for the school's files
            from quizapp.services.teacher.class_list import write_register_csv
            from quizapp.services.teacher.roster import register_rows

            rows = self.run_safely(lambda: register_rows(self.store, class_name))

            def write() -> bool:
                write_register_csv(path, rows or [])
                return True

            if rows is not None and self.run_safely(write):
                self.learner_message.show_ok(
                    fill_args(tr("The class list of %1 was saved to %2."), class_name, str(path))
                )
            return
        if self.run_safely(lambda: export_roster(self.store, path, class_name=class_name)) is not None:
            self.message.show_ok(
                fill_args(
                    tr("The class list of %1 was saved to %2. Import it on the other computers."),
                    class_name,
                    str(path),
                )
            )

    def rename_learner(self) -> None:
        ids = self.selected_learner_ids()
        if len(ids) != 1:
            self.message.show_problem(tr("Choose one learner in the list first."))
            return
        learner = self.store.people.get_learner(ids[0])
        name = self.dialogs.ask_text(
            self, tr("Rename the learner"), tr("New name or nickname:"), learner.display_name
        )
        if (
            name
            and self.run_safely(lambda: self.store.people.update_learner(learner.id, display_name=name))
            is not None
        ):
            self._changed()

    def move_learners(self, class_id: str | None = None) -> None:
        ids = self.selected_learner_ids()
        if not ids:
            self.message.show_problem(tr("Choose one or more learners in the list first."))
            return
        if class_id is None:
            classes = [c for c in self.store.people.list_classes() if c.id != self.current_class_id()]
            if not classes:
                self.message.show_problem(
                    tr("There is no other class to move to. Make one with 'New class…'.")
                )
                return
            choice = self.dialogs.choose_item(
                self, tr("Move to class"), tr("Move to which class?"), [c.name for c in classes]
            )
            if choice is None:
                return
            class_id = classes[choice].id
        target = class_id
        if self.run_safely(partial(self.store.people.move_learners, ids, target)) is None:
            return  # one transaction: nobody was moved
        self.message.show_ok(
            fill_args(
                tr("%n learner(s) moved to %1.", "", len(ids)), self.store.people.get_class(target).name
            )
        )
        self._changed()

    def toggle_archive_learners(self) -> None:
        ids = self.selected_learner_ids()
        if not ids:
            self.message.show_problem(tr("Choose one or more learners in the list first."))
            return
        flipped = {i: not self.store.people.get_learner(i).archived for i in ids}
        self.run_safely(partial(self.store.people.archive_learners, flipped))
        self._changed()

    def remove_learners(self) -> None:
        """Remove learners: first their results are saved to a file, then the teacher confirms."""
        ids = self.selected_learner_ids()
        if not ids:
            self.message.show_problem(tr("Choose one or more learners in the list first."))
            return
        learners = [self.store.people.get_learner(i) for i in ids]
        names = ", ".join(lr.display_name for lr in learners)
        suggested = (
            f"{safe_file_name(learners[0].display_name if len(learners) == 1 else 'learners')}-results.csv"
        )
        path = self.save_results_first(
            learners,
            tr("First, save their results"),
            suggested,
            not_saved=tr("Nothing was removed: their results must be saved first."),
            failed=tr("Nothing was removed: the results could not be saved."),
        )
        if path is None:
            return
        if not self.dialogs.confirm(
            self,
            tr("Remove learners"),
            fill_args(
                tr("Remove %1 and all their answers? Their results were saved to %2. This cannot be undone."),
                names,
                str(path),
            ),
            tr("Remove"),
        ):
            self.message.show_info(
                fill_args(tr("Nothing was removed. Their results were saved to %1."), str(path))
            )
            return
        try:
            self.store.people.delete_learners([learner.id for learner in learners])
        except StoreError as exc:  # one transaction: nobody was removed
            self.message.show_problem(str(exc))
            return
        self.message.show_ok(fill_args(tr("%1 removed. Their results are in %2."), names, str(path)))
        self._changed()

    def save_roster_pdf(self) -> None:
        from quizapp.ui.teacher.printing import html_drawer, roster_html, write_pdf

        key = self.current_class_key()
        if key is None:
            return
        learners = self._learners_of_current(False)
        class_name = tr("Learners in no class") if key == NO_CLASS else self.store.people.get_class(key).name
        path = self.dialogs.save_file(
            self,
            tr("Save the class list"),
            f"{safe_file_name(class_name)}-class-list.pdf",
            tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        images = {}
        pictures = {}
        for learner in learners:
            image = avatar_image(learner.avatar_id, 160)
            if image is not None:
                name = f"avatar-{learner.avatar_id}"
                images[name] = image
                pictures[learner.id] = name
        body = roster_html(
            school=self.store.settings.school_name,
            class_name=class_name,
            learners=learners,
            picture_names=pictures,
            language=self.ctx.language,
        )
        title = fill_args(tr("Class list: %1"), class_name)
        pages = self.run_safely(
            lambda: write_pdf(path, title, html_drawer(body, rtl=self.ctx.is_rtl, images=images))
        )
        if pages:
            self.message.show_ok(fill_args(tr("The class list was saved to %1."), str(path)))
