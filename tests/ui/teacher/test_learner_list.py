"""The classes page's learner list as a model and view: a school's roster, chosen with the mouse."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_many_learners_list_and_a_shift_click_range_moves_together(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """300 learners in no class are all listed; click then Shift+click chooses a run of them, and "Move
    to class" moves exactly those."""
    blue = store.people.create_class("Blue")
    for n in range(300):
        store.people.create_learner(f"Learner {n:03d}", avatar_id="cat")
    area.unlock_without_pin()
    page = area.show_page("classes")
    page.select_class("__none__")
    view = page.learner_list
    assert view.count() == 300
    first = view.visualRect(view.rows.index(0)).center()
    third = view.visualRect(view.rows.index(2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=first)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, third)
    chosen = page.selected_learner_ids()
    assert [store.people.get_learner(i).display_name for i in chosen] == [
        "Learner 000",
        "Learner 001",
        "Learner 002",
    ]
    page.move_learners(blue.id)
    assert sorted(lr.display_name for lr in store.people.list_learners(blue.id)) == [
        "Learner 000",
        "Learner 001",
        "Learner 002",
    ]
    assert view.count() == 297


def test_an_empty_class_shows_a_line_that_cannot_be_chosen(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """A class with nobody in it says so in the list; clicking that line chooses no learner."""
    store.people.create_class("Blue")
    area.unlock_without_pin()
    page = area.show_page("classes")
    view = page.learner_list
    assert view.count() == 1
    assert view.rows.index(0).data() == "No learners here yet."
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.rows.index(0)).center()
    )
    assert page.selected_learner_ids() == []
