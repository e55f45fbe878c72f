"""A school server's credentials stay secret and its connection can be protected: no message, exception,
traceback or log line shows the password; the password can live in a file (ours or libpq's); TLS options
reach the driver; the teacher PIN and the settings are the school's, kept on the server."""

from __future__ import annotations

import logging
import shutil
import subprocess
import traceback
from pathlib import Path

import pytest

from quizapp.progress.engines import parse_database_url
from quizapp.progress.errors import AnswerNotSavedError, StoreError
from quizapp.progress.store import Store
from quizapp.services.teacher.pin import TeacherPin
from tests.pg import OS_USER, PG_PASSWORD, PG_USER, PgServer, PgUnavailable, remove_server, start_server
from tests.progress.conftest import answer, start_run


def _every_text(exc: BaseException) -> str:
    """What a person or a log could ever see of an exception: its message, repr and whole traceback."""
    return str(exc) + repr(exc) + "".join(traceback.format_exception(exc))


def test_no_failure_shows_the_password(
    pg_server: PgServer, pg_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A wrong password, an unknown connection option, a database that does not exist and a write the
    server refuses: each fails with a StoreError whose message, repr and traceback (with what caused it),
    and every log line at DEBUG, never hold the password; the message names the server."""
    caplog.set_level(logging.DEBUG)
    wrong = pg_url.replace(PG_PASSWORD, "Wr0ng-" + PG_PASSWORD)
    bad_option = pg_url + "?no_such_option=1"
    no_database = pg_server.url("no_such_database")
    for url in (wrong, bad_option, no_database):
        with pytest.raises(StoreError) as failed:
            Store.open(tmp_path / "pc", database=url)
        assert f"127.0.0.1:{pg_server.port}" in str(failed.value)
        assert PG_PASSWORD not in _every_text(failed.value)
    with Store.open(tmp_path / "pc", database=pg_url) as store:
        run = start_run(store, store.people.create_learner("Ali"))
        import psycopg

        with psycopg.connect(pg_url, autocommit=True) as conn:  # the server refuses every new answer
            conn.execute(
                "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "RAISE EXCEPTION 'refused by the school'; END $$"
            )
            conn.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON attempts FOR EACH ROW EXECUTE FUNCTION refuse()"
            )
        with pytest.raises(AnswerNotSavedError) as refused:
            answer(store, run, "q1")
        assert "refused by the school" in str(refused.value)
        assert PG_PASSWORD not in _every_text(refused.value)  # SQLAlchemy's own error text is in the chain
    assert PG_PASSWORD not in caplog.text


def test_a_password_in_a_url_is_masked_even_percent_encoded() -> None:
    """A password with characters a URL must encode ('p@ss:w/rd' as 'p%40ss%3Aw%2Frd') is masked in both
    forms, and the URL shown to a person has ***."""
    server = parse_database_url("postgresql://quizapp:p%40ss%3Aw%2Frd@server/school")
    assert server is not None and server.password == "p@ss:w/rd"
    assert server.hide("a p@ss:w/rd and p%40ss%3Aw%2Frd") == "a *** and ***"
    assert server.masked() == "postgresql://quizapp:***@server/school"


def _pgpass(tmp_path: Path, server: PgServer) -> Path:
    passfile = tmp_path / "pgpass"
    passfile.write_text(f"127.0.0.1:{server.port}:*:{PG_USER}:{PG_PASSWORD}\n", encoding="utf-8")
    passfile.chmod(0o600)  # libpq ignores a password file others may read
    return passfile


def test_libpqs_own_password_file_works_in_the_url_and_from_pgpassfile(
    pg_server: PgServer, pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Besides ?password_file= (quizapp's: the first line is the password), libpq's own password file
    works: named in the URL (?passfile=) or by PGPASSFILE, with no password in the URL or settings."""
    passfile = _pgpass(tmp_path, pg_server)
    bare = pg_url.replace(f":{PG_PASSWORD}@", "@")
    assert PG_PASSWORD not in bare
    with Store.open(tmp_path / "a", database=f"{bare}?passfile={passfile}") as store:
        store.people.create_learner("Ali")
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    with Store.open(tmp_path / "b", database=bare) as store:
        assert [learner.display_name for learner in store.people.list_learners()] == ["Ali"]
    ours = tmp_path / "pw.txt"
    ours.write_text(PG_PASSWORD + "\n", encoding="utf-8")
    monkeypatch.delenv("PGPASSFILE")
    with Store.open(tmp_path / "c", database=f"{bare}?password_file={ours}") as store:
        assert len(store.people.list_learners()) == 1


def _tls_server(tmp_path: Path) -> tuple[PgServer, Path]:
    """A server of its own with TLS on (a self-signed certificate for 127.0.0.1); returns it and the
    certificate, which the client uses as its root."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed: cannot make a certificate for the TLS test")
    try:
        server = start_server()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    cert, key = server.data / "server.crt", server.data / "server.key"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    key.chmod(0o600)
    if server.run_as:
        shutil.chown(cert, OS_USER)
        shutil.chown(key, OS_USER)
    with (server.data / "postgresql.conf").open("a") as conf:
        conf.write("ssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n")
    server.stop()
    try:
        server.start()
    except PgUnavailable:
        log = (server.data.parent / "server.log").read_text(encoding="utf-8", errors="replace")
        remove_server(server)
        if "not supported by this build" in log:  # pgserver's wheel is built without OpenSSL
            pytest.skip(
                f"this PostgreSQL ({server.source}) has no TLS: the TLS test needs Debian's postgresql"
            )
        raise
    root = tmp_path / "root.crt"
    shutil.copy(cert, root)
    return server, root


def test_tls_options_in_the_url_reach_the_driver(tmp_path: Path) -> None:
    """sslmode and sslrootcert in the URL are passed through: verify-full against the server's certificate
    connects over TLS (the server says so); a wrong root certificate is refused with a clear message."""
    server, root = _tls_server(tmp_path)
    try:
        base = server.create_database()
        url = f"{base}?sslmode=verify-full&sslrootcert={root}"
        with Store.open(tmp_path / "pc", database=url) as store:
            store.people.create_learner("Ali")
            engine = store._db.engine
        import psycopg

        with psycopg.connect(url) as conn:
            row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        assert row == (True,)
        assert engine.url.query["sslmode"] == "verify-full"
        other = tmp_path / "other.crt"
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=other",
             "-keyout", str(tmp_path / "other.key"), "-out", str(other)],
            check=True, capture_output=True,
        )  # fmt: skip
        with pytest.raises(StoreError) as refused:
            Store.open(tmp_path / "pc2", database=f"{base}?sslmode=verify-full&sslrootcert={other}")
        assert "certificate" in str(refused.value) and PG_PASSWORD not in _every_text(refused.value)
    finally:
        remove_server(server)


def test_the_pin_and_settings_are_the_schools_on_the_server(pg_url: str, tmp_path: Path) -> None:
    """A PIN set and a school name given on one lab PC are there on every other PC of the server (they
    live in the server's database, not in a PC's folder): another PC checks the PIN, and wrong tries on one
    PC count on all."""
    with (
        Store.open(tmp_path / "pc1", database=pg_url) as one,
        Store.open(tmp_path / "pc2", database=pg_url) as two,
    ):
        TeacherPin(one).set_pin("4826", "4826")
        one.settings.school_name = "Government Girls School"
        assert TeacherPin(two).is_set() and TeacherPin(two).check("4826").ok
        assert two.settings.school_name == "Government Girls School"
        TeacherPin(one).check("1111")
        assert TeacherPin(two).failures == 1
    for pc in ("pc1", "pc2"):
        assert [p.name for p in (tmp_path / pc).iterdir()] == []  # nothing of it kept on the PC
