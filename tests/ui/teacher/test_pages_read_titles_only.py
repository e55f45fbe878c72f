"""The teacher Results and Print pages show module titles from the pack catalogue's cache: a page does not
read every pack's questions (they grow with the size of the packs) just to name the modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quizapp.content.packs as content_packs
from tests.services.teacher.journey import example_pack, take_quiz


def _spy_on_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    for name in ("read_trusted_module", "read_trusted_pack"):
        real = getattr(content_packs, name)

        def spy(path: Path, *args: Any, _real: Any = real, **kwargs: Any) -> Any:
            read.append(Path(path).name)
            return _real(path, *args, **kwargs)

        monkeypatch.setattr(content_packs, name, spy)
    return read


def test_results_and_print_pages_read_only_the_modules_answered(
    qtbot, area, store, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """With no answers, the grid's columns and the print page's module list are titled without reading any
    module; once a learner has answered one module, only that module is read (for its questions' words)."""
    store.settings.show_example_pack = True
    blue = store.people.create_class("Class 6 Blue")
    learner = store.people.create_learner("Ali", class_id=blue.id)
    assert area.ctx.library.catalogue  # the catalogue as the app has it at start (validated, cached)
    read = _spy_on_reads(monkeypatch)
    area.unlock_without_pin()
    results = area.show_page("results")
    titles = [column.title_in("en") for column in results.current_grid.columns]
    assert "Safe basics" in titles and len(titles) > 5
    share = area.show_page("share")
    assert share.module_combo.findData("example/safe-basics") >= 0
    assert read == []
    take_quiz(store, example_pack(), "safe-basics", learner.id)
    results = area.show_page("results")
    results.choose_learner(0)
    assert read == ["safe-basics.yaml"]
    assert results.detail_tree.topLevelItemCount() == 1  # the answers, in words
