"""One call in a worker thread, polled from the caller's thread (the app's GUI thread): nothing here touches
Qt. The app's work off the GUI thread goes through :class:`BackgroundCall`: the start-up work
(:class:`quizapp.services.opening.BackgroundJob`), the weekly full check
(:class:`quizapp.services.integrity.BackgroundCheck`), and a lab PC's syncs and server probes
(:mod:`quizapp.ui.server_link`).

Python's cyclic garbage collector is paused while the worker runs (after one collection in the caller's
thread), so that no collection started by the worker finalises Qt objects outside the GUI thread (which
crashes Qt); the caller's thread switches it back on when polling finds the call done."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


class BackgroundCall(Generic[T]):
    """``fn()`` once in a worker thread; ``result`` or ``error`` once :attr:`done`. With ``failure`` a
    failing call is also logged, with that text."""

    def __init__(self, fn: Callable[[], T], name: str = "quizapp-background", *, failure: str = "") -> None:
        self._fn = fn
        self._failure = failure
        self.result: T | None = None
        self.error: BaseException | None = None
        self._finished = threading.Event()
        self._start_lock = threading.Lock()
        self._started = False
        self._gc_paused = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> BackgroundCall[T]:
        """Start the call (once; later calls do nothing). Call from the thread that polls it."""
        with self._start_lock:
            if not self._started:
                self._started = True
                gc.collect()
                if gc.isenabled():
                    gc.disable()
                    self._gc_paused = True
                self._thread.start()
        return self

    def _run(self) -> None:
        try:
            self.result = self._fn()
        except BaseException as exc:  # kept for the caller's thread
            self.error = exc
            if self._failure:
                log.error(self._failure, exc_info=exc)
        finally:
            self._finished.set()

    @property
    def done(self) -> bool:
        """True once the call has finished (well or not). Call from the thread that started it."""
        if not self._finished.is_set():
            return False
        if self._gc_paused:
            self._gc_paused = False
            gc.enable()
        return True

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the call (tests, closing the app); True when it has finished."""
        return self._finished.wait(timeout) and self.done
