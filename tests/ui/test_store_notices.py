"""What the progress store has to say reaches the user calmly, and the log: a second copy of quizapp is told
"quizapp is already open on this computer" and exits; a database restored from a backup at start is
explained; a daily backup that fails while learners work is shown once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from quizapp.progress.store import DB_FILE_NAME, Store
from quizapp.ui.errors import close_logging, log_path, setup_logging
from quizapp.ui.store_notices import BACKUP_EVERY_SECONDS, StoreNotices


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, str]]]:
    """Message boxes shown by the app: recorded (text, informative text), then closed as if read, so a
    test never waits for a click. A box opened without blocking also ends the app's event loop."""
    seen: list[tuple[str, str]] = []
    quit_soon = QTimer()
    quit_soon.setSingleShot(True)
    quit_soon.setInterval(10)
    quit_soon.timeout.connect(QApplication.quit)

    def exec_(box: QMessageBox) -> int:
        seen.append((box.text(), box.informativeText()))
        return int(QMessageBox.StandardButton.Ok.value)

    def open_(box: QMessageBox) -> None:
        seen.append((box.text(), box.informativeText()))
        QTimer.singleShot(0, box, lambda: box.done(0))
        quit_soon.start()

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "open", open_)
    yield seen
    quit_soon.stop()


def test_second_copy_is_told_quizapp_is_already_open_and_exits(
    qapp: Any, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    """With the data open in another quizapp, a dialog says "quizapp is already open on this computer",
    the app exits with 1, and the log says why (no traceback)."""
    from quizapp.ui.app import run_app

    data = tmp_path / "data"
    with Store.open(data):
        assert run_app(data) == 1
    assert len(dialogs) == 1
    text, informative = dialogs[0]
    assert text.startswith("quizapp is already open on this computer.")
    assert informative  # what to do, in the learner's language
    log = log_path(data).read_text(encoding="utf-8")
    assert "already open on this computer" in log and "Traceback" not in log


def test_a_database_restored_at_start_is_explained_and_logged(
    qapp: Any, tmp_path: Path, dialogs: list[tuple[str, str]]
) -> None:
    """A damaged database replaced by its backup at start is explained in a dialog over the window and
    written to the log; the learners from the backup are there."""
    from quizapp.ui.app import run_app

    data = tmp_path / "data"
    with Store.open(data) as store:
        store.people.create_learner("Ayesha")
    (data / DB_FILE_NAME).write_bytes(b"not a database any more " * 400)
    assert run_app(data) == 0
    assert len(dialogs) == 1
    shown = " ".join(dialogs[0])
    assert "damaged" in shown and "restored" in shown and "1 learner(s)" in shown
    assert "damaged" in log_path(data).read_text(encoding="utf-8")
    with Store.open(data) as store:
        assert [x.display_name for x in store.people.list_learners()] == ["Ayesha"]


def test_a_failing_daily_backup_is_shown_once_and_logged(qtbot: Any, tmp_path: Path) -> None:
    """When the backup cannot be written the learner is told once (answers are still saved), the log
    has it, and nothing more is shown once backups work again."""
    data = tmp_path / "data"
    data.mkdir()
    blocker = data / "backups"
    blocker.write_text("a file where the backups folder should be", encoding="utf-8")
    setup_logging(data)
    window = QWidget()
    qtbot.addWidget(window)
    now = [0.0]
    try:
        with Store.open(data) as store:
            notices = StoreNotices(store, window, clock=lambda: now[0])
            assert notices.check() is None  # nothing to say yet
            learner = store.people.create_learner("Ali")  # the store's own backup on the first change fails
            box = notices.check()
            assert box is not None and box.isVisible() and "automatic backup" in box.text()
            assert store.people.get_learner(learner.id) == learner  # the change itself was saved
            assert notices.check() is None  # shown once
            blocker.unlink()
            now[0] += BACKUP_EVERY_SECONDS  # an hour later the app makes the daily backup: it works
            assert notices.check() is None and store.backup_error is None and store.list_backups()
        assert "automatic backup of the progress data failed" in log_path(data).read_text(encoding="utf-8")
    finally:
        close_logging()


def test_the_days_first_answer_does_not_wait_for_the_backup_copy(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """With the app watching the store, the first change of a day only notes the day's full copy; the copy
    is made in a worker thread (the GUI thread goes on), and a failure would be in ``backup_error``."""
    import threading
    from datetime import UTC, datetime, timedelta

    from quizapp.progress import backup

    data = tmp_path / "data"
    day = [datetime(2026, 3, 2, 9, tzinfo=UTC)]
    with Store.open(data, clock=lambda: day[0]) as store:
        store.people.create_learner("Ali")
    day[0] += timedelta(days=1)
    threads: list[str] = []
    real = backup.make_backup

    def noting_the_thread(*args: Any, **kwargs: Any) -> Path:
        threads.append(threading.current_thread().name)
        return real(*args, **kwargs)

    window = QWidget()
    with Store.open(data, clock=lambda: day[0]) as store, pytest.MonkeyPatch.context() as patch:
        patch.setattr(backup, "make_backup", noting_the_thread)
        notices = StoreNotices(store, window)
        notices.start()  # the store is open: the day's copy is deferred from now on
        store.people.create_learner("Sara")  # the first change of the day
        assert threads == []  # not copied while the change waited
        assert notices.copy_timer.isActive()  # it polls every second in the app

        def copied() -> bool:
            notices.poll_copy()  # (what the timer does; called here too, as timers of an earlier app's
            return len(store.list_backups()) == 2 and notices.copy is None  # test may not fire here)

        qtbot.waitUntil(copied, timeout=30_000)
        assert threads == ["quizapp-daily-copy"]
        assert store.list_backups()[0].taken_at.date() == day[0].date() and store.backup_error is None
    window.deleteLater()
