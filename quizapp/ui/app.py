"""Start the student app: Qt application, logging and error handling, the store, the window."""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from quizapp.paths import assets_dir, builtin_packs_dir
from quizapp.ui.context import AppContext
from quizapp.ui.errors import ErrorReporter, close_logging, setup_logging
from quizapp.ui.wheel_guard import install_wheel_guard

if TYPE_CHECKING:
    from quizapp.services.library import PackLibrary
    from quizapp.services.offline import LabOpener
    from quizapp.ui.i18n.catalog import TranslationCatalog

log = logging.getLogger("quizapp")

PREFERRED_SIZE = (1280, 800)
DESKTOP_FILE_NAME = "quizapp"  # packaging/linux/quizapp.desktop


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), with the app's name and icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
        app.setApplicationName("quizapp")
        app.setOrganizationName("quizapp")
        install_wheel_guard(app)
    identify(app)
    return app


def identify(app: QApplication) -> None:
    """The icon of every window (title bar, taskbar, Alt+Tab) and the desktop file name, by which Linux
    desktops match the windows to quizapp.desktop (its menu entry and icon; the Wayland app id)."""
    if QGuiApplication.desktopFileName() != DESKTOP_FILE_NAME:
        QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(assets_dir() / "icons" / "app.svg")))


def make_context(data_dir: Path, store) -> AppContext:  # type: ignore[no-untyped-def]
    from quizapp.services.library import PackLibrary
    from quizapp.ui.i18n import make_switcher, pseudo_mode

    library = PackLibrary(builtin_packs_dir(), data_dir / "packs")
    i18n = make_switcher(data_dir, pseudo=pseudo_mode())  # QUIZAPP_PSEUDO=1 / mirror: layout testing
    ctx = AppContext(data_dir=data_dir, store=store, library=library, i18n=i18n)
    ctx.set_language(store.settings.default_language, force=True)
    return ctx


def warm_up(library: PackLibrary, translations: TranslationCatalog | None = None) -> Callable[[], None]:
    """The start-up work done in a worker thread while the picker is on screen: read the pack catalogue
    (validating a pack changed since the last start), import what a learner's first tap needs (the
    learning flow and the content models, whose validators pydantic builds on import: 0.2 s here, more on an
    old lab PC, which the child waited for between tapping their name and seeing their home screen) and,
    in a source or pip install, compile the translations a language button would otherwise compile while
    the window stood still."""

    def work() -> None:
        library.prepare()
        import quizapp.services.learning  # noqa: F401

        if translations is not None:
            translations.prepare()

    return work


def open_main_window(data_dir: Path, store):  # type: ignore[no-untyped-def]
    """The student window as ``quizapp`` opens it: the application, the context (language, translator and
    the bundled Urdu fonts, set up by :func:`make_context`) and the main window. ``quizapp screenshots``
    and the self-test start through here too, so what they show is what a child sees."""
    from quizapp.ui.main_window import MainWindow

    application()
    ctx = make_context(data_dir, store)
    return MainWindow(ctx)


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

    The learner picker is shown from a quick read-only look at the database while the progress store (and
    SQLAlchemy) opens in the background; see :mod:`quizapp.services.opening`. ``exit_when_idle`` (used by
    the start-up benchmark) quits as soon as the store is open and the picker is drawn from it, printing
    ``ready <seconds>``.
    """
    started = time.perf_counter()
    app = application()
    setup_logging(data_dir)
    from quizapp.services.roster import peek_roster

    lab = _lab_opener()
    peek = peek_roster(data_dir, own_copy=lab is not None)
    opener = None
    if lab is not None:  # a lab PC: the school server, or this PC's own copy when it does not answer
        from quizapp.services.opening import OpeningStore
        from quizapp.services.roster import RosterPeek

        opener = OpeningStore(data_dir, peek or RosterPeek(), lab, busy=lambda: lab.attempt_running)
        store = opener
    elif peek is None:  # no quick look possible: open the store before showing anything
        store = _open_store_now(data_dir, exit_when_idle)
        if store is None:
            return 1
    else:
        from quizapp.services.opening import OpeningStore

        opener = OpeningStore(data_dir, peek)
        store = opener
    window = open_main_window(data_dir, store)
    # A pack changed since the last start (or a cold cache) is checked off the GUI thread: by the worker
    # that opens the store, or by a worker of its own when the store was opened here.
    work = warm_up(window.ctx.library, window.ctx.i18n.catalog)
    if opener is not None:
        opener.prepare = work
    else:
        from quizapp.services.opening import BackgroundJob

        window.prepare_in_background(BackgroundJob(work, "quizapp-read-packs"))
    reporter = ErrorReporter(lambda: window, window.recover)
    reporter.install()
    fit_window(window)
    window.show()
    startup = _Startup(app, window, exit_when_idle)
    if not exit_when_idle:
        from quizapp.ui.full_check import FullCheckRunner

        full_check = FullCheckRunner(data_dir, window)  # weekly, in a worker thread, once the store is open
        startup.when_open = full_check.start_if_due
    if opener is not None:
        # The picker is on screen from the quick look; the store (and SQLAlchemy's import) starts opening
        # once the event loop runs, so that it is not on the path to the first window.
        def open_in_background() -> None:
            opener.start()
            startup.watch(opener)

        QTimer.singleShot(0, open_in_background)
    else:
        startup.report(store)
        QTimer.singleShot(0, startup.when_open)
    link = None
    if lab is not None and opener is not None:
        from quizapp.ui.server_link import ServerLink

        link = ServerLink(window, data_dir, lab)
        window.ctx.signals.language_changed.connect(lambda _language: link.retranslate())
        window.picker.show_getting_ready(True)  # the roster shown is this PC's copy until the store opens
    from quizapp.ui.store_notices import StoreNotices

    StoreNotices(store, window).start()  # the daily backup of a long session; its problems are shown
    if exit_when_idle:
        # "ready" means usable: the store is open and the picker is drawn from it.
        def ready() -> None:
            window.repaint()
            print(f"ready {time.perf_counter() - started:.4f}", flush=True)
            app.quit()

        if opener is None:
            QTimer.singleShot(0, ready)
        else:
            startup.when_open = lambda: QTimer.singleShot(0, ready)
    if link is not None and opener is not None and not exit_when_idle:
        after_open, server_opener, server_link = startup.when_open, opener, link

        def open_and_link() -> None:
            server_link.store_opened(server_opener.wait(), server_opener)
            after_open()

        startup.when_open = open_and_link
    log.info("quizapp started on %s", data_dir)
    failed = False
    try:
        code = app.exec()
    finally:
        reporter.uninstall()
        startup.stop()
        if link is not None:
            link.stop()  # a sync under way gets a few seconds; what it did not send is sent next time
        window.hide()
        window.deleteLater()
        # Qt's quit closes the windows, and closing the last one asks to quit once more: that second
        # request is still posted after the loop has ended. Left there, it would end at once every event
        # loop started later in this process (the tests run many apps in one process).
        QCoreApplication.removePostedEvents(app, QEvent.Type.Quit)
        store.close()  # waits for a store still opening
        if opener is not None and opener.error is not None:
            failed = True
            if not startup.failed:
                log.error("The progress store could not be opened: %s", opener.error)
        log.info("quizapp closed")
        close_logging()
    return 1 if failed or startup.failed else int(code)


def _lab_opener() -> LabOpener | None:
    """A :class:`~quizapp.services.offline.LabOpener` when a school server is set, else None."""
    from quizapp.services.offline import LabOpener, server_database

    database = server_database()
    return None if database is None else LabOpener(database)


def _store_problem_box(message: str, parent=None) -> QMessageBox:  # type: ignore[no-untyped-def]
    box = QMessageBox(QMessageBox.Icon.Warning, "quizapp", message, QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(
        QApplication.translate("App", "Please close other copies of quizapp, or ask your teacher.")
    )
    return box


def _open_store_now(data_dir: Path, exit_when_idle: bool):  # type: ignore[no-untyped-def]
    from quizapp.services.records import Store, StoreError

    try:
        # Not read-only when another copy has the folder: learners' answers could not be saved.
        return Store.open(data_dir)
    except StoreError as exc:
        log.error("The progress store could not be opened: %s", exc)
        if not exit_when_idle:
            _store_problem_box(str(exc)).exec()
        return None


class _Startup(QObject):
    """What happens when the store has opened in the background (checked from the main thread: no Qt
    call is made from the worker thread)."""

    POLL_MS = 25

    def __init__(self, app: QApplication, window, exit_when_idle: bool) -> None:  # type: ignore[no-untyped-def]
        super().__init__(window)
        self.app = app
        self.window = window
        self.exit_when_idle = exit_when_idle
        self.failed = False
        self._opener = None
        self.when_open: Callable[[], object] = lambda: None
        """Called once the store has opened well and the window shows it."""
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._poll)

    def watch(self, opener) -> None:  # type: ignore[no-untyped-def]
        self._opener = opener
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._opener = None

    def _poll(self) -> None:
        if self._opener is not None and self._opener.ready:
            self._timer.stop()
            self.store_opened()

    def store_opened(self) -> None:
        store = self.window.ctx.store
        error = getattr(store, "error", None)
        if error is not None:
            self.failed = True
            log.error("The progress store could not be opened: %s", error)
            if self.exit_when_idle:
                self.app.exit(1)
                return
            box = _store_problem_box(str(error), self.window)
            box.finished.connect(lambda _result=0: self.app.exit(1))
            box.open()
            return
        self.report(store.wait())
        self.window.store_ready()
        self.when_open()

    def report(self, store) -> None:  # type: ignore[no-untyped-def]
        if not store.open_report.needs_attention:
            return
        log.warning("Store opened with messages: %s", store.open_report.messages)
        if self.exit_when_idle:
            return
        note = QMessageBox(
            QMessageBox.Icon.Information,
            "quizapp",
            "\n\n".join(store.open_report.messages),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        note.open()


def exit_when_idle_requested() -> bool:
    return os.environ.get("QUIZAPP_EXIT_WHEN_IDLE", "") == "1"
