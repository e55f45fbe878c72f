"""The "Who to tell" card shown at the end of every module, with the contacts the teacher entered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from quizapp.ui import images, theme
from quizapp.ui.screens.base import Screen
from quizapp.ui.widgets import Card, ScrollPage, TitleLabel, button, footer_bar, header_bar, label, picture

if TYPE_CHECKING:
    from quizapp.ui.context import AppContext


class HelpCardScreen(Screen):
    done = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.audience = "students"
        """The audience of the module just finished: parents and teachers get adult wording."""
        self.title = TitleLabel("", "title")
        self.outer.addWidget(header_bar(self.title))
        self.page = ScrollPage(max_width=theme.READING_WIDTH)
        self.outer.addWidget(self.page, 1)
        card = Card("panel")
        card.setObjectName("help-card")
        row = QHBoxLayout()
        row.setSpacing(20)
        row.addWidget(picture(images.illustration("help-card", 140)), 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(12)
        self.intro = label("", "heading")
        self.contacts = label("", "contacts")
        self.contacts.setObjectName("help-contacts")
        self.contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps = label("")
        self.steps.setObjectName("help-steps")
        column.addWidget(self.intro)
        column.addWidget(self.contacts)
        column.addWidget(self.steps)
        row.addLayout(column, 1)
        card.box.addLayout(row)
        self.page.box.addWidget(card)
        self.page.box.addStretch(1)
        footer, buttons = footer_bar()
        self.done_button = button("", role="primary", icon_name="next")
        self.done_button.setObjectName("help-done")
        self.done_button.clicked.connect(self.done.emit)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        self.outer.addWidget(footer)
        self.on_enter(self.done.emit)
        self.refresh()

    def contacts_text(self) -> str:
        """The teacher's contacts, or the placeholder's wording when none were entered."""
        return self.ctx.fill("{{help_contacts}}", self.audience)

    def refresh(self) -> None:
        rtl = self.ctx.is_rtl
        self.title.setText(self.tr("Who to tell"))
        if self.audience == "students":
            intro = self.tr(
                "If anything online makes you feel worried, scared or unsure, you are not in trouble. "
                "Stop, and tell:"
            )
        else:
            intro = self.tr(
                "If something online worries you about a child, you do not have to act alone. Talk to:"
            )
        self.intro.setText(intro)
        self.contacts.setText(self.contacts_text())
        self.contacts.setAccessibleName(self.contacts_text())
        self.steps.setText(
            self.tr("Do not reply. Keep the messages to show them. Block and report the account.")
        )
        self.done_button.setText(self.tr("See my results"))
        self.done_button.setAccessibleName(self.tr("See my results"))
        self.done_button.setIcon(images.icon("next", 28, rtl=rtl))
        self.done_button.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        )

    def focus_start(self) -> None:
        self.done_button.setFocus()
