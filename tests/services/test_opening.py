"""The store opening in the background: the picker's questions are answered at once, the rest waits."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from quizapp.progress.errors import StoreLockedError
from quizapp.progress.store import Store
from quizapp.services.opening import OpeningStore
from quizapp.services.roster import peek_roster


def test_answers_from_the_peek_until_open_then_from_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While opening, learners and the school name come from the quick look; then the real store serves."""
    with Store.open(tmp_path) as store:
        store.people.create_learner("Ali", avatar_id="cat")
        store.settings.school_name = "Model School"
    peek = peek_roster(tmp_path)
    assert peek is not None
    release = threading.Event()
    real_open = Store.open

    def slow_open(data_dir: Path, **kwargs: object) -> Store:
        release.wait(10)
        return real_open(data_dir)

    monkeypatch.setattr(Store, "open", staticmethod(slow_open))
    opening = OpeningStore(tmp_path, peek)
    opening.start()
    try:
        assert not opening.ready
        assert [learner.display_name for learner in opening.people.list_learners()] == ["Ali"]
        assert opening.settings.school_name == "Model School"
        release.set()
        learner = opening.people.create_learner("Bilal", avatar_id="owl")  # waits for the real store
        assert opening.ready
        assert [x.display_name for x in opening.people.list_learners()] == ["Ali", "Bilal"]
        assert opening.people.get_learner(learner.id).avatar_id == "owl"
    finally:
        release.set()
        opening.close()


def test_a_failure_is_raised_where_the_store_is_used(tmp_path: Path) -> None:
    """When the folder is in use elsewhere, using the store raises that error; closing is quiet."""
    with Store.open(tmp_path):
        opening = OpeningStore(tmp_path, peek_roster(tmp_path) or pytest.fail("no peek"))
        opening.start()
        with pytest.raises(StoreLockedError):
            opening.wait()
        assert isinstance(opening.error, StoreLockedError)
        opening.close()


def test_the_pack_catalogue_is_read_by_the_opening_thread(tmp_path: Path) -> None:
    """A pack changed since the last start is validated by the thread that opens the store, not the GUI's."""
    import shutil

    from quizapp.paths import builtin_packs_dir
    from quizapp.services.library import PackLibrary

    with Store.open(tmp_path) as store:
        store.people.create_learner("Ali", avatar_id="cat")
    builtin = tmp_path / "builtin"
    shutil.copytree(builtin_packs_dir() / "example", builtin / "example")
    library = PackLibrary(builtin, tmp_path / "packs")
    threads: list[str] = []
    real = library._reload

    def watched() -> None:
        threads.append(threading.current_thread().name)
        real()

    library._reload = watched  # type: ignore[method-assign]
    peek = peek_roster(tmp_path)
    assert peek is not None
    opening = OpeningStore(tmp_path, peek)
    opening.prepare = library.prepare
    opening.start()
    opening.wait()
    try:
        assert threads == ["quizapp-open-store"] and library.validations == 1
        assert library.get("example") is not None and threads == ["quizapp-open-store"]
    finally:
        opening.close()
