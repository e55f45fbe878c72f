"""The teacher area's layout (page list, wrapping rows, room for Urdu's tall letters), its dates in the
teacher's language and its words about imported files."""

from __future__ import annotations

import csv
import re
import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QTabBar,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.progress.bundle import export_results, export_roster
from quizapp.progress.records import ClockNote, LookAlike, MergedLearner, MergeReport
from quizapp.progress.store import Store
from quizapp.ui.i18n.fonts import compact_font, line_height
from quizapp.ui.i18n.formatting import Formatter
from quizapp.ui.teacher.merge_report import merge_lines
from quizapp.ui.teacher.widgets import FlowLayout, WrappingCheckBox, fill_args
from tests.services.teacher.journey import example_pack, take_quiz
from tests.ui.teacher.test_teacher_area import pdf_text

QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type

ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _tick() -> None:
    """Let the clock move on, so "before" and "after" a reset are different milliseconds."""
    time.sleep(0.01)


# ------------------------------------------------------------------------------------------ page list
def test_pages_are_listed_at_the_side_and_the_list_mirrors_in_urdu(qtbot, area, ctx) -> None:
    """The page list (icon and name) runs down the start side: left in English, right in Urdu."""
    area.unlock_without_pin()
    buttons = list(area.nav_buttons.values())
    assert [b.text() for b in buttons] == [
        "Classes",
        "Results",
        "Packs",
        "Import",
        "Print and share",
        "Settings",
    ]
    assert all(not b.icon().isNull() for b in buttons)
    tops = [b.mapTo(area, QPoint(0, 0)) for b in buttons]
    assert len({p.x() for p in tops}) == 1 and [p.y() for p in tops] == sorted(p.y() for p in tops)
    assert area.nav.geometry().right() < area.page_stack.geometry().left()
    ctx.set_language("ur")
    area.show_page("classes")
    qtbot.waitUntil(lambda: area.nav.geometry().left() > area.page_stack.geometry().right())
    assert area.nav_buttons["classes"].text() == "کلاسیں"


def test_arrow_keys_move_through_the_page_list(qtbot, area) -> None:
    """Down opens the next page, Up the one before, End the last (as in any list)."""
    area.unlock_without_pin()
    first = area.nav_buttons["classes"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    assert area.page_stack.currentIndex() == 1 and area.nav_buttons["results"].hasFocus()
    qtbot.keyClick(area.nav_buttons["results"], Qt.Key.Key_End)
    assert area.page_stack.currentIndex() == len(area.PAGE_NAMES) - 1
    qtbot.keyClick(area.nav_buttons["settings"], Qt.Key.Key_Up)
    assert area.nav_buttons["share"].isChecked()


# ----------------------------------------------------------------------------------- wrapping rows
def _buttons(texts: list[str]) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    flow = FlowLayout(holder, spacing=10)
    buttons = [QPushButton(text) for text in texts]
    for widget in buttons:
        flow.addWidget(widget)
    return holder, flow, buttons


def test_a_button_row_goes_on_to_a_new_line_instead_of_cutting_words(qtbot) -> None:
    """Narrow: buttons move to the next line at their full width; the row asks for the extra height."""
    holder, flow, buttons = _buttons(["Save as PDF…", "Print…", "Save this computer's results file…"])
    qtbot.addWidget(holder)
    wide = sum(b.sizeHint().width() for b in buttons) + 20
    holder.resize(wide, flow.heightForWidth(wide))
    holder.show()
    assert len({b.y() for b in buttons}) == 1
    narrow = buttons[2].sizeHint().width() + 5
    assert flow.heightForWidth(narrow) > flow.heightForWidth(wide)
    holder.resize(narrow, flow.heightForWidth(narrow))
    qtbot.waitUntil(lambda: buttons[2].y() > buttons[0].y())
    assert all(b.width() >= b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() >= max(b.sizeHint().width() for b in buttons)


def test_a_button_row_starts_at_the_right_in_urdu(qtbot) -> None:
    """Right to left, the first button is the rightmost."""
    holder, _flow, buttons = _buttons(["One", "Two"])
    qtbot.addWidget(holder)
    holder.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    holder.resize(400, 80)
    holder.show()
    qtbot.waitUntil(lambda: buttons[0].x() > buttons[1].x())
    assert buttons[0].geometry().right() >= 400 - 2


def test_a_long_tick_box_wraps_and_its_words_tick_it(qtbot) -> None:
    """The words of a wrapping tick box go onto more lines, and clicking them ticks the box."""
    box = WrappingCheckBox("Learners may take a quiz again after passing it " * 2)
    qtbot.addWidget(box)
    box.resize(260, box.heightForWidth(260) if box.hasHeightForWidth() else 120)
    box.show()
    toggled: list[bool] = []
    box.toggled.connect(toggled.append)
    qtbot.mouseClick(box.label, Qt.MouseButton.LeftButton)
    assert box.isChecked() and toggled == [True]
    assert box.label.height() >= 2 * box.label.fontMetrics().height()
    assert box.box.accessibleName().startswith("Learners may take a quiz")


def test_fill_args_replaces_each_number_once() -> None:
    """A name holding "%2" is not replaced again by the second value."""
    assert fill_args("%1 was merged into %2.", "A%2", "B") == "A%2 was merged into B."


def test_classes_beside_learners_when_they_fit_else_one_above_the_other(qtbot, area) -> None:
    """In a wide window the classes stand beside the learners; in a narrow one, above them."""
    area.unlock_without_pin()
    page = area.show_page("classes")
    area.resize(1400, 700)
    qtbot.waitUntil(lambda: page.classes_card.y() == page.learners_card.y())
    area.resize(640, 700)
    qtbot.waitUntil(lambda: page.learners_card.y() > page.classes_card.y())
    assert page.learners_card.width() <= page.width()


# --------------------------------------------------------------------------------------------- Urdu
def _needs(view: QWidget) -> int:
    return line_height(view.font())


def test_urdu_rows_headers_and_tabs_have_room_for_tall_letters(qtbot, styled_area, ctx, store) -> None:
    """In Urdu, list rows, table rows and headers, answer rows and tabs are as tall as a Nastaliq line
    (with its tallest letters) for each line of text they hold."""
    area = styled_area
    blue = store.people.create_class("نیلی کلاس")
    urdu = store.people.create_learner("علی رضا", class_id=blue.id)
    store.people.create_learner("فاطمہ", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", urdu.id)
    ctx.set_language("ur")
    area.unlock_without_pin()
    checked: list[str] = []
    for name in area.PAGE_NAMES:
        page = area.show_page(name)
        if name == "results":
            page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
            page.show_learner(urdu.id)
        if name == "classes":
            page.select_class(blue.id)
        for view in page.findChildren(QAbstractItemView):
            if not view.isVisibleTo(page):
                continue
            if isinstance(view, QListWidget):
                for row in range(view.count()):
                    height = view.visualItemRect(view.item(row)).height()
                    assert height >= _needs(view), (name, view.item(row).text(), height)
                    checked.append(view.item(row).text())
            elif isinstance(view, QTableWidget):
                header = view.horizontalHeader()
                if view.columnCount():
                    assert header.height() >= line_height(header.font()), (name, header.height())
                for row in range(view.rowCount()):
                    texts = [view.item(row, c).text() for c in range(view.columnCount()) if view.item(row, c)]
                    lines = max(t.count("\n") + 1 for t in texts)
                    assert view.rowHeight(row) >= lines * _needs(view), (name, texts, view.rowHeight(row))
                    checked.append(texts[0])
            elif isinstance(view, QTableView):  # a model/view table (the results grid)
                model = view.model()
                for row in range(model.rowCount()):
                    if view.isRowHidden(row):
                        continue
                    texts = [str(model.index(row, c).data() or "") for c in range(model.columnCount())]
                    # a compact grid: each row holds the ink of its text in the font it is drawn in
                    # (Naskh for Urdu letters, tallest letters and deepest tails included), not a whole line
                    inks = [QFontMetrics(compact_font(view.font(), t)).tightBoundingRect(t) for t in texts]
                    ink = max(rect.height() for rect in inks)
                    assert view.rowHeight(row) >= ink + 4, (name, texts, view.rowHeight(row), ink)
                    checked.append(texts[0])
            elif isinstance(view, QListView):  # a model/view list (the learners of a class)
                model = view.model()
                for row in range(model.rowCount()):
                    index = model.index(row, 0)
                    height = view.visualRect(index).height()
                    assert height >= _needs(view), (name, index.data(), height)
                    checked.append(str(index.data()))
            elif isinstance(view, QTreeWidget):
                for index in range(view.topLevelItemCount()):
                    item = view.topLevelItem(index)
                    assert view.visualItemRect(item).height() >= _needs(view), (name, item.text(0))
                    checked.append(item.text(0))
        for tabs in page.findChildren(QTabBar):
            for index in range(tabs.count()):
                assert tabs.tabRect(index).height() >= line_height(tabs.font()), tabs.tabText(index)
    assert "علی رضا" in checked and any("نیلی کلاس" in text for text in checked)


def test_urdu_dates_read_day_month_year_from_the_right(qtbot, area, ctx) -> None:
    """The date choosers show "28 نومبر 2026": Qt turns the format round in a right-to-left window."""
    ctx.set_language("ur")
    area.unlock_without_pin()
    page = area.show_page("results")
    edit = page.dates.from_edit
    shown = edit.findChild(QLineEdit).text()
    day = edit.date()
    assert shown == Formatter("ur").locale.toString(day, "d MMM yyyy")
    assert shown.startswith(f"{day.day()} ") and shown.endswith(str(day.year()))


# -------------------------------------------------------------------------------------------- dates
def test_documents_show_dates_in_words_and_the_csv_keeps_iso_dates(
    qtbot, area, dialogs, store, tmp_path
) -> None:
    """Certificates, the class report and the class list say "5 March 2024"; the CSV keeps 2024-03-05."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", ali.id)
    today = Formatter("en").date(date.today())
    area.unlock_without_pin()
    page = area.show_page("share")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    page.dates.set_range(date(2024, 3, 5), None)
    out = tmp_path / "out"
    out.mkdir()
    for clicked, name in ((page.cert_pdf_button, "cert.pdf"), (page.report_pdf_button, "report.pdf")):
        dialogs.files.append(out / name)
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    _, certificate = pdf_text(out / "cert.pdf")
    assert f"Date: {today}" in certificate and not ISO_DAY.search(certificate)
    _, report = pdf_text(out / "report.pdf")
    assert f"Made on {today}" in report and "From 5 March 2024 until" in report
    assert not ISO_DAY.search(report)
    classes = area.show_page("classes")
    classes.select_class(blue.id)
    dialogs.files.append(out / "list.pdf")
    classes.save_roster_pdf()
    _, roster = pdf_text(out / "list.pdf")
    assert f"Made on {today}" in roster and not ISO_DAY.search(roster)
    dialogs.files.append(out / "results.csv")
    page = area.show_page("share")
    page.save_csv()
    rows = list(csv.reader((out / "results.csv").open(encoding="utf-8-sig")))
    assert any(ISO_DAY.search(cell) for cell in rows[1])


def test_urdu_certificates_and_report_have_urdu_dates(qtbot, area, ctx, store) -> None:
    """In Urdu the month is written in Urdu ("5 مارچ 2024"), never as 2024-03-05."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    take_quiz(store, example_pack(), "safe-basics", ali.id)
    ctx.set_language("ur")
    area.unlock_without_pin()
    page = area.show_page("share")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    month = Formatter("ur").locale.monthName(date.today().month)
    [certificate] = page.certificates()
    assert month in certificate.completed and not ISO_DAY.search(certificate.completed)
    body = page.class_report_body()
    assert Formatter("ur").date(date.today()) in body and not ISO_DAY.search(body)


# ------------------------------------------------------------------------------------ import words
def _lab_computer_with_twin(store: Store, tmp_path: Path) -> tuple[str, str]:
    """The teacher's Ali is on a lab computer, which also made its own "Ali (2)"; the teacher imported
    the lab's results and merged the twin into Ali. Returns (kept id, merged id)."""
    blue = store.people.create_class("5A")
    kept = store.people.create_learner("Ali", class_id=blue.id)
    export_roster(store, tmp_path / "roster.json")
    with Store.open(tmp_path / "lab") as lab:
        from quizapp.progress.bundle import import_roster

        import_roster(lab, tmp_path / "roster.json")
        twin = lab.people.create_learner("Ali (2)", class_id=blue.id)
        take_quiz(lab, example_pack(), "safe-basics", twin.id)
        export_results(lab, tmp_path / "lab-1.zip")
    return kept.id, twin.id


def test_import_summary_names_learners_mapped_by_an_earlier_merge(qtbot, area, store, tmp_path) -> None:
    """A later file naming a merged learner: the summary says whose answers went to whom."""
    kept_id, twin_id = _lab_computer_with_twin(store, tmp_path)
    area.unlock_without_pin()
    page = area.show_page("share")
    page.import_results([tmp_path / "lab-1.zip"])
    store.people.merge_learners(kept_id, twin_id)
    with Store.open(tmp_path / "lab") as lab:
        take_quiz(lab, example_pack(), "safe-basics", twin_id)
        export_results(lab, tmp_path / "lab-2.zip")
    page.import_results([tmp_path / "lab-2.zip"])
    text = page.exchange_message.plain_text()
    assert "Ali (2) was merged into Ali before: what the file holds of them was added to Ali." in text
    assert f"lab-2.zip: 0 new learner(s), {QUESTIONS} new answer(s), 1 new quiz try(s)." in text


def test_import_summary_counts_answers_left_out_after_a_reset(qtbot, area, ctx, store, tmp_path) -> None:
    """Answers from before the teacher's reset are left out, and the summary (in Urdu too) says so."""
    blue = store.people.create_class("5A")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    export_roster(store, tmp_path / "roster.json")
    with Store.open(tmp_path / "lab") as lab:
        from quizapp.progress.bundle import import_roster

        import_roster(lab, tmp_path / "roster.json")
        take_quiz(lab, example_pack(), "safe-basics", ali.id)
        export_results(lab, tmp_path / "old-term.zip")
    _tick()
    from quizapp.progress.bundle import import_results

    import_results(store, [tmp_path / "old-term.zip"])  # collected, then reset: the reset saw them
    store.people.reset_progress(ali.id)
    area.unlock_without_pin()
    page = area.show_page("share")
    page.import_results([tmp_path / "old-term.zip"])
    assert f"{QUESTIONS} answer(s) in the file were left out" not in page.exchange_message.plain_text()
    assert (
        f"{QUESTIONS} answers in the file were left out: "
        "they were given before their learner's progress was reset." in page.exchange_message.plain_text()
    )
    assert store.runs.attempts_for_learner(ali.id) == []
    ctx.set_language("ur")
    area.unlock_without_pin()
    page = area.show_page("share")
    page.import_results([tmp_path / "old-term.zip"])
    assert f"فائل کے {QUESTIONS} جواب شامل نہیں کیے گئے" in page.exchange_message.plain_text()


@pytest.mark.parametrize("roster", [False, True])
def test_merge_lines_word_every_part_of_a_report(ctx, roster: bool) -> None:
    """Mapped, merged-here, reset and left-out learners and look-alike classes each get a sentence (in
    English with its plural forms, as the app starts)."""
    report = MergeReport(
        source="lab.zip",
        added={"learners": 1, "attempts": 3, "quiz_runs": 1, "classes": 2},
        skipped_deleted=["Bilal (L9)"],
        mapped=[MergedLearner("Ali (2)", "L2", "L1"), MergedLearner("Zoya", "L5", "L404")],
        folded=[MergedLearner("Sara B", "L7", "L1")],
        reset=["Hina"],
        skipped_before_reset=1,
        clock_notes=[ClockNote("LAB-PC-03", "Hina", "2027-01-05T09:30:00.000+00:00")],
        look_alikes=[
            LookAlike("class", "6 Blue", None, "C1", "C2"),
            LookAlike("learner", "Umar", "6 Blue", "a", "b"),
        ],
    )
    names = {"L1": "Ali"}
    lines = merge_lines(report, "lab.zip", names.get, roster=roster)
    text = "\n".join(lines)
    if roster:
        assert lines[0] == "lab.zip: 2 new class(es), 1 new learner(s)."
        assert "Check: there are now two learners called 'Umar'." in text
    else:
        assert lines[0] == "lab.zip: 1 new learner(s), 3 new answer(s), 1 new quiz try(s)."
        assert "Umar" not in text  # the share page asks about look-alike learners itself
    assert "Left out Bilal (L9): this learner was removed on this computer." in text
    assert "Ali (2) was merged into Ali before: what the file holds of them was added to Ali." in text
    assert "Zoya was merged into another learner before" in text
    assert "Sara B was merged into Ali here too" in text
    assert "The older progress of Hina was cleared here" in text
    assert "The clock of LAB-PC-03 was ahead: it dates the reset of Hina's progress 2027-01-05 09:30" in text
    assert "1 answer in the file was left out: it was given before the learner's progress was reset." in text
    assert "Check: there are now two classes called '6 Blue'." in text


def test_roster_import_on_the_classes_page_is_described_in_the_teachers_words(
    qtbot, area, dialogs, store, tmp_path
) -> None:
    """A class list file from another computer: classes and learners added, in sentences (no ids)."""
    with Store.open(tmp_path / "other") as other:
        c = other.people.create_class("6 Blue")
        other.people.create_learner("Ali", class_id=c.id)
        other.people.create_learner("Sara", class_id=c.id)
        export_roster(other, tmp_path / "roster.json")
    area.unlock_without_pin()
    page = area.show_page("classes")
    dialogs.files.append(tmp_path / "roster.json")
    qtbot.mouseClick(page.roster_button, Qt.MouseButton.LeftButton)
    text = page.learner_message.plain_text()
    assert "roster.json: 1 new class(es), 2 new learner(s)." in text
    assert "updated nothing" not in text  # the command line's wording (with ids) is not shown
    assert [c.name for c in store.people.list_classes()] == ["6 Blue"]
