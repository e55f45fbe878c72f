"""The teacher area driven as a teacher would: PIN, classes, packs, results, exports and printing."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pypdf
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.services.teacher.pin import TeacherPin
from tests.services.teacher.journey import example_pack, take_quiz
from tests.services.teacher.test_packs import make_pack, zip_folder

QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type


def pdf_text(path: Path) -> tuple[int, str]:
    reader = pypdf.PdfReader(str(path))
    text = unicodedata.normalize("NFKC", "\n".join(page.extract_text() for page in reader.pages))
    return len(reader.pages), " ".join(text.split())


def test_first_visit_sets_pin_then_wrong_pins_wait_and_right_pin_enters(qtbot, area, store) -> None:
    """Set the PIN twice, lock, fail three times (a wait in words), then come in with the PIN."""
    gate = area.gate
    assert gate.setting and area.stack.currentWidget() is gate
    assert gate.title.text() == "Are you the teacher? Set a PIN" and not gate.pin_box.isVisibleTo(gate)
    qtbot.mouseClick(gate.teacher_button, Qt.MouseButton.LeftButton)
    assert gate.pin_box.isVisibleTo(gate)
    gate.pin_field.setText("2580")
    gate.repeat_field.setText("2581")
    qtbot.mouseClick(gate.enter_button, Qt.MouseButton.LeftButton)
    assert "not the same" in gate.message.plain_text()
    gate.repeat_field.setText("2580")
    qtbot.mouseClick(gate.enter_button, Qt.MouseButton.LeftButton)
    assert "very common PIN" in gate.message.plain_text() and not area.unlocked  # warned once
    qtbot.mouseClick(gate.enter_button, Qt.MouseButton.LeftButton)
    assert area.unlocked and area.stack.currentWidget() is area.workspace
    with qtbot.waitSignal(area.exit_requested):
        qtbot.mouseClick(area.leave_button, Qt.MouseButton.LeftButton)
    area.lock()
    gate = area.gate
    assert not gate.setting
    for _ in range(3):
        gate.pin_field.setText("0000")
        qtbot.keyClick(gate.pin_field, Qt.Key.Key_Return)
    assert not area.unlocked
    assert not gate.enter_button.isEnabled()
    assert "wait 5 seconds" in gate.wait_label.text()
    assert "teacher guide" in gate.findChild(QLabel, "teacherPinHelp").text()
    assert "set-pin" not in gate.findChild(QLabel, "teacherPinHelp").text()  # students see no command
    store.settings.write("teacher_pin_locked_until", None)  # the wait is over
    gate._tick()
    assert gate.enter_button.isEnabled()
    gate.pin_field.setText("2580")
    qtbot.keyClick(gate.pin_field, Qt.Key.Key_Return)
    assert area.unlocked
    assert TeacherPin(store).failures == 0


def test_create_class_and_add_learners(qtbot, area, dialogs, store, tmp_path) -> None:
    """A new class is made, a learner typed in and a list of names added from a file."""
    area.unlock_without_pin()
    page = area.show_page("classes")
    dialogs.texts.append("Class 6 Blue")
    qtbot.mouseClick(page.new_class_button, Qt.MouseButton.LeftButton)
    [blue] = store.people.list_classes()
    assert blue.name == "Class 6 Blue"
    page.name_field.setText("Ayesha")
    with qtbot.waitSignal(area.content_changed):
        qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    names = tmp_path / "names.csv"
    names.write_text("name\nBilal\nAyesha\nعلی رضا\n", encoding="utf-8")
    dialogs.files.append(names)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert sorted(lr.display_name for lr in store.people.list_learners(blue.id)) == [
        "Ayesha",
        "Bilal",
        "علی رضا",
    ]
    assert "Already in the class: Ayesha" in page.learner_message.plain_text()
    assert page.learner_list.count() == 3


def test_remove_learner_only_after_saving_results_and_confirming(
    qtbot, area, dialogs, store, tmp_path
) -> None:
    """Without a saved export nothing is removed; with one, and a yes, the learner goes."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", ali.id)
    area.unlock_without_pin()
    page = area.show_page("classes")
    view = page.learner_list
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.rows.index(0)).center()
    )
    dialogs.files.append(None)
    page.remove_learners()
    assert store.people.get_learner(ali.id)
    export = tmp_path / "ali.csv"
    dialogs.files.append(export)
    dialogs.confirms.append(True)
    page.remove_learners()
    assert store.people.list_learners(blue.id) == []
    rows = list(csv.DictReader(export.open(encoding="utf-8-sig")))
    assert len(rows) == QUESTIONS and rows[0]["learner_name"] == "Ali"
    assert (tmp_path / "ali-summary.csv").is_file()


def test_install_good_and_broken_pack(qtbot, area, dialogs, ctx, tmp_path) -> None:
    """A good .zip is installed and shown; a broken folder is refused with file and line listed."""
    area.unlock_without_pin()
    page = area.show_page("packs")
    dialogs.files.append(zip_folder(make_pack(tmp_path, "mine", "1.0.0"), tmp_path / "mine.zip"))
    with qtbot.waitSignal(area.content_changed):
        qtbot.mouseClick(page.install_zip_button, Qt.MouseButton.LeftButton)
    assert "version 1.0.0 was installed" in page.message.plain_text()
    assert "mine" in page.cards and ctx.library.pack("mine") is not None
    broken = make_pack(tmp_path, "broken", name="broken")
    (broken / "modules" / "safe-basics.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    dialogs.files.append(broken)
    qtbot.mouseClick(page.install_folder_button, Qt.MouseButton.LeftButton)
    text = page.message.plain_text()
    assert "was not installed because it has mistakes" in text
    assert "broken/modules/safe-basics.yaml, line 2: YAML syntax error" in text
    assert "broken" not in page.cards
    page.toggles["mine"].setChecked(False)
    assert "mine" not in area.pack_manager.enabled_for_class(None)


def test_a_broken_pack_lists_its_problems_and_counts_the_rest(qtbot, area, tmp_path) -> None:
    """A pack broken on disk is listed with why; problems past the first eight are counted, not dropped."""
    broken = make_pack(tmp_path, "damaged", name="damaged")
    module = broken / "modules" / "safe-basics.yaml"
    original = module.read_text(encoding="utf-8")
    misspelt = original.count("explanation:")  # each is two problems: an unknown key, a missing one
    module.write_text(original.replace("explanation:", "explanaton:"), encoding="utf-8")
    area.pack_manager.installed_dir.mkdir(parents=True, exist_ok=True)
    broken.rename(area.pack_manager.installed_dir / "damaged")
    area.unlock_without_pin()
    page = area.show_page("packs")
    text = " ".join(label.text() for label in page.broken_card.findChildren(QLabel))
    assert "damaged" in text
    assert text.count("•") == 8
    assert "unknown key 'explanaton'" in text
    assert f"…and {2 * misspelt - 8} more." in text


def test_grid_and_learner_detail_after_a_journey(qtbot, area, store) -> None:
    """The grid says who passed in words; choosing a learner lists every answer."""
    store.settings.show_example_pack = True  # the learners took the example module, shown to them
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    store.people.create_learner("Zoya", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", ali.id, {"best-passphrase": "a"})
    take_quiz(store, example_pack(), "safe-basics", ali.id)
    area.unlock_without_pin()
    page = area.show_page("results")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    assert page.proxy.rowCount() == 2
    rows = {page.grid_text(r, 0): page.grid_text(r, 1) for r in range(2)}
    words = {page.grid_text(r, 0): page.grid_text(r, 1, Qt.ItemDataRole.ToolTipRole) for r in range(2)}
    assert rows["Ali"] == "✔ 100%" and rows["Zoya"] == "○"
    assert words["Ali"].startswith("✔ Passed (100%)") and "2 quiz tries" in words["Ali"]
    assert words["Zoya"] == "○ Not started"
    page.choose_learner(0)
    lines = page.detail_texts()
    assert any("Ali2012 | ✖ Not quite" in line for line in lines)
    assert any("Score 100% · ✔ Passed" in line for line in lines)
    assert page.question_table.rowCount() >= 1
    chosen = page.question_table.item(0, 3).text()
    assert chosen.startswith("Ali2012 (1 time") and "(1 times)" not in chosen


def test_exports_csv_class_report_certificates_and_worksheet(qtbot, area, dialogs, store, tmp_path) -> None:
    """CSV and PDFs hold what they should, including an Urdu learner name on a certificate.

    DejaVu Sans (on CI) has the letters of "علی رضا" but not every Urdu letter; the app's own Urdu
    font comes with the translations."""
    store.settings.school_name = "Govt. Girls School Lahore"
    blue = store.people.create_class("Blue")
    urdu = store.people.create_learner("علی رضا", class_id=blue.id)
    sara = store.people.create_learner("Sara", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", urdu.id)
    wrong = {"bank-asks-otp": True, "best-passphrase": "c", "otp-word": "pizza", "share-safely": ["colour"]}
    take_quiz(store, example_pack(), "safe-basics", sara.id, wrong)
    area.unlock_without_pin()
    page = area.show_page("share")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))

    csv_path = tmp_path / "out" / "results.csv"
    csv_path.parent.mkdir()  # a save dialog only gives folders that exist
    dialogs.files.append(csv_path)
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    assert len(rows) == 2 * QUESTIONS and {r["learner_name"] for r in rows} == {"علی رضا", "Sara"}
    assert {r["module_title"] for r in rows} == {"Safe basics"}

    report = tmp_path / "out" / "report.pdf"
    dialogs.files.append(report)
    qtbot.mouseClick(page.report_pdf_button, Qt.MouseButton.LeftButton)
    pages, text = pdf_text(report)
    assert pages >= 1
    assert "Class report: Blue" in text and "Govt. Girls School Lahore" in text
    assert "Sara" in text and "Safe basics" in text and "Questions missed most" in text

    certificates = tmp_path / "out" / "certificates.pdf"
    dialogs.files.append(certificates)
    qtbot.mouseClick(page.cert_pdf_button, Qt.MouseButton.LeftButton)
    pages, text = pdf_text(certificates)
    assert pages == 1  # only the Urdu-named learner passed
    assert "Certificate of completion" in text and "Safe basics" in text
    compact = text.replace(" ", "")
    assert "علیرضا" in compact or "علیرضا" in compact[::-1]  # Urdu is stored in visual order

    page.module_combo.setCurrentIndex(page.module_combo.findData("example/safe-basics"))
    worksheet = tmp_path / "out" / "worksheet.pdf"
    dialogs.files.append(worksheet)
    qtbot.mouseClick(page.worksheet_button, Qt.MouseButton.LeftButton)
    _, text = pdf_text(worksheet)
    assert "Which of these is the strongest?" in text and "mango river kite cloud" in text
    assert "Four random words" not in text  # no explanations on the learners' sheet
    key = tmp_path / "out" / "key.pdf"
    dialogs.files.append(key)
    qtbot.mouseClick(page.answer_key_button, Qt.MouseButton.LeftButton)
    _, text = pdf_text(key)
    assert "Answer key" in text and "Four random words" in text
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


def test_results_bundle_round_trip_and_look_alike_merge(qtbot, area, dialogs, store, tmp_path) -> None:
    """A results file from another computer is imported; a look-alike learner can be merged."""
    from quizapp.progress.bundle import export_results
    from quizapp.progress.store import Store

    other_dir = tmp_path / "other"
    with Store.open(other_dir) as other:
        blue_there = other.people.create_class("Blue")
        ali_there = other.people.create_learner("Ali", class_id=blue_there.id)
        take_quiz(other, example_pack(), "safe-basics", ali_there.id)
        export_results(other, tmp_path / "other.zip")
    area.unlock_without_pin()
    page = area.show_page("share")
    dialogs.file_lists.append([tmp_path / "other.zip"])
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert f"1 new learner(s), {QUESTIONS} new answer(s)" in page.exchange_message.plain_text()
    assert [c.name for c in store.people.list_classes()] == ["Blue"]
    again = tmp_path / "again.zip"
    with Store.open(tmp_path / "third") as third:
        c = third.people.create_class("Blue")
        twin = third.people.create_learner("Ali", class_id=c.id)
        take_quiz(third, example_pack(), "safe-basics", twin.id, {"best-passphrase": "a"})
        export_results(third, again)
    page.import_results([again])
    assert len(page.pending_look_alikes) >= 1
    for _look_alike, choice in page.pending_look_alikes:
        choice.setCurrentIndex(choice.findData("merge"))
    page.apply_look_alikes()
    assert "merged" in page.exchange_message.plain_text()
    alis = [lr for lr in store.people.list_learners() if lr.display_name == "Ali"]
    assert len(alis) == 1 and len(store.runs.attempts_for_learner(alis[0].id)) == 2 * QUESTIONS
    export = tmp_path / "mine.zip"
    dialogs.files.append(export)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert export.is_file()


def test_settings_and_term_end_reset(qtbot, area, dialogs, store, tmp_path) -> None:
    """Settings are saved; a class is reset only after an export and a yes."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", ali.id)
    area.unlock_without_pin()
    page = area.show_page("settings")
    page.school_field.setText("Model School")
    page.contacts_field.setPlainText("Ms Ayesha, counsellor\nHelpline at the office")
    page.retake_box.setChecked(False)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert store.settings.school_name == "Model School"
    assert store.settings.help_contacts.splitlines() == ["Ms Ayesha, counsellor", "Helpline at the office"]
    assert store.settings.allow_retake_passed is False
    export = tmp_path / "before-reset.csv"
    dialogs.files.append(export)
    dialogs.confirms.append(False)
    page.reset()
    assert store.runs.attempts_for_learner(ali.id)
    dialogs.files.append(export)
    dialogs.confirms.append(True)
    page.reset()
    [fresh] = store.people.list_learners(blue.id)
    assert fresh.display_name == "Ali" and store.runs.attempts_for_learner(fresh.id) == []
    assert len(export.read_text(encoding="utf-8-sig").splitlines()) == 1 + QUESTIONS  # header + answers


def test_term_end_reset_of_learners_in_no_class(qtbot, area, dialogs, store, tmp_path) -> None:
    """Learners in no class can be reset too, all of them or one, after an export and a yes."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    sana = store.people.create_learner("Sana")
    zoya = store.people.create_learner("Zoya")
    for learner in (ali, sana, zoya):
        take_quiz(store, example_pack(), "safe-basics", learner.id)
    area.unlock_without_pin()
    page = area.show_page("settings")
    combo = page.reset_class_combo
    combo.setCurrentIndex(combo.findText("Learners in no class"))
    names = [page.reset_learner_combo.itemText(i) for i in range(page.reset_learner_combo.count())]
    assert names == ["Everyone in the class", "Sana", "Zoya"]
    page.reset_learner_combo.setCurrentIndex(names.index("Zoya"))
    dialogs.files.append(tmp_path / "zoya.csv")
    dialogs.confirms.append(True)
    page.reset()
    assert store.runs.attempts_for_learner(zoya.id) == [] and store.runs.attempts_for_learner(sana.id)
    combo.setCurrentIndex(combo.findText("Learners in no class"))
    page.reset_learner_combo.setCurrentIndex(0)
    dialogs.files.append(tmp_path / "no-class.csv")
    dialogs.confirms.append(True)
    page.reset()
    assert store.runs.attempts_for_learner(sana.id) == []
    assert store.runs.attempts_for_learner(ali.id), "a learner in a class is not touched"
    assert (tmp_path / "no-class.csv").is_file()


def test_import_questions_screen_converts_and_installs(qtbot, area, ctx, tmp_path) -> None:
    """An Aiken file becomes a pack: the counts are shown, then it is installed."""
    bank = tmp_path / "revision.txt"
    bank.write_text(
        "Which password is strongest?\nA. 1234\nB. mango river kite cloud\nANSWER: B\n\n"
        "Should you share a one-time code?\nA. Yes\nB. No\nANSWER: B\n",
        encoding="utf-8",
    )
    area.unlock_without_pin()
    page = area.show_page("import")
    report = page.convert([bank])
    assert report is not None and len(report.converted) == 2
    assert "2 question(s) converted into 1 module(s)" in page.message.plain_text()
    assert page.install_button.isEnabled()
    page.title_field.setText("Revision")
    assert page.install()
    assert "was installed with 2 questions" in page.message.plain_text()
    assert ctx.library.pack("revision") is not None


def test_urdu_switches_direction_and_rebuilds(qtbot, area, ctx) -> None:
    """Choosing Urdu makes the layout right-to-left without a restart."""
    area.unlock_without_pin()
    qtbot.mouseClick(area.language_button, Qt.MouseButton.LeftButton)
    assert ctx.language == "ur"
    assert QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert area.unlocked and area.stack.currentWidget() is area.workspace
    assert area.language_button.text() == "English"


def test_render_teacher_screens(qtbot, ctx, tmp_path) -> None:
    """Every teacher screen is saved as a PNG of the size asked for."""
    from PySide6.QtGui import QImage

    from quizapp.ui.teacher.screenshots import render_teacher_screens

    paths = render_teacher_screens(ctx, tmp_path / "shots", (1024, 600))
    assert [p.name.split("-")[1] for p in paths] == [
        "pin",
        "classes",
        "results",
        "packs",
        "import",
        "share",
        "settings",
    ]
    image = QImage(str(paths[0]))
    assert (image.width(), image.height()) == (1024, 600)


def test_settings_left_without_saving_are_offered_for_saving(qtbot, area, dialogs, store) -> None:
    """A school name typed but not saved is not lost without a word when the teacher opens another page
    or locks the area: they choose Save, Discard or Stay, and their answer is followed."""
    area.unlock_without_pin()
    page = area.show_page("settings")
    page.school_field.setText("Model School")
    dialogs.unsaved.append("stay")
    qtbot.mouseClick(area.nav_buttons["share"], Qt.MouseButton.LeftButton)
    assert area.page_stack.currentIndex() == area.PAGE_NAMES.index("settings")
    assert area.nav_buttons["settings"].isChecked() and page.school_field.text() == "Model School"
    dialogs.unsaved.append("save")
    qtbot.mouseClick(area.nav_buttons["share"], Qt.MouseButton.LeftButton)
    assert any("did not save" in asked for asked in dialogs.asked)
    assert store.settings.school_name == "Model School"
    page = area.show_page("settings")
    page.school_field.setText("Another School")
    dialogs.asked.clear()
    dialogs.unsaved.append("discard")
    with qtbot.waitSignal(area.exit_requested):
        qtbot.mouseClick(area.leave_button, Qt.MouseButton.LeftButton)
    assert any("did not save" in asked for asked in dialogs.asked)
    assert store.settings.school_name == "Model School"
    area.unlock_without_pin()
    dialogs.asked.clear()
    area.show_page("settings")
    area.show_page("results")  # nothing changed: nothing to ask
    assert dialogs.asked == []


def test_class_list_file_is_saved_in_the_app_and_read_on_another_computer(
    qtbot, area, dialogs, store, tmp_path
) -> None:
    """A teacher saves a class's list from the Classes page (no command line) and another computer
    imports it with the same learners."""
    from quizapp.progress.bundle import import_roster
    from quizapp.progress.store import Store

    blue = store.people.create_class("6 Blue")
    store.people.create_learner("Ayesha", class_id=blue.id)
    store.people.create_learner("علی رضا", class_id=blue.id)
    store.people.create_class("7 Red")
    area.unlock_without_pin()
    page = area.show_page("classes")
    page.select_class(blue.id)
    out = tmp_path / "6-blue.zip"
    dialogs.files.append(out)
    qtbot.mouseClick(page.roster_export_button, Qt.MouseButton.LeftButton)
    assert "6 Blue" in page.message.plain_text() and out.is_file()
    with Store.open(tmp_path / "lab") as lab:
        import_roster(lab, out)
        [lab_class] = lab.people.list_classes()
        assert lab_class.name == "6 Blue"
        assert sorted(lr.display_name for lr in lab.people.list_learners(lab_class.id)) == [
            "Ayesha",
            "علی رضا",
        ]
