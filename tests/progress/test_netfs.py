"""Network share detection on Linux (/proc/mounts) and Windows (UNC paths, mapped drives)."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.progress.netfs import DRIVE_REMOTE, network_share_message, network_share_reason

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw,relatime 0 0
//server/share /mnt/school\\040share cifs rw 0 0
user@host:/x /home/t/remote fuse.sshfs rw 0 0
tmpfs /mnt/nfs/local tmpfs rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/nfs/quizapp", "nfs4"),
        ("/mnt/school share/quizapp", "cifs"),
        ("/home/t/remote", "fuse.sshfs"),
        ("/home/t/local", None),
        ("/mnt/nfs/local/quizapp", None),  # a local mount inside a network one
        ("/mnt/nfsother", None),
    ],
)
def test_linux_mount_types(path: str, kind: str | None) -> None:
    """The filesystem type of the mount holding the folder decides; the deepest mount point wins."""
    reason = network_share_reason(Path(path), platform="linux", mounts_text=MOUNTS)
    if kind is None:
        assert reason is None
    else:
        assert reason is not None and kind in reason


@pytest.mark.parametrize(
    ("path", "drive_type", "remote"),
    [
        (r"\\server\share\quizapp", None, True),
        (r"\\?\UNC\server\share\quizapp", None, True),
        (r"Z:\quizapp", DRIVE_REMOTE, True),
        (r"C:\Users\t\AppData\quizapp", 3, False),
        (r"\\?\C:\quizapp", 3, False),
    ],
)
def test_windows_paths(path: str, drive_type: int | None, remote: bool) -> None:
    """UNC paths and drives that Windows reports as remote are network shares; local drives are not."""
    reason = network_share_reason(Path(path), platform="win32", drive_type=drive_type)
    assert (reason is not None) is remote


def test_this_computers_temp_folder_is_local(tmp_path: Path) -> None:
    """The real check does not flag an ordinary local folder."""
    assert network_share_reason(tmp_path / "not-yet-made") is None


def test_message_says_what_to_do() -> None:
    """The refusal names the folder, the reason, SQLite's guidance and the way to pick another folder."""
    text = network_share_message(Path("/mnt/x"), "a cifs network share mounted at /mnt")
    for part in ("/mnt/x", "cifs", "https://www.sqlite.org/useovernet.html", "--data-dir", "results export"):
        assert part in text
