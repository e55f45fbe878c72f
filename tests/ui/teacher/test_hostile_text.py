"""Pack titles, module titles, class and learner names that look like HTML are shown word for word on every
screen, student and teacher: no label, tool tip or dialog draws them as rich text (which hangs on deep
nesting, loads local files through <img> and lets a <span style> take over the page)."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import Qt as QtGui
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QMessageBox, QWidget

from quizapp.paths import builtin_packs_dir
from tests.ui.conftest import StudentApp

DEEP = "<table>" * 6 + "Deep" + "</table>" * 6  # within the 120-letter title limit
IMG = '<img src="/etc/hostname">Pic'
BIG = '<span style="font-size:90px">BIG</span>'
DEEPEST = "<table>" * 5000 + "Deepest" + "</table>" * 5000  # crashed Qt (signal 11) drawn as rich text
MARKERS = ("<table>", "<img", "<span style")


def write_hostile_pack(packs_dir: Path) -> Path:
    """The example pack, copied by hand into packs/ with HTML for its title and its module's title."""
    folder = packs_dir / "hostile"
    shutil.copytree(builtin_packs_dir() / "example", folder)
    manifest = folder / "pack.yaml"
    text = manifest.read_text(encoding="utf-8").replace("id: example", "id: hostile")
    text = text.replace('en: "Example pack: staying safe online"', f"en: '{DEEP} %2'")
    manifest.write_text(text, encoding="utf-8")
    module = folder / "modules" / "safe-basics.yaml"
    lines = module.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at + 1] = f"  en: '{IMG} {BIG}'"
    at = next(i for i, line in enumerate(lines) if line.strip() == "en: Which of these is the strongest?")
    lines[at] = f"        en: '{DEEPEST}'"  # a question prompt has no length limit
    module.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # a list model's columnCount is private in PySide6
        return 1
    return model.columnCount(parent)


def rich_from_data(root: QWidget) -> list[str]:
    """Every place under ``root`` where data text would be drawn as rich text (label or tool tip)."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if isinstance(widget, QLabel):
            text = widget.text()
            drawn_rich = widget.textFormat() == Qt.TextFormat.RichText or (
                widget.textFormat() == Qt.TextFormat.AutoText and QtGui.mightBeRichText(text)
            )
            if drawn_rich and any(m in text for m in MARKERS):
                found.append(f"label {widget.objectName() or type(widget).__name__}: {text[:60]}")
        if any(m in widget.toolTip() for m in MARKERS):
            found.append(f"tool tip of {type(widget).__name__}: {widget.toolTip()[:60]}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            top = QModelIndex()
            rows = range(model.rowCount(top))
            stack = [model.index(r, c) for r in rows for c in range(columns(model, top))]
            while stack:
                index = stack.pop()
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and any(m in tip for m in MARKERS):
                    found.append(f"item tool tip: {tip[:60]}")
                for r in range(model.rowCount(index)):
                    stack.extend(model.index(r, c, index) for c in range(columns(model, index)))
    return found


def test_every_teacher_page_shows_hostile_titles_and_names_as_plain_text(qtbot, ctx, store, dialogs) -> None:
    """Every teacher page, with a hostile pack installed and hostile class and learner names, draws no
    data as rich text, and the pack's title is shown word for word (with its '%2' left as it is)."""
    from quizapp.ui.teacher.area import TeacherArea
    from tests.services.teacher.journey import example_pack, take_quiz

    write_hostile_pack(ctx.data_dir / "packs")
    ctx.library.reload()
    school_class = store.people.create_class(BIG)
    learner = store.people.create_learner(IMG, class_id=school_class.id)
    take_quiz(store, example_pack(), "safe-basics", learner.id)
    hostile = ctx.library.pack("hostile")
    first = hostile.modules[0].quiz.questions[0]
    take_quiz(store, hostile, "safe-basics", learner.id, {first.id: "a" if first.correct != "a" else "b"})
    area = TeacherArea(ctx, dialogs=dialogs)
    qtbot.addWidget(area)
    area.resize(1024, 600)
    area.show()
    area.unlock_without_pin()
    for name in list(area.pages):
        page = area.show_page(name)
        QApplication.processEvents()
        assert rich_from_data(page) == [], name
    packs = area.show_page("packs")
    shown = [label.text() for label in packs.findChildren(QLabel)]
    assert any(f"{DEEP} %2 — version 1.0.0" in text for text in shown)
    results = area.show_page("results")
    results.show_learner(learner.id)
    assert rich_from_data(results) == []
    shown_prompts = [
        results.question_table.item(r, 0).text() for r in range(results.question_table.rowCount())
    ]
    assert any("Deepest" in text for text in shown_prompts)  # the missed question, word for word
    assert rich_from_data(area) == []


def test_student_screens_show_hostile_titles_and_names_as_plain_text(student_factory) -> None:
    """Picker, home, lesson and quiz with a hostile learner name, module title and question prompt draw no
    data as rich text."""
    write_hostile_pack(student_factory.data_dir / "packs")
    app: StudentApp = student_factory.open()
    app.pilot.create_learner(IMG, avatar="cat", age_band="11-13")
    assert rich_from_data(app.window) == []
    app.pilot.open_module("hostile", "safe-basics")
    assert rich_from_data(app.window) == []
    app.pilot.read_lesson()
    seen_deepest = False
    for _ in range(
        app.window.quiz.session.count
    ):  # every question (shuffled); one prompt is 5000 nested tables
        texts = " ".join(label.text() for label in app.window.quiz.findChildren(QLabel))
        seen_deepest = seen_deepest or "Deepest" in texts
        assert rich_from_data(app.window) == []
        app.pilot.answer(right=False)
        app.pilot.check()
        assert rich_from_data(app.window) == []
        app.pilot.next()
    assert seen_deepest
    assert rich_from_data(app.window) == []  # the results screen
    app = student_factory.restart(app)
    assert rich_from_data(app.window) == []  # the picker's tiles


def test_confirm_dialog_shows_a_hostile_name_word_for_word(qtbot, qapp) -> None:
    """The teacher's "are you sure?" box quoting a name shows its tags as text."""
    from quizapp.ui.teacher.widgets import Dialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.extend((label.textFormat(), label.text()) for label in box.findChildren(QLabel) if label.text())
        box.reject()

    QTimer.singleShot(50, answer)
    Dialogs().confirm(parent, BIG, f"Remove {IMG}?", "Remove")
    assert (Qt.TextFormat.PlainText, f"Remove {IMG}?") in seen


def test_a_worksheet_pdf_shows_hostile_titles_as_text(qapp, tmp_path) -> None:
    """A printed worksheet of a module whose title and pack title hold tags prints the tags as text."""
    from quizapp.content.packs import read_trusted_pack
    from quizapp.ui.teacher.printing import make_document, worksheet_html

    pack = read_trusted_pack(write_hostile_pack(tmp_path / "packs"))
    body = worksheet_html(
        school=BIG,
        pack_title=pack.manifest.title.get_text("en", "en"),
        module=pack.modules[0],
        language="en",
        default_language="en",
        answers=True,
        fill=lambda text: text,
    )
    printed = make_document(body, rtl=False).toPlainText()
    assert IMG in printed and BIG in printed and f"{DEEP} %2" in printed
