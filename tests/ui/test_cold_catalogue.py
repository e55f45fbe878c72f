"""A cold pack cache (first start after an update, cache deleted) is validated off the GUI thread, with the
"Getting ready" sign, also when the store was opened before the window (no background opener)."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from quizapp.progress.store import Store
from quizapp.services.library import PackLibrary
from quizapp.services.opening import BackgroundJob
from quizapp.ui.autopilot import Autopilot, settle


class SlowLibrary(PackLibrary):
    """The real catalogue, whose validation of a pack waits for ``release`` and notes the thread it ran in."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.release = threading.Event()
        self.threads: list[threading.Thread] = []

    def _validate(self, folder: Path, stamp: str, digest: str) -> Any:
        self.threads.append(threading.current_thread())
        self.release.wait(10)
        return super()._validate(folder, stamp, digest)


def test_a_cold_cache_is_validated_in_the_background_and_a_tap_waits_with_getting_ready(
    tmp_path: Path, qtbot, example_builtin: Path
) -> None:  # type: ignore[no-untyped-def]
    """With the store already open, validating every pack of a cold cache happens in a worker thread: the
    picker stays usable, a tapped learner sees "Getting ready", and their home opens when it is done."""
    from quizapp.ui.context import AppContext
    from quizapp.ui.main_window import MainWindow

    data = tmp_path / "data"
    library = SlowLibrary(example_builtin, data / "packs")
    with Store.open(data) as store:
        learner_id = store.people.create_learner("Ali", avatar_id="cat").id
        ctx = AppContext(data_dir=data, store=store, library=library)
        window = MainWindow(ctx)
        window.resize(1024, 600)
        window.show()
        window.prepare_in_background(BackgroundJob(library.prepare))
        try:
            qtbot.waitUntil(lambda: library.threads != [], timeout=30_000)  # validating, in a worker
            Autopilot(window).click_learner(learner_id)
            settle()
            assert window.current_screen() is window.picker
            assert window.picker.waiting.isVisible()
            assert window.picker.waiting_text.text() == "Getting ready… one moment."
            library.release.set()
            qtbot.waitUntil(lambda: window.current_screen() is window.home, timeout=30_000)
            assert not window.picker.waiting.isVisible()
            assert threading.main_thread() not in library.threads and library.validations == 1
        finally:
            library.release.set()
            window.close()
            window.deleteLater()
            settle()
