"""Which records a progress reset clears, decided by what it had seen rather than by clocks (as Kolibri's
Morango orders changes from offline devices).

Every database has a device id (its ``database_id``) and a counter that only grows (``meta``
``device_counter``), raised once in each transaction that writes a quiz run, an answer, module progress, a
resume point or a reset. Those records carry the (device, counter) that wrote them (``origin_device``,
``origin_counter``). A reset keeps, per device, the highest counter it had seen (a version vector, JSON on
the learner: ``progress_reset_seen``). A record is cleared by a reset only when the reset had seen it, so a
computer whose clock is ahead or behind can neither erase answers given elsewhere after the reset nor keep
answers it cleared. Clock times stay for display, and for what carries no counter:

- records from files written before counters existed (their counter is None): the old rule, "older than the
  reset's moment";
- resets made before counters existed (no vector): the old rule;
- records given before their computer had counters (counter 0, after the upgrade): seen when the vector
  names their device, and otherwise the old rule.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Table, and_, false, or_

Vector = dict[str, int]


def parse(text: str | None) -> Vector | None:
    """The vector stored as JSON text (None: a reset without one, or no reset). ``ValueError`` if damaged."""
    if text is None:
        return None
    value = json.loads(text)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
        for k, v in value.items()
    ):
        raise ValueError("must be a JSON object of device ids and counters")
    return dict(value)


def dump(vector: Mapping[str, int] | None) -> str | None:
    if vector is None:
        return None
    return json.dumps(dict(sorted(vector.items())), separators=(",", ":"))


def join(a: Mapping[str, int] | None, b: Mapping[str, int] | None) -> Vector | None:
    """Everything either reset had seen (entry by entry, the larger counter). Order-free and idempotent, so
    importing files in any order, or twice, ends in the same state."""
    if a is None and b is None:
        return None
    out = dict(a or {})
    for device, counter in (b or {}).items():
        out[device] = max(out.get(device, counter), counter)
    return out


@dataclass(frozen=True, slots=True)
class ResetMark:
    """A learner's reset: its moment (display; the rule for records without counters) and its vector."""

    at: str | None
    seen: Vector | None = None

    @classmethod
    def of(cls, at: str | None, seen_text: str | None) -> ResetMark:
        return cls(at, parse(seen_text))

    def __bool__(self) -> bool:
        return self.at is not None or self.seen is not None

    def combined(self, other: ResetMark) -> ResetMark:
        at = max((x for x in (self.at, other.at) if x is not None), default=None)
        return ResetMark(at, join(self.seen, other.seen))

    def covers(self, stamp: str, device: str | None, counter: int | None) -> bool:
        """Whether a record (its clock time, and the device and counter that wrote it) was cleared."""
        older = self.at is not None and stamp < self.at
        if counter is None or self.seen is None:
            return older
        if device is not None and device in self.seen and counter <= self.seen[device]:
            return True
        return counter == 0 and older

    def condition(self, table: Table, stamp: str) -> ColumnElement[bool]:
        """``covers`` as SQL over ``table``'s rows (``stamp`` names its time column)."""
        col = table.c
        older = col[stamp] < self.at if self.at is not None else false()
        if self.seen is None:
            return older
        seen = [
            and_(col.origin_device == device, col.origin_counter <= counter)
            for device, counter in sorted(self.seen.items())
        ]
        return or_(*seen, and_(col.origin_counter == 0, older))
