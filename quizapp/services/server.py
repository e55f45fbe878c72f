"""A school's database server: check that a lab PC reaches it, and create its schema (``quizapp server``)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from quizapp.progress import engines
from quizapp.progress.errors import StoreError
from quizapp.progress.store import Store


@dataclasses.dataclass(frozen=True)
class ServerStatus:
    url: str  # password masked
    server_version: str
    schema_version: int  # 0: no quizapp schema yet
    supported_version: int
    counts: dict[str, int]


def server_url(database: str | None) -> engines.ServerUrl:
    """The server named by ``database`` (or the documented settings); ``StoreError`` when none is set."""
    from quizapp.paths import resolve_database

    server = engines.parse_database_url(database or resolve_database())
    if server is None:
        raise StoreError(
            "No database server is set: give --database postgresql://USER@HOST/DATABASE?password_file=FILE, "
            "or set QUIZAPP_DATABASE, or [database] url = ... in quizapp.ini."
        )
    return server


def check_server(server: engines.ServerUrl) -> ServerStatus:
    """Connect (without changing anything) and read the server's version, the schema version and counts."""
    from sqlalchemy import func, select, text
    from sqlalchemy.exc import DBAPIError

    from quizapp.progress import migrations
    from quizapp.progress import schema as t

    engine = engines.make_server_engine(server)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar_one())
            schema = migrations.current_version(conn)
            counts: dict[str, int] = {}
            if schema == t.SCHEMA_VERSION:
                for table in t.metadata.sorted_tables:
                    counts[table.name] = int(
                        conn.execute(select(func.count()).select_from(table)).scalar_one()
                    )
            conn.rollback()
    except DBAPIError as exc:
        raise engines.server_error(server, exc) from None
    finally:
        engine.dispose()
    return ServerStatus(server.masked(), version, schema, t.SCHEMA_VERSION, counts)


def init_server(server: engines.ServerUrl, data_dir: Path) -> Store:
    """Create (or upgrade) quizapp's schema on the server; the caller closes the returned store."""
    return Store.open(data_dir, database=server.url.render_as_string(hide_password=False))


def ini_lines(server: engines.ServerUrl) -> str:
    """The quizapp.ini lines for the lab PCs, the password masked (say to use a password file instead)."""
    return f"[database]\nurl = {server.masked()}"
