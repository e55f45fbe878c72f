"""Questions answered by choosing cards: single choice, multiple select, true/false and scenarios."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from quizapp.content.models import MultipleSelect, Scenario, SingleChoice, TrueFalse
from quizapp.services.grading import Grade
from quizapp.ui import images
from quizapp.ui.narration import SpeakerButton, beside_speaker, option_item
from quizapp.ui.questions.base import QuestionView, tr
from quizapp.ui.widgets import ChoiceCard, label, picture


def rating_words(rating: str) -> str:
    """A scenario rating in words (never by colour alone)."""
    return {
        "best": tr("Best choice"),
        "acceptable": tr("Okay choice, but there is a better one"),
        "unsafe": tr("Unsafe choice"),
    }[rating]


OPTION_SPACING = 8
SITUATION_PICTURE = 36
PACK_SITUATION_PICTURE = (150, 110)  # a pack's scenario picture beside the situation: at most this big

RATING_ICONS = {"best": "best", "acceptable": "acceptable", "unsafe": "unsafe"}


class _CardsView(QuestionView):
    """Options shown as cards, in the order the quiz session gives (shuffled when the module asks)."""

    kind = "radio"
    exclusive = True

    def options(self) -> list[Any]:
        question = self.question
        assert isinstance(question, SingleChoice | MultipleSelect | Scenario)
        return list(question.options)

    def build(self) -> None:
        options = self.options()
        order = self.session.option_order(self.question) if self.session else list(range(len(options)))
        # One answer: a button group, so Tab stops once and the arrow keys go from card to card. Several
        # answers: no group, as Qt would make one Tab stop of it too but move between check boxes with
        # no key at all; each card is its own Tab stop.
        self.group = QButtonGroup(self) if self.exclusive else None
        self.cards: list[tuple[Any, ChoiceCard]] = []
        self.cells: dict[ChoiceCard, QWidget] = {}  # a card with its speaker button beside it
        self.option_speakers: dict[ChoiceCard, SpeakerButton] = {}
        for number, index in enumerate(order, 1):
            option = options[index]
            card = ChoiceCard(self.t(option.text), number=number if number <= 9 else None, kind=self.kind)
            card.setObjectName(f"option-{option.id}")
            card.setProperty("option_id", option.id)
            if self.group is not None:
                self.group.addButton(card)
            card.toggled.connect(lambda _on=False: self.answer_changed.emit())
            card.installEventFilter(self)
            self.cards.append((option, card))
            item = option_item(self.ctx, option, self.pack, self.audience)
            if item is not None:
                self.option_speakers[card] = SpeakerButton(self.ctx.narrator, item, card.text_label.text())
                self.cells[card] = beside_speaker(card, self.option_speakers[card])
        # Short options side by side, two to a row (reading order: the first on the leading side), so that
        # on a small screen every option is in sight at once; long ones one under the other.
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(OPTION_SPACING)
        if self.option_speakers:  # a speaker between two columns is nearer its own card than the other
            self.grid.setHorizontalSpacing(4 * OPTION_SPACING)
        self.box.addLayout(self.grid)
        self.two_columns = False
        self._place_cards(two_columns=False)

    def _place_cards(self, *, two_columns: bool) -> None:
        for _option, card in self.cards:
            self.grid.removeWidget(self.cells.get(card, card))
        columns = 2 if two_columns else 1
        for position, (_option, card) in enumerate(self.cards):
            self.grid.addWidget(self.cells.get(card, card), position // columns, position % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.two_columns = two_columns

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrow keys go from card to card in reading order, in one column or two (Down and the
        reading direction's arrow to the next, Up and the other to the one before)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            cards = [card for _option, card in self.cards]
            if watched in cards and event.modifiers() == Qt.KeyboardModifier.NoModifier:
                rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
                forward = {Qt.Key.Key_Down, Qt.Key.Key_Left if rtl else Qt.Key.Key_Right}
                back = {Qt.Key.Key_Up, Qt.Key.Key_Right if rtl else Qt.Key.Key_Left}
                key = Qt.Key(event.key())
                if key in forward or key in back:
                    index = cards.index(watched) + (1 if key in forward else -1)
                    if 0 <= index < len(cards):
                        cards[index].setFocus(Qt.FocusReason.TabFocusReason)
                    return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        wanted = len(self.cards) > 2 and self._two_columns_are_lower(self.width())
        if wanted != self.two_columns:
            self._place_cards(two_columns=wanted)

    def _two_columns_are_lower(self, width: int) -> bool:
        """Two cards to a row take less height than one under the other (short texts, or four options
        whose texts wrap no more in half the width)."""
        cards = [card for _option, card in self.cards]
        half = (width - OPTION_SPACING) // 2
        one = sum(card.text_height(width) for card in cards) + OPTION_SPACING * (len(cards) - 1)
        rows = [cards[i : i + 2] for i in range(0, len(cards), 2)]
        two = sum(max(card.text_height(half) for card in row) for row in rows)
        two += OPTION_SPACING * (len(rows) - 1)
        margins = ChoiceCard.MARGINS[1] + ChoiceCard.MARGINS[3]
        return two + margins * len(rows) < one + margins * len(cards)

    def chosen_ids(self) -> list[str]:
        return [option.id for option, card in self.cards if card.isChecked()]

    def card_for(self, option_id: str) -> ChoiceCard | None:
        return next((card for option, card in self.cards if option.id == option_id), None)

    def pick_number(self, number: int) -> bool:
        if self.locked or not 1 <= number <= len(self.cards):
            return False
        card = self.cards[number - 1][1]
        card.click()
        card.setFocus()
        return True

    def first_focus(self) -> QWidget | None:
        return self.cards[0][1] if self.cards else None

    def listen(self) -> None:
        """F2 on a narrated option plays the option; anywhere else, the question."""
        focused = next((card for _o, card in self.cards if card.hasFocus()), None)
        speaker = self.option_speakers.get(focused) if focused is not None else None
        if speaker is not None:
            speaker.click()
        else:
            super().listen()

    def option_feedback(self) -> list[str]:
        chosen = set(self.chosen_ids())
        return [self.t(o.feedback) for o, _card in self.cards if o.id in chosen and o.feedback is not None]

    def _lock(self) -> None:
        for _option, card in self.cards:
            card.set_locked()


class SingleView(_CardsView):
    def answer(self) -> Any | None:
        chosen = self.chosen_ids()
        return chosen[0] if chosen else None

    def set_answer(self, answer: Any) -> None:
        card = self.card_for(answer) if isinstance(answer, str) else None
        if card is not None:
            card.setChecked(True)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        question = self.question
        assert isinstance(question, SingleChoice)
        chosen = self.answer()
        for option, card in self.cards:
            if option.id == chosen and option.id == question.correct:
                card.set_state("correct", tr("Your answer is right"), "correct")
            elif option.id == chosen:
                card.set_state("wrong", tr("Your answer: not this one"), "not-quite")
            elif option.id == question.correct:
                card.set_state("correct", tr("The right answer"), "correct")
        self._lock()

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, SingleChoice)
        return next(self.t(o.text) for o in question.options if o.id == question.correct)


CHOOSE_ALL_SENTENCES = re.compile(
    r"\s*(?:(?:choose|select|tick|pick) all (?:that apply|the right answers|correct answers|that are right)"
    r"|سب درست جوابات (?:چنیں|منتخب کریں)|تمام درست جوابات (?:چنیں|منتخب کریں))\s*[.!۔]?\s*$",
    re.IGNORECASE,
)


def without_choose_all(prompt: str) -> str:
    """``prompt`` without a last sentence that only says to choose every right answer (English or Urdu);
    the prompt as it is when that sentence is all there is."""
    shortened = CHOOSE_ALL_SENTENCES.sub("", prompt)
    return shortened if shortened.strip() else prompt


class MultipleView(_CardsView):
    kind = "check"
    exclusive = False

    def build(self) -> None:
        # The view says how to answer, in the learner's language; a pack's own "Choose all that apply."
        # at the end of the prompt would say it a second time, so it is left out of the prompt shown.
        prompt = self.prompt.text()
        shortened = without_choose_all(prompt)
        if shortened != prompt:
            self.prompt.setText(shortened)
        self.box.addWidget(label(tr("Choose every answer that is right."), "subtle"))
        super().build()

    def answer(self) -> Any | None:
        chosen = set(self.chosen_ids())
        in_pack_order = [o.id for o in self.options() if o.id in chosen]
        return in_pack_order or None

    def set_answer(self, answer: Any) -> None:
        if not isinstance(answer, list):
            return
        for option, card in self.cards:
            card.setChecked(option.id in answer)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        question = self.question
        assert isinstance(question, MultipleSelect)
        chosen = set(self.chosen_ids())
        right = set(question.correct)
        for option, card in self.cards:
            if option.id in chosen and option.id in right:
                card.set_state("correct", tr("Right choice"), "correct")
            elif option.id in chosen:
                card.set_state("wrong", tr("Not one of the right answers"), "not-quite")
            elif option.id in right:
                card.set_state("missed", tr("This one was right too"), "correct")
        self._lock()

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, MultipleSelect)
        return "; ".join(self.t(o.text) for o in question.options if o.id in question.correct)


class ScenarioView(_CardsView):
    """A situation card, then what the learner could do; feedback rates the choice in words."""

    picture_in_intro = True

    def build_intro(self) -> None:
        question = self.question
        assert isinstance(question, Scenario)
        card = QFrame()
        card.setProperty("role", "situation")
        card.setObjectName("situation")
        row = QHBoxLayout(card)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(12)
        # A small picture with "Imagine this" under it, beside the situation: on a 1024x600 screen in
        # Urdu (tall Nastaliq lines) the situation, the question and every option fit without scrolling.
        # The pack's own picture of the scenario, when it gives one, takes the phone icon's place.
        side = QVBoxLayout()
        side.setSpacing(0)
        own = self.question_picture(*PACK_SITUATION_PICTURE) if question.image else None
        shown = picture(own, self.t(question.image_alt)) if own is not None else None
        if shown is not None:
            shown.setObjectName("situation-picture")
        side.addWidget(
            shown or picture(images.illustration("scenario", SITUATION_PICTURE)),
            0,
            Qt.AlignmentFlag.AlignHCenter,
        )
        imagine = label(tr("Imagine this"), "subtle", wrap=False)
        side.addWidget(imagine, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addStretch(1)
        row.addLayout(side)
        self.situation = label(self.t(question.situation))
        self.situation.setObjectName("situation-text")
        self.situation.setProperty("tight", True)
        row.addWidget(self.situation, 1, Qt.AlignmentFlag.AlignVCenter)
        card.setAccessibleName(tr("Imagine this: {situation}").format(situation=self.t(question.situation)))
        self.box.addWidget(card)

    def answer(self) -> Any | None:
        chosen = self.chosen_ids()
        return chosen[0] if chosen else None

    def set_answer(self, answer: Any) -> None:
        card = self.card_for(answer) if isinstance(answer, str) else None
        if card is not None:
            card.setChecked(True)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        chosen = self.answer()
        for option, card in self.cards:
            if option.id == chosen:
                card.set_state(
                    option.rating,
                    tr("Your choice: {rating}").format(rating=rating_words(option.rating)),
                    RATING_ICONS[option.rating],
                )
            elif option.rating == "best":
                card.set_state("best", rating_words("best"), "best")
        self._lock()

    def chosen_rating(self) -> str | None:
        chosen = self.answer()
        return next((o.rating for o, _card in self.cards if o.id == chosen), None)

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, Scenario)
        return "; ".join(self.t(o.text) for o in question.options if o.rating == "best")


class TrueFalseView(QuestionView):
    """Two big cards side by side: True and False."""

    def build(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(16)
        self.group = QButtonGroup(self)
        self.true_card = ChoiceCard(tr("True"), number=1, kind="plain")
        self.false_card = ChoiceCard(tr("False"), number=2, kind="plain")
        self.true_card.setObjectName("option-true")
        self.false_card.setObjectName("option-false")
        for card in (self.true_card, self.false_card):
            card.setMinimumHeight(96)
            self.group.addButton(card)
            row.addWidget(card, 1)
            card.toggled.connect(lambda _on=False: self.answer_changed.emit())
        self.box.addLayout(row)

    def answer(self) -> Any | None:
        if self.true_card.isChecked():
            return True
        if self.false_card.isChecked():
            return False
        return None

    def set_answer(self, answer: Any) -> None:
        if answer is True:
            self.true_card.setChecked(True)
        elif answer is False:
            self.false_card.setChecked(True)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        question = self.question
        assert isinstance(question, TrueFalse)
        chosen = self.answer()
        for value, card in ((True, self.true_card), (False, self.false_card)):
            if value == chosen and value == question.correct:
                card.set_state("correct", tr("Your answer is right"), "correct")
            elif value == chosen:
                card.set_state("wrong", tr("Your answer: not this one"), "not-quite")
            elif value == question.correct:
                card.set_state("correct", tr("The right answer"), "correct")
            card.set_locked()

    def pick_number(self, number: int) -> bool:
        if self.locked or number not in (1, 2):
            return False
        card = self.true_card if number == 1 else self.false_card
        card.click()
        card.setFocus()
        return True

    def first_focus(self) -> QWidget | None:
        return self.true_card

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, TrueFalse)
        return tr("True") if question.correct else tr("False")
