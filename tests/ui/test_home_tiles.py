"""A home screen with many modules: the first row of tiles is made before the screen is drawn, the others
once it has been drawn, a few at a time, so a learner who sees forty packs is not kept waiting for tiles
below the window's edge; every tile is there a moment later, and asking for them makes them at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject

from quizapp.paths import builtin_packs_dir
from quizapp.ui.autopilot import settle
from quizapp.ui.screens.home import LATER_TILES
from tests.ui.conftest import StudentApp, StudentAppFactory

PACKS = 20


@pytest.fixture
def many_packs(tmp_path: Path) -> Path:
    """Built-in packs: the example and PACKS copies of it under other ids (one module each)."""
    folder = tmp_path / "builtin"
    shutil.copytree(builtin_packs_dir() / "example", folder / "example")
    for n in range(PACKS):
        copy = folder / f"copy-{n:02d}"
        shutil.copytree(builtin_packs_dir() / "example", copy)
        manifest = copy / "pack.yaml"
        manifest.write_text(
            manifest.read_text(encoding="utf-8").replace("id: example", f"id: copy-{n:02d}"), "utf-8"
        )
    return folder


class _Paints(QObject):
    """How many tiles the home screen had made each time its module grid was drawn."""

    def __init__(self, app: StudentApp) -> None:
        super().__init__()
        self.home = app.window.home
        self.made: list[int] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.made.append(len(self.home._tiles))
        return False


def test_the_first_row_is_drawn_before_the_other_tiles_are_made(
    qtbot,
    tmp_path: Path,
    many_packs: Path,  # type: ignore[no-untyped-def]
) -> None:
    factory = StudentAppFactory(tmp_path / "data", many_packs, qtbot)
    try:
        app = factory.open()
        learner = app.store.people.create_learner("Ali", avatar_id="cat")
        app.ctx.learning.set_age_band(learner.id, "11-13")
        paints = _Paints(app)
        home = app.window.home
        home.grid.installEventFilter(paints)
        app.window.choose_learner(learner.id)
        row = home.grid.columns_for(home.grid.width())
        assert len(home._tiles) == row and home.building  # the first row only, before drawing
        qtbot.waitUntil(lambda: not home.building, timeout=10_000)
        settle()
        assert paints.made[0] == row  # drawn with the first row
        assert all(b - a <= max(LATER_TILES, row) for a, b in zip(paints.made, paints.made[1:], strict=False))
        total = len(home._tiles)
        assert total == PACKS + 1
        titles = {tile.card.entry.pack_id for tile in home._tiles}
        assert titles == {"example", *(f"copy-{n:02d}" for n in range(PACKS))}  # each once, none lost
        positions = [home.grid.grid.getItemPosition(home.grid.grid.indexOf(t))[:2] for t in home._tiles]
        assert positions == [(n // row, n % row) for n in range(total)]  # in order, row by row
    finally:
        factory.close_all()


def test_asking_for_the_tiles_makes_them_all_at_once(
    qtbot,
    tmp_path: Path,
    many_packs: Path,  # type: ignore[no-untyped-def]
) -> None:
    """Code that needs every tile (the keyboard's last tile, the self-test) gets them all without waiting,
    and a refresh while tiles are still waiting starts again from the first row (nothing twice)."""
    factory = StudentAppFactory(tmp_path / "data", many_packs, qtbot)
    try:
        app = factory.open()
        learner = app.store.people.create_learner("Ali", avatar_id="cat")
        app.ctx.learning.set_age_band(learner.id, "11-13")
        home = app.window.home
        app.window.choose_learner(learner.id)
        assert home.building
        home.refresh()
        assert home.building
        assert len(home.tiles) == PACKS + 1 and not home.building
        settle()
        assert len(home.grid.widgets()) == PACKS + 1
    finally:
        factory.close_all()


def test_a_few_modules_are_all_made_before_drawing(student: StudentApp) -> None:
    """With one row of modules or less nothing waits."""
    learner = student.store.people.create_learner("Ali", avatar_id="cat")
    student.ctx.learning.set_age_band(learner.id, "11-13")
    student.window.choose_learner(learner.id)
    assert not student.window.home.building and len(student.window.home._tiles) == 1


def test_tiles_below_the_window_are_made_too(qtbot, tmp_path: Path, many_packs: Path) -> None:  # type: ignore[no-untyped-def]
    """At 640x480 in Urdu the module grid starts below the window's edge (it is never drawn until the
    child scrolls): the other tiles are still made, without anyone asking for them."""
    factory = StudentAppFactory(tmp_path / "data", many_packs, qtbot, size=(640, 480))
    try:
        app = factory.open()
        learner = app.store.people.create_learner("Ali", avatar_id="cat", language="ur")
        app.ctx.learning.set_age_band(learner.id, "11-13")
        home = app.window.home
        app.window.choose_learner(learner.id)
        settle()
        qtbot.waitUntil(lambda: not home.building, timeout=10_000)
        assert len(home._tiles) == PACKS + 1
    finally:
        factory.close_all()
