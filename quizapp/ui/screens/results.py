"""Results, kept short for slow readers: the score, a badge (passed, or a good try), the two things to
remember, and what to do next; the questions to look at again, with their explanations, open behind "See
all answers". A short confetti celebration when the module is passed. No leaderboards, no timers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from quizapp.services.remember import things_to_remember
from quizapp.ui import images, theme
from quizapp.ui.celebration import Confetti
from quizapp.ui.questions.describe import describe_answer, describe_right_answer
from quizapp.ui.screens.base import Screen
from quizapp.ui.widgets import (
    Card,
    ScrollPage,
    TitleLabel,
    button,
    footer_bar,
    header_bar,
    label,
    picture,
    tinted,
    without_nastaliq,
)

if TYPE_CHECKING:
    from quizapp.content.models import AnyQuestion
    from quizapp.services.learning import RunResult
    from quizapp.services.library import ModuleEntry
    from quizapp.services.records import Learner
    from quizapp.ui.context import AppContext


class ResultsScreen(Screen):
    try_again = Signal(object)  # ModuleEntry
    next_module = Signal(object)  # ModuleEntry
    go_home = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.result: RunResult | None = None
        self.learner: Learner | None = None
        self.answers_shown = False
        self.following: ModuleEntry | None = None
        self.title = TitleLabel("", "title")
        self.outer.addWidget(header_bar(self.title))
        self.page = ScrollPage(max_width=theme.READING_WIDTH)
        # little room above and between the parts: the summary and the two things to remember are in sight
        # at 1024x600 in Urdu
        self.page.box.setContentsMargins(theme.PAGE_MARGIN, 8, theme.PAGE_MARGIN, 8)
        self.outer.addWidget(self.page, 1)
        footer, row = footer_bar()
        self.home_button = button("", icon_name="back")
        self.home_button.setObjectName("results-home")
        self.home_button.clicked.connect(self.go_home.emit)
        self.again_button = button("")
        self.again_button.setObjectName("try-again")
        self.again_button.clicked.connect(self._try_again)
        self.next_button = button("", role="primary", icon_name="next")
        self.next_button.setObjectName("next-module")
        self.next_button.clicked.connect(self._next_module)
        # "See all answers" in the footer: in sight on a small screen in Urdu, whatever the page's length.
        # When the footer has no room for it (large text), it goes under the two things to remember.
        self.footer_row = row
        self.answers_button = button("", icon_name="down")
        self.answers_button.setObjectName("see-all-answers")
        self.answers_button.clicked.connect(self.toggle_answers)
        row.addWidget(self.home_button)
        row.addWidget(self.answers_button)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.next_button)
        self.outer.addWidget(footer)
        self.confetti = Confetti(self)
        # a new text size (the style is applied first): is there still room for it in the footer?
        ctx.signals.text_scale_changed.connect(lambda _scale: QTimer.singleShot(0, self.place_answers_button))

    def open(self, learner: Learner, result: RunResult, *, celebrate: bool = True) -> None:
        self.learner = learner
        self.result = result
        self.answers_shown = False
        self.following = self.ctx.learning.next_module(learner, result.entry)
        self.refresh()
        if result.passed and celebrate:
            self.confetti.start()
        else:
            self.confetti.stop()

    def refresh(self) -> None:
        result = self.result
        if result is None:
            return
        ctx = self.ctx
        rtl = ctx.is_rtl
        entry = result.entry
        lang = entry.pack.default_language
        module_title = ctx.text(entry.module.title, lang)
        self.title.setText(self.tr("Your results: {module}").format(module=module_title))
        self._answers_to_footer()  # out of the page before the page's widgets are deleted
        self.page.clear()
        box = self.page.box

        # Compact, for slow readers and small screens: at 1024x600 in Urdu (tall Nastaliq lines) the
        # summary and the two things to remember are both in sight.
        summary = Card("panel")
        summary.setObjectName("results-summary")
        summary.box.setContentsMargins(16, 6, 16, 6)
        top = QHBoxLayout()
        top.setSpacing(14)
        art = "celebrate" if result.passed else "help-card"
        top.addWidget(picture(images.illustration(art, 56)), 0, Qt.AlignmentFlag.AlignVCenter)
        self.score = label(self.tr("{score}%").format(score=round(result.score)), "big", wrap=False)
        self.score.setObjectName("score")
        without_nastaliq(self.score)
        self.score.setAccessibleName(self.tr("Your score: {score} percent").format(score=round(result.score)))
        top.addWidget(self.score, 0, Qt.AlignmentFlag.AlignVCenter)
        # the badge beside the score: earned, or a good try on the way to it (in words for screen readers
        # and on hover; the headline says it too)
        if result.passed:
            self.badge_text = self.tr("You earned the badge for {module}!").format(module=module_title)
            self.badge = picture(images.icon_pixmap("badge", 48), self.badge_text)
        else:
            self.badge_text = self.tr("A good try! Pass the quiz to earn the badge.")
            self.badge = picture(images.icon_pixmap("star", 48), self.badge_text)
        self.badge.setObjectName("badge-passed" if result.passed else "badge-good-try")
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        headline = (
            self.tr("Well done! You passed.")
            if result.passed
            else self.tr("Good try! Let's practise a bit more.")
        )
        self.headline = label(headline, "heading")
        self.headline.setObjectName("results-headline")
        top.addWidget(self.headline, 1, Qt.AlignmentFlag.AlignVCenter)
        summary.box.addLayout(top)
        summary.setAccessibleName(" ".join([headline, self.score.accessibleName(), self.badge_text]))
        box.addWidget(summary)

        self.remember: list[str] = [
            ctx.text(point, lang, entry.module.audience)
            for point in things_to_remember(entry.module, [m.question for m in result.missed], lang)
        ]
        if self.remember:
            box.addWidget(self._remember_card(self.remember))

        self.all_answers = QWidget()
        self.all_answers.setObjectName("all-answers")
        answers = QVBoxLayout(self.all_answers)
        answers.setContentsMargins(0, 0, 0, 0)
        answers.setSpacing(10)
        self.answers_button.setVisible(bool(result.missed))
        self.answers_slot = QHBoxLayout()
        box.addLayout(self.answers_slot)
        answers.addWidget(
            label(
                self.tr("You needed {mark}% to pass. You got {earned} of {possible} points.").format(
                    mark=result.pass_mark,
                    earned=_number(result.points_earned),
                    possible=_number(result.points_possible),
                ),
                "subtle",
            )
        )
        if result.missed:
            answers.addWidget(label(self.tr("Questions to look at again"), "heading"))
            for missed in result.missed:
                answers.addWidget(
                    self._missed_card(missed.question, missed.attempt.answer, lang, entry.module.audience)
                )
        else:
            every = label(self.tr("You got every question right!"), "heading")
            every.setObjectName("all-right")
            box.addWidget(every)
        box.addWidget(self.all_answers)
        self._show_answers(self.answers_shown)
        box.addStretch(1)

        self.home_button.setText(self.tr("My modules"))
        self.home_button.setAccessibleName(self.tr("Back to my modules"))
        self.home_button.setIcon(images.icon("back", 28, rtl=rtl))
        allowed = not result.passed or ctx.store.settings.allow_retake_passed
        self.again_button.setVisible(allowed)
        self.again_button.setText(self.tr("Try again"))
        self.again_button.setAccessibleName(self.tr("Try the quiz again"))
        self.next_button.setVisible(self.following is not None)
        if self.following is not None:
            following = ctx.text(self.following.module.title, self.following.pack.default_language)
            self.next_button.setText(self.tr("Next module"))
            self.next_button.setAccessibleName(self.tr("Next module: {module}").format(module=following))
        self.next_button.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        )
        for widget, primary in ((self.again_button, not result.passed), (self.next_button, result.passed)):
            widget.setProperty("role", "primary" if primary else "secondary")
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        # The arrow is drawn white for the orange primary button; on the white button of a failed quiz
        # it takes the button's text colour, or it cannot be seen.
        arrow = images.icon_pixmap("next", 28, rtl=rtl)
        if not result.passed:
            arrow = tinted(arrow, theme.widget_palette(self).text)
        self.next_button.setIcon(QIcon(arrow))
        self.place_answers_button()
        QTimer.singleShot(0, self.place_answers_button)  # again once a new text size's style is applied

    def _remember_card(self, points: list[str]) -> Card:
        card = Card()
        card.setObjectName("things-to-remember")
        card.box.setContentsMargins(16, 6, 16, 8)
        card.box.setSpacing(2)
        heading = self.tr("Two things to remember") if len(points) > 1 else self.tr("One thing to remember")
        card.box.addWidget(label(heading, "remember"))
        for number, point in enumerate(points, 1):
            row = QHBoxLayout()
            row.setSpacing(10)
            row.addWidget(picture(images.icon_pixmap("hint", 28)), 0, Qt.AlignmentFlag.AlignTop)
            text = label(point)
            text.setObjectName(f"remember-{number}")
            row.addWidget(text, 1)
            card.box.addLayout(row)
        card.setAccessibleName(" ".join([heading, *points]))
        return card

    def toggle_answers(self) -> None:
        """ "See all answers" opens the questions to look at again (and closes them)."""
        self._show_answers(not self.answers_shown)
        if self.answers_shown:  # the list's start at the top of the page, once the layout has placed it
            QTimer.singleShot(0, self._scroll_to_answers)

    def _scroll_to_answers(self) -> None:
        page = self.page.widget()
        if page is not None and self.all_answers.isVisible():
            top = self.all_answers.mapTo(page, QPoint(0, 0)).y()
            self.page.verticalScrollBar().setValue(max(0, top - 8))

    def _show_answers(self, shown: bool) -> None:
        self.answers_shown = shown
        self.all_answers.setVisible(shown)
        if shown:
            text, name = self.tr("Hide the answers"), self.tr("Hide the questions to look at again")
        else:
            text, name = self.tr("See all answers"), self.tr("See the questions to look at again")
        self.answers_button.setText(text)
        self.answers_button.setAccessibleName(name)
        self.answers_button.setIcon(images.icon("up" if shown else "down", 28))

    def _missed_card(self, question: AnyQuestion, answer: Any, lang: str, audience: str) -> Card:
        ctx = self.ctx
        card = Card()
        card.setObjectName(f"missed-{question.id}")
        card.box.addWidget(label(ctx.text(question.prompt, lang, audience), "heading"))
        given = describe_answer(ctx, question, answer, lang)
        if given:
            card.box.addWidget(label(self.tr("Your answer: {answer}").format(answer=given), "answer-given"))
        best = describe_right_answer(ctx, question, lang)
        if question.type == "scenario":
            text = self.tr("The best choice: {answer}").format(answer=best)
        else:
            text = self.tr("The right answer: {answer}").format(answer=best)
        card.box.addWidget(label(text, "answer-right"))
        explanation = label(ctx.text(question.explanation, lang, audience))
        explanation.setObjectName("missed-explanation")
        card.box.addWidget(explanation)
        return card

    def _answers_to_footer(self) -> None:
        if self.footer_row.indexOf(self.answers_button) < 0:
            self.footer_row.insertWidget(1, self.answers_button)

    def _footer_needs(self) -> int:
        """The footer's width with every shown button at its natural size."""
        shown = [w for w in (self.home_button, self.again_button, self.next_button) if not w.isHidden()]
        if self.wants_answers_button:  # (hidden for a moment while it moves between the two places)
            shown.append(self.answers_button)
        margins = self.footer_row.contentsMargins()
        spacing = self.footer_row.spacing() * max(0, len(shown) - 1)
        return sum(w.sizeHint().width() for w in shown) + spacing + margins.left() + margins.right()

    def place_answers_button(self) -> None:
        """In the footer when it fits there, else on the page under the two things to remember."""
        slot = getattr(self, "answers_slot", None)
        if slot is None:
            return
        self._answers_to_footer()
        if self._footer_needs() > self.width():
            self.footer_row.removeWidget(self.answers_button)
            slot.addWidget(self.answers_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.answers_button.setVisible(self.wants_answers_button)

    @property
    def wants_answers_button(self) -> bool:
        return self.result is not None and bool(self.result.missed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_answers_button()

    def focus_start(self) -> None:
        if self.next_button.isVisible() and self.result is not None and self.result.passed:
            self.next_button.setFocus()
        elif self.again_button.isVisible():
            self.again_button.setFocus()
        else:
            self.home_button.setFocus()

    def _try_again(self) -> None:
        if self.result is not None:
            self.try_again.emit(self.result.entry)

    def _next_module(self) -> None:
        if self.following is not None:
            self.next_module.emit(self.following)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
