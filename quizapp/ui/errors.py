"""Unexpected errors: written to ``<data_dir>/logs/quizapp.log`` (rotating) and shown as a calm message.

Every answer is committed to the store the moment it is checked, so an error never loses recorded work;
the app keeps running and goes back to a safe screen.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from quizapp.services import datafolder

LOGGER_NAME = "quizapp"
LOG_FILE = "quizapp.log"
MAX_BYTES = 512 * 1024
BACKUPS = 3

log = logging.getLogger(LOGGER_NAME)


class _QuietFileHandler(RotatingFileHandler):
    """A log that cannot be written (a full disk) is skipped silently: no traceback on the console."""

    def handleError(self, record: logging.LogRecord) -> None:
        pass

    def doRollover(self) -> None:
        super().doRollover()
        datafolder.set_mode(Path(self.baseFilename))


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_FILE


def setup_logging(data_dir: Path) -> Path | None:
    """Log to ``<data_dir>/logs/quizapp.log`` (rotating). Returns the file, or None when it cannot be
    written (the app still runs)."""
    path = log_path(data_dir)
    for handler in list(log.handlers):
        if getattr(handler, "quizapp_file", None) == str(path):
            return path
    try:
        datafolder.make_dir(path.parent)  # private (0700/0600) or shared like the data folder
        datafolder.touch_private(path)
        handler = _QuietFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.quizapp_file = str(path)  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    for handler in list(log.handlers):
        if getattr(handler, "quizapp_file", None):
            log.removeHandler(handler)
            handler.close()


def friendly_text() -> tuple[str, str]:
    title = QCoreApplication.translate("Errors", "Something went wrong")
    text = QCoreApplication.translate(
        "Errors",
        "Sorry, something did not work. You can carry on; if it happens again, please tell your teacher.",
    )
    return title, text


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class ErrorReporter:
    """Installs ``sys.excepthook`` and a Qt message handler; shows one calm dialog at a time."""

    def __init__(
        self,
        parent: Callable[[], QWidget | None] = lambda: None,
        recover: Callable[[], None] | None = None,
    ) -> None:
        self._parent = parent
        self._recover = recover
        self._previous_hook: Callable[..., object] | None = None
        self._dialog: QMessageBox | None = None
        self._handling = False
        self.errors = 0

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle
        qInstallMessageHandler(self.qt_message)

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None
        qInstallMessageHandler(None)

    def qt_message(self, mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        level = _QT_LEVELS.get(mode, logging.WARNING)
        where = f" ({context.file}:{context.line})" if context.file else ""
        log.log(level, "Qt: %s%s", message, where)

    def handle(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            if self._previous_hook is not None:
                self._previous_hook(exc_type, exc, tb)
            return
        self.errors += 1
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if self._handling:
            return
        self._handling = True
        try:
            if self._recover is not None:
                try:
                    self._recover()
                except Exception:
                    log.exception("Could not go back to a safe screen")
            self.show_dialog()
        finally:
            self._handling = False

    def show_dialog(self) -> None:
        if QApplication.instance() is None:
            return
        if self._dialog is not None and self._dialog.isVisible():
            return
        title, text = friendly_text()
        dialog = QMessageBox(self._parent())
        dialog.setIcon(QMessageBox.Icon.Information)
        dialog.setWindowTitle(title)
        dialog.setText(title)
        dialog.setInformativeText(text)
        dialog.setStandardButtons(QMessageBox.StandardButton.Ok)
        dialog.setObjectName("error-dialog")
        dialog.setAccessibleName(title)
        dialog.open()  # not modal-blocking: the event loop keeps running
        self._dialog = dialog

    @property
    def dialog(self) -> QMessageBox | None:
        return self._dialog
