"""Class registers as schools keep them: read a CSV, Excel "Unicode Text" or ``.xlsx`` file, find its header
row (a title row above it is skipped), guess which column holds what (name, father's name, roll number,
class, age band) from English and Urdu headers, and show the teacher a preview to correct before anything
is written.

Reading never changes the store: :func:`read_register` gives a :class:`Register` (the cells and a guessed
mapping); :func:`register_entries` turns it, with the mapping the teacher confirmed, into learners to add;
``services.teacher.roster.add_entries`` adds them.
"""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

Field = Literal["name", "father_name", "roll_number", "class_name", "age_band"]
FIELDS: Final[tuple[Field, ...]] = ("name", "father_name", "roll_number", "class_name", "age_band")
AGE_BANDS: Final = ("8-10", "11-13", "14-17", "adults")
MAX_FILE_BYTES: Final = 20 * 1024 * 1024
MAX_ROWS: Final = 5000
HEADER_SEARCH_ROWS: Final = 10
MAX_NAME_LENGTH: Final = 60

# Header words, compared after folding case, spaces, dots and underscores away (see ``_fold``).
_HEADERS: Final[dict[Field, tuple[str, ...]]] = {
    "name": (
        "name",
        "names",
        "studentname",
        "studentsname",
        "nameofstudent",
        "nameofthestudent",
        "learner",
        "learnername",
        "pupil",
        "pupilname",
        "student",
        "displayname",
        "fullname",
        "childname",
        "نام",
        "نامطالبعلم",
        "نامطالبہ",
        "نامطالبعلمہ",
        "طالبعلم",
        "نامطالبعلم/طالبہ",
        "اسمگرامی",
    ),
    "father_name": (
        "fathername",
        "fathersname",
        "father",
        "fname",
        "parentname",
        "guardianname",
        "s/o",
        "d/o",
        "so/do",
        "ولدیت",
        "ولد",
        "والدکانام",
        "نامولد",
        "نامولدیت",
        "بنت",
        "سرپرست",
    ),
    "roll_number": (
        "rollno",
        "rollnumber",
        "roll",
        "rollnum",
        "srno",
        "sno",
        "serialno",
        "no",
        "number",
        "admissionno",
        "grno",
        "regno",
        "#",
        "نمبرشمار",
        "رولنمبر",
        "نمبر",
        "داخلہنمبر",
        "سیریلنمبر",
    ),
    "class_name": (
        "class",
        "classname",
        "grade",
        "section",
        "form",
        "group",
        "کلاس",
        "جماعت",
        "درجہ",
    ),
    "age_band": ("ageband", "agegroup", "age", "عمر", "عمرکاگروپ"),
}


def _fold(text: str) -> str:
    """A header cell reduced for comparison: case, spaces, dots, underscores, apostrophes and hyphens gone;
    Arabic-script letters made uniform (Arabic yeh/kaf as Urdu writes them)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("ي", "ی").replace("ك", "ک").replace("ى", "ی").replace("ة", "ہ")
    return "".join(ch for ch in text if ch not in " \t._'’-:()")


_LOOKUP: Final[dict[str, Field]] = {_fold(word): f for f, words in _HEADERS.items() for word in words}


class RegisterError(ValueError):
    """The file cannot be read as a class list; the message says which file and what to do."""


@dataclass(slots=True)
class Register:
    """A class list as read: its header (empty when it has none), its data rows and a guessed mapping of
    column index -> field (columns not named in ``mapping`` are not used)."""

    source: str
    header: list[str]
    rows: list[list[str]]
    first_line: int  # the file's line (or sheet row) of rows[0], counting from 1
    mapping: dict[int, Field] = field(default_factory=dict)
    skipped_above: int = 0  # title rows above the header
    encoding: str = ""
    delimiter: str = ""

    @property
    def width(self) -> int:
        return max([len(self.header), *(len(r) for r in self.rows)], default=0)


@dataclass(frozen=True, slots=True)
class Entry:
    """One learner to add, from one row of a register."""

    line: int
    name: str
    father_name: str = ""
    roll_number: str = ""
    class_name: str = ""
    age_band: str = ""

    def key(self) -> tuple[str, str, str]:
        return (_fold_name(self.name), _fold_name(self.father_name), self.roll_number.strip().casefold())


def _fold_name(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass(slots=True)
class Entries:
    """The learners a register gives with a mapping, and the rows left out with why (reason codes:
    ``no_name``, ``too_long``, ``repeated``, ``bad_age``)."""

    entries: list[Entry] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason)


# ------------------------------------------------------------------------------------------ decoding
def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file in any encoding a school's computer writes, and the encoding's name: UTF-8 (with or
    without a byte-order mark), UTF-16 with a mark (Excel's "Unicode Text"), UTF-16 without one (many zero
    bytes), else Windows code pages: cp1256 (Urdu/Arabic) when it reads as Arabic script, else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    sample = data[:4000]
    if sample and sample.count(0) > len(sample) // 4:
        even_zeros = sample[1::2].count(0) > sample[0::2].count(0)
        codec = "utf-16-le" if even_zeros else "utf-16-be"
        return data.decode(codec, errors="replace"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    arabic = data.decode("cp1256", errors="replace")
    high = sum(1 for b in data if b >= 0x80)
    letters = sum(1 for ch in arabic if "\u0600" <= ch <= "\u06ff")
    if high and letters >= high * 0.8:
        return arabic, "cp1256"
    return data.decode("cp1252", errors="replace"), "cp1252"


def sniff_delimiter(text: str) -> str:
    """``,``, ``;`` or tab: the one found the same number of times (and most often) on the first lines."""
    lines = [line for line in text.splitlines()[:20] if line.strip()]
    best, best_score = ",", -1
    for delimiter in ("\t", ";", ","):
        counts = [line.count(delimiter) for line in lines]
        if not counts or max(counts) == 0:
            continue
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * 100 + common
        if common and score > best_score:
            best, best_score = delimiter, score
    return best


def _csv_rows(text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        return [row for _, row in zip(range(MAX_ROWS + HEADER_SEARCH_ROWS), reader, strict=False)]
    except csv.Error as exc:
        raise RegisterError(f"line {reader.line_num}: {exc}") from exc


def _xlsx_rows(path: Path) -> list[list[str]]:
    """The first sheet's cells as text (numbers such as roll numbers without a trailing '.0')."""
    try:
        from python_calamine import CalamineWorkbook
    except ImportError as exc:  # pragma: no cover - a dependency of quizapp
        raise RegisterError("this quizapp cannot read .xlsx files; save the sheet as CSV") from exc
    try:
        book = CalamineWorkbook.from_path(str(path))
        names = book.sheet_names
        if not names:
            return []
        sheet = book.get_sheet_by_name(names[0])
        values = sheet.to_python(skip_empty_area=False, nrows=MAX_ROWS + HEADER_SEARCH_ROWS)
    except Exception as exc:  # calamine raises its own error types for damaged workbooks
        raise RegisterError(
            f"the workbook cannot be read ({exc}); open it in Excel and save it again"
        ) from exc
    rows: list[list[str]] = []
    for values_row in values:
        cells: list[str] = []
        for value in values_row:
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            cells.append("" if value is None else str(value))
        rows.append(cells)
    return rows


def read_rows(path: Path) -> tuple[list[list[str]], str, str]:
    """All rows of a register file as text cells, with the encoding and delimiter found ("" for xlsx)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise RegisterError(
                f"{path.name}: the file is {size // (1024 * 1024)} MB; a class list is much smaller. "
                "Choose the class list file."
            )
        with path.open("rb") as handle:
            magic = handle.read(4)
        if magic.startswith(b"PK\x03\x04"):
            if not zipfile.is_zipfile(path):
                raise RegisterError(
                    f"{path.name}: the workbook is damaged; open it in Excel and save it again"
                )
            try:
                return _xlsx_rows(path), "", ""
            except RegisterError as exc:
                raise RegisterError(f"{path.name}: {exc}") from exc
        if magic.startswith(b"\xd0\xcf\x11\xe0"):
            raise RegisterError(
                f"{path.name}: this is an old Excel (.xls) file; in Excel choose Save As and 'Excel Workbook "
                "(.xlsx)' or 'CSV UTF-8', then try again"
            )
        data = path.read_bytes()
    except OSError as exc:
        raise RegisterError(f"{path.name}: the file cannot be read: {exc.strerror or exc}") from exc
    head = data[:4000]
    marked = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if b"\x00" in head and not marked and head.count(0) <= len(head) // 4:
        raise RegisterError(f"{path.name}: this is not a text file or spreadsheet; choose the class list")
    text, encoding = decode_text(data)
    delimiter = sniff_delimiter(text) if path.suffix.lower() != ".txt" or "\t" in text else "\n"
    if delimiter == "\n":
        return [[line] for line in text.splitlines()], encoding, ""
    try:
        return _csv_rows(text, delimiter), encoding, delimiter
    except RegisterError as exc:
        raise RegisterError(f"{path.name}: {exc}") from exc


# ------------------------------------------------------------------------------------------- header
def header_field(cell: str) -> Field | None:
    """The field a header cell names, or None ("Roll No" -> roll_number, "ولدیت" -> father_name)."""
    folded = _fold(cell)
    if not folded:
        return None
    found = _LOOKUP.get(folded)
    if found is not None:
        return found
    # "Name of Student (in English)", "Father's Name / ولدیت": look for a known word inside
    for f in ("father_name", "roll_number", "name", "class_name", "age_band"):
        for word in _HEADERS[f]:
            w = _fold(word)
            if len(w) >= 4 and w in folded:
                return f
    return None


def _guess_mapping(header: Sequence[str]) -> dict[int, Field]:
    mapping: dict[int, Field] = {}
    for index, cell in enumerate(header):
        f = header_field(cell)
        if f is not None and f not in mapping.values():
            mapping[index] = f
    return mapping


def _is_number(text: str) -> bool:
    t = text.strip()
    return bool(t) and (t.isdigit() or t.replace("-", "").replace("/", "").isdigit())


def _guess_without_header(rows: Sequence[Sequence[str]]) -> dict[int, Field]:
    """No header: the first mostly-numeric column is the roll number, the first text column the name, the
    next text column the father's name."""
    width = max((len(r) for r in rows), default=0)
    sample = rows[:50]
    mapping: dict[int, Field] = {}
    for column in range(width):
        cells = [r[column].strip() for r in sample if column < len(r) and r[column].strip()]
        if not cells:
            continue
        numeric = sum(_is_number(c) for c in cells) >= len(cells) * 0.8
        taken = set(mapping.values())
        if numeric and "roll_number" not in taken:
            mapping[column] = "roll_number"
        elif not numeric and "name" not in taken:
            mapping[column] = "name"
        elif not numeric and "father_name" not in taken:
            mapping[column] = "father_name"
    return mapping


def read_register(path: Path) -> Register:
    """Read a class list and guess its columns. ``RegisterError`` (with the file's name and what to do) when
    it cannot be read or holds nobody."""
    path = Path(path)
    rows, encoding, delimiter = read_rows(path)
    rows = [[cell.strip() for cell in r] for r in rows]
    while rows and not any(rows[-1]):
        rows.pop()
    if not any(any(r) for r in rows):
        raise RegisterError(f"{path.name}: the file is empty; choose the class list")
    if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS - 1:
        raise RegisterError(
            f"{path.name}: more than {MAX_ROWS} rows; a class list is shorter. Split the file by class."
        )
    header_at = -1
    best = 0
    for index, r in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = _guess_mapping(r)
        # a header names the learner's column; a title row ("Class 6 Blue register 2026") names one cell
        score = len(found) + (2 if "name" in found.values() else 0)
        if score > best and ("name" in found.values() or len(found) >= 2):
            header_at, best = index, score
    if header_at >= 0:
        header = rows[header_at]
        data = rows[header_at + 1 :]
        mapping = _guess_mapping(header)
        if "name" not in mapping.values():
            free = [i for i in range(len(header)) if i not in mapping and header[i]]
            if free:
                mapping[free[0]] = "name"
        register = Register(path.name, header, data, header_at + 2, mapping, header_at, encoding, delimiter)
    else:
        register = Register(path.name, [], rows, 1, _guess_without_header(rows), 0, encoding, delimiter)
    return register


# ------------------------------------------------------------------------------------------- entries
def _band(text: str) -> str | None:
    t = text.strip().replace(" ", "").replace("–", "-")
    if not t:
        return ""
    if t.casefold() in ("adult", "adults", "بالغ"):
        return "adults"
    if t in AGE_BANDS:
        return t
    if t.isdigit():
        age = int(t)
        for band in AGE_BANDS[:-1]:
            low, high = (int(x) for x in band.split("-"))
            if low <= age <= high:
                return band
        return "adults" if age >= 18 else None
    return None


def register_entries(register: Register, mapping: Mapping[int, Field] | None = None) -> Entries:
    """The learners of a register with a mapping (the guessed one when None). Rows without a name, names
    longer than 60 letters and exact repeats (same name, father's name and roll number) are left out and
    listed; two children of the same name with different details are both kept."""
    mapping = dict(register.mapping if mapping is None else mapping)
    columns = {f: i for i, f in mapping.items()}
    result = Entries()
    seen: set[tuple[str, str, str]] = set()

    def cell(cells: Sequence[str], f: Field) -> str:
        i = columns.get(f)
        return " ".join(cells[i].split()) if i is not None and i < len(cells) else ""

    for number, cells in enumerate(register.rows, register.first_line):
        if not any(cells):
            continue
        name = cell(cells, "name")
        text = " ".join(c for c in cells if c)
        if not name:
            result.skipped.append((number, text, "no_name"))
            continue
        if len(name) > MAX_NAME_LENGTH:
            result.skipped.append((number, name, "too_long"))
            continue
        band = _band(cell(cells, "age_band"))
        if band is None:
            result.skipped.append((number, cell(cells, "age_band"), "bad_age"))
            band = ""
        entry = Entry(
            number,
            name,
            cell(cells, "father_name")[:60],
            cell(cells, "roll_number")[:20],
            cell(cells, "class_name")[:100],
            band,
        )
        if entry.key() in seen:
            result.skipped.append((number, name, "repeated"))
            continue
        seen.add(entry.key())
        result.entries.append(entry)
    return result


def parse_mapping(text: str, register: Register) -> dict[int, Field]:
    """A mapping typed on the command line: ``name=2,father_name=3`` (columns counted from 1) or by header
    (``name="Student Name"``). ``RegisterError`` says what is wrong."""
    mapping: dict[int, Field] = dict(register.mapping)
    folded_header = [_fold(h) for h in register.header]
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, _, value = part.partition("=")
        key, value = key.strip(), value.strip().strip("\"'")
        if key not in FIELDS:
            raise RegisterError(f"--columns: unknown field {key!r}; use one of {', '.join(FIELDS)}")
        if value.isdigit() and 1 <= int(value) <= max(register.width, 1):
            index = int(value) - 1
        elif _fold(value) in folded_header:
            index = folded_header.index(_fold(value))
        else:
            raise RegisterError(
                f"--columns: {key}={value!r} is neither a column number (1 to {register.width}) nor a header"
            )
        mapping = {i: f for i, f in mapping.items() if f != key and i != index}
        mapping[index] = key
    return mapping


# ------------------------------------------------------------------------------------------- writing
REGISTER_COLUMNS: Final = ("Roll No", "Student Name", "Father Name", "Class", "Age group", "quizapp id")


def write_register_csv(out: Path, rows: Sequence[Sequence[str]]) -> None:
    """Write a class list as a spreadsheet-ready CSV with the columns ``REGISTER_COLUMNS``."""
    from quizapp.services.teacher.exports import write_csv

    write_csv(out, REGISTER_COLUMNS, rows)
