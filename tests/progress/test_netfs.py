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


MAC_MOUNT = """\
/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)
//teacher@server/School Share on /Volumes/School Share (smbfs, nodev, nosuid, mounted by teacher)
server:/export on /Volumes/nfs (nfs, asynchronous)
/dev/disk4s1 on /Volumes/USB Stick (msdos, local, nodev, nosuid, noowners)
"""


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/Volumes/School Share/quizapp", "smbfs"),
        ("/Volumes/nfs", "nfs"),
        ("/Volumes/USB Stick/quizapp", None),
        ("/Users/lab/Library/Application Support/quizapp", None),
    ],
)
def test_macos_mounts(path: str, kind: str | None) -> None:
    """On macOS the output of `mount` tells network shares (smbfs, nfs, afpfs, webdav) from local disks."""
    reason = network_share_reason(Path(path), platform="darwin", mounts_text=MAC_MOUNT)
    if kind is None:
        assert reason is None
    else:
        assert reason is not None and kind in reason


def test_gnome_network_locations_are_refused() -> None:
    """A folder opened through GNOME's "Other Locations" (gvfs) is a network share too."""
    mounts = "gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid,nodev 0 0\n"
    path = Path("/run/user/1000/gvfs/smb-share:server=school,share=data/quizapp")
    assert network_share_reason(path, platform="linux", mounts_text=mounts) is not None
