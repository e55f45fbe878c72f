"""Urdu on every student screen is set as the font file says: the glyphs and positions Qt draws with the
live widgets' own fonts (after the app's real start-up) equal HarfBuzz's shaping of the same font file.

Qt once shifted whole joined letter chains (cursive anchors given as outline points) and drew bold Urdu
as a thickened Regular (the Bold file said weight 400): the window looked garbled while nothing failed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import uharfbuzz as hb
from PySide6.QtGui import QFont, QRawFont, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from quizapp.paths import assets_dir
from quizapp.ui.i18n.fonts import URDU_FAMILY

FONT_FILES = {
    "Regular": assets_dir() / "fonts" / "NotoNastaliqUrdu-Regular.ttf",
    "Bold": assets_dir() / "fonts" / "NotoNastaliqUrdu-Bold.ttf",
}
# A run of Urdu: Arabic-script letters and marks with the spaces between them (Latin words, digits and
# punctuation are cut out: they are set in the fallback font, and their order is the bidi algorithm's).
URDU_RUN = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+(?: [\u0600-\u06ff\u0750-\u077f]+)*"
)
TOLERANCE_PX = 0.75  # hinting may round an advance; a shifted chain is a fifth of an em or more


class HarfBuzzFonts:
    def __init__(self) -> None:
        self._fonts: dict[str, tuple[hb.Font, int]] = {}

    def font(self, style: str) -> tuple[hb.Font, int]:
        if style not in self._fonts:
            face = hb.Face(hb.Blob.from_file_path(str(FONT_FILES[style])))
            self._fonts[style] = (hb.Font(face), face.upem)
        return self._fonts[style]

    def shape(self, text: str, style: str, pixel_size: float) -> list[tuple[int, float, float]]:
        """(glyph, x, y) in pixels, in visual order, y downwards from the baseline."""
        font, upem = self.font(style)
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.guess_segment_properties()
        hb.shape(font, buffer, {})
        scale = pixel_size / upem
        glyphs, pen = [], 0
        for info, pos in zip(buffer.glyph_infos, buffer.glyph_positions, strict=True):
            glyphs.append((info.codepoint, (pen + pos.x_offset) * scale, -pos.y_offset * scale))
            pen += pos.x_advance
        return glyphs


def qt_shape(text: str, font: QFont) -> tuple[QRawFont, list[tuple[int, float, float]]]:
    """What Qt draws for ``text`` in ``font``: its font file and (glyph, x, y) in visual order."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(font_direction_rtl())
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert len(runs) == 1, f"{text!r} is set in {len(runs)} runs (some letters not in {URDU_FAMILY}?)"
    run = runs[0]
    points = [(g, p.x(), p.y()) for g, p in zip(run.glyphIndexes(), run.positions(), strict=True)]
    points.reverse()  # Qt lists a right-to-left run from its right end; HarfBuzz from the left
    return run.rawFont(), points


def font_direction_rtl():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.LayoutDirection.RightToLeft


def visible_texts(root: QWidget) -> Iterator[tuple[QWidget, str]]:
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel):
            text = widget.text()
            if widget.textFormat() != widget.textFormat().PlainText and "<" in text:
                document = QTextDocument()
                document.setHtml(text)
                text = document.toPlainText()
        elif isinstance(widget, QAbstractButton | QLineEdit):
            text = widget.text()
        else:
            continue
        yield widget, text


def check_screen(root: QWidget, shaper: HarfBuzzFonts, seen: set[tuple[str, str, int]]) -> int:
    """Compare every Urdu run on ``root``; returns how many were compared."""
    compared = 0
    for widget, text in visible_texts(root):
        font = widget.font()
        for match in URDU_RUN.finditer(text):
            run_text = match.group(0)
            key = (run_text, font.toString(), font.pixelSize())
            if key in seen:
                continue
            seen.add(key)
            raw, drawn = qt_shape(run_text, font)
            style = raw.styleName()
            assert raw.familyName() == URDU_FAMILY, (
                f"{run_text!r} on {widget!r} is drawn in {raw.familyName()}"
            )
            wants_bold = font.weight() >= QFont.Weight.DemiBold
            assert (style == "Bold") == wants_bold, (
                f"{run_text!r} on {widget!r}: weight {font.weight()} drawn from the {style} file "
                "(bold made by thickening Regular, or regular from the Bold file)"
            )
            expected = shaper.shape(run_text, style, raw.pixelSize())
            assert [g for g, _, _ in drawn] == [g for g, _, _ in expected], (
                f"{run_text!r} on {widget!r}: Qt draws glyphs {[g for g, _, _ in drawn]}, "
                f"the font file gives {[g for g, _, _ in expected]}"
            )
            # Each glyph against the one before it (fixed-point advances drift by a pixel over a line).
            for i in range(1, len(drawn)):
                glyph, x, y = drawn[i]
                dx, dy = x - drawn[i - 1][1], y - drawn[i - 1][2]
                ex, ey = expected[i][1] - expected[i - 1][1], expected[i][2] - expected[i - 1][2]
                assert abs(dx - ex) <= TOLERANCE_PX and abs(dy - ey) <= TOLERANCE_PX, (
                    f"{run_text!r} on {widget!r}: glyph {glyph} is drawn ({dx:.1f}, {dy:.1f}) px from the "
                    f"one before it; the font file puts it ({ex:.1f}, {ey:.1f}) px away"
                )
            compared += 1
    return compared


@pytest.fixture
def started_app(qtbot, tmp_path: Path, example_builtin: Path):  # type: ignore[no-untyped-def]
    """The app as ``quizapp`` starts it (make_context: the language switcher and its fonts), in Urdu."""
    from quizapp.progress.store import Store
    from quizapp.ui.app import make_context
    from quizapp.ui.autopilot import Autopilot, settle
    from quizapp.ui.main_window import MainWindow

    data = tmp_path / "data"
    store = Store.open(data)
    store.settings.default_language = "ur"
    store.settings.show_example_pack = True  # the journey uses the example module (hidden by default)
    ctx = make_context(data, store)
    ctx.library = type(ctx.library)(example_builtin, data / "packs")
    window = MainWindow(ctx)
    window.resize(1024, 600)
    window.show()
    settle()
    yield window, Autopilot(window)
    ctx.set_language("en")
    window.close()
    window.deleteLater()
    settle()
    store.close()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.mark.parametrize("scale", [100, 150])
def test_every_urdu_screen_is_shaped_as_the_font_file_says(started_app, scale: int) -> None:  # type: ignore[no-untyped-def]
    """Picker, new learner, home, lesson, each question before and after Check, help card and results:
    every Urdu word is drawn with the glyphs and positions HarfBuzz gives for the same font file."""
    window, pilot = started_app
    window.ctx.set_text_scale(scale)
    shaper = HarfBuzzFonts()
    seen: set[tuple[str, str, int]] = set()
    compared = check_screen(window, shaper, seen)
    pilot.create_learner("ثنا", language="ur")
    compared += check_screen(window, shaper, seen)
    pilot.open_module("example", "safe-basics")
    lesson = window.lesson
    compared += check_screen(window, shaper, seen)
    while lesson.position + 1 < lesson.sections:
        pilot.click(lesson.next_button)
        compared += check_screen(window, shaper, seen)
    pilot.click(lesson.next_button)
    while window.current_screen() is window.quiz:
        compared += check_screen(window, shaper, seen)
        pilot.answer(right=False)
        if pilot.first_check():  # "Not quite. Try once more."
            compared += check_screen(window, shaper, seen)
            pilot.answer_again(right=True)
            pilot.click(window.quiz.action_button)
        compared += check_screen(window, shaper, seen)
        pilot.next()
    compared += check_screen(window, shaper, seen)
    pilot.finish_help_card()
    compared += check_screen(window, shaper, seen)  # the short results
    pilot.click(window.results.answers_button)
    compared += check_screen(window, shaper, seen)  # and every answer to look at again
    assert compared > 100  # the screens really were in Urdu
