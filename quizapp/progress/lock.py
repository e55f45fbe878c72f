"""The single-writer lock: an OS-level lock on ``quizapp.lock`` in the data folder.

The lock belongs to the open file, so the operating system drops it when the process ends, even by a crash
or a kill: a stale lock file is never a problem. ``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on
Windows. The file also holds the holder's process id and computer name, for the error message.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

from quizapp.progress import filemodes

LOCK_FILE_NAME = "quizapp.lock"
_WIN_LOCK_OFFSET = 4096  # lock a byte past the text, so others can still read who holds the lock


class WriterLock:
    """A non-blocking exclusive lock on a file. ``acquire()`` returns False when someone else holds it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, filemodes.file_mode(self.path.parent))
        try:
            filemodes.set_mode(self.path)
            if not _try_lock(fd):
                os.close(fd)
                return False
            info = f"pid={os.getpid()} host={socket.gethostname()}\n".encode()
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, info)
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        return True

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def holder(self) -> str:
        """Who holds the lock, as written in the file ("pid=... host=..."), or "" when unknown."""
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").strip()
        except OSError:
            return ""


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
