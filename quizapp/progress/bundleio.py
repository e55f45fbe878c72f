"""Reading and writing the data of a results or roster file record by record, in bounded memory.

The data is one JSON object of tables, ``{"attempts": [{...}, ...], "classes": [...], ...}``, written in
canonical form (keys sorted, no spaces, UTF-8), so its SHA-256 can be computed while it streams. The
writer never holds more than one table's buffer of rows; the reader decodes a zip member or a plain JSON
file a chunk at a time and yields one record at a time, refusing anything that is not JSON, not UTF-8,
larger than its cap (whatever the zip header claims) or damaged in the compressed stream. Every problem is a
:class:`StreamError` with a plain reason, never ``zlib.error`` or a traceback.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, cast

CHUNK = 1 << 20
MAX_RECORD_CHARS = 4 * 1024 * 1024  # one record (a learner, an answer) is far smaller
_WS = " \t\n\r"
_DECODER = json.JSONDecoder()


class StreamError(Exception):
    """The data cannot be read: the message says why, for ``<file>: <why> Nothing was imported``."""


def canonical_row(row: Any) -> bytes:
    return json.dumps(row, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# ---------------------------------------------------------------------------------------------- writing
def write_tables(
    write: Callable[[bytes], Any], tables: Iterable[tuple[str, Iterable[dict[str, Any]]]]
) -> tuple[str, dict[str, int]]:
    """Write ``{"table": [rows...], ...}`` canonically (tables must come in sorted order); return the SHA-256
    of the bytes written and the number of rows of each table."""
    digest = hashlib.sha256()
    pending: list[bytes] = []
    size = 0

    def put(piece: bytes) -> None:
        nonlocal size
        pending.append(piece)
        size += len(piece)
        if size >= CHUNK:
            flush()

    def flush() -> None:
        nonlocal size
        block = b"".join(pending)
        digest.update(block)
        write(block)
        pending.clear()
        size = 0

    counts: dict[str, int] = {}
    last = ""
    put(b"{")
    for i, (name, rows) in enumerate(tables):
        if name <= last:
            raise ValueError("tables must be written in sorted order")
        last = name
        put((b"," if i else b"") + canonical_row(name) + b":[")
        n = 0
        for row in rows:
            put((b"," if n else b"") + canonical_row(row))
            n += 1
        put(b"]")
        counts[name] = n
    put(b"}")
    flush()
    return digest.hexdigest(), counts


# ---------------------------------------------------------------------------------------------- reading
class JsonStream:
    """A pull parser over a binary stream holding one JSON object, for records that are small values.

    ``limit`` caps the bytes read in all (the data may claim any size in a zip header: this is what is
    really decompressed). Reading errors of the underlying stream (``zlib.error``, ``OSError``,
    ``EOFError``, a zip CRC error) become :class:`StreamError`."""

    def __init__(
        self, raw: IO[bytes], *, limit: int, reader_errors: tuple[type[BaseException], ...] = ()
    ) -> None:
        self.raw = raw
        self.limit = limit
        self.read_bytes = 0
        self.buf = ""
        self.pos = 0
        self.eof = False
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        zlib_error = cast(type[BaseException], zlib.error)
        self._errors: tuple[type[BaseException], ...] = (zlib_error, OSError, EOFError, *reader_errors)

    # -- buffer
    def _more(self) -> bool:
        if self.eof:
            return False
        try:
            block = self.raw.read(CHUNK)
        except Exception as exc:
            if not isinstance(exc, self._errors):
                raise
            raise StreamError(f"the file is damaged (its compressed data cannot be read: {exc}).") from exc
        self.read_bytes += len(block)
        if self.read_bytes > self.limit:
            raise StreamError("it is far too large to be a quizapp file.")
        try:
            text = self._decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            raise StreamError("its data is damaged (it is not UTF-8 text).") from exc
        if not block:
            self.eof = True
        if self.pos > CHUNK:
            self.buf, self.pos = self.buf[self.pos :], 0
        self.buf += text
        return bool(block)

    def _peek(self) -> str:
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                raise StreamError("its data is damaged (it ends too early).")

    def _expect(self, char: str) -> None:
        if self._peek() != char:
            raise StreamError(f"its data is damaged (expected {char!r} at character {self.pos}).")
        self.pos += 1

    def value(self) -> Any:
        """The next JSON value (a record, a string, a small object)."""
        self._peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > MAX_RECORD_CHARS:
                    raise StreamError("its data is damaged (a record is far too large).") from exc
                if self._more() or not self.eof:
                    continue
                raise StreamError(f"its data is damaged (not valid JSON: {exc.msg}).") from exc
            if end == len(self.buf) and not self.eof and isinstance(value, int | float):
                self._more()  # a number cut at the end of the buffer may go on
                continue
            self.pos = end
            return value

    # -- structure
    def members(self) -> Iterator[str]:
        """The keys of the object that starts here; after each key the caller reads its value."""
        self._expect("{")
        if self._peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise StreamError("its data is damaged (a name is not text).")
            self._expect(":")
            yield key
            char = self._peek()
            self.pos += 1
            if char == "}":
                return
            if char != ",":
                raise StreamError(f"its data is damaged (unexpected {char!r} at character {self.pos}).")

    def items(self) -> Iterator[Any]:
        """The values of the array that starts here."""
        self._expect("[")
        if self._peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            char = self._peek()
            self.pos += 1
            if char == "]":
                return
            if char != ",":
                raise StreamError(f"its data is damaged (unexpected {char!r} at character {self.pos}).")

    def end(self) -> None:
        """Only white space may follow the object."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WS:
                self.pos += 1
            if self.pos < len(self.buf):
                raise StreamError("its data is damaged (something follows the data).")
            if not self._more():
                return


def tables(stream: JsonStream, digest: Any | None = None) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """The tables of a data object as (name, rows); each row iterator must be used up before the next
    table. With ``digest`` (a hashlib object) the canonical bytes are hashed as they go by: the SHA-256
    stored in the manifest. Tables must come in sorted order, as every quizapp writes them."""

    def rows(name: str) -> Iterator[dict[str, Any]]:
        first = True
        for row in stream.items():
            if not isinstance(row, dict):
                raise StreamError(f"its data is damaged ({name} holds something that is not a record).")
            if digest is not None:
                digest.update((b"" if first else b",") + canonical_row(row))
            first = False
            yield row
        if digest is not None:
            digest.update(b"]")

    if digest is not None:
        digest.update(b"{")
    last = ""
    for i, name in enumerate(stream.members()):
        if name <= last:
            raise StreamError("its data is damaged (its tables are out of order).")
        last = name
        if digest is not None:
            digest.update((b"," if i else b"") + canonical_row(name) + b":[")
        yield name, rows(name)
    if digest is not None:
        digest.update(b"}")


def chunked(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
