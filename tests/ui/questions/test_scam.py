"""Spot the scam on screen: regions over the picture, marked by tap or Space, read in the language's order,
and each region's explanation after Check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from quizapp.content.models import ScamRegion, SpotTheScam
from quizapp.services.grading import grade
from quizapp.ui.autopilot import settle
from quizapp.ui.questions.scam import MARGIN, SpotTheScamView, reading_order


def test_regions_lie_over_their_rectangles_and_a_tap_marks_one(show_view) -> None:  # type: ignore[no-untyped-def]
    """Each region's button covers its rectangle scaled to the picture; a click marks it and the answer
    lists the marked regions in pack order."""
    view = show_view("spot_the_scam")
    assert isinstance(view, SpotTheScamView)
    question = view.question
    assert isinstance(question, SpotTheScam)
    picture = view.picture
    scale = picture._drawn.width() / picture._coords[0]
    sender = next(b for b in view.buttons if b.region.id == "sender")
    assert abs(sender.width() - (sender.region.area.w * scale + 2 * MARGIN)) <= 2
    assert view.answer() is None
    QTest.mouseClick(sender, Qt.MouseButton.LeftButton)
    settle()
    assert view.answer() == ["sender"]
    assert "marked as suspicious" in sender.accessibleName()


def test_tab_goes_through_regions_and_space_marks(show_view) -> None:  # type: ignore[no-untyped-def]
    """Tab moves from region to region in reading order; Space marks the one with the focus."""
    view = show_view("spot_the_scam")
    view.first_focus().setFocus()
    settle()
    visited = []
    for _ in view.buttons:
        focused = QApplication.focusWidget()
        visited.append(focused)
        QTest.keyClick(focused, Qt.Key.Key_Space)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        settle()
    assert visited == view.buttons
    assert sorted(view.answer()) == sorted(r.id for r in view.question.regions)  # type: ignore[attr-defined]


def test_urdu_shows_the_urdu_picture_with_its_own_areas(show_view) -> None:  # type: ignore[no-untyped-def]
    """In Urdu the Urdu picture is shown and regions take their ``areas: {ur: ...}`` places."""
    view = show_view("spot_the_scam", "ur")
    assert str(view.picture._source).endswith("-ur.svg")
    time = next(b for b in view.buttons if b.region.id == "time")
    scale = view.picture._drawn.height() / view.picture._coords[1]
    assert abs(time.y() - (view.picture._drawn.top() + time.region.area_for("ur").y * scale - MARGIN)) <= 2


def test_reading_order_runs_right_to_left_in_urdu() -> None:
    """Regions side by side are read left to right in English and right to left in Urdu, row by row."""

    def region(rid: str, x: int, y: int) -> ScamRegion:
        data = {
            "id": rid,
            "name": rid,
            "suspicious": "true",
            "explanation": "e",
            "area": {"x": x, "y": y, "w": 100, "h": 30},
        }
        return ScamRegion.model_validate(data)

    regions = [region("right", 300, 10), region("left", 10, 12), region("below", 10, 200)]
    assert reading_order(regions, "en", rtl=False) == [1, 0, 2]
    assert reading_order(regions, "ur", rtl=True) == [0, 1, 2]


def test_check_shows_every_regions_explanation_and_locks(show_view) -> None:  # type: ignore[no-untyped-def]
    """After Check each region has a line with its number, right or wrong, and its explanation; marks can no
    longer change."""
    view = show_view("spot_the_scam")
    question = view.question
    assert isinstance(question, SpotTheScam)
    view.set_answer(["sender", "time"])
    view.show_result(grade(question, view.answer()))
    settle()
    lines = {
        w.objectName(): w.text()
        for w in view.findChildren(QLabel)
        if w.objectName().startswith("explanation-")
    }
    assert set(lines) == {f"explanation-{r.id}" for r in question.regions}
    time = next(r for r in question.regions if r.id == "time")
    assert "This part is not a warning sign" in lines["explanation-time"]
    assert time.explanation["en"] in lines["explanation-time"]
    assert "You missed this warning sign" in lines["explanation-prize"]
    button = view.buttons[0]
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    settle()
    assert view.answer() == ["sender", "time"]
