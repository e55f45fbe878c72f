"""The tests' own PostgreSQL: CI machines with only Python get a server from the pgserver wheel."""

from __future__ import annotations

import pytest

from tests.pg import ENV_SOURCE, PgUnavailable, _pgserver_bin_dir, remove_server, start_server


def test_a_server_starts_from_the_pgserver_wheel_without_debians_postgresql(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With Debian's binaries ruled out (QUIZAPP_TEST_PG=pgserver), the fixture runs pgserver's PostgreSQL 16
    (as another user when the tests run as root) and a client logs in with the password."""
    import psycopg

    if _pgserver_bin_dir() is None:
        pytest.skip("the pgserver wheel is not installed here (Python 3.13+ has none)")
    monkeypatch.setenv(ENV_SOURCE, "pgserver")
    server = start_server()
    try:
        assert server.source == "pgserver"
        assert "/usr/lib/postgresql" not in str(server.bin_dir)
        with psycopg.connect(server.create_database()) as conn:
            version = conn.execute("SHOW server_version").fetchone()
        assert version is not None and version[0].startswith("16.")
    finally:
        remove_server(server)


def test_an_unknown_source_is_refused_with_the_choices(monkeypatch: pytest.MonkeyPatch) -> None:
    """A mistyped QUIZAPP_TEST_PG says which values it takes instead of silently using another server."""
    monkeypatch.setenv(ENV_SOURCE, "debain")
    with pytest.raises(PgUnavailable, match="use debian or pgserver"):
        start_server()
