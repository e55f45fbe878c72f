"""The preview of a class register before anything is added: the file's rows in a table with a drop-down
above each column (name, father's name, roll number, class, age band, or not used), and a line saying what
will be added. The guess comes from ``services.teacher.class_list``; the teacher can change it, and the
"Add" button is the only thing that writes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from quizapp.services.teacher.class_list import FIELDS, Entries, Field, Register, register_entries
from quizapp.ui.teacher.widgets import MIN_TARGET, button, fill_args, line_room, note, tr, wrapping_label

PREVIEW_ROWS = 200  # rows shown (all are added); a class list is shorter


def field_names() -> dict[Field, str]:
    return {
        "name": tr("Name"),
        "father_name": tr("Father's name"),
        "roll_number": tr("Roll number"),
        "class_name": tr("Class"),
        "age_band": tr("Age group"),
    }


def reason_words() -> dict[str, str]:
    return {
        "no_name": tr("no name"),
        "too_long": tr("longer than 60 letters"),
        "repeated": tr("listed twice"),
        "bad_age": tr("the age is not a number or age group; added without one"),
    }


class RegisterPreview(QDialog):
    """Shows a register and the mapping; ``mapping()`` is what the teacher confirmed."""

    def __init__(self, register: Register, class_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerPreview")
        self.setWindowTitle(tr("Check the class list before adding it"))
        self.register = register
        self.class_name = class_name
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)
        intro = tr(
            "Choose what each column holds. Nothing is added until you press 'Add'. Learners without a "
            "class column go into %1."
        )
        layout.addWidget(note(fill_args(intro, class_name)))
        if register.skipped_above:
            layout.addWidget(
                note(
                    tr("%n title row(s) above the column names are not learners.", "", register.skipped_above)
                )
            )
        width = max(register.width, 1)
        rows = register.rows[:PREVIEW_ROWS]
        self.table = QTableWidget(len(rows) + 1, width)
        self.table.setAccessibleName(tr("The class list as read from the file"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(line_room(self.table, 1, air=6))  # Nastaliq too
        self.table.setHorizontalHeaderLabels(
            [
                register.header[i] if i < len(register.header) and register.header[i] else str(i + 1)
                for i in range(width)
            ]
        )
        self.table.setVerticalHeaderLabels(
            [tr("Holds")] + [str(register.first_line + i) for i in range(len(rows))]
        )
        self.combos: list[QComboBox] = []
        names = field_names()
        for column in range(width):
            combo = QComboBox()
            combo.setAccessibleName(fill_args(tr("What column %1 holds"), str(column + 1)))
            combo.addItem(tr("(not used)"), "")
            for f in FIELDS:
                combo.addItem(names[f], f)
            combo.setCurrentIndex(max(combo.findData(register.mapping.get(column, "")), 0))
            combo.currentIndexChanged.connect(lambda _=0, c=column: self._changed(c))
            self.table.setCellWidget(0, column, combo)
            self.combos.append(combo)
        self.table.setRowHeight(0, max(MIN_TARGET, combo.sizeHint().height()))
        for r, cells in enumerate(rows, 1):
            for c, text in enumerate(cells[:width]):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.summary = wrapping_label()
        self.summary.setAccessibleName(tr("What will be added"))
        layout.addWidget(self.summary)
        buttons = QHBoxLayout()
        self.add_button: QPushButton = button(tr("Add"), primary=True)
        self.add_button.clicked.connect(self.accept)
        self.cancel_button: QPushButton = button(tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setDefault(True)  # Enter never adds forty learners by accident
        buttons.addStretch(1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        layout.addLayout(buttons)
        self.resize(960, 560)
        self._update()

    def mapping(self) -> dict[int, Field]:
        found: dict[int, Field] = {}
        for column, combo in enumerate(self.combos):
            data = combo.currentData()
            if data:
                found[column] = data
        return found

    def entries(self) -> Entries:
        return register_entries(self.register, self.mapping())

    def _changed(self, column: int) -> None:
        """One field per column: choosing a field for this column frees it from the column that had it."""
        chosen = self.combos[column].currentData()
        if chosen:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update()

    def _update(self) -> None:
        if "name" not in self.mapping().values():
            self.summary.setText(tr("Choose the column that holds the learners' names."))
            self.add_button.setEnabled(False)
            self.add_button.setText(tr("Add"))
            return
        entries = self.entries()
        words = reason_words()
        lines = [tr("%n learner(s) will be added.", "", len(entries.entries))]
        for line, text, reason in entries.skipped[:8]:
            lines.append(
                fill_args(tr("Line %1: '%2' left out (%3)."), str(line), text, words.get(reason, reason))
            )
        if len(entries.skipped) > 8:
            lines.append(tr("%n more line(s) left out.", "", len(entries.skipped) - 8))
        self.summary.setText("\n".join(lines))
        self.add_button.setEnabled(bool(entries.entries))
        self.add_button.setText(tr("Add %n learner(s)", "", len(entries.entries)))
        self.add_button.setAutoDefault(False)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignLeading)
