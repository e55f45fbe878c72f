"""The Results page's learning tab and the class report's gain section, from stored check runs."""

from __future__ import annotations

from quizapp.progress.store import Store


def _check(store: Store, learner_id: str, kind: str, score: float) -> None:
    run = store.runs.start_quiz_run(learner_id, "example", "1.0.0", "safe-basics", ["ck-1"], kind=kind)  # type: ignore[arg-type]
    store.runs.record_answer(
        learner_id=learner_id,
        quiz_run_id=run.id,
        pack_id="example",
        pack_version="1.0.0",
        module_id="safe-basics",
        question_id="ck-1",
        question_type="true_false",
        answer=score > 0,
        correct=score > 0,
        points_earned=1 if score > 0 else 0,
        points_possible=1,
        time_ms=500,
    )
    store.runs.finish_quiz_run(run.id, score_percent=score, passed=False)


def test_results_page_shows_gain_per_module_and_report_prints_it(qtbot, area, store) -> None:  # type: ignore[no-untyped-def]
    """Before 0%, after 100%: the tab says so with the module's title; the class report has the section."""
    blue = store.people.create_class("Blue")
    ali = store.people.create_learner("Ali", class_id=blue.id)
    _check(store, ali.id, "pre", 0.0)
    _check(store, ali.id, "post", 100.0)
    area.unlock_without_pin()
    page = area.show_page("results")
    page.class_filter.setCurrentIndex(page.class_filter.findData(blue.id))
    assert page.learning_tab.gain_table.rowCount() == 0  # not computed until the tab is opened
    page.tabs.setCurrentWidget(page.learning_tab)
    table = page.learning_tab.gain_table
    assert table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells == ["Safe basics", "1", "0%", "100%", "\u200e+100\u200e", "1.00"]
    share = area.show_page("share")
    share.class_filter.setCurrentIndex(share.class_filter.findData(blue.id))
    html = share.class_report_body()
    assert "Learning gain" in html and "+100" in html


def test_gain_tab_explanations_are_whole_in_urdu(qtbot, styled_area, store) -> None:  # type: ignore[no-untyped-def]
    """The two explanations on the Gain tab get the height their wrapped lines need (Urdu lines are tall),
    instead of being cut off half-way through a line when the window is short (seen at 1024x600 in the
    real window, where the Urdu text wraps to three lines)."""
    from PySide6.QtWidgets import QLabel

    from quizapp.ui.autopilot import settle

    area = styled_area
    area.ctx.set_language("ur")
    area.resize(1024, 480)
    area.show()
    area.unlock_without_pin()
    page = area.show_page("results")
    qtbot.waitExposed(area)
    page.tabs.setCurrentWidget(page.learning_tab)
    settle()
    notes = [label for label in page.learning_tab.findChildren(QLabel) if label.property("role") == "note"]
    assert len(notes) == 2
    for label in notes:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    tab = page.learning_tab  # and nothing is drawn over them: each table starts below its explanation
    assert notes[0].geometry().bottom() < tab.gain_table.geometry().top()
    assert notes[1].geometry().bottom() < tab.analysis_table.geometry().top()
    assert tab.analysis_table.geometry().bottom() < tab.analysis_table.parentWidget().height()
