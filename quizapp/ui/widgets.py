"""Building blocks shared by the student screens: labels, buttons, cards, option cards, text-size and
language controls, a scrolling page and a grid that fits its width."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from quizapp.ui import images, theme
from quizapp.ui.i18n.fonts import URDU_FAMILY, has_arabic_script
from quizapp.ui.plaintext import tooltip_text
from quizapp.ui.theme import SPACING


class Label(QLabel):
    """A label whose text starts on the layout's leading side whatever its script.

    Qt aligns a plain ``AlignLeft`` label by its text's own direction, so in the Urdu (right-to-left)
    interface an answer like "P@ss1" or a contact written in English would sit at the far left, away from
    its radio button and from the Urdu text around it. Here left and right mean leading and trailing:
    they are turned into the matching absolute side whenever the layout direction changes. With
    ``follow_direction=False`` (rich text, whose paragraphs keep their own direction) it is a plain QLabel;
    ``label()`` and ``picture()`` make every label of the student screens one of these."""

    def __init__(self, *, follow_direction: bool = True) -> None:
        super().__init__()
        self._follow = follow_direction
        self._logical = self.alignment()
        self._apply_alignment()

    def setAlignment(self, alignment: Qt.AlignmentFlag) -> None:
        self._logical = alignment
        self._apply_alignment()

    def _apply_alignment(self) -> None:
        if not self._follow:
            if self._logical != super().alignment():
                super().setAlignment(self._logical)
            return
        visual = QStyle.visualAlignment(self.layoutDirection(), self._logical)
        if visual != super().alignment():
            super().setAlignment(visual)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LayoutDirectionChange:
            self._apply_alignment()


def label(text: str = "", role: str | None = None, *, wrap: bool = True, rich: bool = False) -> QLabel:
    """A label; ``role`` picks its look from the theme (title, heading, subtle...). Plain text starts on the
    leading side (see ``Label``); rich text keeps each paragraph's own direction."""
    widget = Label(follow_direction=not rich)
    widget.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    widget.setText(text)
    widget.setWordWrap(wrap)
    if role:
        widget.setProperty("role", role)
    return widget


class TitleLabel(Label):
    """A header title on one line when its row has room, wrapped onto at most ``max_lines`` lines when
    not, the last one ending in "…" if even they are too few (the whole title is then in the tool tip
    and the accessible name).

    For titles that hold what teachers and packs write (a school name, a module title, a learner's name).
    A plain label would need its whole width and squeeze the buttons beside it until their text is cut off
    (the style sheet's ``min-width`` lets Qt shrink any button to 88 px). This one asks only for a short
    width and, put in a ``header_bar``, takes all the room the buttons leave; a long module title in
    extra-large text then takes two lines of the header, not five."""

    MIN_WIDTH = 160

    def __init__(self, text: str = "", role: str | None = None, *, max_lines: int = 2) -> None:
        super().__init__()
        self.max_lines = max_lines
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        if role:
            self.setProperty("role", role)
        self.setText(text)

    def text(self) -> str:
        """The whole title, as given (what is drawn may end in "…": see ``shown_text``)."""
        return self._full

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self._full = text
        self.setAccessibleName(text)
        self._fit()
        self.updateGeometry()

    def one_line_width(self) -> int:
        """The width the whole title needs on one line."""
        return self._one_line_width()

    def _one_line_width(self) -> int:
        metrics = self.fontMetrics()
        margins = self.contentsMargins()
        widest = max((metrics.horizontalAdvance(line) for line in self._full.split("\n")), default=0)
        return widest + margins.left() + margins.right() + 2 * self.margin() + 2

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(word) for word in self._full.split()), default=0)
        width = min(self._one_line_width(), max(longest, self.MIN_WIDTH))
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def _height(self, text: str, width: int) -> int:
        """The height this label needs for ``text`` at ``width``, measured as QLabel itself wraps."""
        QLabel.setText(self, text)
        return QLabel.heightForWidth(self, width)

    def _fit(self) -> None:
        shown = self._full
        words = self._full.split()
        width = self.width()
        if words and width > 0 and self.isVisible():
            # max_lines lines of one of its own words (an Urdu one if any: Nastaliq lines are taller)
            sample = next((word for word in words if has_arabic_script(word)), words[0])
            limit = self._height("\n".join([sample] * self.max_lines), width)
            if self._height(self._full, width) > limit:
                shown = words[0] + "…"
                low, high = 2, len(words) - 1
                while low <= high:  # the most words that fit, followed by "…"
                    middle = (low + high) // 2
                    candidate = " ".join(words[:middle]) + "…"
                    if self._height(candidate, width) <= limit:
                        shown, low = candidate, middle + 1
                    else:
                        high = middle - 1
        if shown != super().text():
            super().setText(shown)
        self.setToolTip(tooltip_text(self._full) if shown != self._full else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()


def without_nastaliq(widget: QWidget) -> None:
    """Draw ``widget`` (a label of digits and signs only, such as the big score) in the interface's Latin
    font. With Nastaliq first in the Urdu font, Qt would give it Nastaliq's very tall line, leaving a gap
    as high as the text above and below it; Nastaliq has no digits of its own anyway."""
    font = QFont(widget.font())
    families = [family for family in font.families() if family != URDU_FAMILY]
    if families != font.families():
        font.setFamilies(families or [QApplication.font().defaultFamily()])
        widget.setFont(font)
    widget.setProperty("script", "latin")  # no Nastaliq padding either (theme: tall-script rules)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's theme role and re-apply the style sheet to it."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def button(
    text: str,
    *,
    role: str = "secondary",
    icon_name: str | None = None,
    accessible: str | None = None,
    rtl: bool = False,
    icon_size: int = 28,
) -> QPushButton:
    """A push button at least 48 px high with an accessible name (the text unless given)."""
    widget = QPushButton(text)
    widget.setProperty("role", role)
    widget.setAccessibleName(accessible or text.replace("&", ""))
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    widget.setMinimumHeight(theme.MIN_TARGET)
    widget.setAutoDefault(True)  # Enter presses the focused button, as Space does
    if icon_name:
        widget.setIcon(images.icon(icon_name, icon_size, rtl=rtl))
        widget.setIconSize(QSize(icon_size, icon_size))
    return widget


def tinted(pixmap: QPixmap, colour: str) -> QPixmap:
    """``pixmap`` (an icon) in one colour, its shape kept: a white arrow made dark for a light button."""
    out = QPixmap(pixmap.size())
    out.setDevicePixelRatio(pixmap.devicePixelRatio())
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    painter.drawPixmap(0, 0, pixmap)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(out.rect(), QColor(colour))
    painter.end()
    return out


def picture(pixmap: QPixmap | None, description: str = "") -> QLabel:
    """An image label; ``description`` is read by screen readers."""
    widget = Label()
    if pixmap is not None:
        widget.setPixmap(pixmap)
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    if description:
        widget.setAccessibleName(description)
        widget.setToolTip(tooltip_text(description))
    return widget


class Card(QFrame):
    """A rounded white card with a vertical layout."""

    def __init__(self, role: str = "card", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", role)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(20, 16, 20, 16)
        self.box.setSpacing(10)


class ScrollPage(QScrollArea):
    """A vertically scrolling page; put content in ``self.box``. With ``max_width`` the content is a
    centred column no wider than that (comfortable line length on wide screens)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        margins: int = theme.PAGE_MARGIN,
        max_width: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.page = QWidget()
        self.page.setObjectName("page")
        if max_width is None:
            self.box = QVBoxLayout(self.page)
        else:
            row = QHBoxLayout(self.page)
            row.setContentsMargins(0, 0, 0, 0)
            column = QWidget()
            column.setMaximumWidth(max_width + 2 * margins)
            column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            row.addStretch(0)
            row.addWidget(column, 1)
            row.addStretch(0)
            self.box = QVBoxLayout(column)
        self.box.setContentsMargins(margins, margins, margins, margins)
        self.box.setSpacing(SPACING)
        self.setWidget(self.page)
        self._revealed: list[QWidget] = []
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def clear(self) -> None:
        clear_layout(self.box)

    # On a small screen (1024x600, large text, Nastaliq) much of a page is below the fold: whatever gets
    # the focus, and every message or hint that appears, is scrolled into view, or a child pressing a
    # button sees nothing happen.
    REVEAL_MARGIN = 40

    def reveal_when_shown(self, widget: QWidget) -> None:
        """Scroll ``widget`` (a message, a hint, feedback) into view whenever it appears."""
        self._revealed.append(widget)
        widget.installEventFilter(self)

    def reveal(self, widget: QWidget) -> None:
        """Scroll ``widget`` into view once the layout has placed it (now and after pending layouts)."""
        self.ensureWidgetVisible(widget, self.REVEAL_MARGIN, self.REVEAL_MARGIN)
        QTimer.singleShot(0, lambda: self._reveal_later(widget))

    def _reveal_later(self, widget: QWidget) -> None:
        try:
            if widget.isVisible() and self.isAncestorOf(widget):
                self.ensureWidgetVisible(widget, self.REVEAL_MARGIN, self.REVEAL_MARGIN)
        except RuntimeError:  # the widget was deleted meanwhile
            pass

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched in self._revealed and isinstance(watched, QWidget):
            self.reveal(watched)
        return super().eventFilter(watched, event)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            if new is not None and self.isVisible() and self.isAncestorOf(new):
                self.reveal(new)
        except RuntimeError:  # this page is being deleted
            pass


def clear_layout(layout: QGridLayout | QVBoxLayout | QHBoxLayout) -> None:
    """Remove and delete every widget and sub-layout of ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        child = item.widget()
        if child is not None:
            child.hide()
            child.setParent(None)
            child.deleteLater()
        sub = item.layout()
        if sub is not None:
            clear_layout(sub)  # type: ignore[arg-type]
            sub.deleteLater()


class FitGrid(QWidget):
    """A grid of same-width tiles whose number of columns follows the width available."""

    def __init__(self, tile_width: int, parent: QWidget | None = None, *, max_columns: int = 8) -> None:
        super().__init__(parent)
        self.tile_width = tile_width
        self.max_columns = max_columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(SPACING)
        self._widgets: list[QWidget] = []
        self._shown: list[QWidget] = []
        self._columns = 0

    def set_widgets(self, widgets: Sequence[QWidget]) -> None:
        """Show ``widgets`` (the grid owns them; widgets given before and not now are deleted)."""
        for old in self._widgets:
            if old not in widgets:
                self.grid.removeWidget(old)
                old.hide()
                old.setParent(None)
                old.deleteLater()
        self._widgets = list(widgets)
        self._shown = list(widgets)
        self._columns = 0
        self._arrange()

    def add_widgets(self, widgets: Sequence[QWidget]) -> None:
        """Add ``widgets`` after the ones shown (the grid owns them), without laying out the others again."""
        if not widgets:
            return
        start = len(self._shown)
        self._widgets += widgets
        self._shown += widgets
        if self._columns == 0:
            self._arrange()
            return
        for index, widget in enumerate(widgets, start):
            self.grid.addWidget(widget, index // self._columns, index % self._columns)
            widget.show()

    def set_tile_width(self, width: int) -> None:
        """Change the width a tile needs (larger text makes wider tiles, so fewer columns)."""
        if width != self.tile_width:
            self.tile_width = width
            self._columns = 0
            self._arrange()

    def show_only(self, widgets: Sequence[QWidget]) -> None:
        """Show only some of the grid's widgets (filtering); the others are hidden, not deleted."""
        self._shown = [w for w in self._widgets if w in widgets]
        self._columns = 0
        self._arrange()

    def widgets(self) -> list[QWidget]:
        return list(self._widgets)

    def columns_for(self, width: int) -> int:
        spacing = self.grid.spacing()
        return max(1, min(self.max_columns, (width + spacing) // (self.tile_width + spacing)))

    def _arrange(self) -> None:
        columns = self.columns_for(max(self.width(), self.tile_width))
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._widgets:
            self.grid.removeWidget(widget)
        for index, widget in enumerate(self._shown):
            self.grid.addWidget(widget, index // columns, index % columns)
            widget.show()
        for widget in self._widgets:
            if widget not in self._shown:
                widget.hide()
        for column in range(max(self.grid.columnCount(), columns)):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.columns_for(self.width()) != self._columns:
            self._arrange()


class ChoiceCard(QAbstractButton):
    """A large answer card: a number (the key that picks it), a round or square mark, wrapped text, and
    after checking, a status line in words with an icon (never colour alone).

    ``kind`` is ``"radio"`` (one answer), ``"check"`` (several) or ``"plain"`` (true/false cards).
    """

    STATES = ("correct", "wrong", "missed", "best", "acceptable", "unsafe")
    MIN_HEIGHT = 52  # a touch target above 44 px, and compact enough for 1024x600 in Urdu
    MARGINS = (14, 5, 14, 5)

    def __init__(
        self, text: str, *, number: int | None = None, kind: str = "radio", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.state: str | None = None
        self.locked = False
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(self.MIN_HEIGHT)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        row = QHBoxLayout(self)
        row.setContentsMargins(*self.MARGINS)
        row.setSpacing(12)
        # Children are put in the layout (and so given a parent) before any is shown or hidden: showing a
        # widget without a parent would open it as a window of its own and take the focus away.
        self.number_label = label(str(number) if number else "", "subtle", wrap=False)
        self.number_label.setMinimumWidth(14)
        self.number_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        row.addWidget(self.number_label, 0, Qt.AlignmentFlag.AlignVCenter)
        self.mark = QWidget(self)
        self.mark.setFixedSize(28, 28)
        row.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout()
        column.setSpacing(4)
        row.addLayout(column, 1)
        self.text_label = label(text)
        # The card's own margins hold Nastaliq's ink: no extra room above and below the text's lines.
        self.text_label.setProperty("tight", True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        if kind == "plain":
            self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.text_label.setProperty("role", "heading")
        column.addWidget(self.text_label)
        status = QHBoxLayout()
        status.setSpacing(6)
        column.addLayout(status)
        self.status_icon = QLabel(self)
        self.status_text = label("", wrap=True)
        status.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status.addWidget(self.status_text, 1)
        self.number_label.setVisible(number is not None)
        self.mark.setVisible(kind != "plain")
        self.status_icon.setVisible(False)
        self.status_text.setVisible(False)
        for child in (self.number_label, self.mark, self.text_label, self.status_icon, self.status_text):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(text)
        self.setText(text)
        self.toggled.connect(self._toggled)

    def _toggled(self, _checked: bool) -> None:
        self.update()

    def set_text(self, text: str) -> None:
        self.setText(text)
        self.text_label.setText(text)
        self.setAccessibleName(text)

    def set_state(self, state: str | None, note: str = "", icon_name: str | None = None) -> None:
        """Show the result of checking on this card: a state colour plus ``note`` in words."""
        self.state = state
        self.status_text.setText(note)
        self.status_text.setVisible(bool(note))
        if icon_name:
            self.status_icon.setPixmap(images.icon_pixmap(icon_name, 22))
        self.status_icon.setVisible(bool(icon_name))
        description = self.text()
        self.setAccessibleDescription(note or "")
        self.setAccessibleName(f"{description}. {note}" if note else description)
        self.update()

    def set_locked(self, locked: bool = True) -> None:
        """After checking: the card keeps its look and stays readable, but cannot be changed."""
        self.locked = locked
        self.setCursor(Qt.CursorShape.ArrowCursor if locked else Qt.CursorShape.PointingHandCursor)
        self.update()

    def hitButton(self, pos: QPoint) -> bool:
        return not self.locked and super().hitButton(pos)

    def nextCheckState(self) -> None:
        if not self.locked:
            super().nextCheckState()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.locked and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
            event.ignore()
            return
        super().keyPressEvent(event)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), 200), max(hint.height(), self.MIN_HEIGHT))

    def text_height(self, width: int) -> int:
        """The height of the card's text (wrapped) in a card ``width`` pixels wide."""
        return self.text_label.heightForWidth(max(width - self._chrome_width(), 40))

    def _chrome_width(self) -> int:
        left, _top, right, _bottom = self.MARGINS
        number = self.number_label.sizeHint().width() if self.number_label.isVisibleTo(self) else 0
        return left + right + 2 * 12 + 28 + number

    def fits_one_line(self, width: int) -> bool:
        """The text would stay on one line in a card ``width`` pixels wide."""
        left, _top, right, _bottom = self.MARGINS
        chrome = (
            left
            + right
            + 2 * 12
            + 28
            + (self.number_label.sizeHint().width() if self.number_label.isVisibleTo(self) else 0)
        )
        text = self.text_label.fontMetrics().horizontalAdvance(self.text_label.text())
        return text + chrome + 8 <= width

    def _colours(self) -> tuple[QColor, QColor, float]:
        p = theme.widget_palette(self)
        state_colours = {
            "correct": (p.correct_soft, p.correct),
            "best": (p.correct_soft, p.correct),
            "missed": (p.surface, p.correct),
            "wrong": (p.wrong_soft, p.wrong),
            "acceptable": (p.partial_soft, p.partial),
            "unsafe": (p.unsafe_soft, p.unsafe),
        }
        if self.state in state_colours:
            fill, border = state_colours[self.state]
            return QColor(fill), QColor(border), 3.0
        if self.isChecked():
            return QColor(p.primary_soft), QColor(p.primary), 3.0
        fill = p.surface_alt if self.underMouse() and not self.locked else p.surface
        return QColor(fill), QColor(p.border_strong), 2.0

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill, border, width = self._colours()
        rect = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        path = QPainterPath()
        path.addRoundedRect(rect, theme.RADIUS, theme.RADIUS)
        painter.fillPath(path, fill)
        pen = QPen(border, width)
        if self.state == "missed":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawPath(path)
        if self.hasFocus():
            painter.setPen(QPen(QColor(theme.widget_palette(self).focus), 3))
            painter.drawRoundedRect(rect.adjusted(-0.5, -0.5, 0.5, 0.5), theme.RADIUS, theme.RADIUS)
        if self.kind != "plain":
            self._paint_mark(painter, QRectF(self.mark.geometry()))
        painter.end()

    def _paint_mark(self, painter: QPainter, box: QRectF) -> None:
        on = self.isChecked()
        p = theme.widget_palette(self)
        colour = QColor(p.primary if on else p.text_muted)
        painter.setPen(QPen(colour, 2.5))
        painter.setBrush(QColor(p.surface))
        inner = box.adjusted(3, 3, -3, -3)
        if self.kind == "radio":
            painter.drawEllipse(inner)
            if on:
                painter.setBrush(colour)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.drawEllipse(inner.adjusted(5, 5, -5, -5))
        else:
            painter.drawRoundedRect(inner, 5, 5)
            if on:
                painter.setBrush(colour)
                painter.drawRoundedRect(inner, 5, 5)
                pen = QPen(QColor("#ffffff"), 3)
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                painter.setPen(pen)
                x, y, w, h = inner.x(), inner.y(), inner.width(), inner.height()
                painter.drawPolyline(
                    [
                        QPointF(x + w * 0.22, y + h * 0.52),
                        QPointF(x + w * 0.43, y + h * 0.72),
                        QPointF(x + w * 0.78, y + h * 0.3),
                    ]
                )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self.update()


class TextSizeControl(QWidget):
    """Three buttons for normal, large and extra-large text."""

    size_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int, QToolButton] = {}
        for scale, glyph_px in zip(theme.TEXT_SCALES, (16, 21, 27), strict=True):
            btn = QToolButton()
            btn.setText("A")
            btn.setCheckable(True)
            btn.setProperty("role", "size")
            btn.setStyleSheet(f"font-size: {glyph_px}px;")
            btn.setFixedSize(theme.MIN_TARGET, theme.MIN_TARGET)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            self.group.addButton(btn, scale)
            self.buttons[scale] = btn
            row.addWidget(btn)
        self.group.idClicked.connect(self.size_chosen.emit)
        self.retranslate()

    def retranslate(self) -> None:
        names = {
            100: self.tr("Normal text"),
            125: self.tr("Large text"),
            150: self.tr("Extra large text"),
        }
        for scale, btn in self.buttons.items():
            btn.setAccessibleName(names[scale])
            btn.setToolTip(names[scale])
        self.setAccessibleName(self.tr("Text size"))

    def set_scale(self, scale: int) -> None:
        nearest = min(self.buttons, key=lambda s: abs(s - scale))
        self.buttons[nearest].setChecked(True)


class ContrastToggle(QToolButton):
    """One button a child presses for strong black-on-white colours (and again for the usual ones)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contrast-toggle")
        self.setText("◐")
        self.setCheckable(True)
        self.setProperty("role", "size")
        self.setStyleSheet("font-size: 26px;")
        self.setFixedSize(theme.MIN_TARGET, theme.MIN_TARGET)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Strong colours"))
        self.setToolTip(self.tr("Strong colours: black on white, easier to see"))

    def set_on(self, on: bool) -> None:
        """Show the colours in use without saying the learner chose them."""
        blocked = self.blockSignals(True)
        self.setChecked(on)
        self.blockSignals(blocked)


class LanguageToggle(QWidget):
    """English / اردو. Language names are written in their own language, so they are not translated."""

    language_chosen = Signal(str)
    NAMES: ClassVar[dict[str, str]] = {"en": "English", "ur": "اردو"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QToolButton] = {}
        for index, (code, name) in enumerate(self.NAMES.items()):
            btn = QToolButton()
            btn.setText(name)
            btn.setCheckable(True)
            btn.setProperty("role", "toggle")
            btn.setMinimumHeight(theme.MIN_TARGET)
            # Never narrower than the name: a squeezed tool button elides it ("E…h").
            btn.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            btn.setCursor(Qt.CursorShape.PointingHandCursor)
            btn.setAccessibleName(name)
            self.group.addButton(btn, index)
            self.buttons[code] = btn
            row.addWidget(btn)
            btn.clicked.connect(lambda _checked=False, c=code: self.language_chosen.emit(c))
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Language"))
        for code, btn in self.buttons.items():
            btn.setToolTip(self.tr("Show everything in {language}").format(language=self.NAMES[code]))

    def set_language(self, code: str) -> None:
        if code in self.buttons:
            self.buttons[code].setChecked(True)


def header_bar(*widgets: QWidget | None, stretch_after: int = 1) -> QFrame:
    """A white bar across the top of a screen: the first ``stretch_after`` widgets at its start, the
    others at its end (on a row of their own below when the window is too narrow for one row, see
    ``BarLayout``); a ``TitleLabel`` among them takes the free room."""
    from quizapp.ui.barlayout import BarLayout

    bar = QFrame()
    bar.setProperty("role", "header")
    row = BarLayout(bar)
    row.setContentsMargins(theme.PAGE_MARGIN, 10, theme.PAGE_MARGIN, 10)
    for index, widget in enumerate(widgets):
        if widget is not None:
            row.add(widget, trailing=index >= stretch_after, stretch=isinstance(widget, TitleLabel))
    return bar


def footer_bar() -> tuple[QFrame, QHBoxLayout]:
    bar = QFrame()
    bar.setProperty("role", "footer")
    row = QHBoxLayout(bar)
    row.setContentsMargins(theme.PAGE_MARGIN, 10, theme.PAGE_MARGIN, 10)
    row.setSpacing(12)
    return bar, row
