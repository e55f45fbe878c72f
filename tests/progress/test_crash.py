"""Answers survive the app being killed: SIGKILL a writer at random moments, over 200 times."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quizapp.progress.store import DB_FILE_NAME, Store

KILLS = 210
WRITER = Path(__file__).with_name("stress_writer.py")
ROOT = Path(__file__).resolve().parents[2]


FULL = 2  # PRAGMA synchronous=FULL: a commit is on the disk before it returns, power cut or not


def _require_full_sync(words: list[str]) -> None:
    """A kill -9 does not show what a power cut would: the writer's own report of ``synchronous`` does."""
    assert int(words[1]) == FULL, (
        f"the store wrote with synchronous={words[1]}, not FULL: a power cut loses answers"
    )


def _check(db: Path, acked: set[str]) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # killed while the first migration ran: it was rolled back whole, so no tables yet (and no acks)
        assert tables == set() or "attempts" in tables
        stored = {row[0] for row in conn.execute("SELECT id FROM attempts")} if tables else set()
    finally:
        conn.close()
    missing = acked - stored
    assert not missing, f"{len(missing)} acknowledged answer(s) lost"


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork-based writer needs os.fork")
def test_acknowledged_answers_survive_sigkill(tmp_path: Path) -> None:
    """After each of 200+ SIGKILLs every acknowledged answer is stored and integrity_check is ok."""
    data_dir = tmp_path / "data"
    rng = random.Random(20240501)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, str(WRITER), str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert server.stdin is not None and server.stdout is not None
    acked: set[str] = set()
    kills = early_kills = syncs = 0
    started = time.monotonic()
    try:
        while kills < KILLS:
            server.stdin.write(b"go\n")
            server.stdin.flush()
            kind, pid_text = server.stdout.readline().decode().split()
            assert kind == "child"
            pid = int(pid_text)
            round_acks = 0
            if rng.random() < 0.25:  # a random moment while opening (lock, integrity check, migration)
                time.sleep(rng.uniform(0, 0.04))
            else:  # a random moment among the commits
                words = server.stdout.readline().decode().split()
                if words[0] == "sync":
                    _require_full_sync(words)
                    syncs += 1
                    words = server.stdout.readline().decode().split()
                assert words[0] == "ack", words
                acked.add(words[1])
                round_acks += 1
                time.sleep(rng.uniform(0, 0.03))
            os.kill(pid, signal.SIGKILL)
            while True:
                words = server.stdout.readline().decode().split()
                assert words, "the writer process ended unexpectedly"
                if words[0] == "ack":
                    acked.add(words[1])
                    round_acks += 1
                elif words[0] == "sync":
                    _require_full_sync(words)
                    syncs += 1
                elif words[0] == "reaped":
                    assert os.WIFSIGNALED(int(words[2])), "the writer stopped on its own (an error?)"
                    break
            kills += 1
            early_kills += round_acks == 0
            if (data_dir / DB_FILE_NAME).exists():
                _check(data_dir / DB_FILE_NAME, acked)
        server.stdin.write(b"quit\n")
        server.stdin.flush()
        server.wait(timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
    elapsed = time.monotonic() - started
    assert len(acked) > KILLS  # the kills really landed among the writes
    assert early_kills > 10  # and some landed before the first answer (while opening)
    assert syncs >= KILLS // 2  # every writer that got past opening said which synchronous it used
    with Store.open(data_dir) as store:
        assert store.reports.counts()["attempts"] >= len(acked)
        assert not store.open_report.needs_attention
    print(
        f"{kills} kills, {len(acked)} acknowledged answers, {early_kills} before any answer, {elapsed:.1f} s"
    )


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the fork-based writer needs os.fork")
def test_the_sync_guard_catches_a_weakened_writer(tmp_path: Path) -> None:
    """A writer running with synchronous=OFF is caught by the guard the kill test relies on."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZAPP_STRESS_WEAKEN": "1"}
    server = subprocess.Popen(
        [sys.executable, str(WRITER), str(tmp_path / "data")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
    )
    assert server.stdin is not None and server.stdout is not None
    try:
        server.stdin.write(b"go\n")
        server.stdin.flush()
        pid = int(server.stdout.readline().decode().split()[1])
        words = server.stdout.readline().decode().split()
        os.kill(pid, signal.SIGKILL)
        assert words[0] == "sync"
        with pytest.raises(AssertionError, match="not FULL"):
            _require_full_sync(words)
        _require_full_sync(["sync", str(FULL)])
    finally:
        server.kill()
        server.wait()
