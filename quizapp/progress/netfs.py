"""Refuse data folders on network shares: SQLite's locking is not reliable there and files get corrupted.

Windows: UNC paths (``\\\\server\\share``) and mapped network drives (``GetDriveTypeW`` = DRIVE_REMOTE).
Linux: the filesystem type of the mount holding the folder, read from ``/proc/mounts``.
macOS: the same, read from the output of ``/sbin/mount``. Other systems are not checked.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PureWindowsPath

SQLITE_GUIDANCE_URL = "https://www.sqlite.org/useovernet.html"

NETWORK_FS_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "sshfs",
        "fuse.sshfs",
        "afs",
        "ncpfs",
        "9p",
        "davfs",
        "fuse.davfs2",
        "glusterfs",
        "fuse.glusterfs",
        "ceph",
        "fuse.ceph",
        "lustre",
        "gpfs",
        "fuse.rclone",
        "fuse.s3fs",
        "s3fs",
        "fuse.gvfsd-fuse",  # GNOME's "Other Locations" (smb://, sftp://) seen as files
        "fuse.smbnetfs",
        "fuse.curlftpfs",
        "afpfs",  # macOS
        "webdav",
    }
)
DRIVE_REMOTE = 4
_OCTAL = re.compile(r"\\([0-7]{3})")


def _unescape_mount(text: str) -> str:
    return _OCTAL.sub(lambda m: chr(int(m.group(1), 8)), text)


def linux_mount_type(path: Path, mounts_text: str) -> tuple[str, str] | None:
    """The (mount point, filesystem type) of the mount holding ``path``, from ``/proc/mounts`` text."""
    best: tuple[str, str] | None = None
    target = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape_mount(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and (best is None or len(point) >= len(best[0])):
            best = (point, fstype)
    return best


_DARWIN_MOUNT = re.compile(r"^.+? on (?P<point>.+) \((?P<type>[^,)]+)")


def darwin_mount_type(path: Path, mount_output: str) -> tuple[str, str] | None:
    """The (mount point, filesystem type) holding ``path``, from macOS ``mount`` output lines such as
    ``//user@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by user)``."""
    lines = []
    for line in mount_output.splitlines():
        match = _DARWIN_MOUNT.match(line)
        if match:
            point = match["point"].replace(" ", "\\040")
            lines.append(f"src {point} {match['type'].strip()} rw 0 0")
    return linux_mount_type(path, "\n".join(lines))


def _darwin_mount_output() -> str | None:
    import subprocess

    try:
        result = subprocess.run(
            ["/sbin/mount"], capture_output=True, text=True, timeout=10, check=False, errors="replace"
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def _existing_ancestor(path: Path) -> Path:
    path = Path(os.path.abspath(path))
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate.resolve()
    return path


def _windows_reason(path_text: str, drive_type: int | None) -> str | None:
    win = PureWindowsPath(path_text)
    text = str(win)
    if text.startswith("\\\\?\\UNC\\") or (text.startswith("\\\\") and not text.startswith("\\\\?\\")):
        return "a Windows network path"
    if drive_type == DRIVE_REMOTE:
        return f"the mapped network drive {win.drive}"
    return None


def _windows_drive_type(path: Path) -> int | None:
    if sys.platform != "win32":
        return None
    import ctypes

    drive = PureWindowsPath(os.path.abspath(path)).drive
    if not drive:
        return None
    result: int = ctypes.windll.kernel32.GetDriveTypeW(drive + "\\")
    return result


def network_share_reason(
    path: Path,
    *,
    platform: str | None = None,
    mounts_text: str | None = None,
    drive_type: int | None = None,
) -> str | None:
    """Why ``path`` is on a network share ("an nfs4 network share at /mnt/x"), or None when it is local.

    ``platform``, ``mounts_text`` and ``drive_type`` are for tests; by default they come from this computer.
    """
    platform = platform or sys.platform
    if platform == "win32":
        if drive_type is None and sys.platform == "win32":
            drive_type = _windows_drive_type(path)
        return _windows_reason(str(path), drive_type)
    found: tuple[str, str] | None = None
    if platform.startswith("linux"):
        if mounts_text is None:
            try:
                mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
            except OSError:
                return None
            path = _existing_ancestor(path)
        found = linux_mount_type(path, mounts_text)
    elif platform == "darwin":
        if mounts_text is None:
            mounts_text = _darwin_mount_output()
            if mounts_text is None:
                return None
            path = _existing_ancestor(path)
        found = darwin_mount_type(path, mounts_text)
    if found and (found[1] in NETWORK_FS_TYPES or found[1].startswith("smb")):
        return f"a {found[1]} network share mounted at {found[0]}"
    return None


def network_share_message(path: Path, reason: str) -> str:
    return (
        f"quizapp cannot keep its data in {path}: it is on {reason}. SQLite, which quizapp uses to keep "
        "progress, cannot lock files reliably over a network, so the data could be corrupted "
        f"(see SQLite's guidance at {SQLITE_GUIDANCE_URL}). Choose a folder on this computer's own disk "
        "(--data-dir, QUIZAPP_DATA_DIR or quizapp.ini) and use 'quizapp results export' and "
        "'quizapp results import' to bring results from several computers together."
    )
