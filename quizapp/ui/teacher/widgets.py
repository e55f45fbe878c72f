"""Small building blocks shared by the teacher pages: buttons, cards, message lists and the dialogs.

Every question the teacher area asks (a file to open, where to save, "are you sure?") goes through a
:class:`Dialogs` object held by the area, so tests can answer them without real dialogs on screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

MIN_TARGET = 44  # px: every control a finger or an unsteady mouse must hit


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Translate outside a QObject. The context is empty because that is where ``lupdate`` files calls of
    a module-level ``tr()`` (see docs/translating.md)."""
    return str(QCoreApplication.translate("", text, disambiguation, n))


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


def heading(text: str, level: int = 1) -> QLabel:
    label = QLabel(text)
    label.setObjectName("teacherHeading" if level == 1 else "teacherSubheading")
    label.setProperty("role", "title" if level == 1 else "subtitle")
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * (1.6 if level == 1 else 1.25))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def note(text: str) -> QLabel:
    """Explanatory text in a friendly size, wrapped."""
    label = QLabel(text)
    label.setWordWrap(True)
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


class MessagePanel(QLabel):
    """Feedback after an action: what went well, or what went wrong as a readable list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teacherMessage")
        self.setWordWrap(True)
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
        yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(no or tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes_button

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def ask_text(self, parent: QWidget, title: str, label: str, value: str = "") -> str | None:
        text, ok = QInputDialog.getText(parent, title, label, text=value)
        return text.strip() if ok and text.strip() else None

    def choose_item(self, parent: QWidget, title: str, label: str, items: list[str]) -> int | None:
        if not items:
            return None
        text, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
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


def teacher_stylesheet(high_contrast: bool = False) -> str:
    """Additions to the app's style sheet for the teacher's lists and tables, in the shared palette."""
    from quizapp.ui.theme import RADIUS, palette_for

    P = palette_for(high_contrast)

    return f"""
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
QDateEdit {{ min-height: 40px; padding: 2px 8px; border-radius: 12px; border: 2px solid {P.border_strong}; }}
QLabel#teacherMessage {{ border-radius: 12px; padding: 8px 12px; }}
QLabel#teacherMessage[kind="ok"] {{ background: {P.correct_soft}; border: 2px solid {P.correct}; }}
QLabel#teacherMessage[kind="problem"] {{ background: {P.unsafe_soft}; border: 2px solid {P.unsafe}; }}
QLabel#teacherMessage[kind="info"] {{ background: {P.accent_soft}; border: 2px solid {P.accent}; }}
QPushButton[role="danger"] {{ color: {P.unsafe}; border-color: {P.unsafe}; }}
QPushButton {{ font-size: 16px; padding: 4px 14px; }}
QPushButton[role="toggle"] {{ font-weight: bold; padding: 4px 12px; }}
"""
