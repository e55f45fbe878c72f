"""The full check in a worker thread, as the app runs it."""

from __future__ import annotations

import gc
from pathlib import Path

from quizapp.progress.store import Store
from quizapp.services.integrity import BackgroundCheck, full_check_due, last_full_check


def test_the_background_check_records_its_result_and_gives_the_collector_back(tmp_path: Path) -> None:
    """The check runs beside an open store, records "no problem", and the garbage collector paused for
    the worker is on again once the caller sees it has finished."""
    with Store.open(tmp_path) as store:
        store.people.create_learner("Ali", avatar_id="cat")
        assert full_check_due(tmp_path)
        check = BackgroundCheck(tmp_path)
        check.start()
        assert check.wait(30)
        assert check.error is None and check.result is not None and check.result.ok
        assert gc.isenabled()
        store.people.create_learner("Bilal", avatar_id="owl")  # the store is still usable
    assert last_full_check(tmp_path) == check.result
    assert not full_check_due(tmp_path)


def test_nothing_is_due_without_a_database(tmp_path: Path) -> None:
    """A new data folder has nothing to check."""
    assert not full_check_due(tmp_path)
