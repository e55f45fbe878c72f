"""Fixtures for the student app: a main window on a data folder, which can be closed and opened again
(a restart), with a pack library holding a copy of the example pack (every question type)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from quizapp.paths import builtin_packs_dir
from quizapp.progress.store import Store
from quizapp.services.library import PackLibrary


@dataclass
class StudentApp:
    """One run of the student app: store, context, main window and a learner's hands (pilot)."""

    data_dir: Path
    store: Store
    ctx: Any
    window: Any
    pilot: Any

    def close(self) -> None:
        from quizapp.ui.autopilot import settle

        self.ctx.set_language("en")  # removes an installed translator
        self.window.close()
        self.window.deleteLater()
        settle()
        self.store.close()


@dataclass
class StudentAppFactory:
    """Opens the app on one data folder; ``restart()`` closes it and opens a new window on the same data."""

    data_dir: Path
    builtin_dir: Path
    qtbot: Any
    size: tuple[int, int] = (1024, 600)
    show_example: bool = True
    """Turn on the example pack for learners (the teacher setting; it is hidden by default)."""
    opened: list[StudentApp] = field(default_factory=list)

    def open(self) -> StudentApp:
        from quizapp.ui.autopilot import Autopilot, settle
        from quizapp.ui.context import AppContext
        from quizapp.ui.main_window import MainWindow

        store = Store.open(self.data_dir)
        if self.show_example:
            store.settings.show_example_pack = True
        library = PackLibrary(self.builtin_dir, self.data_dir / "packs")
        ctx = AppContext(data_dir=self.data_dir, store=store, library=library)
        ctx.set_language(store.settings.default_language, force=True)
        window = MainWindow(ctx)
        window.resize(*self.size)
        window.show()
        settle()
        app = StudentApp(self.data_dir, store, ctx, window, Autopilot(window))
        self.opened.append(app)
        return app

    def restart(self, app: StudentApp) -> StudentApp:
        app.close()
        self.opened.remove(app)
        return self.open()

    def close_all(self) -> None:
        for app in self.opened:
            app.close()
        self.opened.clear()


@pytest.fixture
def example_builtin(tmp_path: Path) -> Path:
    """A built-in packs folder with only the example pack (stable, whatever other packs ship)."""
    folder = tmp_path / "builtin"
    shutil.copytree(builtin_packs_dir() / "example", folder / "example")
    return folder


@pytest.fixture
def student_factory(qtbot, tmp_path: Path, example_builtin: Path) -> Iterator[StudentAppFactory]:  # type: ignore[no-untyped-def]
    factory = StudentAppFactory(tmp_path / "data", example_builtin, qtbot)
    yield factory
    factory.close_all()
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def student(student_factory: StudentAppFactory) -> StudentApp:
    return student_factory.open()
