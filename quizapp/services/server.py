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


@dataclasses.dataclass(frozen=True)
class ServerBackup:
    path: Path
    method: (
        str  # "pg_dump" (the whole database) or "bundle" (a results bundle: classes, learners, answers...)
    )
    size: int
    pg_dump_problem: str | None = None  # why pg_dump was not used, when it was not


def _passfile_line(password: str) -> str:
    escaped = password.replace("\\", "\\\\").replace(":", "\\:")
    return f"*:*:*:*:{escaped}\n"


def dump_with_pg_dump(server: engines.ServerUrl, out: Path, pg_dump: str) -> None:
    """The whole database in pg_dump's custom format (restore with pg_restore), written atomically. The
    password goes to pg_dump in a private temporary password file (PGPASSFILE), never on its command line;
    ``StoreError`` with pg_dump's own words (password masked) when it fails."""
    import os
    import subprocess
    import tempfile

    from quizapp.progress.bundle import atomic_output

    # URL.set() ignores None, so the password is dropped with _replace (a NamedTuple's own method)
    no_password = server.url._replace(drivername="postgresql", password=None)
    conninfo = str(no_password.render_as_string(hide_password=False))
    with tempfile.TemporaryDirectory(prefix="quizapp-pgdump-") as private:
        env = {**os.environ, "PGCONNECT_TIMEOUT": str(engines.CONNECT_TIMEOUT_SECONDS)}
        env.pop("PGPASSWORD", None)
        if server.password:
            passfile = Path(private) / "pgpass"
            fd = os.open(passfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(_passfile_line(server.password))
            env["PGPASSFILE"] = str(passfile)
        with atomic_output(out) as tmp:
            try:
                done = subprocess.run(
                    [pg_dump, "--format=custom", f"--file={tmp}", "--no-password", f"--dbname={conninfo}"],
                    capture_output=True,
                    text=True,
                    env=env,
                    check=False,
                )
            except OSError as exc:
                raise StoreError(f"{pg_dump} could not be run ({exc.strerror or exc}).") from None
            if done.returncode != 0:
                words = (
                    " ".join((done.stderr or done.stdout or "").split())[:400] or f"exit {done.returncode}"
                )
                raise StoreError(f"pg_dump failed: {server.hide(words)}")


def backup_server(
    server: engines.ServerUrl, out: Path, data_dir: Path, *, bundle_only: bool = False
) -> ServerBackup:
    """Back up the server to ``out``: with ``pg_dump`` (found on PATH) the whole database; without it, or
    when it fails (say a pg_dump older than the server), a results bundle of everything quizapp keeps about
    learners (any PC can import it), named ``out`` plus ``.zip`` unless ``out`` ends in .zip or .json."""
    import shutil

    from quizapp.progress.bundle import export_results

    problem: str | None = "not asked for (--bundle)" if bundle_only else None
    if not bundle_only:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            problem = "pg_dump is not installed on this computer (or not on PATH)"
        else:
            try:
                dump_with_pg_dump(server, out, pg_dump)
                return ServerBackup(out, "pg_dump", out.stat().st_size)
            except StoreError as exc:
                problem = str(exc)
    target = out if out.suffix.lower() in (".zip", ".json") else out.with_name(out.name + ".zip")
    with Store.open(
        data_dir, database=server.url.render_as_string(hide_password=False), read_only=True
    ) as store:
        export_results(store, target)
    return ServerBackup(target, "bundle", target.stat().st_size, problem)
