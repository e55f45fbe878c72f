"""Ordering: drag the steps, or move them with Up and Down."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QMouseEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.content.models import Ordering
from quizapp.services.grading import Grade
from quizapp.ui import images, theme
from quizapp.ui.questions.base import QuestionView, tr
from quizapp.ui.widgets import label

ORDER_MIME = "application/x-quizapp-order-row"


class OrderRow(QFrame):
    """One step of an ordering question: its place, its text, and Up / Down buttons."""

    move_requested = Signal(object, int)  # row, +1 / -1

    def __init__(self, item_index: int, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_index = item_index
        self.text = text
        self.setProperty("role", "card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setMinimumHeight(theme.MIN_TARGET + 20)
        self._press: QPoint | None = None
        self.locked = False
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 8, 10, 8)
        row.setSpacing(10)
        self.place = label("", "heading", wrap=False)
        self.place.setMinimumWidth(28)
        row.addWidget(self.place, 0, Qt.AlignmentFlag.AlignVCenter)
        self.text_label = label(text)
        row.addWidget(self.text_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self.status_icon = QLabel()
        self.status_icon.setVisible(False)
        row.addWidget(self.status_icon)
        self.up = QToolButton()
        self.up.setIcon(images.icon("up", 24))
        self.down = QToolButton()
        self.down.setIcon(images.icon("down", 24))
        for btn, step in ((self.up, -1), (self.down, 1)):
            btn.setFixedSize(theme.MIN_TARGET, theme.MIN_TARGET)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            btn.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            btn.clicked.connect(lambda _checked=False, s=step: self.move_requested.emit(self, s))
            row.addWidget(btn)
        for child in (self.place, self.text_label, self.status_icon):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.set_position(0, 1)

    def set_position(self, position: int, total: int) -> None:
        self.position = position
        self.place.setText(f"{position + 1}.")
        self.up.setEnabled(position > 0)
        self.down.setEnabled(position < total - 1)
        self.up.setAccessibleName(tr("Move up: {item}").format(item=self.text))
        self.down.setAccessibleName(tr("Move down: {item}").format(item=self.text))
        self.up.setToolTip(tr("Move up"))
        self.down.setToolTip(tr("Move down"))
        self.setAccessibleName(
            tr("Step {place} of {total}: {item}").format(place=position + 1, total=total, item=self.text)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers()
        moving = modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ControlModifier)
        if moving and not self.locked and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_requested.emit(self, -1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self.locked:
            self._press = event.position().toPoint()
            self.setFocus()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        mime = QMimeData()
        mime.setData(ORDER_MIME, QByteArray(str(self.item_index).encode()))
        drag.setMimeData(mime)
        snapshot: QPixmap = self.grab()
        drag.setPixmap(snapshot)
        drag.setHotSpot(event.position().toPoint())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._press = None
        super().mouseReleaseEvent(event)


class OrderList(QWidget):
    """The steps, top to bottom; accepts rows dropped on it."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(8)
        self.rows: list[OrderRow] = []

    def set_rows(self, rows: list[OrderRow]) -> None:
        self.rows = rows
        for row in rows:
            row.move_requested.connect(self._move_by)
        self._relayout()

    def order(self) -> list[int]:
        return [row.item_index for row in self.rows]

    def set_order(self, order: list[int]) -> None:
        by_index = {row.item_index: row for row in self.rows}
        if sorted(order) != sorted(by_index):
            return
        self.rows = [by_index[i] for i in order]
        self._relayout()

    def move_row(self, source: int, target: int) -> None:
        """Move the row at position ``source`` to position ``target``."""
        if source == target or not (0 <= source < len(self.rows)) or not (0 <= target < len(self.rows)):
            return
        row = self.rows.pop(source)
        self.rows.insert(target, row)
        self._relayout()
        row.setFocus()
        self.changed.emit()

    def _move_by(self, row: OrderRow, step: int) -> None:
        """Move a row one place; the focus stays where the learner was (the row, or the button used)."""
        if row not in self.rows:
            return
        from_button = QApplication.focusWidget() in (row.up, row.down)
        index = self.rows.index(row)
        self.move_row(index, index + step)
        if not from_button:
            row.setFocus()
            return
        pressed = row.up if step < 0 else row.down
        other = row.down if pressed is row.up else row.up
        target = pressed if pressed.isEnabled() else other if other.isEnabled() else row
        target.setFocus()

    def _relayout(self) -> None:
        for row in self.rows:
            self.column.removeWidget(row)
        total = len(self.rows)
        previous: QWidget | None = None
        for position, row in enumerate(self.rows):
            self.column.addWidget(row)
            row.set_position(position, total)
            for widget in (row, row.up, row.down):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget

    def drop_position(self, y: float) -> int:
        for position, row in enumerate(self.rows):
            if y < row.geometry().center().y():
                return position
        return max(0, len(self.rows) - 1)

    @property
    def locked(self) -> bool:
        return any(row.locked for row in self.rows)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(ORDER_MIME) and not self.locked:
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(ORDER_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if self.locked or not event.mimeData().hasFormat(ORDER_MIME):
            return
        data = event.mimeData().data(ORDER_MIME)
        try:
            item_index = int(bytes(data.data()).decode())
        except ValueError:
            return
        source = next((i for i, r in enumerate(self.rows) if r.item_index == item_index), None)
        if source is None:
            return
        target = self.drop_position(event.position().y())
        self.move_row(source, target)
        event.acceptProposedAction()


class OrderingView(QuestionView):
    def build(self) -> None:
        question = self.question
        assert isinstance(question, Ordering)
        self.box.addWidget(
            label(tr("Drag the steps into the right order, or use the Up and Down buttons."), "subtle")
        )
        if self.session is not None:
            start = self.session.ordering_start(question)
        else:
            start = list(range(len(question.items)))[::-1]
        self.list = OrderList()
        self.list.setObjectName("ordering")
        self.list.setAccessibleName(tr("Steps to put in order"))
        self.list.set_rows([OrderRow(i, self.t(question.items[i])) for i in start])
        self.list.changed.connect(self.answer_changed.emit)
        self.box.addWidget(self.list)

    def answer(self) -> Any | None:
        return self.list.order()

    def set_answer(self, answer: Any) -> None:
        if isinstance(answer, list):
            self.list.set_order([int(a) for a in answer])

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        for position, row in enumerate(self.list.rows):
            right = grade.parts[position] if position < len(grade.parts) else False
            row.locked = True
            row.up.setVisible(False)
            row.down.setVisible(False)
            row.setCursor(Qt.CursorShape.ArrowCursor)
            row.status_icon.setPixmap(images.icon_pixmap("correct" if right else "not-quite", 24))
            row.status_icon.setVisible(True)
            note = tr("in the right place") if right else tr("not in the right place")
            row.setAccessibleName(f"{row.accessibleName()}, {note}")
            row.status_icon.setToolTip(note)
            row.status_icon.setAccessibleName(note)

    def pick_number(self, number: int) -> bool:
        if self.locked or not 1 <= number <= len(self.list.rows):
            return False
        self.list.rows[number - 1].setFocus()
        return True

    def first_focus(self) -> QWidget | None:
        return self.list.rows[0] if self.list.rows else None

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, Ordering)
        return "  ".join(f"{n}. {self.t(item)}" for n, item in enumerate(question.items, 1))
