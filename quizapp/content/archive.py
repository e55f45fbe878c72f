"""Unpack a pack .zip safely: no paths outside the folder, no links, no decompression bombs."""

from __future__ import annotations

import stat
import unicodedata
import zipfile
from pathlib import Path, PurePosixPath

MAX_MEMBERS = 5000
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
_CHUNK = 1024 * 1024


class ArchiveProblem(Exception):
    """A .zip that cannot be unpacked safely; the message says why."""


def _member_parts(name: str) -> tuple[str, ...]:
    if "\\" in name:
        name = name.replace("\\", "/")
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise ArchiveProblem(
            f"the archive holds an absolute path ('{name}'); it was refused: "
            "ask the pack's author for a .zip made from the pack's folder"
        )
    parts = tuple(p for p in PurePosixPath(name).parts if p not in ("", "."))
    if ".." in parts:
        raise ArchiveProblem(
            f"the archive holds a path that leaves its folder ('{name}'); it was refused: "
            "ask the pack's author for a .zip made from the pack's folder"
        )
    return parts


def safe_extract(archive: Path, dest: Path) -> None:
    """Extract ``archive`` into the empty folder ``dest`` or raise :class:`ArchiveProblem`.

    Sizes are counted while decompressing, not taken from the archive's headers, which can lie.
    """
    try:
        zf = zipfile.ZipFile(archive)
    except zipfile.BadZipFile as exc:
        raise ArchiveProblem(
            "this is not a readable .zip file (it may be damaged or incomplete): copy it again from the USB "
            "stick or ask the sender to send it again"
        ) from exc
    except OSError as exc:
        raise ArchiveProblem(
            f"cannot read the archive ({exc.strerror or exc}): check that the USB stick is still in "
            "and that the file can be opened, then try again"
        ) from exc
    with zf:
        members = zf.infolist()
        if len(members) > MAX_MEMBERS:
            raise ArchiveProblem(
                f"the archive holds {len(members)} files; a pack may hold at most {MAX_MEMBERS}: "
                "ask the pack's author for a .zip made from the pack's folder and nothing else"
            )
        total = 0
        seen: dict[str, str] = {}
        for info in members:
            parts = _member_parts(info.filename)
            if parts and not info.is_dir():
                # one name on every file system: Windows and macOS do not tell "A.yaml" from "a.yaml"
                key = unicodedata.normalize("NFC", "/".join(parts)).casefold()
                if key in seen:
                    raise ArchiveProblem(
                        f"the archive holds '{info.filename}' twice (also as '{seen[key]}'); only one copy "
                        "could be used, so the archive was refused: make the .zip again from the pack folder"
                    )
                seen[key] = info.filename
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                raise ArchiveProblem(
                    f"the archive holds a symbolic link ('{info.filename}'); it was refused: "
                    "ask the pack's author for a .zip made from the pack's folder"
                )
            if info.flag_bits & 0x1:
                raise ArchiveProblem(
                    "the archive is password-protected; unpack it or send it without a password"
                )
            if not parts:
                continue
            target = dest.joinpath(*parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            try:
                with zf.open(info) as source, target.open("wb") as out:
                    while True:
                        chunk = source.read(_CHUNK)
                        if not chunk:
                            break
                        written += len(chunk)
                        total += len(chunk)
                        if written > MAX_MEMBER_BYTES:
                            raise ArchiveProblem(
                                f"'{info.filename}' unpacks to more than {MAX_MEMBER_BYTES // 1048576} MB; "
                                "the archive was refused: ask the author for smaller pictures or sounds"
                            )
                        if total > MAX_TOTAL_BYTES:
                            raise ArchiveProblem(
                                f"the archive unpacks to more than {MAX_TOTAL_BYTES // 1048576} MB; "
                                "it was refused: ask the author for smaller pictures or sounds"
                            )
                        out.write(chunk)
            except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile) as exc:
                raise ArchiveProblem(
                    f"'{info.filename}' in the archive is damaged ({exc}): copy the .zip again or ask the "
                    "sender to send it again"
                ) from exc
            except NotImplementedError as exc:
                raise ArchiveProblem(
                    f"'{info.filename}' uses a compression method quizapp cannot read: make the .zip again "
                    'with your computer\'s ordinary "Send to compressed folder"'
                ) from exc
            except RuntimeError as exc:
                raise ArchiveProblem(
                    f"cannot unpack '{info.filename}' ({exc}): make the .zip again from the pack's folder"
                ) from exc


def find_pack_root(folder: Path) -> Path | None:
    """The folder holding ``pack.yaml``: ``folder`` itself or its single top-level sub-folder."""
    if (folder / "pack.yaml").is_file():
        return folder
    entries = [p for p in folder.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and entries[0].is_dir() and (entries[0] / "pack.yaml").is_file():
        return entries[0]
    return None
