"""Fixtures for the teacher area: a store, an app context and scripted dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from quizapp.paths import builtin_packs_dir
from quizapp.progress.store import Store
from quizapp.services.library import PackLibrary
from quizapp.ui.teacher.widgets import Dialogs


class ScriptedDialogs(Dialogs):
    """Answers the teacher area's questions from lists, and records what was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.confirms: list[bool] = []
        self.texts: list[str | None] = []
        self.files: list[Path | None] = []
        self.file_lists: list[list[Path]] = []
        self.asked: list[str] = []
        self.shown: list[object] = []  # dialogs shown with run_dialog (such as a register's preview)
        self.unsaved: list[str] = []  # answers to "unsaved changes": save, discard or stay
        self.on_dialog = None  # called with the dialog before it is answered, as a teacher would use it

    def confirm(self, parent, title, text, yes, no=None) -> bool:  # type: ignore[override]
        self.asked.append(text)
        return self.confirms.pop(0) if self.confirms else True

    def ask_unsaved(self, parent, title, text) -> str:  # type: ignore[override]
        self.asked.append(text)
        return self.unsaved.pop(0) if self.unsaved else "stay"

    def run_dialog(self, dialog) -> bool:  # type: ignore[override]
        self.shown.append(dialog)
        if self.on_dialog is not None:
            self.on_dialog(dialog)
        return self.confirms.pop(0) if self.confirms else True

    def ask_text(self, parent, title, label, value=""):  # type: ignore[override]
        return self.texts.pop(0)

    def choose_item(self, parent, title, label, items):  # type: ignore[override]
        return 0

    def open_file(self, parent, title, filters):  # type: ignore[override]
        return self.files.pop(0)

    def open_folder(self, parent, title):  # type: ignore[override]
        return self.files.pop(0)

    def open_files(self, parent, title, filters):  # type: ignore[override]
        return self.file_lists.pop(0)

    def save_file(self, parent, title, suggested, filters):  # type: ignore[override]
        self.asked.append(suggested)
        return self.files.pop(0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def ctx(qapp, store: Store, tmp_path: Path):
    from quizapp.ui.context import AppContext

    context = AppContext(
        data_dir=tmp_path / "data",
        store=store,
        library=PackLibrary(builtin_packs_dir(), tmp_path / "data" / "packs"),
    )
    context.set_language("en", force=True)  # as the app starts: English plural forms ("2 quiz tries")
    yield context
    context.localizer.reset()  # no translator, font or direction left behind for the next test


@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def area(qtbot, ctx, dialogs: ScriptedDialogs):
    from quizapp.ui.teacher.area import TeacherArea

    widget = TeacherArea(ctx, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget


@pytest.fixture
def styled_area(qtbot, ctx, dialogs: ScriptedDialogs):
    """The area with the whole app style sheet (fonts and sizes as in the app's window), 1024x600."""
    from quizapp.ui.teacher.area import TeacherArea

    widget = TeacherArea(ctx, dialogs=dialogs, standalone=True)
    qtbot.addWidget(widget)
    widget.resize(1024, 600)
    widget.show()
    return widget
