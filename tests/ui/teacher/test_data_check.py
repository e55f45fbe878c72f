"""The "Check the progress data" card in the teacher settings."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_check_now_runs_in_the_background_and_shows_the_result(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """Before: "Not checked fully yet." Check now: the button waits while the worker checks, then the
    card says when it was checked and that nothing was wrong."""
    store.people.create_learner("Ali", avatar_id="cat")
    area.unlock_without_pin()
    page = area.show_page("settings")
    card = page.data_check
    assert card.status.text() == "Not checked fully yet."
    qtbot.mouseClick(card.check_button, Qt.MouseButton.LeftButton)
    assert not card.check_button.isEnabled()
    assert card.status.text() == "Checking… learners can carry on."
    qtbot.waitUntil(lambda: card.check_button.isEnabled(), timeout=30000)
    assert card.status.text().startswith("Last full check: ")
    assert card.status.text().endswith("No problems found.")
