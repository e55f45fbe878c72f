"""Backups with SQLite's online backup API, integrity checks, and recovery of a damaged database.

Backups live in ``<data folder>/backups`` as
``quizapp-backup-<sequence>-<YYYYMMDD-HHMMSS>-g<generation>-l<learners>-a<answers>.sqlite3.gz``. The
sequence number, not the clock, says which backup is newest: a computer whose clock jumps back or forward
still restores and keeps the right ones (the time in the name is only shown to people). The generation is
the database's change counter when the copy was made, so a backup of unchanged data is skipped; the counts
let pruning protect a backup that holds more than the live database.

Each backup is copied with the online backup API into a temporary file, checked with ``PRAGMA
integrity_check``, compressed under a temporary name, flushed to disk and renamed, so a backup that exists
is complete. Pruning keeps the 7 newest, then every 7th and every 30th sequence number further back (a week
and a month apart at one backup a day), within a total size of about three times the database; it never
removes the newest backup, the newest one holding more learners or answers than the live database, nor one
pinned by a restore.

A large database gets one full copy a day; later closes that day write an incremental backup (the pages
changed since that copy, ``quizapp-backup-<sequence>.<n>-...delta.gz``: see :mod:`increments`) instead.
Pruning counts full copies only, keeps the newest delta of each full copy it keeps, and never removes a full
copy that a kept delta needs.

Only corruption counts as damage (``SQLITE_CORRUPT``, ``SQLITE_NOTADB`` or a failed integrity check). A full
disk, a disk error, a file this account may not open or write: :class:`StoreAccessError` with a message
naming the folder, and nothing is moved. Recovery writes and verifies the restored copy before anything is
moved; when any step fails everything is put back as it was. The damaged file is always kept.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import os
import re
import shutil
import sqlite3
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from quizapp.progress import filemodes, increments
from quizapp.progress.errors import StoreAccessError
from quizapp.progress.records import BackupInfo, RecoveryInfo

BACKUP_DIR_NAME = "backups"
PREFIX = "quizapp-backup-"
SUFFIX = ".sqlite3.gz"
LEGACY_SUFFIX = ".sqlite3"
PIN_SUFFIX = ".keep"
_STAMP = "%Y%m%d-%H%M%S"
_LEGACY_STAMP = "%Y%m%d-%H%M%S-%f"
DELTA_SUFFIX = ".delta.gz"
_NAME = re.compile(r"^quizapp-backup-(\d{6,})-(\d{8}-\d{6})-g(\d+)-l(\d+)-a(\d+)\.sqlite3\.gz$")
_DELTA = re.compile(r"^quizapp-backup-(\d{6,})\.(\d+)-(\d{8}-\d{6})-g(\d+)-l(\d+)-a(\d+)\.delta\.gz$")
KEEP_RECENT = 7
KEEP_WEEKLY = 5  # sequence numbers divisible by 7
KEEP_MONTHLY = 12  # sequence numbers divisible by 30
SIZE_CAP_FACTOR = 3
SIDE_FILES = ("-wal", "-shm", "-journal")

# SQLite's primary result codes (the low byte of an extended code)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 10, 11, 13, 14
SQLITE_AUTH, SQLITE_NOTADB = 23, 26
DAMAGE_CODES = frozenset({SQLITE_CORRUPT, SQLITE_NOTADB})


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR_NAME


# ------------------------------------------------------------------------------------- what went wrong
def primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(exc: sqlite3.Error) -> bool:
    """True only for SQLite's corruption results: everything else is about the disk or access."""
    return primary_code(exc) in DAMAGE_CODES


def access_message(folder: Path, exc: BaseException) -> str:
    """One clear message for a problem that is not damage: what happened, in which folder, what to do."""
    code = primary_code(exc) if isinstance(exc, sqlite3.Error) else None
    err = exc.errno if isinstance(exc, OSError) else None
    if (
        code == SQLITE_FULL
        or err in (errno.ENOSPC, errno.EDQUOT)
        or ((code == SQLITE_IOERR or err == errno.EIO) and _nearly_full(folder))
    ):
        what = (
            f"The disk that holds the quizapp data folder {folder} is full. Free some space on it (empty the "
            "recycle bin, remove old downloads), then start quizapp again."
        )
    elif code == SQLITE_READONLY or err == errno.EROFS:
        what = (
            f"quizapp may read but not write its data in {folder} (the folder or the database is read-only). "
            "Ask whoever looks after this computer to let this account write there (see docs/data.md), "
            "or choose another folder with --data-dir."
        )
    elif code in (SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_AUTH) or err in (errno.EACCES, errno.EPERM):
        what = (
            f"quizapp may not open its data in {folder} from this account (permission denied). Ask whoever "
            "looks after this computer to give this account read and write permission on that folder and "
            "the files in it (see docs/data.md)."
        )
    elif code in (SQLITE_BUSY, SQLITE_LOCKED):
        what = (
            f"Another program is using the quizapp data in {folder}. Close it (or restart the computer), "
            "then start quizapp again."
        )
    else:
        what = (
            f"The disk that holds the quizapp data folder {folder} could not be read or written ({exc}). "
            "The disk may be failing or unplugged: tell whoever looks after this computer."
        )
    return what + " Nothing in the folder was changed or removed."


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a full disk as an I/O error when it cannot grow its shared-memory file."""
    with contextlib.suppress(OSError):
        return shutil.disk_usage(folder).free < 1024 * 1024
    return False


def access_error(folder: Path, exc: BaseException) -> StoreAccessError:
    return StoreAccessError(access_message(folder, exc))


# ----------------------------------------------------------------------------------------- checking
def _connect_ro(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)


def integrity_problem(conn: sqlite3.Connection, pragma: str = "integrity_check") -> str | None:
    """None when ``PRAGMA integrity_check`` (or ``quick_check``) says ok, else the first problems it reports.

    Errors other than corruption (full disk, I/O, permission) are raised, not reported as damage."""
    if pragma not in ("integrity_check", "quick_check"):
        raise ValueError(f"not a check pragma: {pragma}")
    try:
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}(20)").fetchall()]
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            return str(exc)
        raise
    if rows == ["ok"]:
        return None
    return "; ".join(rows[:3]) or f"{pragma} gave no answer"


def check_file(path: Path, *, read_only: bool = False, pragma: str = "integrity_check") -> str | None:
    """Open ``path`` and run the integrity check (or ``quick_check``); None when it is a sound database.

    A description of the damage when it is corrupt; :class:`StoreAccessError` when it cannot be read at all
    (permission, disk error): that is not damage and the file must be left alone."""
    try:
        if not os.access(path, os.R_OK):
            raise PermissionError(errno.EACCES, "permission denied", str(path))
        conn = _connect_ro(path) if read_only else sqlite3.connect(path)
        try:
            return integrity_problem(conn, pragma)
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        if isinstance(exc, sqlite3.Error) and is_damage(exc):
            return str(exc)
        raise access_error(path.parent, exc) from exc


def count_rows(path: Path) -> tuple[int, int]:
    """(learners, attempts) in a database file or a backup; (0, 0) when it has no such tables."""
    if path.name.endswith((SUFFIX, DELTA_SUFFIX)):
        scratch = path.with_name(f".count-{os.getpid()}.sqlite3.partial")
        try:
            _unpack(path, scratch)
            return count_rows(scratch)
        finally:
            _remove(scratch)
    conn = _connect_ro(path)
    try:
        return _counts(conn)
    finally:
        conn.close()


def _counts(conn: sqlite3.Connection) -> tuple[int, int]:
    try:
        learners = conn.execute("SELECT COUNT(*) FROM learners").fetchone()[0]
        attempts = conn.execute("SELECT COUNT(*) FROM attempts").fetchone()[0]
        return int(learners), int(attempts)
    except sqlite3.Error:
        return 0, 0


# ------------------------------------------------------------------------------------------- listing
def _parse(path: Path) -> BackupInfo | None:
    name = path.name
    match = _NAME.match(name)
    delta = None if match else _DELTA.match(name)
    if match or delta:
        if match:
            seq, stamp, gen, learners, attempts = match.groups()
            part = "0"
        else:
            assert delta is not None
            seq, part, stamp, gen, learners, attempts = delta.groups()
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            return None
        pinned = path.with_name(name + PIN_SUFFIX).exists()
        info = BackupInfo(path, taken, int(seq), int(gen), int(learners), int(attempts), pinned, int(part))
        return info if not delta or info.part > 0 else None
    if name.startswith(PREFIX) and name.endswith(LEGACY_SUFFIX):  # written by earlier quizapps
        try:
            taken = datetime.strptime(name[len(PREFIX) : -len(LEGACY_SUFFIX)], _LEGACY_STAMP)
        except ValueError:
            return None
        pinned = path.with_name(name + PIN_SUFFIX).exists()
        return BackupInfo(path, taken.replace(tzinfo=UTC), 0, None, None, None, pinned)
    return None


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in ``folder``, newest first: by sequence number (older unnumbered ones last, by their time)."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if (info := _parse(p)) is not None and p.is_file()]
    return sorted(found, key=_order, reverse=True)


def _order(b: BackupInfo) -> tuple[int, int, datetime]:
    return (b.seq, b.part, b.taken_at)


def next_sequence(folder: Path) -> int:
    found = list_backups(folder)
    return max((b.seq for b in found), default=0) + 1


# ------------------------------------------------------------------------------------------- writing
def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove(*paths: Path) -> None:
    for p in paths:
        with contextlib.suppress(OSError):
            p.unlink()


def make_backup(
    source: sqlite3.Connection, folder: Path, *, now: datetime | None = None, generation: int = 0
) -> Path:
    """Copy the database behind ``source`` into ``folder`` (checked, compressed); return the new file.

    Raises ``sqlite3.Error`` or ``OSError`` (full disk...) with nothing half-written left behind."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    filemodes.make_dir(folder)
    seq = next_sequence(folder)
    learners, attempts = _counts(source)
    final = folder / f"{PREFIX}{seq:06d}-{stamp}-g{generation}-l{learners}-a{attempts}{SUFFIX}"
    copy = folder / f".copy-{seq:06d}.sqlite3.partial"
    packed = final.with_name(final.name + ".partial")
    _remove(copy, packed)
    try:
        filemodes.touch_private(copy)
        dest = sqlite3.connect(copy)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")  # self-contained: no -wal/-shm needed to read it
            problem = integrity_problem(dest)
        finally:
            dest.close()
        if problem:
            raise sqlite3.DatabaseError(f"the backup copy failed its check: {problem}")
        increments.write_page_list(copy, increments.pages_path(final))  # for the day's deltas
        filemodes.touch_private(packed)
        with copy.open("rb") as src, gzip.open(packed, "wb", compresslevel=6) as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
        _fsync_file(packed)
        os.replace(packed, final)
        _fsync_dir(folder)
    finally:
        _remove(copy, packed)
    return final


def make_delta(
    source: sqlite3.Connection,
    db_path: Path,
    base: BackupInfo,
    *,
    now: datetime | None = None,
    generation: int = 0,
) -> Path:
    """An incremental backup of the database behind ``source`` (whose file is ``db_path``) against the
    full backup ``base``; older deltas of ``base`` are removed once it is in place (it holds all they do).
    Raises ``sqlite3.Error``, ``OSError`` or :class:`increments.DeltaError` with nothing half-written."""
    folder = base.path.parent
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP)
    older = [b for b in list_backups(folder) if b.is_delta and b.seq == base.seq]
    part = max((b.part for b in older), default=0) + 1
    learners, attempts = _counts(source)
    final = (
        folder / f"{PREFIX}{base.seq:06d}.{part}-{stamp}-g{generation}-l{learners}-a{attempts}{DELTA_SUFFIX}"
    )
    scratch = folder / f".copy-{base.seq:06d}.{part}.sqlite3.partial"
    try:
        readable, _copied = increments.consistent_file(source, db_path, scratch)
        increments.write_delta(readable, base.path, final)
        _fsync_dir(folder)
    finally:
        _remove(scratch)
    for b in older:
        if not b.pinned:
            _remove(b.path)
    return final


def incremental(
    source: sqlite3.Connection,
    db_path: Path,
    base: BackupInfo,
    *,
    now: datetime | None = None,
    generation: int = 0,
    db_size: int | None = None,
) -> Path | None:
    """The delta of a later close the same day (see :func:`make_delta`), then pruning; None when ``base``
    has no usable page list (made by an older quizapp): no delta then, as before deltas existed."""
    try:
        path = make_delta(source, db_path, base, now=now, generation=generation)
    except increments.DeltaError:
        return None
    made = _parse(path)
    live = (made.learners or 0, made.attempts or 0) if made is not None else _counts(source)
    prune(base.path.parent, live=live, db_size=db_size)
    return path


def _unpack(backup: Path, target: Path) -> None:
    """Write the database inside ``backup`` to ``target`` (a new file), flushed to disk."""
    _remove(target)
    if backup.name.endswith(DELTA_SUFFIX):
        base = backup.with_name(str(increments.read_header(backup).get("base", "")))
        if not _NAME.match(base.name) or not base.is_file():
            raise increments.DeltaError(f"{backup.name}: its full copy {base.name} is missing")
        _unpack(base, target)
        increments.apply_delta(backup, target)
        return
    filemodes.touch_private(target)
    if backup.name.endswith(SUFFIX):
        with gzip.open(backup, "rb") as src, target.open("wb") as out:
            shutil.copyfileobj(src, out, 1024 * 1024)
    else:
        src_conn = _connect_ro(backup)
        dest = sqlite3.connect(target)
        try:
            src_conn.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
            src_conn.close()
    _fsync_file(target)


def check_backup(backup: Path, scratch: Path) -> str | None:
    """None when ``backup`` holds a sound database (unpacked into ``scratch``, which is then removed)."""
    try:
        _unpack(backup, scratch)
        return check_file(scratch, read_only=True)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:  # the backup itself is damaged
        return f"{backup.name}: {exc or 'cut short'}"
    except increments.DeltaError as exc:  # a delta without its full copy, or not fitting it
        return str(exc)
    except sqlite3.Error as exc:
        if is_damage(exc):
            return str(exc)
        raise access_error(scratch.parent, exc) from exc
    except OSError as exc:  # a full disk while unpacking is not a damaged backup
        raise access_error(scratch.parent, exc) from exc
    finally:
        _remove(scratch)


# ------------------------------------------------------------------------------------------- pruning
def backups_to_keep(backups: Iterable[BackupInfo], *, live: tuple[int, int] | None = None) -> set[Path]:
    """The policy, by sequence (never by the clock), over full copies: 7 newest, then weekly and monthly
    steps, each with its newest delta; plus the protected ones (the newest, pinned ones, the newest holding
    more than the live database) and the full copies the kept deltas need."""
    ordered = sorted(backups, key=_order, reverse=True)
    full = [b for b in ordered if not b.is_delta]
    keep = {b.path for b in full[:KEEP_RECENT]}
    for step, limit in ((7, KEEP_WEEKLY), (30, KEEP_MONTHLY)):
        spaced = [b for b in full[KEEP_RECENT:] if b.seq and b.seq % step == 0][:limit]
        keep.update(b.path for b in spaced)
    kept_seqs = {b.seq for b in full if b.path in keep}
    newest_delta: dict[int, Path] = {}
    for b in ordered:
        if b.is_delta and b.seq in kept_seqs:
            newest_delta.setdefault(b.seq, b.path)
    keep.update(newest_delta.values())
    keep.update(protected(ordered, live=live))
    return keep


def protected(ordered: list[BackupInfo], *, live: tuple[int, int] | None) -> set[Path]:
    """Backups pruning must never remove, whatever the size cap says (with the full copies they need)."""
    keep = {b.path for b in ordered if b.pinned}
    if ordered:
        keep.add(ordered[0].path)
    if live is not None:
        for b in ordered:
            if (b.learners or 0) > live[0] or (b.attempts or 0) > live[1]:
                keep.add(b.path)
                break
    needed = {b.seq for b in ordered if b.is_delta and b.path in keep}
    keep.update(b.path for b in ordered if not b.is_delta and b.seq in needed)
    return keep


def prune(folder: Path, *, live: tuple[int, int] | None = None, db_size: int | None = None) -> list[Path]:
    """Delete backups the policy does not keep, then the oldest unprotected ones until the folder holds at
    most ``SIZE_CAP_FACTOR`` times ``db_size``; return what was deleted."""
    backups = list_backups(folder)
    keep = backups_to_keep(backups, live=live)
    removed = []
    for partial in [*folder.glob(f"{PREFIX}*.partial"), *folder.glob(".copy-*.partial")]:  # cut short
        with contextlib.suppress(OSError):
            partial.unlink()
    for b in backups:
        if b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    if db_size:
        must = protected(backups, live=live)
        left = [b for b in backups if b.path not in removed]
        total = sum(_size(b.path) for b in left)
        for b in reversed(left):  # oldest first
            if total <= SIZE_CAP_FACTOR * db_size:
                break
            if b.path in must or b.path in removed:
                continue
            gone = [b] + ([d for d in left if d.is_delta and d.seq == b.seq] if not b.is_delta else [])
            if any(d.path in must for d in gone):
                continue
            for d in gone:  # a full copy goes with its deltas, useless without it
                size = _size(d.path)
                with contextlib.suppress(OSError):
                    d.path.unlink()
                    removed.append(d.path)
                    total -= size
    fulls = {b.seq for b in backups if not b.is_delta and b.path not in removed}
    for b in backups:  # deltas whose full copy is gone (an older quizapp, a person tidying up)
        if b.is_delta and b.seq not in fulls and not b.pinned and b.path not in removed:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    for marker in folder.glob(f"{PREFIX}*{PIN_SUFFIX}"):
        if not marker.with_name(marker.name[: -len(PIN_SUFFIX)]).exists():
            _remove(marker)
    for pages in folder.glob(f"{PREFIX}*{increments.PAGES_SUFFIX}"):
        if not pages.with_name(pages.name[: -len(increments.PAGES_SUFFIX)]).exists():
            _remove(pages)
    return removed


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def pin(backup: Path) -> None:
    """Keep ``backup`` whatever pruning decides (the copy restored, or the last one before a restore)."""
    filemodes.touch_private(backup.with_name(backup.name + PIN_SUFFIX))


# ---------------------------------------------------------------------------------------- recovering
def _damaged_name(db_path: Path, now: datetime) -> Path:
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.stem}-damaged-{stamp}{db_path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.stem}-damaged-{stamp}-{n}{db_path.suffix}")
    return target


def _swap_in(db_path: Path, restored: Path, aside: Path | None) -> None:
    """Move the live database and its side files to ``aside`` (when it exists) and ``restored`` into its
    place; on any failure, undo every move made so far and raise."""
    moved: list[tuple[Path, Path]] = []
    try:
        if aside is not None:
            for side in ("", *SIDE_FILES):
                src = Path(str(db_path) + side)
                if src.exists():
                    dst = Path(str(aside) + side)
                    os.replace(src, dst)
                    moved.append((src, dst))
        os.replace(restored, db_path)
        _fsync_dir(db_path.parent)
    except OSError:
        for src, dst in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(dst, src)
        raise


def recover(
    db_path: Path,
    folder: Path,
    reason: str,
    *,
    now: datetime | None = None,
    kind: str = "damaged",
) -> RecoveryInfo:
    """Put the newest backup that passes the check in the place of a damaged (or empty, or missing)
    database, which is kept under a ``-damaged-`` name.

    The restored copy is written and checked before anything is moved; any failure leaves every file as it
    was and raises :class:`StoreAccessError`. With no usable backup nothing is moved and the result says so.
    """
    now = now or datetime.now()
    missing = kind == "missing"
    restoring = db_path.with_name(db_path.name + ".restoring")
    for info in list_backups(folder):
        try:
            if check_backup(info.path, restoring) is not None:
                continue
            _unpack(info.path, restoring)
            if check_file(restoring, read_only=True) is not None:  # written wrongly: the disk is failing
                raise OSError(errno.EIO, "the restored copy failed its check", str(restoring))
            aside = None if missing else _damaged_name(db_path, now)
            _swap_in(db_path, restoring, aside)
        except (OSError, sqlite3.Error, StoreAccessError) as exc:
            _remove(restoring)
            if isinstance(exc, StoreAccessError):
                raise
            raise access_error(db_path.parent, exc) from exc
        pin(info.path)  # the copy restored from stays, whatever pruning says
        learners, attempts = count_rows(db_path)
        return RecoveryInfo(reason, aside or db_path, info.path, info.taken_at, learners, attempts, kind)
    if missing:
        return RecoveryInfo(reason, db_path, None, None, 0, 0, kind)
    aside = _damaged_name(db_path, now)  # no usable backup: keep the damaged file, start empty
    moved: list[tuple[Path, Path]] = []
    try:
        for side in ("", *SIDE_FILES):
            src = Path(str(db_path) + side)
            if src.exists():
                os.replace(src, Path(str(aside) + side))
                moved.append((src, Path(str(aside) + side)))
    except OSError as exc:
        for src, dst in reversed(moved):
            with contextlib.suppress(OSError):
                os.replace(dst, src)
        raise access_error(db_path.parent, exc) from exc
    return RecoveryInfo(reason, aside, None, None, 0, 0, kind)


def newest_with_data(folder: Path) -> BackupInfo | None:
    """The newest backup known (from its name) to hold at least one learner."""
    for info in list_backups(folder):
        if info.learners is None or info.learners > 0:
            return info
    return None
