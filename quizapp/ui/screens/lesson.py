"""A lesson, one section at a time: heading, picture, formatted text, and the key points at the end."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from quizapp.content.richtext import to_html
from quizapp.ui import images, theme
from quizapp.ui.narration import SpeakerButton, beside_speaker, section_item, speaker_shortcut
from quizapp.ui.screens.base import ModuleHeader, Screen
from quizapp.ui.widgets import (
    Card,
    ScrollPage,
    button,
    footer_bar,
    label,
    picture,
)

if TYPE_CHECKING:
    from quizapp.services.library import ModuleEntry
    from quizapp.services.records import Learner
    from quizapp.ui.context import AppContext


PICTURE_WIDTH, PICTURE_HEIGHT = 280, 140  # the largest a section's picture is drawn
PICTURE_MIN_HEIGHT = 56
LINES_IN_SIGHT = 2  # lines of the text that should be in sight below the picture
PICTURE_STEP = 12  # the picture is drawn again only when its fitted height changes by a step


def picture_height(room: int) -> int:
    """How high a section's picture is drawn when ``room`` px of the page are left once the heading and
    the first lines of the text are placed: full size (140) when there is room, smaller on a low window
    (at 640x480 the child saw only the heading and the top of the picture), never below 56."""
    fitted = max(PICTURE_MIN_HEIGHT, min(PICTURE_HEIGHT, room))
    return fitted - (fitted - PICTURE_MIN_HEIGHT) % PICTURE_STEP


class LessonScreen(Screen):
    go_home = Signal()
    start_quiz = Signal(object)  # ModuleEntry

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.learner: Learner | None = None
        self.entry: ModuleEntry | None = None
        self.position = 0
        header = ModuleHeader(
            self,
            where_name="lesson-progress",
            go_home=self.go_home.emit,
            learner_id=lambda: self.learner.id if self.learner else None,
        )
        self.home_button, self.module_title, self.where = (
            header.home_button,
            header.module_title,
            header.where,
        )
        self.progress, self.text_size = header.progress, header.text_size
        self.outer.addWidget(header.bar)
        self.page = ScrollPage(max_width=theme.READING_WIDTH)
        self.outer.addWidget(self.page, 1)
        footer, row = footer_bar()
        self.back_button = button("", icon_name="back")
        self.back_button.setObjectName("lesson-back")
        self.back_button.clicked.connect(self.back)
        self.next_button = button("", role="primary", icon_name="next")
        self.next_button.setObjectName("lesson-next")
        self.next_button.clicked.connect(self.next)
        self.sound_note = label("", "subtle")  # "No sound: ..." when narration cannot be played
        self.sound_note.setObjectName("sound-note")
        ctx.narrator.problem.connect(self.sound_note.setText)
        self.go_home.connect(ctx.narrator.stop)  # leaving the lesson silences it
        self.start_quiz.connect(lambda _entry: ctx.narrator.stop())
        row.addWidget(self.back_button)
        row.addWidget(self.sound_note, 1)
        row.addWidget(self.next_button)
        self.outer.addWidget(footer)
        self.on_enter(self.next)
        self.speaker: SpeakerButton | None = None
        speaker_shortcut(self, self.listen)
        self.image: QLabel | None = None
        self._heading_row: QWidget | None = None
        self._body: QLabel | None = None
        self._image_path: Path | None = None
        self._image_height = 0
        self.page.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.page.viewport():
            self._fit_picture()
        return super().eventFilter(watched, event)

    def _picture_room(self) -> int:
        """The picture's height (see :func:`picture_height`) for the page as it is now: what is left of
        the page's height once the heading, the picture's own margins (Urdu lines are padded) and the
        first lines of the text are placed."""
        box = self.page.box
        used = box.contentsMargins().top() + 2 * box.spacing()
        if self._heading_row is not None:
            used += self._heading_row.sizeHint().height()
        if self.image is not None:
            margins = self.image.contentsMargins()
            used += margins.top() + margins.bottom()
        if self._body is not None:
            line = self._body.fontMetrics().lineSpacing() * theme.reading_line_height(self.ctx.tall_script)
            lines = LINES_IN_SIGHT * -(-line // 100)
            used += self._body.contentsMargins().top() + lines
        return picture_height(self.page.viewport().height() - used)

    def _fit_picture(self) -> None:
        """Draw the section's picture at the height the page has room for (see :func:`picture_height`)."""
        if self.image is None or self._image_path is None:
            return
        height = self._picture_room()
        if height == self._image_height:
            return
        pixmap = images.load_image(self._image_path, PICTURE_WIDTH * height // PICTURE_HEIGHT, height)
        if pixmap is not None:
            self.image.setPixmap(pixmap)
            self._image_height = height

    # ------------------------------------------------------------------------------------- navigation
    def open(self, learner: Learner, entry: ModuleEntry, position: int = 0) -> None:
        self.learner = learner
        self.entry = entry
        self.show_section(position)

    @property
    def sections(self) -> int:
        return len(self.entry.module.lesson.sections) if self.entry else 0

    def show_section(self, position: int) -> None:
        if self.entry is None or self.learner is None:
            return
        self.position = max(0, min(position, self.sections - 1))
        self.ctx.narrator.stop()
        self.ctx.learning.save_lesson_position(self.learner.id, self.entry, self.position)
        self.refresh()
        self.page.verticalScrollBar().setValue(0)

    def back(self) -> None:
        if self.position > 0:
            self.show_section(self.position - 1)

    def next(self) -> None:
        if self.entry is None or self.learner is None:
            return
        if self.position + 1 < self.sections:
            self.show_section(self.position + 1)
        else:
            self.ctx.learning.mark_lesson_read(self.learner.id, self.entry)
            self.start_quiz.emit(self.entry)

    # ------------------------------------------------------------------------------------------ view
    def refresh(self) -> None:
        entry = self.entry
        if entry is None:
            return
        ctx = self.ctx
        rtl = ctx.is_rtl
        lang = entry.pack.default_language
        module = entry.module
        section = module.lesson.sections[self.position]
        last = self.position + 1 >= self.sections
        title = ctx.text(module.title, lang)
        self.module_title.setText(title)
        self.home_button.setText(self.tr("My modules"))
        self.home_button.setAccessibleName(self.tr("Back to my modules"))
        self.home_button.setIcon(images.icon("back", 28, rtl=rtl))
        where = self.tr("Part {number} of {total}").format(number=self.position + 1, total=self.sections)
        self.where.setText(where)
        self.progress.setRange(0, self.sections)
        self.progress.setValue(self.position + 1)
        self.progress.setAccessibleName(where)
        self.text_size.retranslate()
        self.text_size.set_scale(ctx.text_scale)

        self.page.clear()
        box = self.page.box
        heading = ctx.text(section.heading, lang, module.audience) if section.heading else title
        section_heading = label(heading, "title")
        section_heading.setObjectName("section-heading")
        item = section_item(ctx, section, entry.pack, module.audience)
        self.speaker = SpeakerButton(ctx.narrator, item, heading) if item is not None else None
        self.sound_note.setText("")
        self._heading_row = beside_speaker(section_heading, self.speaker, centred=True)
        box.addWidget(self._heading_row)
        self.image, self._image_path, self._image_height = None, None, 0
        if section.image:
            self.image = picture(None, ctx.text(section.image_alt, lang, module.audience))
            self.image.setObjectName("section-image")
            self._image_path = entry.pack.asset_path(section.image)
            box.addWidget(self.image)
        body = label(
            theme.reading_html(
                to_html(ctx.text(section.body, lang, module.audience)), tall_script=ctx.tall_script
            ),
            rich=True,
        )
        body.setObjectName("section-body")
        body.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        box.addWidget(body)
        self._body = body
        self._fit_picture()
        if self.image is not None and self._image_height == 0:  # missing or unreadable: no empty space
            self.image.hide()
        if last and module.lesson.key_points:
            card = Card("panel")
            card.setObjectName("key-points")
            card.box.addWidget(label(self.tr("Remember"), "heading"))
            points_text = [ctx.text(p, lang, module.audience) for p in module.lesson.key_points]
            items = "".join(f"<li>{_escape(text)}</li>" for text in points_text)
            points = label(theme.reading_html(f"<ul>{items}</ul>", tall_script=ctx.tall_script), rich=True)
            points.setObjectName("key-points-text")
            card.box.addWidget(points)
            box.addWidget(card)
        box.addStretch(1)

        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back: the part before"))
        self.back_button.setIcon(images.icon("back", 28, rtl=rtl))
        self.back_button.setEnabled(self.position > 0)
        if last:
            self.next_button.setText(self.tr("Start the quiz"))
            self.next_button.setAccessibleName(self.tr("Start the quiz"))
        else:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setAccessibleName(self.tr("Next part"))
        self.next_button.setIcon(images.icon("next", 28, rtl=rtl))
        self.next_button.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        )

    def focus_start(self) -> None:
        self.next_button.setFocus()

    def listen(self) -> None:
        """F2: hear the section shown (nothing happens where it has no narration)."""
        if self.speaker is not None:
            self.speaker.click()


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)
