"""Robustness: broken packs stay hidden, unexpected errors are logged and met with calm words while every
recorded answer is kept, the store being in use is explained, and the teacher area opens and closes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from quizapp.paths import builtin_packs_dir
from quizapp.progress.store import Store
from quizapp.ui.errors import ErrorReporter, close_logging, log_path, setup_logging
from tests.ui.conftest import StudentApp, StudentAppFactory


def test_broken_pack_is_not_shown(student_factory: StudentAppFactory) -> None:
    """A pack that fails validation never reaches the student and does not stop the app."""
    broken = student_factory.data_dir / "packs" / "broken"
    shutil.copytree(builtin_packs_dir() / "example", broken)
    manifest = broken / "pack.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("id: example", "id: broken"), encoding="utf-8"
    )
    (broken / "modules" / "safe-basics.yaml").write_text("id: [oops\n", encoding="utf-8")
    app = student_factory.open()
    app.pilot.create_learner("Ali")
    assert [t.card.entry.pack_id for t in app.window.home.tiles] == ["example"]
    assert [b.folder.name for b in app.ctx.library.broken] == ["broken"]


@pytest.mark.qt_no_exception_capture
def test_unexpected_error_is_logged_shown_calmly_and_answers_kept(student: StudentApp) -> None:
    """An error in a click is written to the log, a calm message is shown, and answers stay stored."""
    setup_logging(student.data_dir)
    reporter = ErrorReporter(lambda: student.window, student.window.recover)
    reporter.install()
    try:
        learner_id = student.pilot.create_learner("Ali")
        student.pilot.open_module("example", "safe-basics")
        student.pilot.read_lesson()
        student.pilot.answer()
        student.pilot.check()

        def broken_next() -> None:
            raise RuntimeError("something inside broke")

        student.window.quiz.go_on = broken_next
        student.pilot.click(student.window.quiz.action_button)
        assert reporter.errors == 1
        dialog = reporter.dialog
        assert dialog is not None and dialog.isVisible()
        words = f"{dialog.text()} {dialog.informativeText()}"
        assert "tell your teacher" in words and "saved" not in words  # it cannot know they all are
        assert "Traceback" not in words and "RuntimeError" not in words
        assert student.window.current_screen() is student.window.home
        log = log_path(student.data_dir).read_text(encoding="utf-8")
        assert "RuntimeError: something inside broke" in log
        assert len(student.store.runs.attempts_for_learner(learner_id)) == 1
        dialog.close()
    finally:
        reporter.uninstall()
        close_logging()


def test_qt_warnings_go_to_the_log(student: StudentApp) -> None:
    """Qt's own warnings are written to the log file through the message handler."""
    setup_logging(student.data_dir)
    reporter = ErrorReporter()
    reporter.install()
    try:
        qWarning("a warning from Qt")
    finally:
        reporter.uninstall()
        close_logging()
    assert "Qt: a warning from Qt" in log_path(student.data_dir).read_text(encoding="utf-8")


def test_store_in_use_is_explained_not_crashed(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """When another quizapp has the data folder open, the app says so and exits with 1."""
    from quizapp.ui.app import run_app

    data = tmp_path / "data"
    with Store.open(data):
        assert run_app(data, exit_when_idle=True) == 1
    assert "could not be opened" in log_path(data).read_text(encoding="utf-8")


def test_app_starts_on_the_picker_and_quits_when_idle(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """The app opens on the learner picker (the probe used by the start-up benchmark)."""
    from quizapp.ui.app import run_app

    assert run_app(tmp_path / "data", exit_when_idle=True) == 0
    assert capsys.readouterr().out.startswith("ready ")
    assert "quizapp started" in log_path(tmp_path / "data").read_text(encoding="utf-8")


def test_teacher_button_opens_the_teacher_area_and_comes_back(student: StudentApp) -> None:
    """The discreet Teacher button shows the teacher area; leaving it returns to the learner picker."""
    pytest.importorskip("quizapp.ui.teacher.area")
    window = student.window
    student.pilot.click(window.picker.teacher_button)
    area = window.teacher_area
    assert area is not None and window.current_screen() is area
    area.exit_requested.emit()
    assert window.current_screen() is window.picker
    assert window.teacher_area is None


def test_an_answer_that_cannot_be_saved_keeps_the_child_on_the_question(student: StudentApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """When the database refuses the write, the child stays on the question with 'not saved, tell your
    teacher', nothing claims it was saved, and the teacher area says why when it next opens."""
    from quizapp.ui.teacher.area import TeacherArea

    learner_id = student.pilot.create_learner("Ali")
    student.pilot.open_module("example", "safe-basics")
    student.pilot.read_lesson()
    quiz = student.window.quiz
    raw = student.store._db.raw()  # type: ignore[attr-defined]
    raw.execute("PRAGMA query_only=ON")  # SQLite now refuses writes, as on a read-only disk
    student.pilot.answer()
    index = quiz.index
    student.pilot.click(quiz.action_button)
    assert quiz.message.text() == "This answer was not saved. Tell your teacher."
    assert quiz.index == index and not quiz.checked and not quiz.feedback.isVisible()
    assert "not saved" not in quiz.home_button.accessibleName()
    assert student.store.runs.attempts_for_learner(learner_id) == []
    area = TeacherArea(student.ctx)
    qtbot.addWidget(area)
    area.unlock_without_pin()
    assert area.store_problem.isVisible() or not area.isVisible()
    assert (
        "could not be saved" in area.store_problem.text()
        and str(student.data_dir) in area.store_problem.text()
    )
    raw.execute("PRAGMA query_only=OFF")
    student.pilot.check()  # the same answer, checked again, is saved now
    assert quiz.checked and len(student.store.runs.attempts_for_learner(learner_id)) == 1


def test_an_app_that_has_quit_leaves_later_event_loops_running(qapp, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """After run_app returns, an event loop runs until it is ended (a quit left posted by the app's
    closing ended every later loop at once, and so broke the teacher tests run after this file)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from quizapp.ui.app import run_app

    assert run_app(tmp_path / "data", exit_when_idle=True) == 0
    qapp.processEvents()  # what pytest-qt does between tests
    ticks: list[int] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticker.start()
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()
    ticker.stop()
    assert len(ticks) >= 3, "the event loop ended at once"
