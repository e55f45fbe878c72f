"""Spot the scam: a picture of a message with parts to mark, then each part's explanation.

The picture is drawn to fit the room there is; over each region of the question lies a button the size of
the region: a click or a tap marks it (a thick dashed frame and a flag), Tab goes from region to region in
reading order (top to bottom, and across the way the language reads: right to left in Urdu), Space marks the
one with the focus, and each button's accessible name is the region's name with its state. After Check
every region shows whether it was judged right, with its number; the list beside the picture gives each
region's explanation.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QHBoxLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from quizapp.content.images import image_size
from quizapp.content.models import ScamRegion, SpotTheScam
from quizapp.services.grading import Grade
from quizapp.ui import images, theme
from quizapp.ui.questions.base import QuestionView, tr
from quizapp.ui.widgets import label

MAX_PICTURE_HEIGHT = 420
BADGE = 22  # the round mark with "!" or the region's number, centred on the frame's top trailing corner
MARGIN = BADGE // 2 + 3  # a button reaches this far beyond its region, for the badge and the focus frame
MIN_PICTURE_HEIGHT = 220


def reading_order(regions: list[ScamRegion], language: str, rtl: bool) -> list[int]:
    """Indices of ``regions`` in reading order: by rows (tops within a short distance share a row), then
    left to right, or right to left for a right-to-left language."""

    def key(index: int) -> tuple[float, float]:
        area = regions[index].area_for(language)
        across = -(area.x + area.w) if rtl else area.x
        return (round(area.y / 24), across)

    return sorted(range(len(regions)), key=key)


class RegionButton(QAbstractButton):
    """A region of the picture that can be marked."""

    def __init__(self, region: ScamRegion, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.region = region
        self.name = name
        self.number = 0  # its place in reading order, shown after checking
        self.result: bool | None = None  # judged right (True) or wrong (False) after checking
        self.locked = False
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setText(name)
        self.toggled.connect(lambda _on=False: self._describe())
        self._describe()

    def _describe(self) -> None:
        if self.result is None:
            state = tr("marked as suspicious") if self.isChecked() else tr("not marked")
        else:
            state = tr("right") if self.result else tr("not right")
        self.setAccessibleName(tr("{part}: {state}").format(part=self.name, state=state))
        self.setToolTip(self.name)
        self.update()

    def set_result(self, right: bool) -> None:
        self.result = right
        self.locked = True
        self.setCursor(Qt.CursorShape.ArrowCursor)
        self._describe()

    def hitButton(self, pos: Any) -> bool:
        return not self.locked and super().hitButton(pos)

    def nextCheckState(self) -> None:
        if not self.locked:
            super().nextCheckState()

    def sizeHint(self) -> QSize:
        return QSize(40, 24)

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = theme.widget_palette(self)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = self._frame()
        marked = self.isChecked()
        if self.result is not None:
            colour = QColor(p.correct if self.result else p.wrong)
            if marked or not self.result:
                painter.setPen(QPen(colour, 4, Qt.PenStyle.SolidLine if marked else Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(rect, 6, 6)
            self._badge(painter, rect, colour, str(self.number))
        elif marked:
            fill = QColor(p.unsafe)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(QColor(p.unsafe), 4, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(rect, 6, 6)
            self._badge(painter, rect, QColor(p.unsafe), "!")
        elif self.underMouse() and not self.locked:
            painter.setPen(QPen(QColor(p.border_strong), 2, Qt.PenStyle.DotLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 6, 6)
        if self.hasFocus():
            painter.setPen(QPen(QColor(p.focus), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 6, 6)
        painter.end()

    def _frame(self) -> QRectF:
        """The region's rectangle (with a little room) inside the button, which reaches :data:`MARGIN`
        beyond it."""
        inset = MARGIN - 2
        return QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)

    def _badge_rect(self) -> QRectF:
        frame = self._frame()
        trailing_left = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        x = frame.left() if trailing_left else frame.right()
        return QRectF(x - BADGE / 2, frame.top() - BADGE / 2, BADGE, BADGE)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Only the region and its badge take clicks: the margin lets clicks through to a neighbour."""
        super().resizeEvent(event)
        frame = self._frame().adjusted(-3, -3, 3, 3).toAlignedRect()  # with the focus frame's width
        self.setMask(QRegion(frame) + QRegion(self._badge_rect().toAlignedRect(), QRegion.RegionType.Ellipse))

    def _badge(self, painter: QPainter, rect: QRectF, colour: QColor, text: str) -> None:
        badge = self._badge_rect()
        path = QPainterPath()
        path.addEllipse(badge)
        painter.fillPath(path, colour)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(14)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)

    def enterEvent(self, event: Any) -> None:
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: Any) -> None:
        self.update()
        super().leaveEvent(event)


class ScamPicture(QWidget):
    """The message picture, scaled to fit, with a :class:`RegionButton` over each region."""

    def __init__(self, pixmap_source: Any, size: tuple[float, float], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = pixmap_source  # path of the picture
        self._coords = size  # the picture's own coordinate size
        self._pixmap: QPixmap | None = None
        self._drawn = QRect()
        self.buttons: list[RegionButton] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(MIN_PICTURE_HEIGHT)

    def set_height(self, height: int) -> None:
        height = max(MIN_PICTURE_HEIGHT, min(MAX_PICTURE_HEIGHT, height))
        width = round(height * self._coords[0] / self._coords[1])
        self.setFixedSize(width, height)

    def sizeHint(self) -> QSize:
        return self.size()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        room = max(1, self.width() - 2 * MARGIN), max(1, self.height() - 2 * MARGIN)
        self._pixmap = images.load_image(self._source, *room)
        self.place_buttons()

    def place_buttons(self) -> None:
        width, height = self._coords
        # the picture keeps MARGIN free around it, so that a region's badge at its edge is not cut off
        scale = min((self.width() - 2 * MARGIN) / width, (self.height() - 2 * MARGIN) / height)
        left = (self.width() - width * scale) / 2
        top = (self.height() - height * scale) / 2
        self._drawn = QRect(round(left), round(top), round(width * scale), round(height * scale))
        language = self.property("picture_language") or ""
        for button in self.buttons:
            area = button.region.area_for(str(language))
            button.setGeometry(
                QRect(
                    round(left + area.x * scale) - MARGIN,
                    round(top + area.y * scale) - MARGIN,
                    round(area.w * scale) + 2 * MARGIN,
                    round(area.h * scale) + 2 * MARGIN,
                )
            )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._pixmap is not None:
            target = QRectF(self._drawn)
            painter.drawPixmap(target, self._pixmap, QRectF(self._pixmap.rect()))
        else:
            painter.setPen(QPen(QColor(theme.widget_palette(self).border_strong), 2, Qt.PenStyle.DashLine))
            painter.drawRect(self.rect().adjusted(1, 1, -2, -2))
        painter.end()


class SpotTheScamView(QuestionView):
    """A picture of a message: mark its suspicious parts, then read each part's explanation."""

    def build(self) -> None:
        question = self.question
        assert isinstance(question, SpotTheScam)
        language = question.picture_language(self.ctx.language, self.pack.default_language)
        path = self.pack.asset_path(question.picture[language])
        coords = image_size(path) or (400.0, 300.0)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.picture = ScamPicture(path, coords)
        self.picture.setProperty("picture_language", language)
        self.picture.setAccessibleName(self.t(question.picture_alt))
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft or self.ctx.language in (
            "ur",
            "ar",
            "fa",
        )
        self.order = reading_order(list(question.regions), language, rtl)
        self.buttons: list[RegionButton] = []
        for number, index in enumerate(self.order, 1):  # made in reading order: that is the Tab order
            region = question.regions[index]
            button = RegionButton(region, self.t(region.name), self.picture)
            button.number = number
            button.setObjectName(f"region-{region.id}")
            button.toggled.connect(lambda _on=False: self._marked_changed())
            self.buttons.append(button)
        self.picture.buttons = self.buttons
        self.picture.set_height(self._picture_height())
        row.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        side.setSpacing(8)
        self.how = label(
            tr("Tap each part of the message that looks like a trick. Tap it again to take the mark away."),
            "subtle",
        )
        side.addWidget(self.how)
        self.count = label("", "subtle")
        side.addWidget(self.count)
        side.addStretch(1)
        row.addLayout(side, 1)
        self.box.addLayout(row)
        # After Check: each region's explanation, the width of the question (fewer lines than beside the
        # picture, which keeps its numbered marks in sight above).
        self.results = QVBoxLayout()
        self.results.setSpacing(6)
        self.box.addLayout(self.results)
        self._marked_changed()

    def _picture_height(self) -> int:
        """A first height, before the view knows the room it has (see :meth:`resizeEvent`)."""
        screen = self.screen()
        available = screen.availableGeometry().height() if screen is not None else 600
        return round(available * 0.5)

    def _marked_changed(self) -> None:
        count = sum(1 for b in self.buttons if b.isChecked())
        self.count.setText(tr("Parts marked: {count}").format(count=count) if count else "")
        self.count.setVisible(bool(count) and not self.locked)
        self.answer_changed.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # As wide as leaves a readable column beside it, and no taller than the page shows under the prompt
        # (so the whole message is in sight without scrolling).
        coords = self.picture._coords
        wide = round(self.width() * 0.6 * coords[1] / coords[0])
        self.picture.set_height(min(self._room(), wide))

    def _room(self) -> int:
        """The height the page shows below the prompt."""
        widget = self.parentWidget()
        while widget is not None and not isinstance(widget, QAbstractScrollArea):
            widget = widget.parentWidget()
        if isinstance(widget, QAbstractScrollArea):
            shown = widget.viewport().height()
        else:
            window = self.window()
            shown = window.height() - 220 if window is not None else 380
        return shown - self.prompt.heightForWidth(max(100, self.width())) - 24

    # -------------------------------------------------------------------------------- the contract
    def answer(self) -> Any | None:
        marked = [b.region.id for b in self.buttons if b.isChecked()]
        question = self.question
        assert isinstance(question, SpotTheScam)
        return [r.id for r in question.regions if r.id in marked] or None

    def set_answer(self, answer: Any) -> None:
        if not isinstance(answer, list):
            return
        for button in self.buttons:
            button.setChecked(button.region.id in answer)

    def show_result(self, grade: Grade) -> None:
        super().show_result(grade)
        question = self.question
        assert isinstance(question, SpotTheScam)
        self.how.setVisible(False)
        self.count.setVisible(False)
        index_of = {r.id: i for i, r in enumerate(question.regions)}
        for button in self.buttons:
            region = button.region
            right = grade.parts[index_of[region.id]] if grade.parts else False
            button.set_result(right)
            marked = button.isChecked()
            if region.suspicious and marked:
                verdict = tr("✓ You spotted it.")
            elif region.suspicious:
                verdict = tr("✗ You missed this warning sign.")
            elif marked:
                verdict = tr("✗ This part is not a warning sign.")
            else:
                verdict = tr("✓ Nothing wrong here.")
            colour = theme.widget_palette(self).correct if right else theme.widget_palette(self).wrong
            line = label(
                f'<b style="color:{colour}">{button.number}. {html.escape(button.name)} — '
                f"{html.escape(verdict)}</b> {html.escape(self.t(region.explanation))}",
                rich=True,
            )
            line.setObjectName(f"explanation-{region.id}")
            self.results.addWidget(line)
            button.setAccessibleDescription(f"{verdict} {self.t(region.explanation)}")

    def first_focus(self) -> QWidget | None:
        return self.buttons[0] if self.buttons else None

    def right_answer_text(self) -> str:
        question = self.question
        assert isinstance(question, SpotTheScam)
        return "; ".join(self.t(r.name) for r in question.regions if r.suspicious)
