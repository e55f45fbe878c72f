"""Lab PCs that keep working when the school server is down, then send what they recorded: against a real
PostgreSQL server (tests/pg.py) that the tests stop and start again."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from quizapp.progress import schema as t
from quizapp.progress.engines import parse_database_url
from quizapp.progress.errors import StoreError
from quizapp.progress.store import Store
from quizapp.services.offline import LabOpener, open_server_within
from quizapp.services.sync import WATERMARK_PREFIX, sync_now
from tests.pg import PG_PASSWORD, PgServer, PgUnavailable, remove_server, start_server
from tests.progress.conftest import answer, start_run

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pg() -> Iterator[PgServer]:
    """A server of this module's own: the tests stop and start it."""
    try:
        server = start_server()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        yield server
    finally:
        remove_server(server)


def _up(pg: PgServer) -> None:
    """Start the server unless it is running (a test that failed may have left it stopped)."""
    with socket.socket() as sock:
        if sock.connect_ex(("127.0.0.1", pg.port)) == 0:
            return
    pg.start()


@pytest.fixture
def url(pg: PgServer) -> Iterator[str]:
    _up(pg)
    yield pg.create_database()
    _up(pg)


def _server_answers(url: str) -> Counter[str]:
    """Each answer id on the server with how many times it is there (read straight from the tables)."""
    server = parse_database_url(url)
    assert server is not None
    engine = create_engine(server.url)
    try:
        with engine.connect() as conn:
            return Counter(str(i) for i in conn.execute(select(t.attempts.c.id)).scalars())
    finally:
        engine.dispose()


def _answer_all(store: Store, learner_id: str, n: int = 3, module: str = "passwords") -> list[str]:
    run = start_run(store, store.people.get_learner(learner_id), module=module, n=n)
    ids = [answer(store, run, f"q{i}").id for i in range(1, n + 1)]
    store.runs.finish_quiz_run(run.id, score_percent=100.0, passed=True)
    return ids


def test_server_stopped_in_the_middle_pc_falls_back_then_every_answer_reaches_the_server_once(
    pg: PgServer, url: str, tmp_path: Path
) -> None:
    """A PC works on the server; the server stops; the PC opens its own copy (within seconds), keeps the
    answers given meanwhile (a known learner's and a learner made offline), cannot sync while the server is
    down (nothing lost), and once it is back one sync puts every answer on the server exactly once."""
    pc = tmp_path / "pc"
    with Store.open(pc, database=url) as online:
        ali = online.people.create_learner("Ali")
        before = _answer_all(online, ali.id)
    sync_now(pc, url)  # the start-up sync of an online session: the roster comes to this PC's copy
    pg.stop()
    lab = LabOpener(url)
    started = time.monotonic()
    local = lab(pc)
    try:
        assert time.monotonic() - started < 10
        assert lab.offline and f"127.0.0.1:{pg.port}" in lab.reason and PG_PASSWORD not in lab.reason
        assert [x.display_name for x in local.people.list_learners()] == ["Ali"]  # the roster was kept here
        offline = _answer_all(local, ali.id, module="phishing")
        sara = local.people.create_learner("Sara")
        offline += _answer_all(local, sara.id)
        with pytest.raises(StoreError):
            sync_now(pc, url, local=local)
        pg.start()
        report = sync_now(pc, url, local=local)
        assert report.added_on_server.get("attempts") == len(offline)
        again = sync_now(pc, url, local=local)
        assert again.answers_sent == 0 and not again.added_on_server.get("attempts")
    finally:
        local.close()
    on_server = _server_answers(url)
    assert set(on_server) == set(before + offline)
    assert set(on_server.values()) == {1}
    with Store.open(tmp_path / "other-pc", database=url) as server:
        names = sorted(x.display_name for x in server.people.list_learners())
        assert names == ["Ali", "Sara"]
        assert server.progress.get_module_progress(sara.id, "safety", "passwords").passed


def test_a_sync_cut_short_or_sent_twice_adds_nothing_twice(pg: PgServer, url: str, tmp_path: Path) -> None:
    """The server stops after the first of several batches: the sync fails, the first batch stays on the
    server and is not sent again; the next sync sends the rest. With the watermark lost (everything sent
    again) the server still holds each answer once."""
    pc = tmp_path / "pc"
    pg.stop()
    lab = LabOpener(url)
    local = lab(pc)
    try:
        assert lab.offline
        learner = local.people.create_learner("Ali")
        given = _answer_all(local, learner.id, n=10)
        pg.start()

        def stop_after_first(batch: int) -> None:
            if batch == 1:
                pg.stop()

        with pytest.raises(StoreError):
            sync_now(pc, url, local=local, limit=3, after_batch=stop_after_first)
        pg.start()
        first = _server_answers(url)
        assert 0 < len(first) < len(given)
        rest = sync_now(pc, url, local=local, limit=3)
        assert rest.batches > 1
        assert rest.added_on_server.get("attempts") == len(given) - len(first)
        with Store.open(tmp_path / "server", database=url) as server:
            key = WATERMARK_PREFIX + server.database_id
        local.settings.write(key, None)  # as if the PC had been switched off between a merge and its note
        resent = sync_now(pc, url, local=local, limit=3)
        assert resent.answers_sent == len(given) and not resent.added_on_server.get("attempts")
    finally:
        local.close()
    on_server = _server_answers(url)
    assert set(on_server) == set(given) and set(on_server.values()) == {1}


def test_a_reset_made_on_the_server_is_respected(pg: PgServer, url: str, tmp_path: Path) -> None:
    """Answers a PC sent, then cleared on the server by a reset, are not brought back by the PC sending
    everything again; the PC's own copy clears them at the sync; answers given after the reset are kept."""
    pc = tmp_path / "pc"
    with Store.open(pc, database=url) as online:
        ali = online.people.create_learner("Ali")
    sync_now(pc, url)
    pg.stop()
    lab = LabOpener(url)
    local = lab(pc)
    try:
        _answer_all(local, ali.id)
        pg.start()
        sync_now(pc, url, local=local)
        with Store.open(tmp_path / "teacher-pc", database=url) as server:
            server.people.reset_progress(ali.id)  # end of term, on the teacher's PC
            key = WATERMARK_PREFIX + server.database_id
        after_reset = _answer_all(local, ali.id, module="phishing")  # the PC has not heard of it yet
        local.settings.write(key, None)  # send everything again
        report = sync_now(pc, url, local=local)
        assert report.skipped_before_reset == 3
        assert set(_server_answers(url)) == set(after_reset)
        assert {a.id for a in local.runs.attempts_for_learner(ali.id)} == set(after_reset)  # cleared here too
    finally:
        local.close()


def test_a_learner_made_offline_on_two_pcs_is_kept_twice_and_named_as_a_look_alike(
    pg: PgServer, url: str, tmp_path: Path
) -> None:
    """The same child added on two PCs while the server was down becomes two learners on the server, each
    with their answers; the second PC's sync names the look-alike pair (with the merge command). After the
    teacher merges them on the server, the next sync makes them one learner on each PC's copy too (each
    copy holds only the answers given on it: the server holds them all)."""
    with Store.open(tmp_path / "setup", database=url) as online:
        class_5a = online.people.create_class("5A")
    for name in ("pc1", "pc2"):
        sync_now(tmp_path / name, url)
    pg.stop()
    made: dict[str, tuple[str, list[str]]] = {}
    copies = {}
    try:
        for name in ("pc1", "pc2"):
            lab = LabOpener(url)
            copies[name] = local = lab(tmp_path / name)
            assert lab.offline
            sara = local.people.create_learner("Sara", class_id=class_5a.id)
            made[name] = (sara.id, _answer_all(local, sara.id))
        pg.start()
        sync_now(tmp_path / "pc1", url, local=copies["pc1"])
        second = sync_now(tmp_path / "pc2", url, local=copies["pc2"])
        assert [(x.name, x.existing_id, x.incoming_id) for x in second.look_alikes] == [
            ("Sara", made["pc1"][0], made["pc2"][0])
        ]
        assert any("roster merge" in line for line in second.lines())
        on_server = _server_answers(url)
        assert set(on_server) == set(made["pc1"][1] + made["pc2"][1]) and set(on_server.values()) == {1}
        with Store.open(tmp_path / "teacher-pc", database=url) as server:
            assert [x.display_name for x in server.people.list_learners()] == ["Sara", "Sara"]
            server.people.merge_learners(made["pc1"][0], made["pc2"][0])
        sync_now(tmp_path / "pc2", url, local=copies["pc2"])
        assert [x.id for x in copies["pc2"].people.list_learners()] == [made["pc1"][0]]
        kept = made["pc1"][0]
        assert {a.id for a in copies["pc2"].runs.attempts_for_learner(kept)} == set(made["pc2"][1])
        with Store.open(tmp_path / "teacher-pc", database=url) as server:
            assert {a.id for a in server.runs.attempts_for_learner(kept)} == set(
                made["pc1"][1] + made["pc2"][1]
            )
    finally:
        for local in copies.values():
            local.close()


def test_a_server_that_never_answers_is_given_up_within_the_wait(tmp_path: Path) -> None:
    """A server that accepts connections but never answers (a hung machine) is given up after the bounded
    wait, not after the driver's timeouts: the PC opens its own copy at once after."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(8)  # the kernel completes the handshake; nobody ever answers
        port = sock.getsockname()[1]
        url = f"postgresql://quizapp:{PG_PASSWORD}@127.0.0.1:{port}/school"
        started = time.monotonic()
        with pytest.raises(StoreError, match="did not answer within 1 seconds"):
            open_server_within(tmp_path / "pc", url, 1.0)
        assert time.monotonic() - started < 3
        lab = LabOpener(url, seconds=1.0)
        with lab(tmp_path / "pc") as local:
            assert lab.offline and local.location == str(tmp_path / "pc")


def _cli(args: list[str], database: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "quizapp", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QUIZAPP_DATABASE": database},
        timeout=60,
        check=False,
    )
    return done, time.monotonic() - started


def test_server_sync_on_the_command_line(pg: PgServer, url: str, tmp_path: Path) -> None:
    """'quizapp server sync' with the server stopped fails within 30 s with one message (host named,
    password not, nothing lost, no traceback); with the server back it sends the answers and says so."""
    pc = tmp_path / "pc"
    pg.stop()
    with LabOpener(url)(pc) as local:
        _answer_all(local, local.people.create_learner("Ali").id)
    done, seconds = _cli(["--data-dir", str(pc), "server", "sync"], url)
    assert done.returncode == 1 and seconds < 30
    assert f"127.0.0.1:{pg.port}" in done.stderr and "nothing was lost" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout and PG_PASSWORD not in done.stderr + done.stdout
    pg.start()
    done, _ = _cli(["--data-dir", str(pc), "server", "sync"], url)
    assert done.returncode == 0, done.stderr
    assert "Sent 3 answers" in done.stdout and "3 answers were new there" in done.stdout
    assert PG_PASSWORD not in done.stdout + done.stderr
    assert sum(_server_answers(url).values()) == 3


def test_a_database_setting_that_is_no_server_url_leaves_the_pc_on_its_own_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database setting the worker cannot use (not a PostgreSQL URL) is found there, not on the way to
    the first window: the PC works on its own copy and the reason (for the log) names the problem."""
    from quizapp.services.offline import server_database

    lab = LabOpener("mysql://quizapp@server/school")
    with lab(tmp_path / "pc") as local:
        assert lab.offline and "PostgreSQL" in lab.reason
        assert local.location == str(tmp_path / "pc")
    monkeypatch.setenv("QUIZAPP_DATABASE", "sqlite")
    assert server_database() is None


def test_the_probe_tells_a_server_that_answers_from_one_that_went_away(pg: PgServer, url: str) -> None:
    """What the app asks in the background while on the server: nothing when it answers; one message
    naming the server (never the password) when it is stopped."""
    from quizapp.services.offline import server_answers

    server_answers(url)
    pg.stop()
    with pytest.raises(StoreError) as gone:
        server_answers(url)
    assert f"127.0.0.1:{pg.port}" in str(gone.value) and PG_PASSWORD not in str(gone.value)


def test_a_sync_with_nothing_new_sends_nothing_but_a_new_learner_is_sent(
    pg: PgServer, url: str, tmp_path: Path
) -> None:
    """The app syncs every two minutes: with nothing new, nothing is merged on the server; a learner
    added on this PC (no answers yet) changes the roster, which is then sent."""
    pc = tmp_path / "pc"
    pg.stop()
    with LabOpener(url)(pc) as local:
        _answer_all(local, local.people.create_learner("Ali").id)
        pg.start()
        assert sync_now(pc, url, local=local).batches == 1
        assert sync_now(pc, url, local=local).batches == 0
        local.people.create_learner("Bilal")
        assert sync_now(pc, url, local=local).batches == 1
    with Store.open(tmp_path / "teacher-pc", database=url) as server:
        assert sorted(x.display_name for x in server.people.list_learners()) == ["Ali", "Bilal"]
