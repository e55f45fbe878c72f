"""The store on a school's PostgreSQL server: choosing it, many PCs at once, and a server that is down."""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from quizapp.paths import ENV_DATABASE, resolve_database
from quizapp.progress import schema as t
from quizapp.progress.engines import parse_database_url
from quizapp.progress.errors import StoreError
from quizapp.progress.store import Store
from tests.pg import PG_PASSWORD

ROOT = Path(__file__).resolve().parents[2]

WRITER = """
import sys
from pathlib import Path
from quizapp.progress.store import Store
url, folder, n = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
with Store.open(folder, database=url) as store:
    learner = store.people.create_learner("Child " + folder.name)
    run = store.runs.start_quiz_run(learner.id, "safety", "1.0", "passwords", [f"q{i}" for i in range(n)])
    for i in range(n):
        store.runs.record_answer(learner_id=learner.id, quiz_run_id=run.id, pack_id="safety",
            pack_version="1.0", module_id="passwords", question_id=f"q{i}", question_type="single",
            answer="a", correct=True,
            points_earned=1, points_possible=1, time_ms=900)
    store.runs.finish_quiz_run(run.id, score_percent=100.0, passed=True)
print("ok")
"""


def _spawn(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
    )


def _count(url: str, table: str) -> int:
    server = parse_database_url(url)
    assert server is not None
    engine = create_engine(server.url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(t.metadata.tables[table])).scalar_one())
    finally:
        engine.dispose()


def _distinct_answer_counters(url: str) -> int:
    """How many different (device, counter) stamps the answers carry: every write transaction raises the
    server's one counter, so PCs writing at once must never share a value (a reset relies on it)."""
    server = parse_database_url(url)
    assert server is not None
    engine = create_engine(server.url)
    attempts = t.metadata.tables["attempts"]
    try:
        with engine.connect() as conn:
            stamps = select(attempts.c.origin_device, attempts.c.origin_counter).distinct().subquery()
            return int(conn.execute(select(func.count()).select_from(stamps)).scalar_one())
    finally:
        engine.dispose()


@pytest.mark.slow
def test_twenty_pcs_answering_at_once_store_every_answer(pg_url: str, tmp_path: Path) -> None:
    """20 processes open a fresh server database at once (racing its creation) and each saves 10 answers:
    all 200 answers, 20 learners and 20 finished runs are stored."""
    procs = [_spawn(["-c", WRITER, pg_url, str(tmp_path / f"pc{i}"), "10"]) for i in range(20)]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
        assert out.strip() == "ok"
    assert _count(pg_url, "attempts") == 200
    assert _count(pg_url, "learners") == 20
    assert _distinct_answer_counters(pg_url) == 200  # one counter value per answer, raised in the database
    with Store.open(tmp_path / "head", database=pg_url) as store:
        runs = [r for learner in store.people.list_learners() for r in store.runs.list_quiz_runs(learner.id)]
        assert len(runs) == 20 and all(r.passed for r in runs)


@pytest.mark.slow
def test_twenty_selftests_at_once_on_the_server_all_pass_and_export_sees_every_answer(
    pg_url: str, tmp_path: Path
) -> None:
    """The contract, as a school runs it: `server init`, then twenty lab PCs each run `quizapp selftest`
    (the real window, offscreen: a learner made, a lesson read, every question type answered, the app closed
    and reopened in the middle of the quiz) at once; every one passes, and `results export` from another PC
    has every answer of every selftest learner."""
    from quizapp.content.vocab import QUESTION_TYPES

    env = {"QUIZAPP_DATABASE": pg_url, "QT_QPA_PLATFORM": "offscreen"}
    init = _spawn(["-m", "quizapp", "--data-dir", str(tmp_path / "server"), "server", "init"], env)
    assert init.wait(timeout=120) == 0, init.communicate()[1][-2000:]
    procs = [
        _spawn(["-m", "quizapp", "--data-dir", str(tmp_path / f"pc{i}"), "selftest"], env) for i in range(20)
    ]
    outputs = [p.communicate(timeout=600) for p in procs]
    learners = set()
    for proc, (out, err) in zip(procs, outputs, strict=True):
        summary = json.loads(out.strip().splitlines()[-1]) if out.strip() else {"failed": err[-2000:]}
        assert proc.returncode == 0 and summary.get("ok") is True, summary
        assert summary["resumed_at_question"] == 4
        learners.add(summary["learner"])
    assert len(learners) == 20
    table = tmp_path / "all.csv"
    export = _spawn(
        [
            "-m",
            "quizapp",
            "--data-dir",
            str(tmp_path / "head"),
            "results",
            "export",
            "--format",
            "csv",
            "--out",
            str(table),
        ],
        env,
    )
    assert export.wait(timeout=300) == 0, export.communicate()[1][-2000:]
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    per_learner = Counter(row["learner_name"] for row in rows)
    assert {name: per_learner[name] for name in learners} == dict.fromkeys(learners, len(QUESTION_TYPES))


def test_migrations_raced_from_several_processes_run_once(pg_url: str, tmp_path: Path) -> None:
    """Six PCs starting at once on an empty database: all open it, the schema is made once (one
    schema_version and one database_id row, at the current version)."""
    opener = (
        "import sys; from pathlib import Path; from quizapp.progress.store import Store\n"
        "s = Store.open(Path(sys.argv[2]), database=sys.argv[1]); print(s.database_id); s.close()"
    )
    procs = [_spawn(["-c", opener, pg_url, str(tmp_path / f"pc{i}")]) for i in range(6)]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
    assert len({out.strip() for out, _ in outputs}) == 1  # every PC sees the one database
    assert _count(pg_url, "meta") == 2  # schema_version + database_id, nothing twice
    with Store.open(tmp_path / "again", database=pg_url) as store:
        assert store.open_report.migrated_from is None and not store.open_report.created


def test_a_server_store_keeps_no_files_but_the_folder(pg_url: str, tmp_path: Path) -> None:
    """On a server there is no SQLite file, no lock and no backup in the data folder (backup_now, which
    callers run before a big change such as an import or a reset, makes none)."""
    folder = tmp_path / "pc"
    with Store.open(folder, database=pg_url) as store:
        store.people.create_learner("Ali")
        assert store.list_backups() == []
        assert store.backup_now() is None
        assert PG_PASSWORD not in store.location and "***" in store.location
    assert list(folder.iterdir()) == []


def _run_cli(args: list[str], env: dict[str, str]) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **env},
        timeout=60,
        check=False,
    )
    return done, time.monotonic() - start


@pytest.mark.parametrize("down", ["stopped", "not answering"])
def test_a_server_that_is_down_gives_one_clear_message_within_30_s(down: str, tmp_path: Path) -> None:
    """With the server stopped (nothing listening) or hung (connections never answered), a command fails
    within 30 s with one message naming the host, never the password, and no traceback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
        if down == "not answering":
            sock.listen(1)  # the kernel completes the handshake; nobody ever answers
        else:
            sock.close()
        url = f"postgresql://quizapp:{PG_PASSWORD}@127.0.0.1:{port}/school"
        for args in (["results", "export", "--out", str(tmp_path / "r.csv")], ["server", "check"]):
            done, seconds = _run_cli(["--data-dir", str(tmp_path / "d"), *args], {ENV_DATABASE: url})
            assert done.returncode != 0
            assert seconds < 30
            assert f"127.0.0.1:{port}" in done.stderr
            assert "Traceback" not in done.stderr + done.stdout
            assert PG_PASSWORD not in done.stderr + done.stdout


def test_the_url_may_name_a_password_file_and_is_shown_masked(tmp_path: Path) -> None:
    """password_file= reads the password from a file; the URL is shown with *** and a bad URL's message
    masks its password too; nothing set (or 'sqlite') means the SQLite file."""
    secret = tmp_path / "pw.txt"
    secret.write_text("\ufeffhunter22\n", encoding="utf-8")
    server = parse_database_url(f"postgresql://quizapp@server:5433/school?password_file={secret}")
    assert server is not None
    assert server.url.password == "hunter22" and "password_file" not in server.url.query
    assert server.masked() == "postgresql://quizapp:***@server:5433/school"
    assert server.host == "server:5433"
    assert parse_database_url("") is None and parse_database_url("sqlite") is None
    with pytest.raises(StoreError) as bad:
        parse_database_url("mysql://quizapp:hunter22@server/school")
    assert "hunter22" not in str(bad.value) and "***" in str(bad.value)
    with pytest.raises(StoreError, match="could not be read"):
        parse_database_url(f"postgresql://quizapp@server/school?password_file={tmp_path / 'none'}")


def test_database_setting_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """--database beats QUIZAPP_DATABASE, which beats [database] url in quizapp.ini; an ini with only a
    [database] section is not warned about for lacking data_dir."""
    from quizapp.paths import site_settings_data_dir

    (tmp_path / "quizapp.ini").write_text("[database]\nurl = postgresql://a@ini/x\n", encoding="utf-8")
    assert site_settings_data_dir(tmp_path) is None and not caplog.records
    monkeypatch.delenv(ENV_DATABASE, raising=False)
    assert resolve_database(search_dir=tmp_path) == "postgresql://a@ini/x"
    monkeypatch.setenv(ENV_DATABASE, "postgresql://a@env/x")
    assert resolve_database(search_dir=tmp_path) == "postgresql://a@env/x"
    assert resolve_database("postgresql://a@cli/x", search_dir=tmp_path) == "postgresql://a@cli/x"


def test_server_init_then_check_from_the_command_line(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'server check' on an empty database says to run init (exit 1); 'server init' creates the schema and
    prints the quizapp.ini lines with the password masked; 'server check' then shows the counts (exit 0)."""
    from quizapp.cli.main import main

    assert main(["--database", pg_url, "server", "check"]) == 1
    assert "server init" in capsys.readouterr().out
    assert main(["--database", pg_url, "--data-dir", str(tmp_path / "d"), "server", "init"]) == 0
    out = capsys.readouterr().out
    assert "[database]\nurl = postgresql://quizapp:***@127.0.0.1:" in out and PG_PASSWORD not in out
    with Store.open(tmp_path / "pc", database=pg_url) as store:
        store.people.create_learner("Ali")
    assert main(["--database", pg_url, "server", "check"]) == 0
    captured = capsys.readouterr()
    assert "learners: 1" in captured.out and f"Schema version: {t.SCHEMA_VERSION}" in captured.out
    assert PG_PASSWORD not in captured.out + captured.err


def test_the_picker_waits_for_the_server_store_instead_of_peeking_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a school server set, the quick look at a local SQLite file is skipped (None: open the store
    first), so the picker never shows an old or empty roster from this PC's folder."""
    from quizapp.services.roster import RosterPeek, peek_roster

    assert peek_roster(tmp_path) == RosterPeek()
    monkeypatch.setenv(ENV_DATABASE, "postgresql://quizapp@server/school")
    assert peek_roster(tmp_path) is None


def test_a_server_restarted_mid_session_fails_one_answer_clearly_then_saves_again(tmp_path: Path) -> None:
    """The server stops while a PC has the store open: that answer raises AnswerNotSavedError naming the
    host (not the password); once the server is back, the next answer is saved on a new connection."""
    from quizapp.progress.errors import AnswerNotSavedError
    from tests.pg import PgUnavailable, remove_server, start_server
    from tests.progress.conftest import answer, start_run

    try:
        server = start_server()  # its own server: stopping the session's would disturb other tests
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        with Store.open(tmp_path / "pc", database=server.create_database()) as store:
            run = start_run(store, store.people.create_learner("Ali"))
            answer(store, run, "q1")
            server.stop()
            with pytest.raises(AnswerNotSavedError) as failed:
                answer(store, run, "q2")
            assert f"127.0.0.1:{server.port}" in str(failed.value) and PG_PASSWORD not in str(failed.value)
            server.start()
            answer(store, run, "q3")
            assert [a.question_id for a in store.runs.attempts_for_run(run.id)] == ["q1", "q3"]
    finally:
        remove_server(server)


def test_a_quiz_answer_on_a_server_is_one_statement_that_writes_every_row(
    pg_url: str, tmp_path: Path
) -> None:
    """On a server a quiz answer is sent as one statement (counter, answer, question index and resume point
    together: the counter's row lock is held for one round trip, not four), and every row is written with
    the transaction's counter."""
    from sqlalchemy import event

    from tests.progress.conftest import answer, start_run

    with Store.open(tmp_path / "pc", database=pg_url) as store:
        learner = store.people.create_learner("Ali")
        run = start_run(store, learner)
        sent: list[str] = []

        def spy(conn: object, cursor: object, statement: str, *rest: object) -> None:
            sent.append(statement)

        engine = store._db.engine
        event.listen(engine, "before_cursor_execute", spy)
        answer(store, run, "q1", next_index=1)
        event.remove(engine, "before_cursor_execute", spy)
        assert len(sent) == 1
        (saved,) = store.runs.attempts_for_run(run.id)
        progress = store.progress.get_module_progress(learner.id, "safety", "passwords")
        resume = store.progress.get_resume_point(learner.id)
        assert progress.question_index == 1 and resume is not None
        assert (resume.stage, resume.position, resume.module_id) == ("quiz", 1, "passwords")
        server = parse_database_url(pg_url)
        assert server is not None
        engine = create_engine(server.url)
        try:
            with engine.connect() as conn:
                a, mp, rp = t.attempts.c, t.module_progress.c, t.resume_points.c
                stamps = {
                    conn.execute(select(a.origin_counter).where(a.id == saved.id)).scalar_one(),
                    conn.execute(select(mp.origin_counter).where(mp.learner_id == learner.id)).scalar_one(),
                    conn.execute(select(rp.origin_counter).where(rp.learner_id == learner.id)).scalar_one(),
                }
        finally:
            engine.dispose()
        assert len(stamps) == 1 and stamps.pop() > 0
