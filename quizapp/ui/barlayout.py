"""The layout of a header bar that stays whole in a narrow window.

A header holds a few leading widgets (a back button, a title, a child's picture and greeting) and the
controls that go at its far end (language, text size, contrast, progress). A plain row squeezes every one
of them once the window is narrower than the row: at 640 pixels in Urdu the buttons were drawn over one
another and their names cut ("E…h"). :class:`BarLayout` keeps one row while it fits; when it does not,
the controls move to a row of their own below (more rows if they need them), each control at its own size.
A title that may wrap (``stretch``) takes the room left in its row. Right to left, everything is mirrored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QStyle, QWidget, QWidgetItem


@dataclass
class _Slot:
    item: QLayoutItem
    trailing: bool
    stretch: bool


class BarLayout(QLayout):
    """Leading widgets at the start, trailing ones at the end; trailing ones wrap below when the row is
    too narrow for all of them (see the module's text)."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 12) -> None:
        super().__init__(parent)
        self._slots: list[_Slot] = []
        self.setSpacing(spacing)

    # ------------------------------------------------------------------------------- filling
    def add(self, widget: QWidget, *, trailing: bool = False, stretch: bool = False) -> None:
        """Add ``widget`` at the start (after the leading ones so far) or, ``trailing``, at the end; a
        ``stretch`` widget takes the room left in its row."""
        self.addChildWidget(widget)
        self._slots.append(_Slot(QWidgetItem(widget), trailing, stretch))
        self.invalidate()

    def addItem(self, item: QLayoutItem) -> None:  # Qt's own way in: a leading item
        self._slots.append(_Slot(item, False, False))
        self.invalidate()

    def count(self) -> int:
        return len(self._slots)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._slots[index].item if 0 <= index < len(self._slots) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._slots):
            return None
        slot = self._slots.pop(index)
        self.invalidate()
        return slot.item

    # -------------------------------------------------------------------------------- sizes
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def sizeHint(self) -> QSize:
        shown = self._shown()
        width = sum(_width(s) for s in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((_height(s.item, _width(s)) for s in shown), default=0)
        return self._plus_margins(width, height)

    def minimumSize(self) -> QSize:
        shown = self._shown()
        lead = [s for s in shown if not s.trailing]
        lead_width = sum(_width(s) for s in lead) + self.spacing() * max(0, len(lead) - 1)
        widest = max((_width(s) for s in shown if s.trailing), default=0)
        height = max((_height(s.item, _width(s)) for s in shown), default=0)
        return self._plus_margins(max(lead_width, widest), height)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    # ------------------------------------------------------------------------------- placing
    def _shown(self) -> list[_Slot]:
        return [s for s in self._slots if not s.item.isEmpty()]

    def _plus_margins(self, width: int, height: int) -> QSize:
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def _rows(self, width: int) -> list[tuple[list[_Slot], list[_Slot]]]:
        """Rows of (slots at the start, slots at the end) for a row ``width`` wide.

        One row when everything fits. Otherwise the first row keeps the leading slots (a title at its
        one-line width when there is room) and as many of the last trailing slots as fit beside them; the
        other trailing slots flow onto rows below, at the end."""
        shown = self._shown()
        lead = [s for s in shown if not s.trailing]
        trail = [s for s in shown if s.trailing]
        gap = self.spacing()
        if sum(_width(s) for s in shown) + gap * max(0, len(shown) - 1) <= width or not trail:
            return [(lead, trail)]
        used = sum(_wanted(s) for s in lead) + gap * max(0, len(lead) - 1)
        beside: list[_Slot] = []
        for slot in reversed(trail):
            needed = _width(slot) + (gap if lead or beside else 0)
            if used + needed > width:
                break
            beside.insert(0, slot)
            used += needed
        rows: list[tuple[list[_Slot], list[_Slot]]] = [(lead, beside)]
        current: list[_Slot] = []
        used = 0
        for slot in trail[: len(trail) - len(beside)]:
            needed = _width(slot) + (gap if current else 0)
            if current and used + needed > width:
                rows.append(([], current))
                current, used = [], 0
                needed = _width(slot)
            current.append(slot)
            used += needed
        if current:
            rows.append(([], current))
        return rows

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the slots out in ``rect`` (when ``place``); returns the height needed."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self.spacing()
        direction = Qt.LayoutDirection.LeftToRight
        parent = self.parentWidget()
        if parent is not None:
            direction = parent.layoutDirection()
        top = area.top()
        for number, (start, end) in enumerate(self._rows(area.width())):
            if number:
                top += gap // 2  # rows of controls sit closer than the controls in a row
            slots = start + end
            fixed = sum(_width(s) for s in slots if not s.stretch) + gap * max(0, len(slots) - 1)
            stretchy = [s for s in slots if s.stretch]
            free = max(0, area.width() - fixed)
            widths = {
                id(s): (max(_width(s), free // len(stretchy)) if s.stretch else _width(s)) for s in slots
            }
            height = max((_height(s.item, widths[id(s)]) for s in slots), default=0)
            if place:
                x = area.left()
                for slot in start:
                    x = self._put(slot, widths[id(slot)], x, top, height, area, direction) + gap
                x = area.right() + 1
                for slot in reversed(end):
                    x -= widths[id(slot)]
                    self._put(slot, widths[id(slot)], x, top, height, area, direction)
                    x -= gap
            top += height
        return top - area.top() + margins.top() + margins.bottom()

    @staticmethod
    def _put(
        slot: _Slot,
        width: int,
        x: int,
        top: int,
        row_height: int,
        area: QRect,
        direction: Qt.LayoutDirection,
    ) -> int:
        height = min(_height(slot.item, width), row_height)
        logical = QRect(x, top + (row_height - height) // 2, width, height)
        slot.item.setGeometry(QStyle.visualRect(direction, area, logical))
        return x + width


def _width(slot: _Slot) -> int:
    hint = slot.item.sizeHint().width()
    return max(hint, slot.item.minimumSize().width())


def _wanted(slot: _Slot) -> int:
    """The width ``slot`` would like: a title's on one line (``one_line_width``), else its size hint."""
    one_line = getattr(slot.item.widget(), "one_line_width", None)
    if slot.stretch and callable(one_line):
        return max(_width(slot), int(one_line()))
    return _width(slot)


def _height(item: QLayoutItem, width: int) -> int:
    if item.hasHeightForWidth():  # (its minimum height is the one at its narrowest: not this width's)
        return min(item.heightForWidth(width), item.maximumSize().height())
    return min(max(item.sizeHint().height(), item.minimumSize().height()), item.maximumSize().height())
