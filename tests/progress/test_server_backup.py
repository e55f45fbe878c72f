"""``quizapp server backup --out FILE``: pg_dump when it is installed (the password never on its command
line), else a results bundle of everything; clear messages either way, never the password."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from quizapp.cli.main import main
from quizapp.progress.bundle import import_results
from quizapp.progress.store import Store
from tests.pg import PG_PASSWORD, PgServer
from tests.progress.conftest import answer, start_run


def _school(url: str, folder: Path) -> None:
    with Store.open(folder, database=url) as store:
        run = start_run(
            store, store.people.create_learner("Ali", class_id=store.people.create_class("5A").id)
        )
        answer(store, run, "q1", next_index=1)
        answer(store, run, "q2", next_index=2)


def test_backup_with_pg_dump_writes_the_whole_database_and_keeps_the_password_off_its_command_line(
    pg_server: PgServer,
    pg_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With the server's own pg_dump on PATH the backup is a pg_dump custom-format file that pg_restore
    lists (with the answers table); pg_dump got the password from a private PGPASSFILE, not its arguments
    or PGPASSWORD; nothing printed shows the password."""
    _school(pg_url, tmp_path / "pc")
    monkeypatch.setenv("PATH", f"{pg_server.bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("PGPASSWORD", "must-not-be-used")
    calls: list[tuple[list[str], dict[str, str], str]] = []
    real_run = subprocess.run

    def spy(command: list[str], **kwargs: Any) -> Any:
        env = kwargs.get("env") or {}
        passfile = Path(env["PGPASSFILE"]).read_text(encoding="utf-8") if "PGPASSFILE" in env else ""
        calls.append((list(command), dict(env), passfile))
        return real_run(command, **kwargs)

    monkeypatch.setattr(subprocess, "run", spy)
    out = tmp_path / "school.dump"
    assert (
        main(["--database", pg_url, "--data-dir", str(tmp_path / "d"), "server", "backup", "--out", str(out)])
        == 0
    )
    printed = capsys.readouterr()
    assert "with pg_dump" in printed.out and "pg_restore" in printed.out
    assert PG_PASSWORD not in printed.out + printed.err
    assert out.read_bytes()[:5] == b"PGDMP"
    (command, env, passfile), *_ = calls
    assert Path(command[0]).name == "pg_dump"
    assert not any(PG_PASSWORD in part for part in command)
    assert "PGPASSWORD" not in env and passfile.strip().endswith(PG_PASSWORD)
    assert not Path(env["PGPASSFILE"]).exists()  # removed afterwards
    listed = real_run(
        [str(pg_server.bin_dir / "pg_restore"), "--list", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "TABLE DATA public attempts" in listed.stdout


def test_backup_without_pg_dump_writes_a_results_bundle_of_everything(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no pg_dump on PATH the backup is a results bundle (FILE.zip) saying why, which a PC imports
    with every class, learner and answer."""
    _school(pg_url, tmp_path / "pc")
    empty = tmp_path / "no-tools"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "school.dump"
    assert (
        main(["--database", pg_url, "--data-dir", str(tmp_path / "d"), "server", "backup", "--out", str(out)])
        == 0
    )
    printed = capsys.readouterr()
    assert "pg_dump is not installed" in printed.err
    assert "results bundle" in printed.out and "school.dump.zip" in printed.out
    assert not out.exists()
    with Store.open(tmp_path / "restored") as store:
        import_results(store, [tmp_path / "school.dump.zip"])
        assert [c.name for c in store.people.list_classes()] == ["5A"]
        (ali,) = store.people.list_learners()
        assert len(store.runs.attempts_for_learner(ali.id)) == 2


def test_a_failing_pg_dump_falls_back_to_a_bundle_and_its_words_are_masked(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A pg_dump that fails (here one that prints the password in its error) is reported with the password
    as ***, and the results bundle is written instead; --bundle skips pg_dump altogether."""
    _school(pg_url, tmp_path / "pc")
    tools = tmp_path / "tools"
    tools.mkdir()
    fake = tools / "pg_dump"
    fake.write_text(
        f"#!/bin/sh\necho 'pg_dump: error: server version mismatch ({PG_PASSWORD})' >&2\nexit 1\n"
    )
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", str(tools))
    out = tmp_path / "backup.zip"
    assert (
        main(["--database", pg_url, "--data-dir", str(tmp_path / "d"), "server", "backup", "--out", str(out)])
        == 0
    )
    printed = capsys.readouterr()
    assert "pg_dump failed: pg_dump: error: server version mismatch (***)" in printed.err
    assert PG_PASSWORD not in printed.out + printed.err
    assert out.exists() and out.read_bytes()[:2] == b"PK"
    out.unlink()
    assert main(["--database", pg_url, "--data-dir", str(tmp_path / "d"), "server", "backup", "--bundle",
                 "--out", str(out)]) == 0  # fmt: skip
    printed = capsys.readouterr()
    assert "pg_dump" not in printed.err and out.exists()


def test_backup_of_a_server_that_is_down_fails_with_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing listening: exit 1, one message naming the host, no traceback, no password, no file."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("PATH", str(tmp_path))  # no pg_dump: straight to the bundle, which cannot connect
    url = f"postgresql://quizapp:{PG_PASSWORD}@127.0.0.1:{port}/school"
    out = tmp_path / "b.zip"
    assert (
        main(["--database", url, "--data-dir", str(tmp_path / "d"), "server", "backup", "--out", str(out)])
        == 1
    )
    printed = capsys.readouterr()
    assert f"127.0.0.1:{port}" in printed.err and PG_PASSWORD not in printed.out + printed.err
    assert not out.exists()
