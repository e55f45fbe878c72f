"""The learner picker as a school uses it: cards drawn from a model, the class first when there are many
learners, finding a name typed in any script, the keyboard, and a tap while the data is still opening."""

from __future__ import annotations

import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from quizapp.progress.records import Learner
from quizapp.progress.store import Store
from quizapp.services.library import PackLibrary
from quizapp.services.opening import OpeningStore
from quizapp.services.roster import peek_roster
from quizapp.ui.autopilot import Autopilot, settle
from quizapp.ui.cards import search_key
from quizapp.ui.screens.picker import (
    CLASS_STEP_ABOVE,
    DETAIL_FIELDS,
    TILE_WIDTH,
    detail_fields,
    learner_detail,
)
from tests.ui.conftest import StudentApp, StudentAppFactory


def school(data_dir: Path, per_class: int = 40) -> dict[str, str]:
    """Two classes of ``per_class`` learners and one learner in no class; returns name -> learner id."""
    ids: dict[str, str] = {}
    with Store.open(data_dir) as store:
        five, six = store.people.create_class("Class 5"), store.people.create_class("Class 6")
        for n in range(per_class):
            for school_class in (five, six):
                name = f"{school_class.name[-1]}-Learner {n:02d}"
                ids[name] = store.people.create_learner(name, avatar_id="cat", class_id=school_class.id).id
        ids["Zoya"] = store.people.create_learner("Zoya", avatar_id="owl").id
    return ids


def test_many_learners_choose_their_class_then_their_name(student_factory: StudentAppFactory) -> None:
    """Above the threshold the picker shows class cards; a class shows only its learners; "All classes"
    goes back; learners in no class have a card of their own."""
    ids = school(student_factory.data_dir)
    assert len(ids) > CLASS_STEP_ABOVE
    app = student_factory.open()
    picker, pilot = app.window.picker, app.pilot
    assert picker.shown_classes() == ["Class 5", "Class 6", "No class"]
    assert picker.shown_learners() == []
    assert picker.step.text() == "Choose your class, then your name."
    pilot.click_card(picker.class_view, picker.class_cards.shown()[1].key)
    shown = [learner.display_name for learner in picker.shown_learners()]
    assert len(shown) == 40 and all(name.startswith("6-") for name in shown)
    assert picker.step.text() == "Class 6: find your name."
    pilot.click(picker.classes_button)
    assert picker.shown_classes() == ["Class 5", "Class 6", "No class"]
    pilot.choose_learner(ids["Zoya"])  # through the "No class" card
    assert app.window.learner.display_name == "Zoya"


def test_typing_a_name_finds_it_in_every_class(student_factory: StudentAppFactory) -> None:
    """With the class cards shown, typing part of a name shows the matching learners of every class."""
    school(student_factory.data_dir)
    app = student_factory.open()
    picker = app.window.picker
    app.pilot.type_text(picker.filter, "learner 07")
    assert sorted(x.display_name for x in picker.shown_learners()) == ["5-Learner 07", "6-Learner 07"]
    picker.filter.clear()
    settle()
    assert picker.shown_classes() == ["Class 5", "Class 6", "No class"]


def test_a_few_learners_see_their_cards_at_once(student: StudentApp) -> None:
    """Below the threshold there is no class step, even when classes are set."""
    school_class = student.store.people.create_class("Class 5")
    student.store.people.create_learner("Ayesha", avatar_id="cat", class_id=school_class.id)
    student.window.show_picker()
    settle()
    assert [x.display_name for x in student.window.picker.shown_learners()] == ["Ayesha"]
    assert not student.window.picker.step.isVisible()


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("bushra", "Bushra"),  # case
        ("  AYESHA   khan", "Ayesha Khan"),  # spaces
        ("بشری", "بشریٰ"),  # without the superscript alef
        ("علي", "علی"),  # Arabic yeh typed, Urdu yeh stored
        ("فاطمه", "فاطمہ"),  # Arabic heh typed, Urdu heh goal stored
        ("zoë", "Zoe"),  # accents
    ],
)
def test_search_ignores_case_spacing_and_urdu_letter_variants(typed: str, stored: str) -> None:
    """A name is found however the keyboard writes its letters."""
    assert search_key(typed) == search_key(stored)


def test_urdu_name_typed_with_an_arabic_keyboard_is_found(student: StudentApp) -> None:
    """Typing "علي" (Arabic yeh) in the box shows the learner stored as "علی"."""
    for name in ("علی", "بلال"):
        student.store.people.create_learner(name, avatar_id="cat")
    student.window.show_picker()
    student.pilot.type_text(student.window.picker.filter, "علي")
    assert [x.display_name for x in student.window.picker.shown_learners()] == ["علی"]


def test_arrow_keys_and_space_choose_a_card(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """From the box, Enter with several matches moves to the first card; Right moves on; Space chooses."""
    for name in ("Ayesha", "Bilal", "Bushra"):
        student.store.people.create_learner(name, avatar_id="cat")
    window = student.window
    window.show_picker()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    settle()
    picker = window.picker
    picker.filter.setFocus()
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    settle()
    assert QApplication.focusWidget() is picker.learner_view
    QTest.keyClick(picker.learner_view, Qt.Key.Key_Right)
    QTest.keyClick(picker.learner_view, Qt.Key.Key_Space)
    settle()
    assert window.current_screen() is window.home
    assert window.learner.display_name == "Bilal"


@pytest.mark.parametrize("language", ["en", "ur"])
def test_a_name_scrolled_to_and_clicked_opens_that_learner(
    student: StudentApp,
    language: str,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """A child scrolls down the list and clicks their name the first time the list is touched: the click
    chooses that name (making the first card current on the click's focus scrolled the list back to the
    top under the finger, and the release chose whoever was there; twenty selftests caught it)."""
    ids = [student.store.people.create_learner(f"Learner {n:02d}", avatar_id="cat").id for n in range(30)]
    window = student.window
    student.ctx.set_language(language)
    window.show_picker()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    settle()
    view = window.picker.learner_view
    window.picker.filter.setFocus()
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0, "the list must be longer than the window for this test"
    bar.setValue(bar.maximum())  # as the mouse wheel leaves it: no current card, the view not focused
    settle()
    last = view.cards.index(view.cards.row_of(ids[-1]))
    where = view.visualRect(last).center()
    assert view.viewport().rect().contains(where)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    settle()
    assert window.current_screen() is window.home
    assert window.learner.id == ids[-1]


def test_cards_tell_a_screen_reader_the_name_and_second_line(student: StudentApp) -> None:
    """Each card's accessible text is the learner's name; the list itself has a name."""
    student.store.people.create_learner("Ayesha", avatar_id="cat")
    student.window.show_picker()
    picker = student.window.picker
    index = picker.learner_cards.index(0)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Ayesha"
    assert picker.learner_view.accessibleName() == "Learners"


def test_the_second_line_comes_from_the_learner_record_when_it_has_one() -> None:
    """Father's name and roll number (when a learner record carries them) make the card's second line."""
    assert learner_detail(SimpleNamespace(display_name="Ali")) == ""  # type: ignore[arg-type]
    both = SimpleNamespace(display_name="Ali", father_name="Ahmed", roll_number="12")
    assert learner_detail(both) == "Ahmed · 12"  # type: ignore[arg-type]
    assert learner_detail(SimpleNamespace(detail=" s/o Ahmed ")) == "s/o Ahmed"  # type: ignore[arg-type]
    assert detail_fields(SimpleNamespace) is None  # no __slots__: each record is asked
    assert detail_fields(Learner) == tuple(f for f in DETAIL_FIELDS if hasattr(Learner, f))


def test_a_tap_while_the_data_opens_says_getting_ready_then_opens(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch, example_builtin: Path
) -> None:  # type: ignore[no-untyped-def]
    """A learner tapped before the store has opened sees "Getting ready" (no frozen window); their home
    opens as soon as the store is ready."""
    from quizapp.ui.context import AppContext
    from quizapp.ui.main_window import MainWindow

    with Store.open(tmp_path) as store:
        learner_id = store.people.create_learner("Ali", avatar_id="cat").id
    peek = peek_roster(tmp_path)
    assert peek is not None
    release = threading.Event()
    real_open = Store.open

    def slow_open(data_dir: Path, **kwargs: object) -> Store:
        release.wait(10)
        return real_open(data_dir)

    monkeypatch.setattr(Store, "open", staticmethod(slow_open))
    opening = OpeningStore(tmp_path, peek)
    ctx = AppContext(data_dir=tmp_path, store=opening, library=PackLibrary(example_builtin, tmp_path / "p"))  # type: ignore[arg-type]
    window = MainWindow(ctx)
    window.resize(1024, 600)
    window.show()
    opening.start()
    try:
        settle()
        Autopilot(window).click_learner(learner_id)
        assert window.current_screen() is window.picker
        assert window.picker.waiting.isVisible()
        assert window.picker.waiting_text.text() == "Getting ready… one moment."
        release.set()
        qtbot.waitUntil(lambda: opening.ready)
        window.store_ready()
        assert window.current_screen() is window.home
        assert not window.picker.waiting.isVisible()
    finally:
        release.set()
        window.close()
        window.deleteLater()
        settle()
        opening.close()


def test_class_cards_are_in_number_order() -> None:
    """Class 2 comes before Class 10 on the class cards, as a school counts them."""
    from quizapp.ui.screens.picker import natural_key

    names = ["Class 10A", "Class 1B", "Class 2A", "class 1a"]
    assert sorted(names, key=natural_key) == ["class 1a", "Class 1B", "Class 2A", "Class 10A"]


def test_arrow_keys_move_the_way_they_point_in_urdu(student_factory: StudentAppFactory) -> None:
    """Right to left the cards flow leftwards: Left moves to the next card, Right back to the one before."""
    with Store.open(student_factory.data_dir) as store:
        store.settings.default_language = "ur"
        for name in ("Ayesha", "Bilal", "Bushra"):
            store.people.create_learner(name, avatar_id="cat")
    app = student_factory.open()
    view = app.window.picker.learner_view
    assert view.isRightToLeft()
    first, second = (view.visualRect(view.cards.index(row)) for row in (0, 1))
    assert second.x() < first.x()  # the second card is drawn to the left of the first
    view.setFocus()
    view.setCurrentIndex(view.cards.index(0))
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert view.currentIndex().row() == 1
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().row() == 0


def test_coming_back_to_an_unchanged_picker_keeps_the_place_in_the_list(student: StudentApp) -> None:
    """Refreshing with the same learners does not rebuild the list: the chosen card stays chosen."""
    for n in range(30):
        student.store.people.create_learner(f"Learner {n:02d}", avatar_id="cat")
    picker = student.window.picker
    picker.refresh()
    picker.learner_view.setCurrentIndex(picker.learner_cards.index(20))
    picker.refresh()
    assert picker.learner_view.currentIndex().row() == 20
    student.store.people.create_learner("Zoya", avatar_id="owl")
    picker.refresh()  # a new learner: the list is rebuilt and shows her
    assert "Zoya" in [x.display_name for x in picker.shown_learners()]


def test_two_word_names_are_whole_on_urdu_cards(student_factory: StudentAppFactory) -> None:
    """On the Urdu picker (a larger font) 'Sana Yousaf' is drawn whole, a little smaller, not cut to
    'Sana You…'; a name far too long for a card is still elided."""
    with Store.open(student_factory.data_dir) as store:
        for name in ("Sana Yousaf", "Danish Ali"):
            store.people.create_learner(name, avatar_id="cat")
        store.settings.default_language = "ur"
    app = student_factory.open()
    delegate = app.window.picker.learner_view.delegate
    assert app.ctx.language == "ur"
    title_font = delegate.fonts()[0]
    assert QFontMetrics(title_font).horizontalAdvance("Sana Yousaf") > TILE_WIDTH - 20  # too wide as it is
    for name in ("Sana Yousaf", "Danish Ali"):
        assert delegate.title_shown(name)[1] == name
    long_name = "Syeda Ayesha Fatima Bint Muhammad Rizwan"
    assert len(delegate.title_shown(long_name)[1]) < len(long_name)


def test_same_name_cards_stay_apart_on_the_urdu_picker(student_factory: StudentAppFactory) -> None:
    """Two 'Sana Yousaf' whose fathers' names start alike keep different second lines on the Urdu picker
    (fitted, or cut in the middle), not both 'Muhammad You…'."""
    with Store.open(student_factory.data_dir) as store:
        store.people.create_learner(
            "Sana Yousaf", avatar_id="cat", father_name="Muhammad Yousaf", roll_number="3"
        )
        store.people.create_learner(
            "Sana Yousaf", avatar_id="owl", father_name="Muhammad Younis", roll_number="14"
        )
        store.settings.default_language = "ur"
    app = student_factory.open()
    picker = app.window.picker
    delegate = picker.learner_view.delegate
    details = [card.detail for card in picker.learner_cards.all_cards()]
    assert len(details) == 2 and all(details)
    shown = [delegate.detail_shown(detail)[1] for detail in details]
    assert shown[0] != shown[1], shown
