"""Finding text that does not fit on a screen: too wide for its label or button, cut off at the top or
bottom (Nastaliq is tall), elided, or pushed out of the window's sides."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

from quizapp.ui.i18n.fonts import text_line_height

TEXT_BUTTONS = (QPushButton, QToolButton, QCheckBox, QRadioButton)
TOLERANCE = 1  # px


def _describe(widget: QWidget, screen: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = getattr(widget, "text", lambda: "")()
    return f"{name} {text[:50]!r}"


def _line_height(widget: QWidget, text: str) -> int:
    return text_line_height(widget.font(), text)


def _widest_line(widget: QWidget, text: str) -> int:
    metrics = widget.fontMetrics()
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _outside_window(widget: QWidget, screen: QWidget) -> bool:
    """True when part of ``widget`` is left or right of the visible part of the screen."""
    left = widget.mapTo(screen, QPoint(0, 0)).x()
    visible = widget.visibleRegion().boundingRect()
    if visible.isEmpty():
        return False  # scrolled out of view vertically: seen after scrolling
    return (
        left < -TOLERANCE
        or left + widget.width() > screen.width() + TOLERANCE
        or (visible.width() + TOLERANCE < widget.width() and _clipped_by_a_viewport(widget))
    )


def _clipped_by_a_viewport(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            viewport = parent.viewport()
            left = widget.mapTo(viewport, QPoint(0, 0)).x()
            return left < -TOLERANCE or left + widget.width() > viewport.width() + TOLERANCE
        parent = parent.parentWidget()
    return False


def _label_problems(label: QLabel) -> list[str]:
    text = label.text()
    if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
        return []
    problems = []
    rect = label.contentsRect()
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + TOLERANCE:
            problems.append(f"cut off at the bottom ({needed} px of text in {label.height()} px)")
    elif label.textFormat() != Qt.TextFormat.RichText and not (
        label.textFormat() == Qt.TextFormat.AutoText and "<" in text
    ):
        width = _widest_line(label, text)
        if width > rect.width() + TOLERANCE:
            problems.append(f"too wide ({width} px of text in {rect.width()} px)")
    lines = 1 if not label.wordWrap() else 0
    if lines and _line_height(label, text) > label.height() + TOLERANCE:
        problems.append(f"too low for one line ({label.height()} px, needs {_line_height(label, text)} px)")
    return problems


def _button_problems(button: QAbstractButton) -> list[str]:
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text.strip():
        return []
    problems = []
    needed = _widest_line(button, text)
    if not button.icon().isNull() and not (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    ):
        needed += button.iconSize().width() + 4
    if isinstance(button, (QCheckBox, QRadioButton)):
        needed += 24
    available = button.width() - 8  # borders and a little air
    if needed > available + TOLERANCE:
        problems.append(f"too wide ({needed} px of text and icon in {available} px)")
    full = button.toolTip()
    if text.endswith("…") and full and text != full and full.startswith(text[:-1].rstrip()):
        problems.append("elided")
    height = button.height()
    if (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextUnderIcon
    ):
        height -= button.iconSize().height()
    if _line_height(button, text) > height + TOLERANCE:
        problems.append(f"too low ({height} px, needs {_line_height(button, text)} px)")
    return problems


def _field_problems(widget: QWidget) -> list[str]:
    text = (
        widget.currentText() if isinstance(widget, QComboBox) else widget.text() or widget.placeholderText()
    )
    if text and _line_height(widget, text) > widget.height() + TOLERANCE:
        return [f"too low ({widget.height()} px, needs {_line_height(widget, text)} px)"]
    return []


def text_problems(screen: QWidget) -> list[str]:
    """Every visible text widget on ``screen`` whose text does not fit, described in words."""
    found: list[str] = []
    for widget in screen.findChildren(QWidget):
        if not widget.isVisibleTo(screen) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel):
            problems = _label_problems(widget)
        elif isinstance(widget, TEXT_BUTTONS):
            problems = _button_problems(widget)
        elif isinstance(widget, (QLineEdit, QComboBox)):
            if isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(), QComboBox):
                continue
            problems = _field_problems(widget)
        else:
            continue
        if (
            problems == []
            and isinstance(widget, (QLabel, QAbstractButton))
            and _outside_window(widget, screen)
        ):
            problems = ["outside the window"]
        found.extend(f"{_describe(widget, screen)}: {p}" for p in problems)
    return found
