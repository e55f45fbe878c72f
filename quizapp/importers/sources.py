"""Read a question bank file as text, explaining clearly when it is not UTF-8 and how to fix that."""

from __future__ import annotations

from pathlib import Path

MAX_SOURCE_BYTES = 20 * 1024 * 1024

CSV_ADVICE = (
    'in Excel choose File > Save As and pick "CSV UTF-8 (Comma delimited) (*.csv)"; in LibreOffice '
    'Calc choose File > Save As, tick "Edit filter settings" and pick "Unicode (UTF-8)"'
)
TEXT_ADVICE = 'open it in Notepad, choose File > Save As and set "Encoding" to "UTF-8"'


class SourceProblem(Exception):
    """A file that cannot be read as text; ``line`` is where the problem is (1 for the whole file)."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def read_bytes(path: Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceProblem(
                f"the file is {size / 1048576:.1f} MB; quizapp reads files up to {max_bytes // 1048576} MB"
            )
        return path.read_bytes()
    except OSError as exc:
        raise SourceProblem(f"cannot read the file: {exc.strerror or exc}") from exc


def _looks_utf16(raw: bytes) -> bool:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = raw[:4000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.3


def decode(raw: bytes, advice: str) -> str:
    """UTF-8 text (with or without a byte-order mark) with '\\n' line ends, or a :class:`SourceProblem`."""
    if raw.startswith(b"PK\x03\x04"):
        raise SourceProblem(f"this is a workbook or archive (such as .xlsx), not a text file; {advice}")
    if _looks_utf16(raw):
        raise SourceProblem(f'the file is saved as UTF-16 ("Unicode text"), not UTF-8; {advice}')
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise SourceProblem("this is a binary file, not text", line)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        try:
            raw.decode("cp1252")
            guess = 'it looks like Windows-1252 ("ANSI"), which cannot hold Urdu'
        except UnicodeDecodeError:
            guess = "it is in another encoding"
        raise SourceProblem(
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}; {guess}); {advice}",
            line,
        ) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, advice: str) -> str:
    return decode(read_bytes(path), advice)
