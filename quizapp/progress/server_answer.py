"""An answer saved on a PostgreSQL server in one statement (one round trip between BEGIN and COMMIT).

On a school server the answer path is what forty children wait on at once. Saving an answer raises the
device counter (whose row lock orders every write: see seen.py), inserts the attempt and, for a quiz,
moves the module's question index and the learner's resume point. As separate statements that is four
round trips with the counter's row locked for all of them; here they are one statement of data-modifying
CTEs, so the lock is held from that statement to COMMIT only. PostgreSQL runs every data-modifying CTE
exactly once whether or not the final SELECT reads it. SQLite keeps the plain statements (no such CTEs; one
writer at a time anyway).

Its parameters are made by :func:`parameters` (named unlike any column: an UPDATE would otherwise also
set the columns that execution parameters are named after). The statement returns the transaction's
counter value.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Integer, Select, String, bindparam, insert, literal, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.dialects.postgresql import insert as pg_insert

from quizapp.progress import schema as t


def answer_statement(*, positioned: bool) -> Select[Any]:
    """The one-statement answer save; ``positioned``: also the quiz's question index and resume point."""
    params = {
        c.name: bindparam(f"a_{c.name}", type_=c.type) for c in t.attempts.c if c.name != "origin_counter"
    }
    raise_counter = pg_insert(t.meta).values(key=bindparam("c_key"), value=bindparam("c_first"))
    raise_counter = raise_counter.on_conflict_do_update(
        index_elements=["key"], set_={"value": sql_cast(sql_cast(t.meta.c.value, BigInteger) + 1, String)}
    )
    counter = raise_counter.returning(sql_cast(t.meta.c.value, BigInteger).label("n")).cte("counter")
    columns = [c.name for c in t.attempts.c]
    attempt = (
        insert(t.attempts)
        .from_select(columns, select(*[counter.c.n if n == "origin_counter" else params[n] for n in columns]))
        .cte("attempt")
    )
    ctes = [attempt]
    if positioned:
        next_index = bindparam("p_next_index", type_=Integer)
        now = bindparam("p_now", type_=String)
        mp = t.module_progress.c
        position = (
            update(t.module_progress)
            .where(
                mp.learner_id == params["learner_id"],
                mp.pack_id == params["pack_id"],
                mp.module_id == params["module_id"],
                mp.quiz_run_id == params["quiz_run_id"],
            )
            .values(
                question_index=next_index,
                updated_at=now,
                origin_device=params["origin_device"],
                origin_counter=select(counter.c.n).scalar_subquery(),
            )
            .cte("position")
        )
        resume_columns = [
            "learner_id",
            "pack_id",
            "module_id",
            "stage",
            "position",
            "updated_at",
            "origin_device",
            "origin_counter",
        ]
        resume_row = select(
            params["learner_id"],
            params["pack_id"],
            params["module_id"],
            literal("quiz", String),
            next_index,
            now,
            params["origin_device"],
            counter.c.n,
        )
        resume_insert = pg_insert(t.resume_points).from_select(resume_columns, resume_row)
        resume = resume_insert.on_conflict_do_update(
            index_elements=["learner_id"],
            set_={n: resume_insert.excluded[n] for n in resume_columns if n != "learner_id"},
        ).cte("resume")
        ctes += [position, resume]
    return select(counter.c.n).add_cte(*ctes)


def parameters(
    attempt: dict[str, Any],
    *,
    counter_key: str,
    first_value: int,
    device: str,
    next_index: int | None = None,
    now: str = "",
) -> dict[str, Any]:
    """The statement's parameters: ``attempt`` (every attempts column but the origin), the counter's meta
    key and its value if the row is new, this device, and for a positioned statement the next question
    index and the time."""
    values = {f"a_{name}": value for name, value in attempt.items()}
    values.update(a_origin_device=device, c_key=counter_key, c_first=str(first_value))
    if next_index is not None:
        values.update(p_next_index=next_index, p_now=now)
    return values
