"""The class grid fits a class of forty at 1024x600, keeps the names in view, finds and sorts learners."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.services.teacher.journey import example_pack, take_quiz

CLASS_SIZE = 40


def _class_of_forty(store):
    blue = store.people.create_class("Class 6 Blue")
    learners = [
        store.people.create_learner(f"Learner {n:02d}", class_id=blue.id, roll_number=str(n))
        for n in range(1, 39)
    ]
    learners.append(store.people.create_learner("Danish Ali", class_id=blue.id, father_name="Asif Ali"))
    learners.append(store.people.create_learner("Danish Ali", class_id=blue.id, father_name="Liaquat Ali"))
    return blue, learners


def _results_page(qtbot, area, store, size=(1024, 600), language=None):
    blue, learners = _class_of_forty(store)
    if language:
        area.ctx.set_language(language)
    area.resize(*size)
    area.show()
    area.unlock_without_pin()
    page = area.show_page("results")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    qtbot.waitExposed(area)
    return page, blue, learners


def test_forty_learners_at_1024x600(qtbot, area, store) -> None:
    """At 1024x600 at least 23 of 40 rows show at once (the rest one page-down away: the title gives its
    line to the grid, the summary sits beside the tabs, the dates fold into one button, rows are as tall
    as their ink) and the page itself needs no scrolling: the grid, not the page, scrolls."""
    page, _, _ = _results_page(qtbot, area, store)
    assert page.proxy.rowCount() == CLASS_SIZE
    visible = page.grid.visible_rows()
    assert visible >= 23, visible
    assert visible * 2 >= CLASS_SIZE  # one scroll away
    scroll = area.page_stack.currentWidget()
    assert scroll.verticalScrollBar().maximum() == 0  # the grid fills the window without the page scrolling
    assert page.grid.modules.verticalScrollBar().maximum() > 0


def test_names_stay_while_modules_scroll(qtbot, area, store) -> None:
    """The names are a view of their own: scrolling the modules sideways leaves them in place, and the
    two views scroll up and down together."""
    page, _, _ = _results_page(qtbot, area, store)
    names, modules = page.grid.names, page.grid.modules
    assert not names.isColumnHidden(0) and modules.isColumnHidden(0)
    modules.verticalScrollBar().setValue(modules.verticalScrollBar().maximum())
    assert names.verticalScrollBar().value() == modules.verticalScrollBar().value()
    assert names.rowAt(names.viewport().height() - 2) == modules.rowAt(modules.viewport().height() - 2)


def test_same_names_are_told_apart_in_the_grid(qtbot, area, store) -> None:
    """Two 'Danish Ali' rows carry their fathers' names; other names stay short."""
    page, _, _ = _results_page(qtbot, area, store)
    names = [page.grid_text(r, 0) for r in range(page.proxy.rowCount())]
    assert "Danish Ali (Asif Ali)" in names and "Danish Ali (Liaquat Ali)" in names
    assert "Learner 01" in names


def test_search_and_sort(qtbot, area, store) -> None:
    """Typing finds learners; sorting a module column puts who passed first."""
    page, _, learners = _results_page(qtbot, area, store)
    take_quiz(store, example_pack(), "safe-basics", learners[5].id)
    page.refresh()
    qtbot.keyClicks(page.search_field, "danish")
    assert page.proxy.rowCount() == 2 and "Showing 2 found" in page.found_label.text()
    page.search_field.clear()
    header = page.proxy.headerData
    column = next(
        c for c in range(page.proxy.columnCount()) if header(c, Qt.Orientation.Horizontal) == "Safe basics"
    )
    page.grid.modules.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert page.grid_text(0, 0) == "Learner 06" and page.grid_text(0, column).startswith("✔")


def test_choosing_a_learner_opens_their_answers(qtbot, area, store) -> None:
    """The answers panel is closed for the whole class and opens when a learner is chosen."""
    page, _, _ = _results_page(qtbot, area, store)
    assert page.detail_card.isHidden()
    page.choose_learner(0)
    assert page.grid_text(0, 0) == "Danish Ali (Asif Ali)"  # sorted by name, told apart
    assert (
        page.splitter.sizes()[1] > 0 and page.detail_title.text() == "Every answer of Danish Ali (Asif Ali)"
    )


def test_urdu_grid_scrolls_inside_the_page(qtbot, area, store) -> None:
    """In Urdu (Nastaliq's tall lines) the grid still fills the window and scrolls itself; rows as tall as
    their names' ink and a header as low as its titles' ink (not Nastaliq's line) put at least 21 of 40
    learners in view at 1024x600 (14 before)."""
    page, _, _ = _results_page(qtbot, area, store, language="ur")
    assert page.grid.visible_rows() >= 21
    assert area.page_stack.currentWidget().verticalScrollBar().maximum() == 0


def test_print_page_follows_the_grids_filters_and_saves_the_wide_csv(
    qtbot, area, dialogs, store, tmp_path
) -> None:
    """The class chosen on the results page is the class of the print page; its wide CSV has a row per
    learner; the report of all classes has a class column."""
    import csv

    _, blue, learners = _results_page(qtbot, area, store)
    take_quiz(store, example_pack(), "safe-basics", learners[-1].id)  # a Danish Ali
    green = store.people.create_class("Class 7 Green")
    store.people.create_learner("Sara", class_id=green.id)
    share = area.show_page("share")
    assert share.class_filter.currentData() == blue.id
    out = tmp_path / "marks.csv"
    dialogs.files.append(out)
    qtbot.mouseClick(share.wide_csv_button, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 1 + CLASS_SIZE and "40 learners saved" in share.csv_message.plain_text()
    assert share.class_report_body().count("<th>Class</th>") == 0
    share.class_filter.setCurrentIndex(share.class_filter.findData("__all__"))
    body = share.class_report_body()
    assert "<th>Class</th>" in body and "Class 7 Green" in body
    assert "Danish Ali (Asif Ali)" in body
    results = area.show_page("results")
    assert results.class_filter.currentData() == "__all__"  # and back: the grid follows the print page


def test_grid_lists_only_modules_learners_can_open(qtbot, area, store) -> None:
    """While the example pack is hidden from learners (the default) the grid has no 'Safe basics' column,
    where every child could only ever show 'not yet'; turned on in the settings, the column is back."""
    assert store.settings.show_example_pack is False
    page, _, _ = _results_page(qtbot, area, store)
    assert "example" not in {column.pack_id for column in page.current_grid.columns}
    assert page.current_grid.columns  # the real modules are still there
    store.settings.show_example_pack = True
    page.refresh()
    assert "example" in {column.pack_id for column in page.current_grid.columns}


URDU_FIRST = ["بلال", "عائشہ", "ژالہ", "محمد یوسف", "فاطمہ", "ضیاء الحق", "شگفتہ", "گل ناز"]
URDU_LAST = ["احمد", "بی بی", "پروین", "چوہدری", "نیازی"]


def _urdu_class(store):
    """Forty learners whose names are written in Urdu letters, the deepest and tallest ones among them."""
    blue = store.people.create_class("Class 6 Blue")
    for n in range(CLASS_SIZE):
        name = f"{URDU_FIRST[n % len(URDU_FIRST)]} {URDU_LAST[n // len(URDU_FIRST)]}"
        store.people.create_learner(name, class_id=blue.id, roll_number=str(n + 1))
    return blue


def _ink_outside_the_row(view, row: int, column: int) -> int:
    """Paints the cell with the grid's own delegate into the middle third of an empty image three rows
    tall, unclipped, and counts the pixels painted above or below the row: ink the real grid cuts off."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    height, width = view.rowHeight(row), view.columnWidth(column)
    image = QImage(width, 3 * height, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = view.font()
    option.rect = QRect(0, height, width, height)
    option.widget = view
    painter = QPainter(image)
    view.itemDelegate().paint(painter, option, view.model().index(row, column))
    painter.end()
    return sum(
        1
        for y in [*range(height), *range(2 * height, 3 * height)]
        for x in range(width)
        if image.pixelColor(x, y).alpha() > 0
    )


def test_urdu_names_in_an_urdu_interface_fit_half_the_class_uncut(qtbot, styled_area, store) -> None:
    """Urdu interface, forty names in Urdu letters, 1024x600, the app's style sheet: at least 20 of 40
    learners in view (13 when the names were drawn in Nastaliq), and no name's ink reaches past its row
    (names are drawn in Naskh, the rows sized from Naskh's real ink)."""
    from PySide6.QtGui import QFontMetrics

    blue = _urdu_class(store)
    styled_area.ctx.set_language("ur")
    styled_area.unlock_without_pin()
    page = styled_area.show_page("results")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    qtbot.waitExposed(styled_area)
    names = page.grid.names
    assert page.proxy.rowCount() == CLASS_SIZE
    assert page.grid.visible_rows() >= 20, page.grid.visible_rows()
    assert styled_area.page_stack.currentWidget().verticalScrollBar().maximum() == 0
    from quizapp.ui.i18n.fonts import TABLE_FAMILY, compact_font

    for row in range(CLASS_SIZE):
        text = page.grid_text(row, 0)
        font = compact_font(names.font(), text)
        assert font.families()[0] == TABLE_FAMILY
        assert QFontMetrics(font).tightBoundingRect(text).height() + 2 <= names.rowHeight(row), text
        assert _ink_outside_the_row(names, row, 0) == 0, text


def test_urdu_grid_in_the_app_style_shows_a_third_of_the_class(qtbot, styled_area, store) -> None:
    """With the app's style sheet (its Nastaliq sizes), in Urdu at 1024x600, at least 20 of 40 learners
    are in view, one page-down from the rest (12 before): compact tabs with the summary beside them, the
    class, dates and search on one line, rows and header as tall as their ink."""
    page, _, _ = _results_page(qtbot, styled_area, store, language="ur")
    assert page.grid.visible_rows() >= 20
    assert styled_area.page_stack.currentWidget().verticalScrollBar().maximum() == 0
    page.view_bar.setCurrentIndex(1)
    assert page.tabs.currentIndex() == 1
    assert not page.search_field.isVisible()  # the search is for the class grid only


def test_the_app_style_in_english_shows_more_than_half_the_class(qtbot, styled_area, store) -> None:
    """With the app's style sheet in English at 1024x600, at least 23 of 40 learners are in view; the
    summary beside the tabs is shortened with "…" to its room, never cut at the window's edge."""
    from PySide6.QtGui import QFontMetrics

    page, _, _ = _results_page(qtbot, styled_area, store)
    assert page.grid.visible_rows() >= 23
    summary = page.summary_label
    assert summary.full_text().startswith("40 learner(s), ") and "not yet" in summary.toolTip()
    metrics = QFontMetrics(summary.font())
    room = summary.contentsRect().width()
    assert all(metrics.horizontalAdvance(line) <= room for line in summary.text().split("\n"))
    assert styled_area.page_stack.currentWidget().verticalScrollBar().maximum() == 0


def test_dates_fold_into_a_button_that_says_which_dates(qtbot, area, store) -> None:
    """The dates take no line until the teacher opens them; the button names the dates shown, and a date
    chosen there filters the grid and is named on the button."""
    page, _, _ = _results_page(qtbot, area, store)
    assert not page.dates.isVisible() and page.dates_button.text().startswith("All dates")
    qtbot.mouseClick(page.dates_button, Qt.MouseButton.LeftButton)
    assert page.dates.isVisible()
    page.dates.use_from.setChecked(True)
    assert page.dates_button.text().startswith("From ")
    assert page.summary_label.isVisible() and page.grid.visible_rows() >= 20
