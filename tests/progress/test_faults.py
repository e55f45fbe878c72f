"""Faults a school lab PC meets, one test each: every acknowledged answer stays recoverable, the user gets
one clear message (no traceback), and the database is byte-identical wherever it must not change.

Some faults need root (a tmpfs that fills up, other Unix accounts, files root could read anyway): those tests
skip with the reason when not root; the full disk also has a non-root variant through SQLite's
``max_page_count``.
"""

from __future__ import annotations

import grp
import gzip
import hashlib
import io
import json
import os
import pwd
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from quizapp.progress import backup
from quizapp.progress.bundle import describe_report, export_results, import_results
from quizapp.progress.errors import AnswerNotSavedError, BundleError, StoreAccessError
from quizapp.progress.store import DB_FILE_NAME, Store
from tests.progress.conftest import answer, as_older_quizapp, start_run

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_root = pytest.mark.skipif(not IS_ROOT, reason="needs root (tmpfs mounts, other accounts, file modes)")
SYSTEM_PYTHON = Path("/usr/bin/python3")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _seed(data_dir: Path, answers: int = 3) -> list[str]:
    """A closed store with one learner and some acknowledged answers; returns their ids."""
    with Store.open(data_dir) as s:
        ali = s.people.create_learner("Ali")
        run = start_run(s, ali, n=max(answers, 1))
        return [answer(s, run, f"q{i + 1}").id for i in range(answers)]


def _stored_ids(data_dir: Path) -> set[str]:
    with Store.open(data_dir) as s:
        return {a.id for lr in s.people.list_learners() for a in s.runs.attempts_for_learner(lr.id)}


def _no_damaged(data_dir: Path) -> bool:
    return not list(data_dir.glob("*damaged*"))


# ----------------------------------------------------------------------------------------- full disk
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs (root only)."""
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("a tmpfs mount needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3M", "tmpfs", str(disk)]).returncode:
        pytest.skip("mount -t tmpfs is not allowed here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    # unbuffered: a buffered file keeps the bytes of a partial write and raises again when it is closed,
    # depending on how many bytes happened to be left free
    with filler.open("wb", buffering=0) as fh, pytest.raises(OSError):
        while True:
            fh.write(b"\0" * 65536)
    return filler


def test_full_disk_at_open_is_a_message_and_moves_nothing(small_disk: Path) -> None:
    """A full disk at start: a 'disk is full' message naming the folder; the database is not moved or changed;
    after freeing space every answer is there."""
    data = small_disk / "data"
    acked = _seed(data)
    before = _digest(data / DB_FILE_NAME)
    filler = _fill(small_disk)
    with pytest.raises(StoreAccessError, match="is full") as caught:
        Store.open(data).close()
    assert str(data) in str(caught.value)
    assert _digest(data / DB_FILE_NAME) == before and _no_damaged(data)
    filler.unlink()
    assert set(acked) <= _stored_ids(data)


def test_full_disk_while_answering_keeps_every_acknowledged_answer(small_disk: Path) -> None:
    """The disk fills during a quiz: the answer is refused (not claimed saved); the earlier ones stay."""
    data = small_disk / "data"
    acked = _seed(data)
    with Store.open(data) as s:
        run = start_run(s, s.people.list_learners()[0], n=3)
        acked.append(answer(s, run, "q1").id)
        filler = _fill(small_disk)
        with pytest.raises(AnswerNotSavedError, match="is full"):
            for i in range(2000):  # the page cache may still hold a few
                answer(s, run, "q2", answer="x" * 2000, time_ms=i)
        assert s.write_error is not None and str(data) in s.write_error
        filler.unlink()
    assert set(acked) <= _stored_ids(data)


def test_full_database_limit_refuses_the_answer_without_root(data_dir: Path) -> None:
    """The same fault without root: SQLite's max_page_count makes the database 'full'."""
    acked = _seed(data_dir)
    with Store.open(data_dir) as s:
        run = start_run(s, s.people.list_learners()[0], n=3)
        raw = s._db.raw()  # type: ignore[attr-defined]
        pages = raw.execute("PRAGMA page_count").fetchone()[0]
        raw.execute(f"PRAGMA max_page_count={pages}")
        with pytest.raises(AnswerNotSavedError, match="is full"):
            for i in range(2000):
                answer(s, run, "q2", answer="x" * 4000, time_ms=i)
        raw.execute("PRAGMA max_page_count=1073741823")
        acked.append(answer(s, run, "q3").id)
    assert set(acked) <= _stored_ids(data_dir)


def test_restore_that_cannot_be_written_leaves_everything_as_it_was(small_disk: Path) -> None:
    """A damaged database with a good backup on a full disk: the restore fails before anything is moved."""
    data = small_disk / "data"
    _seed(data)
    db = data / DB_FILE_NAME
    with db.open("r+b") as fh:
        fh.seek(0)
        fh.write(b"\xde\xad" * 50)  # the header: SQLITE_NOTADB
    before = _digest(db)
    listing = sorted(p.name for p in data.rglob("*"))
    filler = _fill(small_disk)
    with pytest.raises(StoreAccessError, match="is full"):
        Store.open(data).close()
    assert _digest(db) == before and _no_damaged(data)
    assert sorted(p.name for p in data.rglob("*") if not p.name.endswith((".restoring", "-wal", "-shm"))) == [
        n for n in listing if not n.endswith(("-wal", "-shm"))
    ]
    filler.unlink()
    with Store.open(data) as s:
        assert s.open_report.recovery is not None and [x.display_name for x in s.people.list_learners()] == [
            "Ali"
        ]


# ----------------------------------------------------------------------------------- other accounts
@pytest.fixture
def accounts() -> Iterator[tuple[str, str, str]]:
    """Two fresh Unix accounts in a fresh group (root only); removed afterwards."""
    if not IS_ROOT or shutil.which("useradd") is None or shutil.which("setpriv") is None:
        pytest.skip("creating Unix accounts needs root, useradd and setpriv")
    if not SYSTEM_PYTHON.exists():
        pytest.skip("no /usr/bin/python3 for the other accounts")
    tag = uuid.uuid4().hex[:6]
    group, users = f"qz{tag}", (f"qza{tag}", f"qzb{tag}")
    subprocess.run(["groupadd", group], check=True)
    for user in users:
        subprocess.run(["useradd", "-M", "-N", "-g", group, user], check=True)
    try:
        yield group, users[0], users[1]
    finally:
        for user in users:
            subprocess.run(["userdel", user], check=False)
        subprocess.run(["groupdel", group], check=False)


_OTHER = """
import os, sys
from pathlib import Path
os.umask(int(sys.argv[2], 8))
from quizapp.progress.store import Store
from quizapp.progress.errors import StoreError
try:
    with Store.open(Path(sys.argv[1])) as s:
        print("read-only" if s.read_only else "writable", len(s.people.list_learners()))
        for m in s.open_report.messages:
            print("note:", m)
        if sys.argv[3] == "write":
            s.people.create_learner(sys.argv[4])
            print("wrote")
except StoreError as exc:
    print("error:", exc)
"""


def _as(user: str, data: Path, *args: str, umask: str = "022") -> str:
    site = next(Path(sys.prefix, "lib").glob("python3*/site-packages"))
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": f"{ROOT}:{site}", "HOME": "/tmp"}
    done = subprocess.run(
        [
            "setpriv",
            f"--reuid={user}",
            f"--regid={pwd.getpwnam(user).pw_gid}",
            "--init-groups",
            str(SYSTEM_PYTHON),
            "-c",
            _OTHER,
            str(data),
            umask,
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd="/tmp",
    )
    assert "Traceback" not in done.stderr and not done.returncode, done.stderr
    return done.stdout


@pytest.fixture
def world_dir() -> Iterator[Path]:
    """A folder other accounts can reach (pytest's own temporary folders are 0700), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="quizapp-faults-", dir="/tmp"))
    folder.chmod(0o711)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_an_unreadable_database_is_a_message_not_damage(
    world_dir: Path, accounts: tuple[str, str, str]
) -> None:
    """Another account's database (0600): 'permission denied' naming the folder; nothing moved or restored."""
    _group, other, _ = accounts
    data = world_dir / "data"
    _seed(data)
    data.chmod(0o755)
    (data / DB_FILE_NAME).chmod(0o600)
    before = _digest(data / DB_FILE_NAME)
    out = _as(other, data, "read")
    assert out.startswith("error:") and "permission" in out and str(data) in out
    assert _digest(data / DB_FILE_NAME) == before and _no_damaged(data)


def test_a_database_this_account_cannot_write_opens_read_only_and_says_so(
    world_dir: Path, accounts: tuple[str, str, str]
) -> None:
    """Readable but not writable: it opens read-only with a message; the database is byte-identical."""
    _group, other, _ = accounts
    data = world_dir / "data"
    _seed(data)
    data.chmod(0o777)
    for p in data.iterdir():
        p.chmod(0o755 if p.is_dir() else 0o644)
    before = _digest(data / DB_FILE_NAME)
    out = _as(other, data, "write", "Sara")
    assert out.startswith("read-only 1") and "read-only" in out.split("\n", 1)[1], out
    assert "error: quizapp may read but not write" in out and "wrote" not in out
    assert _digest(data / DB_FILE_NAME) == before and _no_damaged(data)


def test_two_accounts_share_a_setgid_folder_whatever_their_umask(
    world_dir: Path, accounts: tuple[str, str, str]
) -> None:
    """A shared folder (group, setgid, 2770): two accounts with umask 077 and 022 both read and write."""
    group, first, second = accounts
    shared = world_dir / "shared"
    shared.mkdir()
    shutil.chown(shared, group=group)
    shared.chmod(0o2770)
    assert "wrote" in _as(first, shared, "write", "Ali", umask="077")
    out = _as(second, shared, "write", "Sara", umask="022")
    assert out.startswith("writable 1") and "wrote" in out, out
    assert "writable 2" in _as(first, shared, "write", "Zain", umask="077")
    for p in [shared / DB_FILE_NAME, shared / "quizapp.lock", *(shared / "backups").iterdir()]:
        mode = p.stat().st_mode
        assert mode & stat.S_IWGRP and not mode & stat.S_IROTH, (p, oct(mode))
        assert p.stat().st_gid == grp.getgrnam(group).gr_gid
    assert (shared / "backups").stat().st_mode & stat.S_ISGID


# ------------------------------------------------------------------------------------------ file modes
@pytest.mark.skipif(os.name != "posix", reason="Unix file modes")
def test_a_private_data_folder_is_0700_with_files_0600_whatever_the_umask(data_dir: Path) -> None:
    """Database, its side files, the lock and the backups can be read by this account only."""
    old = os.umask(0o022)
    try:
        with Store.open(data_dir) as s:
            s.people.create_learner("Ali")
            side = [data_dir / f"{DB_FILE_NAME}-wal", data_dir / f"{DB_FILE_NAME}-shm"]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in side}
    finally:
        os.umask(old)
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / "backups").stat().st_mode) == 0o700
    files = [data_dir / DB_FILE_NAME, data_dir / "quizapp.lock", *(data_dir / "backups").iterdir()]
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}
    assert set(modes.values()) == {0o600}


@pytest.mark.skipif(os.name != "posix", reason="Unix file modes")
def test_an_old_world_readable_folder_is_made_private_on_open(data_dir: Path) -> None:
    """A folder an older quizapp left 0755/0644 is tightened to 0700/0600 the next time it opens."""
    _seed(data_dir)
    data_dir.chmod(0o755)
    (data_dir / DB_FILE_NAME).chmod(0o644)
    Store.open(data_dir).close()
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
    assert stat.S_IMODE((data_dir / DB_FILE_NAME).stat().st_mode) == 0o600


# ---------------------------------------------------------------------------------- empty or missing
def test_an_empty_database_with_backups_is_restored_not_started_fresh(data_dir: Path) -> None:
    """A 0-byte database while backups hold learners: the newest good backup comes back, with a note."""
    acked = _seed(data_dir)
    (data_dir / DB_FILE_NAME).write_bytes(b"")
    with Store.open(data_dir) as s:
        assert s.open_report.recovery is not None and "empty (0 bytes)" in s.open_report.messages[0]
        assert [x.display_name for x in s.people.list_learners()] == ["Ali"]
    assert set(acked) <= _stored_ids(data_dir)
    assert len(list(data_dir.glob("quizapp-damaged-*"))) == 1  # the empty file is kept too


def test_a_missing_database_with_backups_is_restored_and_the_backups_survive_restarts(data_dir: Path) -> None:
    """A vanished database is restored; opening many times never prunes the backup that holds the learners."""
    acked = _seed(data_dir)
    (data_dir / DB_FILE_NAME).unlink()
    for _ in range(12):
        Store.open(data_dir).close()
    assert set(acked) <= _stored_ids(data_dir)


# ----------------------------------------------------------------------------------------------- clocks
class _Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.mark.parametrize("jump", [timedelta(days=-400), timedelta(days=400)])
def test_a_clock_jump_restores_the_newest_backup_and_prunes_no_history(
    data_dir: Path, jump: timedelta
) -> None:
    """Backups made after the clock jumped (back or forward) are the newest; a restore takes the last one."""
    clock = _Clock(datetime(2026, 5, 1, 8, tzinfo=UTC))
    for day in range(3):
        with Store.open(data_dir, clock=clock) as s:
            s.people.create_learner(f"Day {day}")
        clock.now += timedelta(days=1)
    clock.now += jump
    with Store.open(data_dir, clock=clock) as s:
        s.people.create_learner("After the jump")
    found = backup.list_backups(data_dir / "backups")
    assert [b.seq for b in found] == [4, 3, 2, 1] and found[0].learners == 4
    (data_dir / DB_FILE_NAME).write_bytes(b"not a database at all, as a failing disk leaves it" * 100)
    with Store.open(data_dir, clock=clock) as s:
        assert len(s.people.list_learners()) == 4


def test_a_reset_made_with_the_clock_behind_still_covers_the_answers_it_cleared(data_dir: Path) -> None:
    """On a PC whose clock fell back, the reset mark is after every answer it cleared, so another computer
    importing the results drops those answers too."""
    with Store.open(data_dir) as s:
        ali = s.people.create_learner("Ali")
        run = start_run(s, ali)
        answer(s, run, "q1", answered_at="2026-05-01T10:00:00+00:00")
    with Store.open(data_dir, clock=_Clock(datetime(2025, 1, 1, tzinfo=UTC))) as s:
        reset = s.people.reset_progress(ali.id)
    assert reset.progress_reset_at is not None and reset.progress_reset_at > "2026-05-01T10:00:00"


def test_an_imported_reset_in_the_future_is_refused_naming_file_and_computer(tmp_path: Path) -> None:
    """A results file from before device counters saying a learner was reset in the future (the clock was
    ahead) is refused whole: its reset would clear by its date. A file whose reset carries what it had seen
    is imported with a note naming the computer (see test_reset_clocks.py)."""
    ahead = _Clock(datetime.now(UTC) + timedelta(days=30))
    with Store.open(tmp_path / "lab", clock=ahead) as s:
        ali = s.people.create_learner("Ali")
        s.people.reset_progress(ali.id)
        export_results(s, tmp_path / "new.zip")
    as_older_quizapp(tmp_path / "new.zip", tmp_path / "lab.zip")
    with Store.open(tmp_path / "office") as s:
        before = s.reports.counts()
        (outcome,) = import_results(s, [tmp_path / "lab.zip"])
        assert outcome.error is not None and "lab.zip" in outcome.error and "clock was ahead" in outcome.error
        assert os.uname().nodename in outcome.error and "Nothing was imported" in outcome.error
        assert s.reports.counts() == before
        (outcome,) = import_results(s, [tmp_path / "new.zip"])
        assert outcome.report is not None and outcome.error is None
        (note,) = outcome.report.clock_notes
        assert (note.computer, note.learner) == (os.uname().nodename, "Ali")
        assert any("clock was ahead" in line for line in describe_report(outcome.report))


# ---------------------------------------------------------------------------------- damaged bundles
def _bundle(tmp_path: Path) -> tuple[bytes, Path]:
    with Store.open(tmp_path / "lab") as s:
        for name in ("Ali", "Sara"):
            learner = s.people.create_learner(name)
            run = start_run(s, learner)
            for q in ("q1", "q2", "q3"):
                answer(s, run, q)
        export_results(s, tmp_path / "r.zip")
    return (tmp_path / "r.zip").read_bytes(), tmp_path / "r.zip"


def _positions(raw: bytes) -> dict[str, list[int]]:
    """Byte positions of each part of a zip: local headers, compressed data, central directory, end record."""
    zf = zipfile.ZipFile(io.BytesIO(raw))
    central = raw.rfind(b"PK\x01\x02", 0, raw.rfind(b"PK\x05\x06"))
    first_central = raw.find(b"PK\x01\x02")
    out: dict[str, list[int]] = {
        "local header": [],
        "compressed data": [],
        "central directory": [],
        "end": [],
    }
    for info in zf.infolist():
        start = info.header_offset
        name_len = len(info.filename.encode())
        extra = int.from_bytes(raw[start + 28 : start + 30], "little")
        data = start + 30 + name_len + extra
        out["local header"] += list(range(start, start + 30, 3))
        step = max(1, info.compress_size // 40)
        out["compressed data"] += list(range(data, data + info.compress_size, step))
    out["central directory"] = list(range(first_central, central + 46, 5))
    out["end"] = list(range(raw.rfind(b"PK\x05\x06"), len(raw), 2))
    return out


def test_every_flipped_byte_of_a_bundle_is_refused_cleanly_or_harmless(tmp_path: Path) -> None:
    """A byte flipped anywhere in a results zip (headers, compressed data, central directory, end record):
    one BundleError naming the file and 'Nothing was imported', or, where the byte is unused, the whole
    file; never a traceback, never part of it."""
    raw, path = _bundle(tmp_path)
    positions = _positions(raw)
    assert all(positions.values())
    whole: dict[str, int] = {}
    with Store.open(tmp_path / "office") as s:
        baseline = s.reports.counts()
        for part, offsets in positions.items():
            refused = 0
            for offset in offsets:
                damaged = bytearray(raw)
                damaged[offset] ^= 0x5A
                path.write_bytes(bytes(damaged))
                before = s.reports.counts()
                (outcome,) = import_results(s, [path])
                if outcome.error is not None:
                    assert outcome.error.startswith("r.zip: ") and "Nothing was imported" in outcome.error
                    assert s.reports.counts() == before, (part, offset)
                    refused += 1
                else:
                    assert s.reports.counts()["attempts"] in (before["attempts"], 6)
            whole[part] = refused
        assert s.reports.counts()["attempts"] in (baseline["attempts"], 6)
    # the checksum catches every change of the data; a flip in unused bits of a deflate block is harmless
    assert whole["compressed data"] >= len(positions["compressed data"]) - 2


def test_a_zip_claiming_a_huge_member_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """A data member that inflates past the cap (whatever its header claims) is refused, nothing imported."""
    from quizapp.progress import bundle as bundle_mod

    out = tmp_path / "bomb.zip"
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", json.dumps({"format": "quizapp-results", "format_version": 2}))
        with zf.open("data.json", "w", force_zip64=True) as fh:
            fh.write(b'{"attempts":[' + b" " * (8 * 1024 * 1024))
    old = bundle_mod.MAX_DATA_BYTES
    bundle_mod.MAX_DATA_BYTES = 4 * 1024 * 1024
    try:
        with Store.open(tmp_path / "office") as s, pytest.raises(BundleError, match="far too large"):
            bundle_mod.import_bundle(s, out, "results")
    finally:
        bundle_mod.MAX_DATA_BYTES = old


def test_a_gzip_backup_with_a_flipped_byte_is_skipped_for_an_older_good_one(data_dir: Path) -> None:
    """A damaged newest backup is never restored: the next good one is, and the damaged database is kept."""
    clock = _Clock(datetime(2026, 5, 1, 8, tzinfo=UTC))
    for day in range(2):
        with Store.open(data_dir, clock=clock) as s:
            s.people.create_learner(f"Day {day}")
        clock.now += timedelta(days=1)
    newest = backup.list_backups(data_dir / "backups")[0].path
    raw = bytearray(newest.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    newest.write_bytes(bytes(raw))
    with pytest.raises((OSError, EOFError, gzip.BadGzipFile, Exception)):
        gzip.decompress(bytes(raw))
    (data_dir / DB_FILE_NAME).write_bytes(b"garbage" * 1000)
    with Store.open(data_dir) as s:
        assert [x.display_name for x in s.people.list_learners()] == ["Day 0"]
        assert s.open_report.recovery is not None and s.open_report.recovery.restored_from != newest


@pytest.mark.skipif(os.name != "posix", reason="Unix file modes")
def test_a_group_writable_folder_set_up_for_sharing_is_never_made_private(tmp_path: Path) -> None:
    """A folder an admin made group-writable (0775, no setgid) keeps its mode; quizapp's files are 0660."""
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o775)
    _seed(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o775
    assert stat.S_IMODE((shared / DB_FILE_NAME).stat().st_mode) == 0o660
