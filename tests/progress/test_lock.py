"""The OS-level single-writer lock."""

from __future__ import annotations

import os
from pathlib import Path

from quizapp.progress.lock import WriterLock


def test_lock_excludes_a_second_holder_until_released(tmp_path: Path) -> None:
    """Only one holder at a time, even in one process; releasing lets the next one in."""
    a, b = WriterLock(tmp_path / "quizapp.lock"), WriterLock(tmp_path / "quizapp.lock")
    assert a.acquire()
    assert not b.acquire()
    assert b.holder().startswith(f"pid={os.getpid()} ")
    a.release()
    assert b.acquire() and b.held
    b.release()
    b.release()  # harmless


def test_existing_lock_file_alone_does_not_lock(tmp_path: Path) -> None:
    """A lock file left behind (crash) does not block: only a live OS lock does."""
    path = tmp_path / "quizapp.lock"
    path.write_text("pid=12345 host=elsewhere\n")
    lock = WriterLock(path)
    assert lock.acquire()
    lock.release()
