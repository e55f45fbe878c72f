"""Writing correctly when many lab PCs write to one PostgreSQL server at once.

Two tools, both harmless on the SQLite file (one writer at a time there):

- :func:`upsert`: ``INSERT ... ON CONFLICT (key) DO UPDATE``, built with the dialect's own insert (SQLite and
  PostgreSQL both have it), for rows that two PCs may create at the same moment (a setting, a learner's
  resume point or module progress, an installed pack). A read-then-insert lets both PCs read "missing" and
  the second insert fail on the primary key.
- :func:`retrying`: runs a store method again when the server gave up on its transaction because of a
  deadlock or a serialization failure (SQLSTATE ``40P01`` / ``40001``; nothing was written), a few times with
  a short random wait so two PCs that collided do not collide again in step.
"""

from __future__ import annotations

import functools
import random
import time
from collections.abc import Callable, Iterable
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import Table
from sqlalchemy.sql.dml import Insert

RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization_failure, deadlock_detected
ATTEMPTS = 4  # the first try and three more
FIRST_WAIT_SECONDS = 0.02  # then doubled each time, each wait a random part of it (full jitter)

P = ParamSpec("P")
R = TypeVar("R")


def dialect_insert(dialect: str, table: Table) -> Any:
    """The dialect's own insert for ``table`` (it has ``on_conflict_do_update`` and ``excluded``)."""
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(table)
    raise ValueError(f"no upsert for the {dialect} dialect")  # pragma: no cover - the store opens only these


def upsert(dialect: str, table: Table, keys: Iterable[str], update: Iterable[str] | None = None) -> Insert:
    """An insert of one ``table`` row that, when a row with the same ``keys`` is there already, updates
    its ``update`` columns (default: every other column) to the values given. Parameters are bound at
    execution (``conn.execute(statement, values)``), so the statement can be built once."""
    key_names = list(keys)
    names = list(update) if update is not None else [c.name for c in table.c if c.name not in key_names]
    statement = dialect_insert(dialect, table)
    return cast(
        Insert,
        statement.on_conflict_do_update(
            index_elements=key_names, set_={name: statement.excluded[name] for name in names}
        ),
    )


def sqlstate(exc: BaseException | None) -> str | None:
    """The SQLSTATE of a driver error, looked for in the exception and what caused it."""
    seen = 0
    while exc is not None and seen < 5:
        for candidate in (exc, getattr(exc, "orig", None)):
            code = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
            if isinstance(code, str):
                return code
        exc = exc.__cause__
        seen += 1
    return None


def is_transient(exc: BaseException) -> bool:
    """True when the server rolled the transaction back only because of another one (try again)."""
    return sqlstate(exc) in RETRY_SQLSTATES


def retrying(
    method: Callable[P, R],
    *,
    attempts: int = ATTEMPTS,
    sleep: Callable[[float], None] = time.sleep,
    rand: Callable[[], float] = random.random,
) -> Callable[P, R]:
    """``method`` run up to ``attempts`` times while it fails with a transient server error; any other
    error, or the last transient one, is raised as it is."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        wait = FIRST_WAIT_SECONDS
        for attempt in range(1, attempts + 1):
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                if attempt == attempts or not is_transient(exc):
                    raise
            sleep(wait * rand())
            wait *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    return wrapper
