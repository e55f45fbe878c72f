"""A list of picture cards that stays quick with a whole school in it.

The learner picker showed one button per learner and laid them all out again on every keystroke: with
4,000 learners a refresh took 14 s. Here the cards are rows of a model (:class:`CardModel`) drawn by a
delegate (:class:`CardDelegate`) in a :class:`CardView` (a ``QListView`` whose items flow left to right and
wrap, with uniform item sizes: it looks like icon mode but lays 4,000 cards out in half the time): only
the cards on screen are ever painted, and filtering is one pass over precomputed search keys in the
model, not a widget per card.

The view is usable without a mouse (arrow keys move between cards, Enter or Space chooses one) and by a
screen reader (each card's accessible text is its name and its second line); it mirrors for right-to-left
languages.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from quizapp.ui import images, theme
from quizapp.ui.plaintext import tooltip_text

ModelIndex = QModelIndex | QPersistentModelIndex

# Letters an Urdu keyboard, an Arabic one and a phone may each write differently for the same name.
_SAME_LETTER = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi/Urdu yeh
        "\u0649": "\u06cc",  # alef maksura -> yeh
        "\u06d2": "\u06cc",  # bari yeh (at a word's end) -> yeh
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0647": "\u06c1",  # Arabic heh -> heh goal
        "\u06be": "\u06c1",  # heh doachashmee -> heh goal
        "\u06c3": "\u06c1",  # teh marbuta goal -> heh goal
        "\u0629": "\u06c1",  # teh marbuta -> heh goal
        "\u0623": "\u0627",  # alef with hamza above -> alef
        "\u0625": "\u0627",  # alef with hamza below -> alef
        "\u0622": "\u0627",  # alef with madda -> alef
        "\u06c2": "\u06c1",  # heh goal with hamza -> heh goal
        "\u0624": "\u0648",  # waw with hamza -> waw
        "\u06d3": "\u06cc",  # bari yeh with hamza -> yeh
        "\u0626": "\u06cc",  # yeh with hamza -> yeh
    }
)
_IGNORED = frozenset(
    {
        "\u0640",  # tatweel (kashida), a stretch of the line
        "\u200c",  # zero-width non-joiner
        "\u200d",  # zero-width joiner
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        "\u061c",  # Arabic letter mark
        "\u0654",  # hamza above (as a separate mark)
        "\u0670",  # superscript alef
    }
)


@lru_cache(maxsize=65536)
def search_key(text: str) -> str:
    """``text`` as searched: case and accents folded, spaces collapsed, Urdu letter variants and vowel
    marks (zer, zabar, pesh...) ignored, so "bushra" finds "Bushra" and "بشری" finds "بشریٰ".

    Cached: the picker asks again for every learner each time it is shown."""
    if text.isascii():
        return " ".join(text.casefold().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch for ch in decomposed if ch not in _IGNORED and unicodedata.category(ch) not in ("Mn", "Me", "Cf")
    )
    return " ".join(unicodedata.normalize("NFC", kept).translate(_SAME_LETTER).split())


@dataclass(frozen=True, slots=True)
class Card:
    """One card: ``key`` identifies it (a learner's or a class's id); ``detail`` is an optional second
    line; ``picture`` an avatar id (or None: ``icon`` is drawn instead); ``group`` a class id to narrow by."""

    key: str
    title: str
    detail: str = ""
    picture: str | None = None
    icon: str | None = None
    group: str | None = None
    search: str = field(default="", compare=False)

    @classmethod
    def make(
        cls,
        key: str,
        title: str,
        detail: str = "",
        *,
        picture: str | None = None,
        icon: str | None = None,
        group: str | None = None,
    ) -> Card:
        return cls(key, title, detail, picture, icon, group, search_key(f"{title}\n{detail}"))


KEY_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
CARD_ROLE = Qt.ItemDataRole.UserRole + 3


class CardModel(QAbstractListModel):
    """Cards, narrowed by a typed filter and optionally by a group; ``shown()`` are the rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Card] = []
        self._shown: list[Card] = []
        self._wanted = ""
        self._group: str | None = None

    # ----------------------------------------------------------------------------------------- content
    def set_cards(self, cards: Sequence[Card]) -> None:
        """Show ``cards`` (nothing happens when they are the ones shown: the place in the list is kept)."""
        cards = list(cards)
        if cards == self._all:
            return
        self.beginResetModel()
        self._all = cards
        self._shown = self._matching()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show the cards whose title or second line contains ``text`` (see :func:`search_key`)."""
        wanted = search_key(text)
        if wanted == self._wanted:
            return
        self.beginResetModel()
        self._wanted = wanted
        self._shown = self._matching()
        self.endResetModel()

    def set_group(self, group: str | None) -> None:
        """Show only the cards of ``group`` (None: every card)."""
        if group == self._group:
            return
        self.beginResetModel()
        self._group = group
        self._shown = self._matching()
        self.endResetModel()

    def _matching(self) -> list[Card]:
        cards = self._all
        if self._group is not None:
            group = self._group
            cards = [card for card in cards if card.group == group]
        if self._wanted:
            wanted = self._wanted
            cards = [card for card in cards if wanted in card.search]
        return cards

    def all_cards(self) -> list[Card]:
        return list(self._all)

    def shown(self) -> list[Card]:
        return list(self._shown)

    def card(self, row: int) -> Card:
        return self._shown[row]

    def row_of(self, key: str) -> int:
        """The row showing the card ``key``, or -1."""
        return next((row for row, card in enumerate(self._shown) if card.key == key), -1)

    # ----------------------------------------------------------------------------------- Qt's model API
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._shown)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._shown):
            return None
        card = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == Qt.ItemDataRole.ToolTipRole:  # a name that looks like HTML is shown word for word
            return tooltip_text(card.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{card.title}, {card.detail}" if card.detail else card.title
        if role == DETAIL_ROLE:
            return card.detail
        if role == KEY_ROLE:
            return card.key
        if role == CARD_ROLE:
            return card
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _fitted(font: QFont, text: str, width: int, elide: Qt.TextElideMode) -> tuple[QFont, str]:
    """``font`` up to a quarter smaller until ``text`` fits ``width``; elided only if it still does not."""
    if QFontMetrics(font).horizontalAdvance(text) <= width:
        return font, text
    pixels, points = font.pixelSize(), font.pointSizeF()
    smaller = font
    for step in (0.9, 0.8, 0.75):
        smaller = QFont(font)
        if pixels > 0:
            smaller.setPixelSize(max(9, round(pixels * step)))
        else:
            smaller.setPointSizeF(max(7.0, points * step))
        if QFontMetrics(smaller).horizontalAdvance(text) <= width:
            return smaller, text
    return smaller, QFontMetrics(smaller).elidedText(text, elide, width)


class CardDelegate(QStyledItemDelegate):
    """Draws a card as the learner tiles looked: a white rounded card, the picture, the name in bold
    and, when there is one, a second line in a smaller, quieter font."""

    def __init__(self, view: CardView) -> None:
        super().__init__(view)
        self.view = view

        self._measured: tuple[str, int, QFont, QFont, QSize] | None = None

    def _measure(self) -> tuple[QFont, QFont, QSize]:
        """The title and detail fonts and the card's size, kept until the view's font or lines change
        (painting asks for them for every card)."""
        base = self.view.font()
        key = base.key()
        cached = self._measured
        if cached is not None and cached[0] == key and cached[1] == self.view.detail_lines:
            return cached[2], cached[3], cached[4]
        title = QFont(base)
        title.setBold(True)
        detail = QFont(base)
        detail.setPixelSize(max(9, round(title.pixelSize() * 0.8)) if title.pixelSize() > 0 else 12)
        lines = QFontMetrics(title).height() + self.view.detail_lines * QFontMetrics(detail).height()
        size = QSize(self.view.card_width, self.view.picture_size + lines + 34)
        self._measured = (key, self.view.detail_lines, title, detail, size)
        return title, detail, size

    def fonts(self) -> tuple[QFont, QFont]:
        title, detail, _size = self._measure()
        return title, detail

    def card_size(self) -> QSize:
        """The card itself (the grid cell around it adds the spacing)."""
        return self._measure()[2]

    def title_shown(self, title: str, width: int | None = None) -> tuple[QFont, str]:
        """The font and text of a card's name: a name a little too wide (a two-word name in the larger
        Urdu-screen font) is drawn up to a quarter smaller rather than cut; only longer names are elided."""
        if width is None:
            width = self.card_size().width() - 20
        return _fitted(self._measure()[0], title, width, Qt.TextElideMode.ElideRight)

    def detail_shown(self, detail: str, width: int | None = None) -> tuple[QFont, str]:
        """The second line (father's name, roll number), fitted like the name but cut in the middle when
        it must be: 'Muhammad Yousaf · 3' and 'Muhammad Younis · 4' must not both become 'Muhammad You…'."""
        if width is None:
            width = self.card_size().width() - 20
        return _fitted(self._measure()[1], detail, width, Qt.TextElideMode.ElideMiddle)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        cell = self.view.gridSize()  # the whole cell: the card is drawn in its middle
        return cell if cell.isValid() else self.card_size()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if not isinstance(card, Card):
            return
        view = self.view
        palette = view.palette_now
        cell: QRect = option.rect
        title_font, detail_font, size = self._measure()
        box = QRectF(
            cell.x() + (cell.width() - size.width()) / 2,
            cell.y() + (cell.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )
        state = option.state
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        current = bool(state & QStyle.StateFlag.State_HasFocus) and view.hasFocus()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        inner = box.adjusted(1, 1, -1, -1)
        path.addRoundedRect(inner, 18, 18)
        painter.fillPath(path, QColor(palette.primary_soft if hover else palette.surface))
        if current:
            painter.setPen(QPen(QColor(palette.focus), 4))
            painter.drawRoundedRect(box.adjusted(2, 2, -2, -2), 17, 17)
        else:
            painter.setPen(QPen(QColor(palette.primary if hover else palette.border), 2))
            painter.drawPath(path)
        top = box.y() + 10
        picture_size = view.picture_size
        pixmap = None
        if card.picture is not None:
            pixmap = images.avatar_pixmap(card.picture, picture_size)
        elif card.icon is not None:
            pixmap = images.icon_pixmap(card.icon, picture_size)
        if pixmap is not None and not pixmap.isNull():
            ratio = pixmap.devicePixelRatio() or 1.0
            width, height = pixmap.width() / ratio, pixmap.height() / ratio
            target = QRectF(box.center().x() - width / 2, top + (picture_size - height) / 2, width, height)
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
        text_width = int(box.width()) - 20
        title_metrics = QFontMetrics(title_font)
        line_top = top + picture_size + 6
        painter.setFont(title_font)
        painter.setPen(QColor(palette.text))
        fitted_font, shown = self.title_shown(card.title, text_width)
        painter.setFont(fitted_font)
        title_rect = QRectF(box.x() + 10, line_top, text_width, title_metrics.height())
        painter.drawText(title_rect, int(Qt.AlignmentFlag.AlignCenter), shown)
        if card.detail:
            detail_metrics = QFontMetrics(detail_font)
            painter.setPen(QColor(palette.text_muted))
            fitted_detail, shown = self.detail_shown(card.detail, text_width)
            painter.setFont(fitted_detail)
            detail_rect = QRectF(box.x() + 10, title_rect.bottom(), text_width, detail_metrics.height())
            painter.drawText(detail_rect, int(Qt.AlignmentFlag.AlignCenter), shown)
        painter.restore()


class CardView(QListView):
    """The cards in as many columns as fit (at most ``max_columns``), each column equally wide.

    ``chosen`` gives the key of a card clicked, or current when Enter or Space is pressed."""

    chosen = Signal(str)

    def __init__(
        self,
        model: CardModel,
        *,
        card_width: int,
        picture_size: int,
        max_columns: int = 8,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.card_width = card_width
        self.picture_size = picture_size
        self.max_columns = max_columns
        self.detail_lines = 0
        self.setProperty("role", "cards")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMouseTracking(True)
        self.setTabKeyNavigation(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        self.palette_now = theme.widget_palette(self)
        """The theme's colours, looked up once per paint (not once per card)."""
        self.delegate = CardDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setModel(model)
        self.cards = model
        self.clicked.connect(self._clicked)
        model.modelReset.connect(self._after_reset)
        self._fit()

    def show_details(self, lines: int) -> None:
        """Make room for a second line on every card (0 or 1), so all cards keep one size."""
        if lines != self.detail_lines:
            self.detail_lines = lines
            self._fit()

    def key_at(self, index: ModelIndex) -> str | None:
        if not index.isValid():
            return None
        key = index.data(KEY_ROLE)
        return str(key) if key is not None else None

    def card_rect(self, key: str) -> QRect:
        """Where the card ``key`` is drawn (in viewport coordinates), after scrolling it into view."""
        row = self.cards.row_of(key)
        if row < 0:
            return QRect()
        index = self.cards.index(row)
        self.scrollTo(index)
        return self.visualRect(index)

    def focus_first(self) -> None:
        if self.cards.rowCount():
            self.setCurrentIndex(self.cards.index(0))
            self.setFocus()

    def first_in_view(self) -> QModelIndex:
        """The first card the viewport shows (cards are in reading order), else the first card."""
        shown = self.viewport().rect()
        for row in range(self.cards.rowCount()):
            index = self.cards.index(row)
            if self.visualRect(index).intersects(shown):
                return index
        return self.cards.index(0)

    def _clicked(self, index: QModelIndex) -> None:
        key = self.key_at(index)
        if key is not None:
            self.chosen.emit(key)

    def _after_reset(self) -> None:
        self.scrollToTop()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select):
            key = self.key_at(self.currentIndex())
            if key is not None:
                self.chosen.emit(key)
                return
        mirrored = {Qt.Key.Key_Left: Qt.Key.Key_Right, Qt.Key.Key_Right: Qt.Key.Key_Left}
        if self.isRightToLeft() and event.key() in mirrored:
            # Right to left the cards flow leftwards, but the list would still take Right as "next card":
            # make the arrows move the way they point.
            event = QKeyEvent(event.type(), mirrored[Qt.Key(event.key())], event.modifiers(), event.text())
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().focusInEvent(event)
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            return  # the press that gave focus chooses the card; making the first card current would
            # scroll the list to the top under the finger, and the release would land on another name
        if not self.currentIndex().isValid() and self.cards.rowCount():
            # keyboard focus: the first card in view, so the list does not jump away from where it is
            self.setCurrentIndex(self.first_in_view())

    # ------------------------------------------------------------------------------------------- layout
    def columns_for(self, width: int) -> int:
        cell = self.card_width + theme.SPACING
        return max(1, min(self.max_columns, (width + theme.SPACING) // cell))

    def _fit(self) -> None:
        width = self.viewport().width()
        columns = self.columns_for(width)
        card = self.delegate.card_size()
        # -1: QListView wraps before a row that would end exactly on the viewport's edge
        cell = QSize(max(card.width() + 4, (width - 1) // columns), card.height() + theme.SPACING)
        if cell != self.gridSize():
            self.setGridSize(cell)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.palette_now = theme.widget_palette(self)
        super().paintEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().changeEvent(event)
        if event.type() in (event.Type.FontChange, event.Type.StyleChange):
            self._fit()
