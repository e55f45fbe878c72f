"""The high-contrast theme keeps every part of the screen apart from what is next to it, not only text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from quizapp.ui.autopilot import settle
from tests.ui.conftest import StudentApp


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours."""

    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("high_contrast", [False, True])
def test_progress_bar_shows_how_far_in_both_themes(student: StudentApp, high_contrast: bool) -> None:
    """The done part of the lesson's progress bar stands out from the part to go (3:1, WCAG for
    non-text parts; 4.5:1 in high contrast)."""
    student.ctx.set_high_contrast(high_contrast)
    student.pilot.create_learner("Sana")
    student.pilot.open_module("example", "safe-basics")
    bar = student.window.lesson.progress
    assert 0 < bar.value() < bar.maximum()
    settle()
    image = bar.grab().toImage()
    y = image.height() // 2
    done = image.pixelColor(image.width() // 8, y)
    to_go = image.pixelColor(image.width() * 7 // 8, y)
    needed = 4.5 if high_contrast else 3.0
    assert contrast(done, to_go) >= needed, (done.name(), to_go.name())
