"""Start the student app: Qt application, logging and error handling, the store, the window."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.paths import builtin_packs_dir
from quizapp.ui.context import AppContext
from quizapp.ui.errors import ErrorReporter, close_logging, setup_logging

log = logging.getLogger("quizapp")

BACKUP_CHECK_MS = 60 * 60 * 1000  # once an hour: a backup when the newest is a day old
PREFERRED_SIZE = (1280, 800)


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once)."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("quizapp")
    app.setOrganizationName("quizapp")
    return app


def make_context(data_dir: Path, store) -> AppContext:  # type: ignore[no-untyped-def]
    from quizapp.services.library import PackLibrary
    from quizapp.ui.i18n import make_switcher, pseudo_mode

    library = PackLibrary(builtin_packs_dir(), data_dir / "packs")
    i18n = make_switcher(data_dir, pseudo=pseudo_mode())  # QUIZAPP_PSEUDO=1 / mirror: layout testing
    ctx = AppContext(data_dir=data_dir, store=store, library=library, i18n=i18n)
    ctx.set_language(store.settings.default_language, force=True)
    return ctx


def fit_window(window) -> None:  # type: ignore[no-untyped-def]
    """A comfortable size that fits the screen (maximised on small screens such as 1024x600)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        window.resize(*PREFERRED_SIZE)
        return
    available = screen.availableGeometry()
    if available.width() <= PREFERRED_SIZE[0] or available.height() <= PREFERRED_SIZE[1]:
        window.resize(available.size())
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.resize(*PREFERRED_SIZE)


def run_app(data_dir: Path, *, exit_when_idle: bool = False) -> int:
    """Open the app on ``data_dir``; returns the exit code.

    ``exit_when_idle`` (used by the start-up benchmark) quits as soon as the learner picker is shown and
    the event loop is idle, printing ``ready <seconds>``.
    """
    started = time.perf_counter()
    app = application()
    setup_logging(data_dir)
    from quizapp.progress.errors import StoreError
    from quizapp.progress.store import Store

    try:
        # Not read-only when another copy has the folder: learners' answers could not be saved.
        store = Store.open(data_dir)
    except StoreError as exc:
        log.error("The progress store could not be opened: %s", exc)
        box = QMessageBox(QMessageBox.Icon.Warning, "quizapp", str(exc), QMessageBox.StandardButton.Ok)
        box.setInformativeText(
            QApplication.translate("App", "Please close other copies of quizapp, or ask your teacher.")
        )
        if not exit_when_idle:
            box.exec()
        return 1
    from quizapp.ui.main_window import MainWindow

    ctx = make_context(data_dir, store)
    window = MainWindow(ctx)
    reporter = ErrorReporter(lambda: window, window.recover)
    reporter.install()
    fit_window(window)
    window.show()
    if store.open_report.needs_attention:
        log.warning("Store opened with messages: %s", store.open_report.messages)
        note = QMessageBox(
            QMessageBox.Icon.Information,
            "quizapp",
            "\n\n".join(store.open_report.messages),
            QMessageBox.StandardButton.Ok,
            window,
        )
        if not exit_when_idle:
            note.open()
    backups = QTimer(window)
    backups.setInterval(BACKUP_CHECK_MS)
    backups.timeout.connect(lambda: _backup_if_due(store))
    backups.start()
    if exit_when_idle:

        def ready() -> None:
            print(f"ready {time.perf_counter() - started:.4f}", flush=True)
            app.quit()

        QTimer.singleShot(0, ready)
    log.info("quizapp started on %s", data_dir)
    try:
        code = app.exec()
    finally:
        reporter.uninstall()
        window.hide()
        store.close()
        log.info("quizapp closed")
        close_logging()
    return int(code)


def _backup_if_due(store) -> None:  # type: ignore[no-untyped-def]
    try:
        store.backup_if_due()
    except Exception:
        log.exception("Backup failed")


def exit_when_idle_requested() -> bool:
    return os.environ.get("QUIZAPP_EXIT_WHEN_IDLE", "") == "1"
