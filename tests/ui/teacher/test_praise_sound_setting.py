"""The teacher's switch for the praise sound."""

from __future__ import annotations

from PySide6.QtCore import Qt

from quizapp.services.play import praise_sound_enabled


def test_teacher_turns_the_praise_sound_off_and_on(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """The settings page shows the sound as on by default; unticking and saving turns it off."""
    area.unlock_without_pin()
    page = area.show_page("settings")
    assert page.praise_sound_box.isChecked()
    page.praise_sound_box.setChecked(False)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not praise_sound_enabled(store)
    page.refresh()
    assert not page.praise_sound_box.isChecked()
    page.praise_sound_box.setChecked(True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert praise_sound_enabled(store)
