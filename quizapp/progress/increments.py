"""Incremental backups of a large database: the blocks that changed since the day's full copy.

A full backup of a million answers is a 424 MB database, checked and compressed (92 MB): worth it once a
day, not at every close. So each full copy gets a *page list* beside it (``<backup>.pages``: a 16-byte hash
of each 64 KiB block of the copy, 16 SQLite pages; 110 KB at a million answers), and a later close the same
day writes only the blocks whose hash differs (a ``.delta.gz`` named after the full copy's sequence
number). Restoring one is unpacking its full copy, writing the changed blocks over it, cutting it to the
right length and checking that the result's blocks hash to what was recorded when the delta was made (the
SHA-256 of the list of block hashes); then the usual integrity check. (Blocks, not single pages: hashing a
424 MB file page by page costs more in Python's loop than in SHA-256 itself; an answer changes a few
blocks.)

Each delta is against its full copy (never against another delta), so the newest delta of a full copy
holds every change since it and the older ones can go; a delta whose full copy is missing or differs from
its page list cannot be restored and is passed over like any other damaged backup.

The delta is read from the live database file itself when SQLite can fold its write-ahead log into it
first (``wal_checkpoint(TRUNCATE)``: the file is then complete and, with the single-writer lock held, stays
as it is while it is read); otherwise from a copy made with the online backup API.

File format (gzip): one line of JSON (``format``, ``base``, ``block``, ``size`` in bytes, ``sha256`` of the
block hashes), then for each changed block its 0-based number (4 bytes, big-endian) and its bytes (the
last block of the file may be shorter: it is the one ending at ``size``).
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

from quizapp.progress import filemodes

FORMAT = "quizapp-delta-1"  # block hashes: the first 16 bytes of SHA-256
PAGES_SUFFIX = ".pages"
DIGEST = 16  # bytes of SHA-256 kept per block (it finds changed blocks; nobody forges them): a chance
# collision among 2**128 values is out of the question. SHA-256 rather than BLAKE2b: with the CPU's SHA
# instructions it reads a 424 MB database three times faster.
BLOCK = 64 * 1024  # a multiple of every SQLite page size
_NUMBER = struct.Struct(">I")


class DeltaError(Exception):
    """A delta that cannot be restored: its full copy is gone or differs, or it is cut short."""


def block_digest(block: bytes) -> bytes:
    return hashlib.sha256(block).digest()[:DIGEST]


def pages_path(full_backup: Path) -> Path:
    return full_backup.with_name(full_backup.name + PAGES_SUFFIX)


def page_size_of(path: Path) -> int:
    """The page size in a SQLite file's header (bytes 16-17; 1 means 65536)."""
    with path.open("rb") as handle:
        header = handle.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise DeltaError(f"{path.name} is not a SQLite database")
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def _blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as handle:
        while block := handle.read(BLOCK):
            yield block


def write_page_list(database: Path, target: Path) -> None:
    """The hash of each block of ``database`` into ``target`` (temporary file, fsync, rename); first its
    SQLite page size, which a delta must share."""
    page_size = page_size_of(database)
    partial = target.with_name(target.name + ".partial")
    filemodes.touch_private(partial)
    try:
        with partial.open("wb") as out:
            out.write(_NUMBER.pack(page_size))
            for block in _blocks(database):
                out.write(block_digest(block))
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()


def read_page_list(path: Path) -> tuple[int, list[bytes]]:
    """(page size, block hashes) of a full copy; ``DeltaError`` when it has none (an older quizapp's)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise DeltaError(f"{path.name} is missing") from exc
    if len(data) < _NUMBER.size or (len(data) - _NUMBER.size) % DIGEST:
        raise DeltaError(f"{path.name} is cut short")
    (page_size,) = _NUMBER.unpack_from(data)
    body = memoryview(data)[_NUMBER.size :]
    return page_size, [bytes(body[i : i + DIGEST]) for i in range(0, len(body), DIGEST)]


def consistent_file(conn: sqlite3.Connection, db_path: Path, scratch: Path) -> tuple[Path, bool]:
    """A file holding exactly what ``conn`` sees: the database itself when its write-ahead log could be
    folded in completely (False), else a copy at ``scratch`` made with the backup API (True: remove it)."""
    try:
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error:
        busy = 1
    wal = Path(str(db_path) + "-wal")
    if not busy and (not wal.exists() or wal.stat().st_size == 0):
        return db_path, False
    filemodes.touch_private(scratch)
    dest = sqlite3.connect(scratch)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return scratch, True


def write_delta(source: Path, base: Path, target: Path) -> int:
    """Write the blocks of ``source`` that differ from the page list of the full backup ``base`` into
    ``target`` (temporary file, fsync, rename). Returns how many blocks were written."""
    base_page_size, base_digests = read_page_list(pages_path(base))
    page_size = page_size_of(source)
    if page_size != base_page_size:
        raise DeltaError("the page size changed since the full copy")
    whole = hashlib.sha256()
    changed: list[int] = []
    size = 0
    for number, block in enumerate(_blocks(source)):
        digest = block_digest(block)
        whole.update(digest)
        if number >= len(base_digests) or digest != base_digests[number]:
            changed.append(number)
        size += len(block)
    header = {"format": FORMAT, "base": base.name, "block": BLOCK, "size": size, "sha256": whole.hexdigest()}
    partial = target.with_name(target.name + ".partial")
    filemodes.touch_private(partial)
    try:
        with source.open("rb") as src, gzip.open(partial, "wb", compresslevel=6) as out:
            out.write(json.dumps(header).encode() + b"\n")
            for number in changed:
                src.seek(number * BLOCK)
                block = src.read(BLOCK)
                out.write(_NUMBER.pack(number) + block)
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink()
    return len(changed)


def read_header(delta: Path) -> dict[str, object]:
    try:
        with gzip.open(delta, "rb") as src:
            header = json.loads(src.readline())
    except (OSError, EOFError, ValueError) as exc:
        raise DeltaError(f"{delta.name}: {exc or 'cut short'}") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise DeltaError(f"{delta.name} is not a quizapp delta")
    return header


def apply_delta(delta: Path, target: Path) -> None:
    """``target`` holds the unpacked full copy: write the delta's blocks over it, cut it to length, check
    its block hashes and mark it as a self-contained (rollback journal) database. ``DeltaError`` when the
    result is not what was backed up."""
    header = read_header(delta)
    block, size = header.get("block"), header.get("size")
    if block != BLOCK or not isinstance(size, int) or size <= 0:
        raise DeltaError(f"{delta.name} has a damaged header")
    blocks = -(-size // BLOCK)
    try:
        with gzip.open(delta, "rb") as src, target.open("r+b") as out:
            src.readline()
            while number_bytes := src.read(_NUMBER.size):
                if len(number_bytes) != _NUMBER.size:
                    raise DeltaError(f"{delta.name} is cut short")
                (number,) = _NUMBER.unpack(number_bytes)
                if number >= blocks:
                    raise DeltaError(f"{delta.name} is damaged (block {number})")
                length = min(BLOCK, size - number * BLOCK)
                data = src.read(length)
                if len(data) != length:
                    raise DeltaError(f"{delta.name} is cut short")
                out.seek(number * BLOCK)
                out.write(data)
            out.truncate(size)
            out.flush()
            os.fsync(out.fileno())
    except (EOFError, gzip.BadGzipFile) as exc:
        raise DeltaError(f"{delta.name}: {exc or 'cut short'}") from exc
    whole = hashlib.sha256()
    for part in _blocks(target):
        whole.update(block_digest(part))
    if whole.hexdigest() != header.get("sha256"):
        raise DeltaError(f"{delta.name} does not fit its full copy {header.get('base')}")
    with target.open("r+b") as out:  # bytes 18-19: 1 = rollback journal, readable without a -wal file
        out.seek(18)
        out.write(b"\x01\x01")
        out.flush()
        os.fsync(out.fileno())
