"""Which database the store uses: the SQLite file in the data folder (the default) or a school's PostgreSQL
server named by a URL (``--database``, ``QUIZAPP_DATABASE`` or ``[database] url`` in quizapp.ini).

This module parses and masks server URLs, makes the server engine (psycopg 3, short connect timeouts) and
turns a failure to reach the server into one message naming the host and never the password. The SQLite
life cycle (lock, backups, integrity check, recovery) is in :mod:`quizapp.progress.sqlitefile`; a server
store has none of it: the server keeps its own data safe, and ``pg_dump`` backs it up.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from quizapp.progress.errors import StoreError

CONNECT_TIMEOUT_SECONDS = 5  # per address tried; a command with the server down fails well within 30 s
MIGRATION_LOCK_KEY = 0x5155495A  # "QUIZ": the advisory lock every PC takes while creating or upgrading
MASK = "***"
SERVER_SCHEMES = ("postgresql", "postgres")
_EXAMPLE = "postgresql://quizapp@school-server/quizapp?password_file=C:\\quizapp\\db-password.txt"


@dataclasses.dataclass(frozen=True)
class ServerUrl:
    """A PostgreSQL server URL, with the password (when any) kept apart so it is never shown."""

    url: Any  # sqlalchemy.engine.URL, with the password filled in (from the URL or its password file)
    password: str | None

    @property
    def host(self) -> str:
        host = self.url.host or self.url.query.get("host") or "localhost"
        return f"{host}:{self.url.port}" if self.url.port else str(host)

    @property
    def database(self) -> str:
        return str(self.url.database or self.url.username or "")

    def masked(self) -> str:
        """The URL to show: any password replaced by ``***``."""
        shown = str(self.url.render_as_string(hide_password=True))  # SQLAlchemy writes *** for it
        return shown.replace("postgresql+psycopg://", "postgresql://", 1)

    def hide(self, text: str) -> str:
        """``text`` with the password (if it appears at all, as typed or %-encoded as in a URL) replaced by
        ``***``."""
        if not self.password:
            return text
        from urllib.parse import quote, quote_plus

        for form in {self.password, quote(self.password, safe=""), quote_plus(self.password)}:
            text = text.replace(form, MASK)
        return text


def mask_url(text: str) -> str:
    """A database URL as given, with any password replaced by ``***`` (for messages about a bad URL)."""
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    credentials, at, host = rest.rpartition("@")
    if not at or ":" not in credentials:
        return text
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:{MASK}@{host}"


def parse_database_url(text: str | None) -> ServerUrl | None:
    """None for the default (nothing given, or ``sqlite``); a :class:`ServerUrl` for a PostgreSQL URL.

    ``password_file=PATH`` in the query names a file whose first line is the password (so the password is in
    no settings file and no command line); libpq's own ``passfile=`` is passed through unchanged.
    ``StoreError`` for anything else, naming the URL with its password masked.
    """
    text = (text or "").strip()
    if not text or text.lower() in ("sqlite", "sqlite:", "sqlite://"):
        return None
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(
            f"The database setting {mask_url(text)!r} is not a database URL. It should look like {_EXAMPLE}"
        ) from exc
    scheme = url.drivername.split("+", 1)[0]
    if scheme not in SERVER_SCHEMES:
        raise StoreError(
            f"quizapp can use a PostgreSQL server (postgresql://...) or its own SQLite file, not "
            f"{scheme!r} ({mask_url(text)}). It should look like {_EXAMPLE}"
        )
    query = dict(url.query)
    password = url.password
    password_file = query.pop("password_file", None)
    if isinstance(password_file, tuple):
        password_file = password_file[-1]
    if password_file:
        password = _read_password(Path(password_file))
    url = url.set(drivername="postgresql+psycopg", query=query, password=password)
    return ServerUrl(url=url, password=str(password) if password else None)


def _read_password(path: Path) -> str:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError as exc:
        raise StoreError(
            f"The database password file {path} could not be read ({exc.strerror or exc}). Check that it "
            "exists and that this account may read it."
        ) from exc
    password = lines[0].strip() if lines else ""
    if not password:
        raise StoreError(f"The database password file {path} is empty: put the password on its first line.")
    return password


def make_server_engine(server: ServerUrl) -> Any:
    """A SQLAlchemy engine on the server: psycopg 3, short connect timeout, dead connections replaced."""
    try:
        import psycopg  # noqa: F401  (only to give a clear message when the extra is not installed)
    except ImportError as exc:
        raise StoreError(
            "quizapp was installed without PostgreSQL support. Install it with: "
            "pip install 'quizapp[server]' (the packaged builds include it)."
        ) from exc
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    return create_engine(
        server.url,
        poolclass=NullPool,  # one connection per store, kept open; nothing pooled across stores
        hide_parameters=True,
        connect_args={
            "connect_timeout": CONNECT_TIMEOUT_SECONDS,
            "application_name": "quizapp",
            # a server that goes away while a PC is connected is noticed in about a minute, not hours
            "keepalives": 1,
            "keepalives_idle": 30,
            "keepalives_interval": 10,
            "keepalives_count": 3,
        },
    )


def server_error(server: ServerUrl, exc: BaseException, doing: str = "reach") -> StoreError:
    """One clear message for a server that cannot be reached or used: the host and database, the reason
    (first line of the driver's message, password masked), and what to check."""
    from sqlalchemy.exc import DBAPIError, OperationalError

    orig = getattr(exc, "orig", None) or exc
    reason = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    reason = server.hide(reason)
    if isinstance(exc, DBAPIError) and not isinstance(exc, OperationalError):  # reached, but refused
        return StoreError(
            f"The database server {server.host} (database {server.database!r}) refused it: {reason}."
        )
    return StoreError(
        f"quizapp could not {doing} the database server {server.host} (database {server.database!r}): "
        f"{reason}. Check that the server is switched on, that this computer is on the school network, "
        "and the database setting (--database, QUIZAPP_DATABASE or [database] url in quizapp.ini)."
    )
