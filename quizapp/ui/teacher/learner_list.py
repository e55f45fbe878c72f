"""The teacher's list of learners (a class, or everyone in no class): a model and a view, not an item
widget per learner, so a school's roster of thousands lists at once.

Rows are drawn by Qt's own item delegate from the model (picture, name, "archived"); each picture is made
once per avatar, not once per learner. Several learners can be chosen (Ctrl/Shift, or the keyboard);
an empty list shows one line saying why, which cannot be chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from quizapp.paths import assets_dir
from quizapp.ui.teacher.widgets import line_room

ModelIndex = QModelIndex | QPersistentModelIndex
ROLE_ID = Qt.ItemDataRole.UserRole
LEARNER_ICON = 40  # px: a learner's picture in the list


@dataclass(frozen=True, slots=True)
class LearnerRow:
    """One row: ``key`` is the learner's id (empty for the "nobody here" line)."""

    key: str
    label: str
    avatar_id: str = ""


class LearnerRowsModel(QAbstractListModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LearnerRow] = []
        self.row_height = LEARNER_ICON + 8
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: Sequence[LearnerRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def _icon(self, avatar_id: str) -> QIcon | None:
        if not avatar_id:
            return None
        icon = self._icons.get(avatar_id)
        if icon is None:
            path: Path = assets_dir() / "avatars" / f"{avatar_id}.svg"
            icon = QIcon(str(path)) if path.is_file() else QIcon()
            self._icons[avatar_id] = icon
        return icon if not icon.isNull() else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.label
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row.avatar_id)
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(0, self.row_height)
        if role == ROLE_ID:
            return row.key or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid() or not self.rows[index.row()].key:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


class LearnerListView(QListView):
    """Learners with their pictures; several can be chosen at once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = LearnerRowsModel(self)
        self.setModel(self.rows)
        self.setIconSize(QSize(LEARNER_ICON, LEARNER_ICON))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)

    def set_rows(self, rows: Sequence[LearnerRow]) -> None:
        self.rows.row_height = max(LEARNER_ICON + 8, line_room(self))
        self.rows.set_rows(rows)

    def count(self) -> int:
        return self.rows.rowCount()

    def learner_ids(self) -> list[str]:
        """The learners listed (not the "nobody here" line), in order."""
        return [row.key for row in self.rows.rows if row.key]

    def selected_ids(self) -> list[str]:
        """The learners chosen, in list order."""
        rows = sorted(index.row() for index in self.selectionModel().selectedIndexes())
        return [self.rows.rows[row].key for row in rows if self.rows.rows[row].key]
