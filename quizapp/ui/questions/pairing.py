"""Matching by tap-tap: tap an item on one side, then its partner on the other (or drag one onto the other).

Each side is a column of cards; a pair shows the same coloured number on both of its cards (never colour
alone). Tapping a card that is already paired takes the pair apart and picks that card up again, so a
mistake is undone with one tap. Keyboard: Tab goes down the first column and then the second, Space (or
Enter) taps the card with the focus; the number keys 1-9 pick up an item of the first column.

The answer keeps the stored shape: for each left item in pack order, the index of the pair whose right
text was chosen, or None.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QWidget

from quizapp.content.models import Matching
from quizapp.services.grading import Grade
from quizapp.ui import images, theme
from quizapp.ui.questions.base import QuestionView, tr
from quizapp.ui.widgets import ChoiceCard, label

# Pair colours (each pair also shows its number, so colour is never the only sign).
PAIR_COLOURS = (
    "#1f6fb2", "#b8500f", "#2e7d32", "#8e24aa", "#c62828", "#00838f", "#5d4037", "#ad1457", "#455a64",
    "#6d7f00",
)  # fmt: skip
PICTURE_SIDE = 56


class PairCard(ChoiceCard):
    """One item of a matching question. Its round mark shows the number of the pair it is in (in the pair's
    colour), a ring while it is picked up, and nothing while it waits."""

    def __init__(self, text: str, *, number: int | None, side: str, index: int) -> None:
        super().__init__(text, number=number, kind="radio")
        self.side = side  # "left" or "right"
        self.index = index  # left: the item's place in the pack; right: the index of the pair it belongs to
        self.pair_number: int | None = None
        self.picked = False

    def nextCheckState(self) -> None:
        """Tapping does not tick the card: the view decides what a tap means."""

    def set_pair(self, number: int | None, picked: bool) -> None:
        self.pair_number = number
        self.picked = picked
        self.update()

    def _paint_mark(self, painter: QPainter, box: QRectF) -> None:
        p = theme.widget_palette(self)
        inner = box.adjusted(1, 1, -1, -1)
        if self.pair_number is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(PAIR_COLOURS[(self.pair_number - 1) % len(PAIR_COLOURS)]))
            painter.drawEllipse(inner)
            font = QFont(self.font())
            font.setBold(True)
            font.setPixelSize(15)
            painter.setFont(font)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(inner, Qt.AlignmentFlag.AlignCenter, str(self.pair_number))
            return
        painter.setBrush(QColor(p.surface))
        painter.setPen(QPen(QColor(p.primary if self.picked else p.text_muted), 4 if self.picked else 2))
        painter.drawEllipse(inner.adjusted(2, 2, -2, -2))

    def _colours(self) -> tuple[QColor, QColor, float]:
        fill, border, width = super()._colours()
        if self.state is None and self.picked:
            p = theme.widget_palette(self)
            return QColor(p.primary_soft), QColor(p.primary), 4.0
        return fill, border, width


class MatchingView(QuestionView):
    """Tap an item, then its partner (see the module)."""

    def build(self) -> None:
        question = self.question
        assert isinstance(question, Matching)
        self.box.addWidget(
            label(tr("Tap an item, then tap its partner. Tap a pair again to undo it."), "subtle")
        )
        order = (
            self.session.matching_choices(question)
            if self.session is not None
            else list(range(len(question.pairs)))
        )
        size = len(question.pairs)
        self.pairs: list[int | None] = [None] * size
        self.picked: PairCard | None = None
        self._drag_from: PairCard | None = None
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.left_cards: list[PairCard] = []
        self.right_cards: list[PairCard] = []
        # Created column by column, so Tab goes down the first column and then the second.
        for row, pair in enumerate(question.pairs):
            card = self._card(self.t(pair.left), pair.left_image, "left", row, row + 1 if row < 9 else None)
            grid.addWidget(card, row, 0)
            self.left_cards.append(card)
        for row, index in enumerate(order):
            pair = question.pairs[index]
            card = self._card(self.t(pair.right), pair.right_image, "right", index, None)
            grid.addWidget(card, row, 1)
            self.right_cards.append(card)
        self.box.addLayout(grid)
        self._refresh()

    def _card(self, text: str, image: str | None, side: str, index: int, number: int | None) -> PairCard:
        card = PairCard(text, number=number, side=side, index=index)
        card.setObjectName(f"{side}-{index}")
        if image:
            pixmap = images.load_image(self.pack.asset_path(image), PICTURE_SIDE, PICTURE_SIDE)
            if pixmap is not None:
                pic = QLabel(card)
                pic.setObjectName("picture")
                pic.setPixmap(pixmap)
                pic.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                layout = card.layout()
                if layout is not None:
                    layout.insertWidget(2, pic)  # type: ignore[attr-defined]
        card.clicked.connect(lambda _checked=False, c=card: self.tap(c))
        card.installEventFilter(self)
        return card

    # ------------------------------------------------------------------------------------- tapping
    def tap(self, card: PairCard) -> None:
        """What a tap (or Space) on ``card`` does: pick it up, pair it with the card picked up on the other
        side, or, when it is already paired, take that pair apart and pick it up."""
        if self.locked:
            return
        picked = self.picked
        if picked is card:
            self.picked = None
        elif picked is not None and picked.side != card.side:
            left, right = (picked, card) if picked.side == "left" else (card, picked)
            self._pair(left.index, right.index)
            self.picked = None
        else:
            self._unpair(card)
            self.picked = card
        self._refresh()
        self.answer_changed.emit()

    def _pair(self, left: int, right: int) -> None:
        self.pairs = [None if chosen == right else chosen for chosen in self.pairs]
        self.pairs[left] = right

    def _unpair(self, card: PairCard) -> None:
        if card.side == "left":
            self.pairs[card.index] = None
        else:
            self.pairs = [None if chosen == card.index else chosen for chosen in self.pairs]

    def _right_card(self, index: int) -> PairCard:
        return next(c for c in self.right_cards if c.index == index)

    def right_card_for(self, index: int) -> PairCard:
        """The card showing the right text of pair ``index``."""
        return self._right_card(index)

    def _refresh(self) -> None:
        question = self.question
        assert isinstance(question, Matching)
        partner_of_right = {right: left for left, right in enumerate(self.pairs) if right is not None}
        for card in self.left_cards:
            chosen = self.pairs[card.index]
            card.set_pair(card.index + 1 if chosen is not None else None, card is self.picked)
            if chosen is not None:
                state = tr("{item}: paired with “{partner}”").format(
                    item=card.text(), partner=self.t(question.pairs[chosen].right)
                )
            else:
                state = tr("{item}: not paired yet").format(item=card.text())
            card.setAccessibleName(state)
        for card in self.right_cards:
            left = partner_of_right.get(card.index)
            card.set_pair(left + 1 if left is not None else None, card is self.picked)
            if left is not None:
                state = tr("{item}: paired with “{partner}”").format(
                    item=card.text(), partner=self.t(question.pairs[left].left)
                )
            else:
                state = tr("{item}: not paired yet").format(item=card.text())
            card.setAccessibleName(state)
        if self.picked is not None:
            self.picked.setAccessibleDescription(tr("Picked up: now tap its partner."))
        for card in (*self.left_cards, *self.right_cards):
            if card is not self.picked:
                card.setAccessibleDescription("")

    # ---------------------------------------------------------------------------------------- drag
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press on one card and a release over a card of the other side pairs them (drag)."""
        if isinstance(watched, PairCard) and not self.locked:
            if event.type() == QEvent.Type.MouseButtonPress:
                self._drag_from = watched
            elif event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
                start, self._drag_from = self._drag_from, None
                target = self._card_at(watched.mapToGlobal(event.position().toPoint()))
                if start is watched and target is not None and target.side != watched.side:
                    watched.setDown(False)
                    left, right = (watched, target) if watched.side == "left" else (target, watched)
                    self._pair(left.index, right.index)
                    self.picked = None
                    self._refresh()
                    self.answer_changed.emit()
                    return True
        return super().eventFilter(watched, event)

    def _card_at(self, global_pos: QPoint) -> PairCard | None:
        widget = QApplication.widgetAt(global_pos)
        while widget is not None and not isinstance(widget, PairCard):
            widget = widget.parentWidget()
        return widget if isinstance(widget, PairCard) else None

    # -------------------------------------------------------------------------------- the contract
    def answer(self) -> Any | None:
        if all(chosen is None for chosen in self.pairs):
            return None
        return list(self.pairs)

    def set_answer(self, answer: Any) -> None:
        if not isinstance(answer, list):
            return
        size = len(self.pairs)
        pairs: list[int | None] = [None] * size
        for left, chosen in enumerate(answer[:size]):
            if isinstance(chosen, int) and not isinstance(chosen, bool) and 0 <= chosen < size:
                pairs[left] = chosen
        self.pairs = pairs
        self.picked = None
        self._refresh()

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        question = self.question
        assert isinstance(question, Matching)
        self.picked = None
        self._refresh()
        for card in self.left_cards:
            right = grade.parts[card.index] if card.index < len(grade.parts) else False
            if right:
                card.set_state("correct", tr("✓ Right"), "correct")
            else:
                note = tr("✗ Not quite: it matches “{answer}”").format(
                    answer=self.t(question.pairs[card.index].right)
                )
                card.set_state("wrong", note, "not-quite")
            card.set_locked()
        for card in self.right_cards:
            card.set_locked()

    def pick_number(self, number: int) -> bool:
        if self.locked or not 1 <= number <= min(9, len(self.left_cards)):
            return False
        card = self.left_cards[number - 1]
        card.setFocus()
        if self.picked is not card:
            self.tap(card)
        return True

    def first_focus(self) -> QWidget | None:
        return self.left_cards[0] if self.left_cards else None

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, Matching)
        return "; ".join(f"{self.t(p.left)}: {self.t(p.right)}" for p in question.pairs)
