"""Small building blocks shared by the teacher pages: buttons, cards, message lists and the dialogs.

Every question the teacher area asks (a file to open, where to save, "are you sure?") goes through a
:class:`Dialogs` object held by the area, so tests can answer them without real dialogs on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QKeyEvent, QMouseEvent, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QLayoutItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from quizapp.content.diagnostics import Diagnostic
from quizapp.ui.plaintext import fill_args, make_plain, plain_message_box

__all__ = ["fill_args"]  # re-exported: pages import it with the other helpers

MIN_TARGET = 44  # px: every control a finger or an unsteady mouse must hit
WRAP_MIN_WIDTH = 160
"""px: the narrowest a wrapping text may become (QLabel would otherwise ask for a line of ~80 letters)."""


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject. The context is empty because that is where ``lupdate`` files calls of
    a module-level ``tr()`` (see docs/translating.md)."""
    return str(QCoreApplication.translate("", text, disambiguation, n))


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """One problem of a pack or question file for the teacher: "module.yaml, line 12: what is wrong"."""
    if diagnostic.line >= 1:
        return fill_args(tr("%1, line %2: %3"), diagnostic.path, str(diagnostic.line), diagnostic.message)
    return fill_args(tr("%1: %2"), diagnostic.path, diagnostic.message)


def line_room(widget: QWidget, lines: int = 1, air: int = 12) -> int:
    """The height for ``lines`` lines of text in ``widget``'s font with a little air: Nastaliq's lines
    get room for its tallest letters and deepest tails; never less than a finger's target."""
    from quizapp.ui.i18n.fonts import line_height

    widget.ensurePolished()
    return max(MIN_TARGET, lines * line_height(widget.font()) + air)


def button(
    text: str, *, accessible: str | None = None, primary: bool = False, danger: bool = False
) -> QPushButton:
    """A large push button with an accessible name (the text when none is given)."""
    widget = QPushButton(text)
    widget.setMinimumHeight(MIN_TARGET)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    if primary:
        widget.setProperty("role", "primary")
        widget.setDefault(False)
    if danger:
        widget.setProperty("role", "danger")
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget


NAV_ICON = 24  # px: the icons of the page list


class NavButton(QPushButton):
    """One entry of the teacher's page list: an icon and the page's name, checked while it is shown.

    Up and Down (and Home and End) move to the neighbouring entry and open it, as in any list.
    """

    def __init__(self, text: str, icon: QPixmap | None = None, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setCheckable(True)
        self.setProperty("role", "nav")
        self.setAccessibleName(text)
        self.setMinimumHeight(MIN_TARGET)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if icon is not None:
            self.setIcon(QIcon(icon))
            self.setIconSize(QSize(NAV_ICON, NAV_ICON))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame as the style sheet draws it, then the icon and the name at the start side (the
        style sheet's ``text-align`` puts them on the wrong side in a right-to-left layout)."""
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        text, icon = self.text(), self.icon()
        option.text, option.icon = "", QIcon()
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        area = self.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, self)
        direction = self.layoutDirection()
        x = area.left()
        if not icon.isNull():
            size = self.iconSize()
            spot = QRect(QPoint(x, area.center().y() - size.height() // 2 + 1), size)
            mode = QIcon.Mode.Normal if self.isEnabled() else QIcon.Mode.Disabled
            icon.paint(painter, QStyle.visualRect(direction, area, spot), Qt.AlignmentFlag.AlignCenter, mode)
            x += size.width() + 8
        spot = QRect(x, area.top(), max(0, area.right() - x + 1), area.height())
        painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        align = QStyle.visualAlignment(direction, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        flags = int(align) | int(Qt.TextFlag.TextShowMnemonic)
        painter.drawText(QStyle.visualRect(direction, area, spot), flags, text)

    def sizeHint(self) -> QSize:
        """Room for the icon, the gap after it and the whole name (as drawn by :meth:`paintEvent`)."""
        hint = super().sizeHint()
        return QSize(hint.width() + 8, hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        group = self.group()
        steps = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_Home: -999, Qt.Key.Key_End: 999}
        step = steps.get(Qt.Key(event.key()))
        if group is None or step is None:
            super().keyPressEvent(event)
            return
        entries = [b for b in group.buttons() if b.isVisible() and b.isEnabled()]
        if self in entries:
            target = entries[max(0, min(len(entries) - 1, entries.index(self) + step))]
            if target is not self:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                target.click()
        event.accept()


def heading(text: str, level: int = 1) -> QLabel:
    """A page or card title; plain text (it often holds a pack, class or learner name)."""
    label = make_plain(QLabel())
    label.setText(text)
    label.setObjectName("teacherHeading" if level == 1 else "teacherSubheading")
    label.setProperty("role", "title" if level == 1 else "subtitle")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.25))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setMinimumWidth(WRAP_MIN_WIDTH)
    label.setAccessibleName(text)
    return label


def note(text: str) -> QLabel:
    """Explanatory text in a friendly size, wrapped; plain text."""
    label = make_plain(QLabel())
    label.setText(text)
    label.setWordWrap(True)
    label.setMinimumWidth(WRAP_MIN_WIDTH)
    label.setProperty("role", "note")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Card(QFrame):
    """A rounded panel grouping related controls."""

    def __init__(self, title: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacherCard")
        self.setProperty("role", "card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(18, 14, 18, 16)
        self.body.setSpacing(10)
        if title:
            self.body.addWidget(heading(title, 2))


def row(*widgets: QWidget | None, stretch_last: bool = False, stretch_end: bool = True) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(10)
    for widget in widgets:
        if widget is not None:
            layout.addWidget(widget)
    if stretch_end and not stretch_last:
        layout.addStretch(1)
    return layout


def wrapping_label(text: str = "") -> QLabel:
    """A label whose text wraps onto more lines when the space is narrow; plain text."""
    label = make_plain(QLabel())
    label.setText(text)
    label.setWordWrap(True)
    label.setMinimumWidth(WRAP_MIN_WIDTH)
    return label


class WrappingCheckBox(QWidget):
    """A tick box whose words wrap onto more lines when the space is narrow (a QCheckBox never wraps).

    The box itself is :attr:`box` (named for screen readers with the whole text); clicking the words
    ticks it too. ``isChecked``, ``setChecked``, ``toggled`` and ``text`` work as on a QCheckBox.
    """

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.box.setMinimumHeight(MIN_TARGET)
        self.label = wrapping_label(text)
        self.label.setBuddy(self.box)
        self.label.setCursor(Qt.CursorShape.PointingHandCursor)
        self.label.installEventFilter(self)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.label, 1)
        self.setFocusProxy(self.box)
        self.toggled = self.box.toggled

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.label
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.box.isEnabled()
        ):
            self.box.click()
            return True
        return super().eventFilter(watched, event)

    def sizeHint(self) -> QSize:
        """Wide enough for the words on one line (a wrapping label alone asks for a narrower block)."""
        hint = super().sizeHint()
        margins = self.label.contentsMargins()
        words = self.label.fontMetrics().horizontalAdvance(self.label.text())
        one_line = self.box.sizeHint().width() + 10 + words + margins.left() + margins.right() + 4
        return QSize(one_line, hint.height())

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, on: bool) -> None:
        self.box.setChecked(on)

    def text(self) -> str:
        return self.label.text()

    def setAccessibleName(self, name: str) -> None:
        self.box.setAccessibleName(name)


class FlowLayout(QLayout):
    """Widgets side by side in reading order, going on to a new line when the width runs out.

    Button rows use it so that longer words (a translation, a larger text size) move a button to the
    next line instead of cutting its text. Lines start at the right in a right-to-left layout. With
    ``fill``, the widgets of each line share its whole width, so a group of actions looks like a grid.
    """

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 10, fill: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._fill = fill
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    # QLayout's item list
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # sizes
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal if self._fill else Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def minimumSize(self) -> QSize:
        """As wide as the widest widget wants to be (a button is never squeezed below its text)."""
        size = QSize()
        for item in self._visible():
            if item.hasHeightForWidth():  # wrapping text: it can be narrower than its one-line width
                size = size.expandedTo(item.minimumSize())
            else:
                hint = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
                size = size.expandedTo(hint)
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        items = self._visible()
        width = sum(i.sizeHint().width() for i in items) + self.spacing() * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    # placing
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _lines(self, width: int) -> list[list[QLayoutItem]]:
        lines: list[list[QLayoutItem]] = []
        used = 0
        for item in self._visible():
            wanted = min(item.sizeHint().width(), width)
            if lines and used + self.spacing() + wanted <= width:
                lines[-1].append(item)
                used += self.spacing() + wanted
            else:
                lines.append([item])
                used = wanted
        return lines

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        width = max(1, area.width())
        direction = self._direction()
        y = area.y()
        lines = self._lines(width)
        for line in lines:
            widths = [min(item.sizeHint().width(), width) for item in line]
            if self._fill:
                spare = width - sum(widths) - self.spacing() * (len(line) - 1)
                growing = [i for i, item in enumerate(line) if item.maximumSize().width() > widths[i]]
                for n, index in enumerate(growing):
                    share = spare // len(growing) + (1 if n < spare % len(growing) else 0)
                    widths[index] = min(line[index].maximumSize().width(), widths[index] + share)
            height = max(
                item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
                for item, w in zip(line, widths, strict=True)
            )
            x = area.x()
            for item, item_width in zip(line, widths, strict=True):
                if apply:
                    logical = QRect(QPoint(x, y), QSize(item_width, height))
                    item.setGeometry(QStyle.visualRect(direction, area, logical))
                x += item_width + self.spacing()
            y += height + self.spacing()
        used = y - area.y() - (self.spacing() if lines else 0)
        return used + margins.top() + margins.bottom()

    def _direction(self) -> Qt.LayoutDirection:
        widget = self.parentWidget()
        return widget.layoutDirection() if widget is not None else Qt.LayoutDirection.LeftToRight


class AdaptiveForm(QFormLayout):
    """A form with its labels beside the fields, or above them when the labels would take more than
    ``label_share`` of the width (long translations, a narrow window): fields never get squeezed."""

    def __init__(self, parent: QWidget | None = None, *, label_share: float = 0.4) -> None:
        super().__init__(parent)
        self.label_share = label_share
        self.setSpacing(10)

    def widest_label(self) -> int:
        widths = [0]
        for row in range(self.rowCount()):
            item = self.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if widget is not None and not widget.isHidden():
                widths.append(widget.sizeHint().width())
        return max(widths)

    def policy_for(self, width: int) -> QFormLayout.RowWrapPolicy:
        above = self.widest_label() > width * self.label_share
        return QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.DontWrapRows

    def setGeometry(self, rect: QRect) -> None:
        policy = self.policy_for(rect.width())
        if policy != self.rowWrapPolicy():
            self.setRowWrapPolicy(policy)  # depends on the width only: settles after one more pass
        super().setGeometry(rect)


def flow(*widgets: QWidget | None, fill: bool = False, spacing: int = 10) -> FlowLayout:
    """A :class:`FlowLayout` holding ``widgets`` (None is skipped)."""
    layout = FlowLayout(spacing=spacing, fill=fill)
    for widget in widgets:
        if widget is not None:
            layout.addWidget(widget)
    return layout


class MessagePanel(QLabel):
    """Feedback after an action: what went well, or what went wrong as a readable list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacherMessage")
        self.setWordWrap(True)
        self.setMinimumWidth(WRAP_MIN_WIDTH)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(tr("Message"))
        self.hide()

    def show_ok(self, text: str) -> None:
        self._show("ok", tr("Done"), text, [])

    def show_problem(self, text: str, items: Iterable[str] = ()) -> None:
        self._show("problem", tr("Problem"), text, list(items))

    def show_info(self, text: str, items: Iterable[str] = ()) -> None:
        self._show("info", tr("Note"), text, list(items))

    def _show(self, kind: str, label: str, text: str, items: Sequence[str]) -> None:
        import html

        mark = {"ok": "✔", "problem": "✖", "info": "ℹ"}[kind]
        body = f"<p><b>{mark} {html.escape(label)}:</b> {html.escape(text)}</p>"
        if items:
            shown = list(items)[:60]
            body += "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in shown) + "</ul>"
            if len(items) > len(shown):
                more = tr("…and %n more.", "", len(items) - len(shown))
                body += f"<p>{html.escape(more)}</p>"
        self.setProperty("kind", kind)
        self.setText(body)
        self.setAccessibleDescription(" ".join([label, text, *items]))
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()

    def plain_text(self) -> str:
        from PySide6.QtGui import QTextDocument

        doc = QTextDocument()
        doc.setHtml(self.text())
        return doc.toPlainText()


class Dialogs(QObject):
    """The questions the teacher area asks. Tests replace it with scripted answers."""

    def confirm(self, parent: QWidget, title: str, text: str, yes: str, no: str | None = None) -> bool:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        plain_message_box(box)
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        no_button = box.addButton(no or tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        yes_button.setAutoDefault(False)  # "Reset", "Remove", "Archive": never what Enter does
        box.setDefaultButton(no_button)
        box.setEscapeButton(no_button)
        box.exec()
        return box.clickedButton() is yes_button

    def ask_unsaved(self, parent: QWidget, title: str, text: str) -> str:
        """Unsaved changes: "save", "discard" or "stay" (Stay, the safe one, is what Enter and Esc do)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(title)
        box.setText(text)
        save = box.addButton(tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("Discard changes"), QMessageBox.ButtonRole.DestructiveRole)
        stay = box.addButton(tr("Stay here"), QMessageBox.ButtonRole.RejectRole)
        for choice in (save, discard):
            choice.setAutoDefault(False)
        box.setDefaultButton(stay)
        box.setEscapeButton(stay)
        box.exec()
        clicked = box.clickedButton()
        return "save" if clicked is save else "discard" if clicked is discard else "stay"

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a dialog (such as a class register's preview) and say whether the teacher accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
        plain_message_box(box)
        box.exec()

    def _input(self, parent: QWidget, title: str, label: str) -> QInputDialog:
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        plain_message_box(dialog)
        return dialog

    def ask_text(self, parent: QWidget, title: str, label: str, value: str = "") -> str | None:
        dialog = self._input(parent, title, label)
        dialog.setTextValue(value)
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        text = dialog.textValue()
        return text.strip() if ok and text.strip() else None

    def choose_item(self, parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
        if not items:
            return None
        dialog = self._input(parent, title, label)
        dialog.setComboBoxItems(items)
        dialog.setComboBoxEditable(False)
        ok = dialog.exec() == QInputDialog.DialogCode.Accepted
        text = dialog.textValue()
        return items.index(text) if ok and text in items else None

    def open_file(self, parent: QWidget, title: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
        return Path(path) if path else None

    def open_files(self, parent: QWidget, title: str, filters: str) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, title, str(Path.home()), filters)
        return [Path(p) for p in paths]

    def open_folder(self, parent: QWidget, title: str) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, title, str(Path.home()))
        return Path(path) if path else None

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path.home() / suggested), filters)
        return Path(path) if path else None


def vbox(parent: QWidget | None = None, margins: int = 0, spacing: int = 12) -> QVBoxLayout:
    layout = QVBoxLayout(parent) if parent is not None else QVBoxLayout()
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return layout


def safe_file_name(text: str) -> str:
    """A file name from a title: letters (any script), digits, '-' and '_'."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "-" for c in text.strip())
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return cleaned.strip("-") or "quizapp"


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget and sub-layout of a layout."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            continue
        widget = item.widget()
        if widget is not None:
            widget.deleteLater()
        child = item.layout()
        if child is not None:
            clear_layout(child)


def icon_pixmap(name: str, size: int) -> QPixmap | None:
    """One of the app's in-house SVG icons (``assets/icons/<name>.svg``) drawn at ``size`` px."""
    from quizapp.paths import assets_dir
    from quizapp.ui.images import render_svg

    path = assets_dir() / "icons" / f"{name}.svg"
    return render_svg(path, size, size) if path.is_file() else None


def teacher_stylesheet(high_contrast: bool = False, *, tall_script: bool = False, rtl: bool = False) -> str:
    """Additions to the app's style sheet for the teacher's page list, lists and tables, in the shared
    palette. ``tall_script`` (Urdu's Nastaliq) gives buttons and fields more room above and below the
    text; ``rtl`` puts the page list's edge line on its left, next to the page."""
    from quizapp.paths import assets_dir
    from quizapp.ui.theme import RADIUS, palette_for

    P = palette_for(high_contrast)
    arrow = (assets_dir() / "icons" / "down.svg").as_posix()
    nav_edge = "border-left" if rtl else "border-right"
    tall = (
        """
QPushButton, QPushButton[role="nav"] { padding-top: 6px; padding-bottom: 6px; }
QComboBox, QLineEdit { padding-top: 3px; padding-bottom: 3px; }
QDateEdit { min-height: 60px; padding-top: 0px; padding-bottom: 0px; }
QHeaderView::section { padding-top: 4px; padding-bottom: 8px; }
QTreeView::item, QTableView::item { padding-top: 4px; padding-bottom: 6px; }
QTabBar::tab { padding-top: 4px; padding-bottom: 8px; }
"""
        if tall_script
        else ""
    )

    return (
        f"""
QFrame#teacherNav {{ background: {P.surface}; border: none; {nav_edge}: 2px solid {P.border}; }}
QPushButton[role="nav"] {{
    padding: 4px 10px; border-radius: 12px; font-weight: bold;
    background: transparent; border: 2px solid transparent;
}}
QPushButton[role="nav"]:hover {{ background: {P.surface_alt}; border-color: {P.border}; }}
QPushButton[role="nav"]:checked {{ background: {P.primary_soft}; border: 2px solid {P.primary}; }}
QPushButton[role="nav"]:focus {{ border: 3px solid {P.focus}; }}
QListWidget, QTableWidget, QTreeWidget {{
    background: {P.surface}; border: 2px solid {P.border}; border-radius: {RADIUS // 2}px;
    alternate-background-color: {P.surface_alt}; gridline-color: {P.border};
    selection-background-color: {P.primary_soft}; selection-color: {P.text};
}}
QListWidget::item {{ padding: 4px 8px; border-radius: 8px; }}
QListWidget::item:selected, QTreeWidget::item:selected, QTableWidget::item:selected {{
    background: {P.primary_soft}; color: {P.text}; border: 2px solid {P.primary};
}}
QHeaderView::section {{
    background: {P.surface_alt}; color: {P.text}; border: none; border-bottom: 2px solid {P.border};
    padding: 6px; font-weight: bold;
}}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{
    min-height: 40px; padding: 4px 18px; margin: 2px; border-radius: 12px;
    background: {P.surface}; border: 2px solid {P.border_strong}; font-weight: bold;
}}
QTabBar::tab:selected {{ background: {P.primary_soft}; border: 3px solid {P.primary}; }}
QCheckBox {{ spacing: 10px; }}
QCheckBox::indicator {{ width: 26px; height: 26px; }}
QDateEdit {{
    min-height: 40px; padding: 2px 8px; border-radius: 12px; border: 2px solid {P.border_strong};
    background: {P.surface};
}}
QDateEdit:disabled {{ color: {P.text_muted}; background: {P.surface_alt}; }}
QDateEdit:focus {{ border: 3px solid {P.focus}; }}
QDateEdit::drop-down {{
    subcontrol-origin: padding; subcontrol-position: center right; width: 32px; border: none;
}}
QDateEdit::down-arrow {{ image: url("{arrow}"); width: 16px; height: 16px; }}
QLabel#teacherMessage {{ border-radius: 12px; padding: 8px 12px; }}
QLabel#teacherMessage[kind="ok"] {{ background: {P.correct_soft}; border: 2px solid {P.correct}; }}
QLabel#teacherMessage[kind="problem"] {{ background: {P.unsafe_soft}; border: 2px solid {P.unsafe}; }}
QLabel#teacherMessage[kind="info"] {{ background: {P.accent_soft}; border: 2px solid {P.accent}; }}
QPushButton[role="danger"] {{ color: {P.unsafe}; border-color: {P.unsafe}; }}
QPushButton {{ font-size: 16px; padding: 4px 14px; }}
QPushButton[role="toggle"] {{ font-weight: bold; padding: 4px 12px; }}
"""
        + tall
    )
