"""Who may read the data: private by default, shareable on purpose (Linux and macOS; Windows uses ACLs).

A data folder is *shared* when it has the setgid bit (``chmod 2770``, see docs/data.md) or is group-writable
(someone set it up for a group; it is never tightened): everything quizapp
creates in it is then group-readable and -writable (folders 2770, files 0660), whatever the umask of the
account that runs quizapp, so every member of the folder's group can use it. Any other data folder is
*private*: folders 0700, files 0600, so other accounts on the computer cannot read children's names,
answers or the PIN hash. Modes are set explicitly after creating, never left to the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_DIR, PRIVATE_FILE = 0o700, 0o600
SHARED_DIR, SHARED_FILE = 0o2770, 0o660
_POSIX = os.name == "posix"


def is_shared(folder: Path) -> bool:
    """True when ``folder`` is a shared data folder: setgid, or made group-writable on purpose by whoever
    set it up (quizapp itself never makes a folder group-writable unless its parent is shared)."""
    try:
        return _POSIX and bool(folder.stat().st_mode & (stat.S_ISGID | stat.S_IWGRP))
    except OSError:
        return False


def file_mode(folder: Path) -> int:
    return SHARED_FILE if is_shared(folder) else PRIVATE_FILE


def make_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed; it gets the mode its parent calls for."""
    if path.is_dir():
        return
    path.mkdir(parents=True, exist_ok=True)
    if _POSIX:
        with contextlib.suppress(OSError):  # only a setgid parent makes a new folder shared: a parent that
            setgid = bool(path.parent.stat().st_mode & stat.S_ISGID)  # is group-writable by umask 002 is not
            os.chmod(path, SHARED_DIR if setgid else PRIVATE_DIR)


def set_mode(path: Path) -> None:
    """Give a file quizapp made the mode of its folder (private or shared); ignored where not allowed."""
    if _POSIX:
        with contextlib.suppress(OSError):
            os.chmod(path, file_mode(path.parent))


def touch_private(path: Path) -> None:
    """Create an empty file (if missing) with the mode of its folder, before anything writes into it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, file_mode(path.parent))
    os.close(fd)
    set_mode(path)


def tighten(data_dir: Path, names: tuple[str, ...]) -> None:
    """Bring an existing private data folder made by an older quizapp (0755/0644) to 0700/0600.

    Only files this account owns are changed; a shared (setgid) folder is left as its owner set it, except
    that quizapp's own files get the group write permission the other accounts need."""
    if not _POSIX:
        return
    shared = is_shared(data_dir)
    uid = os.geteuid()
    with contextlib.suppress(OSError):
        if data_dir.stat().st_uid == uid and not shared:
            os.chmod(data_dir, PRIVATE_DIR)
    for name in names:
        for path in (
            (data_dir / name, *(data_dir / name).glob("*"))
            if (data_dir / name).is_dir()
            else (data_dir / name,)
        ):
            with contextlib.suppress(OSError):
                st = path.lstat()
                if st.st_uid != uid or stat.S_ISLNK(st.st_mode):
                    continue
                if stat.S_ISDIR(st.st_mode):
                    os.chmod(path, SHARED_DIR if shared else PRIVATE_DIR)
                else:
                    os.chmod(path, SHARED_FILE if shared else PRIVATE_FILE)
