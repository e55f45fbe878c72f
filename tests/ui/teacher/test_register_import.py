"""A school's register is previewed with its columns mapped, can be corrected, adds nobody until confirmed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

DATA = Path(__file__).parents[2] / "services" / "teacher" / "data"


def _open_classes(area, dialogs, store):
    blue = store.people.create_class("Class 6 Blue")
    area.unlock_without_pin()
    page = area.show_page("classes")
    page.select_class(blue.id)
    return page, blue


def test_register_preview_maps_columns_and_adds_only_when_confirmed(qtbot, area, dialogs, store) -> None:
    """The preview maps Roll No / Student Name / Father Name; Cancel adds nobody, confirming adds all."""
    page, blue = _open_classes(area, dialogs, store)
    dialogs.files.append(DATA / "register_english.csv")
    dialogs.confirms.append(False)  # the teacher presses Cancel in the preview
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    (preview,) = dialogs.shown
    assert [c.currentData() for c in preview.combos] == ["roll_number", "name", "father_name"]
    assert preview.add_button.text() == "Add 5 learners"
    assert not preview.add_button.isDefault()
    assert store.people.list_learners(blue.id) == []
    assert "Nothing was added" in page.learner_message.plain_text()
    dialogs.files.append(DATA / "register_english.csv")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    learners = store.people.list_learners(blue.id)
    assert len(learners) == 5 and {lr.father_name for lr in learners} >= {"Asif Ali", "Liaquat Ali"}
    model = page.learner_list.model()
    labels = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Danish Ali (Asif Ali · #3)" in labels and "Danish Ali (Liaquat Ali · #4)" in labels


def test_changing_a_column_changes_what_is_added(qtbot, area, dialogs, store) -> None:
    """Choosing 'Name' for another column takes it from the old one; the learners follow the choice."""
    page, blue = _open_classes(area, dialogs, store)

    def swap(preview) -> None:
        preview.combos[2].setCurrentIndex(preview.combos[2].findData("name"))
        assert preview.combos[1].currentData() == ""  # only one column can be the name
        preview.combos[1].setCurrentIndex(preview.combos[1].findData("father_name"))

    dialogs.on_dialog = swap
    dialogs.files.append(DATA / "register_english.csv")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    names = sorted(lr.display_name for lr in store.people.list_learners(blue.id))
    assert names[0] == "Asif Ali" and "Imran Khan" in names


def test_no_name_column_means_nothing_can_be_added(qtbot, area, dialogs, store) -> None:
    """With no column chosen as the name, the Add button is off and says what to choose."""
    page, _ = _open_classes(area, dialogs, store)

    def clear_name(preview) -> None:
        preview.combos[1].setCurrentIndex(0)
        assert not preview.add_button.isEnabled()
        assert "names" in preview.summary.text()

    dialogs.on_dialog = clear_name
    dialogs.confirms.append(False)
    dialogs.files.append(DATA / "register_english.csv")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)


def test_a_broken_register_is_explained_next_to_the_list(qtbot, area, dialogs, store, tmp_path) -> None:
    """An old .xls is refused with what to do, in the learners card, and nothing is shown or added."""
    page, _blue = _open_classes(area, dialogs, store)
    xls = tmp_path / "register.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    dialogs.files.append(xls)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "Save As" in page.learner_message.plain_text() and dialogs.shown == []


def test_second_child_of_the_same_name_added_by_hand(qtbot, area, dialogs, store) -> None:
    """A second 'Danish Ali' needs a father's name or roll number; with one, both are in the class."""
    page, blue = _open_classes(area, dialogs, store)
    page.name_field.setText("Danish Ali")
    qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
    page.name_field.setText("Danish Ali")
    qtbot.keyClick(page.name_field, Qt.Key.Key_Return)
    assert "father's name or roll number" in page.learner_message.plain_text()
    page.father_field.setText("Liaquat Ali")
    qtbot.keyClick(page.father_field, Qt.Key.Key_Return)
    assert len(store.people.list_learners(blue.id)) == 2


def test_class_list_saved_as_a_spreadsheet(qtbot, area, dialogs, store, tmp_path) -> None:
    """'Save a class list file…' with a .csv name writes roll number, name and father's name for Excel."""
    page, blue = _open_classes(area, dialogs, store)
    store.people.create_learner("Danish Ali", class_id=blue.id, father_name="Asif Ali", roll_number="3")
    page.refresh()
    out = tmp_path / "class.csv"
    dialogs.files.append(out)
    qtbot.mouseClick(page.roster_export_button, Qt.MouseButton.LeftButton)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Roll No,Student Name,Father Name,Class")
    assert lines[1].startswith("3,Danish Ali,Asif Ali,Class 6 Blue")
    assert "was saved" in page.learner_message.plain_text()
