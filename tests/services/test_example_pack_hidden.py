"""The built-in example pack (a demo of every question type) is not shown to learners as a real module
until a teacher turns it on in the settings."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizapp.paths import builtin_packs_dir
from quizapp.progress.store import Store
from quizapp.services.learning import EXAMPLE_PACK_ID, LearningService
from quizapp.services.library import PackLibrary


def _service(tmp_path: Path, store: Store) -> LearningService:
    builtin = tmp_path / "builtin"
    shutil.copytree(builtin_packs_dir() / EXAMPLE_PACK_ID, builtin / EXAMPLE_PACK_ID)
    return LearningService(store, PackLibrary(builtin, tmp_path / "data" / "packs"))


def test_example_pack_hidden_from_learners_until_a_teacher_turns_it_on(tmp_path: Path) -> None:
    """An 11-13 learner sees no example module by default, and sees it once the setting is on."""
    with Store.open(tmp_path / "data") as store:
        service = _service(tmp_path, store)
        learner = service.create_learner("Ayesha", avatar_id="cat", language="en", age_band="11-13")
        assert store.settings.show_example_pack is False
        assert [e.pack_id for e in service.modules_for(learner)] == []
        store.settings.show_example_pack = True
        assert [e.pack_id for e in service.modules_for(learner)] == [EXAMPLE_PACK_ID]


def test_teacher_results_leave_out_the_hidden_example_module(tmp_path: Path) -> None:
    """The class grid and report list only modules learners can open: no 'Safe basics' column while the
    example pack is hidden (every child would show 'not yet' in it), back once a teacher turns it on."""
    from quizapp.services.teacher.packs import PackManager
    from quizapp.services.teacher.reports import results_grid

    builtin = tmp_path / "builtin"
    shutil.copytree(builtin_packs_dir() / EXAMPLE_PACK_ID, builtin / EXAMPLE_PACK_ID)
    with Store.open(tmp_path / "data") as store:
        manager = PackManager(store, tmp_path / "data", builtin)
        packs = manager.library.packs

        def grid_packs() -> set[str]:
            grid = results_grid(store, packs, pack_ids=manager.learners_see(None))
            return {column.pack_id for column in grid.columns}

        assert grid_packs() == set()
        store.settings.show_example_pack = True
        assert grid_packs() == {EXAMPLE_PACK_ID}
