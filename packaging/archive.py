"""Reproducible archives and checksums for the builds.

- ``write_tar_gz``: a .tar.gz whose bytes depend only on the files' contents, names and executable bits:
  members sorted, owned by root (0/0, so `sudo tar -x` does not leave the program owned by whoever built it,
  often the shared pupil account's uid 1000), modes 0755/0644, every mtime the source date, gzip header
  without a time or a file name.
- ``source_date_epoch``: $SOURCE_DATE_EPOCH, else the time of the last commit.
- ``write_sha256sums``: a SHA256SUMS file (`sha256sum -c SHA256SUMS` checks it).

    python packaging/archive.py sums FILE...     (writes SHA256SUMS next to the files; used on Windows/macOS)
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def source_date_epoch() -> int:
    """$SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/), else the last commit's
    time; raises SystemExit with what to do when neither is available."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        if not value.isdigit():
            raise SystemExit(f"SOURCE_DATE_EPOCH must be a number of seconds, not {value!r}")
        return int(value)
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return int(out)
    except (OSError, subprocess.CalledProcessError, ValueError):
        raise SystemExit(
            "cannot date the build: set SOURCE_DATE_EPOCH (seconds since 1970) or build from a git checkout"
        ) from None


def _members(folder: Path, arcname: str) -> list[tuple[str, Path]]:
    items = [(arcname, folder)]
    for path in folder.rglob("*"):
        items.append((f"{arcname}/{path.relative_to(folder).as_posix()}", path))
    return sorted(items, key=lambda item: item[0].encode("utf-8"))


def _tarinfo(name: str, path: Path, mtime: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    st = path.lstat()
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mtime = mtime
    if stat.S_ISLNK(st.st_mode):
        info.type = tarfile.SYMTYPE
        info.linkname = os.readlink(path)
        info.mode = 0o777
    elif stat.S_ISDIR(st.st_mode):
        info.type = tarfile.DIRTYPE
        info.mode = 0o755
    else:
        info.size = st.st_size
        info.mode = 0o755 if st.st_mode & 0o111 else 0o644
    return info


def write_tar_gz(folder: Path, archive: Path, arcname: str, mtime: int) -> Path:
    """Pack ``folder`` as ``arcname/`` into ``archive`` reproducibly (via a temporary name)."""
    tmp = archive.with_name(archive.name + ".partial")
    with tmp.open("wb") as raw:
        with (
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz,
            tarfile.open(fileobj=gz, mode="w", format=tarfile.GNU_FORMAT) as tar,
        ):
            for name, path in _members(folder, arcname):
                info = _tarinfo(name, path, mtime)
                if info.isreg():
                    with path.open("rb") as handle:
                        tar.addfile(info, handle)
                else:
                    tar.addfile(info)
        raw.flush()
        os.fsync(raw.fileno())
    tmp.replace(archive)
    return archive


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def write_sha256sums(files: list[Path], target: Path) -> Path:
    """``target`` (SHA256SUMS) lists the files by name, sorted, in `sha256sum` format."""
    lines = [f"{sha256(path)}  {path.name}\n" for path in sorted(files, key=lambda p: p.name)]
    buffer = io.StringIO()
    buffer.writelines(lines)
    tmp = target.with_name(target.name + ".partial")
    tmp.write_text(buffer.getvalue(), encoding="utf-8", newline="\n")
    tmp.replace(target)
    return target


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] != "sums":
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    files = [Path(name) for name in argv[1:]]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        print(f"not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    target = write_sha256sums(files, files[0].parent / "SHA256SUMS")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
