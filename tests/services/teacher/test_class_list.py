"""Class registers as schools keep them are read, previewed and added without losing or misreading a child."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.progress.errors import InvalidValueError
from quizapp.progress.store import Store
from quizapp.services.learner_names import display_labels
from quizapp.services.teacher.class_list import (
    Entry,
    RegisterError,
    decode_text,
    parse_mapping,
    read_register,
    register_entries,
    sniff_delimiter,
)
from quizapp.services.teacher.roster import add_entries, add_learners
from tests.services.teacher.xlsx import write_xlsx

DATA = Path(__file__).parent / "data"


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as s:
        yield s


def _rows(path: Path) -> list[tuple[str, str, str]]:
    return [(e.name, e.father_name, e.roll_number) for e in register_entries(read_register(path)).entries]


def test_english_register_maps_roll_name_and_father() -> None:
    """'Roll No,Student Name,Father Name' gives names (not 'Roll No' or '1') with fathers and roll numbers."""
    register = read_register(DATA / "register_english.csv")
    assert register.mapping == {0: "roll_number", 1: "name", 2: "father_name"}
    assert _rows(DATA / "register_english.csv")[:2] == [
        ("Ayesha Khan", "Imran Khan", "1"),
        ("Bilal Ahmed", "Naveed Ahmed", "2"),
    ]


def test_urdu_register_with_bom_maps_urdu_headers() -> None:
    """Urdu headers (نمبر شمار, نام طالب علم, ولدیت, کلاس) are recognised in a UTF-8 file with a BOM."""
    register = read_register(DATA / "register_urdu.csv")
    assert register.mapping == {0: "roll_number", 1: "name", 2: "father_name", 3: "class_name"}
    entries = register_entries(register).entries
    first = entries[0]
    assert (first.name, first.father_name, first.class_name) == ("عائشہ خان", "عمران خان", "ششم")


def test_excel_unicode_text_is_split_on_tabs() -> None:
    """Excel's 'Unicode Text' (UTF-16, tab-separated) is split into columns; ages become age bands."""
    register = read_register(DATA / "register_unicode_text.txt")
    assert register.encoding == "utf-16" and register.delimiter == "\t"
    entries = register_entries(register).entries
    assert [(e.name, e.roll_number, e.age_band) for e in entries] == [
        ("Fatima Bibi", "1", "11-13"),
        ("Hamza Tariq", "2", "11-13"),
        ("Sana Yousaf", "3", "8-10"),
    ]


def test_windows_code_page_and_semicolons() -> None:
    """A cp1252 file saved by an older Excel, with ';' between cells, is read (José, not an error)."""
    assert _rows(DATA / "register_cp1252_semicolon.csv") == [
        ("José Pereira", "Antonio Pereira", "1"),
        ("Zoë Masih", "Samuel Masih", "2"),
    ]


def test_cp1256_urdu_falls_back_to_the_arabic_code_page() -> None:
    """Urdu saved in the Windows Arabic code page is read as Urdu, not as Latin letters."""
    text, encoding = decode_text("نام\nعلي گل\n".encode("cp1256"))
    assert encoding == "cp1256" and text.splitlines() == ["نام", "علي گل"]


def test_delimiter_sniffing_ignores_commas_inside_names() -> None:
    """A tab file whose names hold commas is still split on tabs."""
    assert sniff_delimiter("Name\tFather\nAli, Jr\tAsif\nSara\tKhan\n") == "\t"


def test_xlsx_with_a_title_row_above_the_header(tmp_path: Path) -> None:
    """A workbook whose first row is a title reads its header from the second row; roll numbers lose '.0'."""
    book = write_xlsx(
        tmp_path / "register.xlsx",
        [
            ["Government Girls High School, Class 6 Blue, 2026"],
            ["Roll No", "Student Name", "Father Name"],
            [1, "Ayesha Khan", "Imran Khan"],
            [2, "Danish Ali", "Asif Ali"],
        ],
    )
    register = read_register(book)
    assert register.skipped_above == 1 and register.first_line == 3
    assert _rows(book) == [("Ayesha Khan", "Imran Khan", "1"), ("Danish Ali", "Asif Ali", "2")]


def test_two_children_of_the_same_name_are_both_kept() -> None:
    """Two 'Danish Ali' with different fathers are two children; the row pasted twice (line 5) is left out."""
    entries = register_entries(read_register(DATA / "same_names.csv"))
    assert [(e.name, e.father_name) for e in entries.entries] == [
        ("Danish Ali", "Asif Ali"),
        ("Danish Ali", "Liaquat Ali"),
        ("Sana Yousaf", "Muhammad Yousaf"),
    ]
    assert [(line, reason) for line, _, reason in entries.skipped] == [(5, "repeated")]


def test_mapping_can_be_changed_by_number_or_header() -> None:
    """The teacher's mapping wins over the guess: by column number or by header text."""
    register = read_register(DATA / "register_english.csv")
    mapping = parse_mapping("name=3,father_name=Student Name", register)
    assert mapping[2] == "name" and mapping[1] == "father_name" and 0 in mapping
    with pytest.raises(RegisterError, match="unknown field"):
        parse_mapping("mother=1", register)


def test_unreadable_files_say_what_to_do(tmp_path: Path) -> None:
    """An old .xls or an empty file is refused with the file's name and what to do."""
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(RegisterError, match=r"old\.xls.*Save As"):
        read_register(xls)
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n")
    with pytest.raises(RegisterError, match="empty"):
        read_register(empty)


def test_nothing_is_written_until_the_entries_are_added(store: Store) -> None:
    """Reading and mapping a register leaves the store untouched; adding makes learners with details."""
    blue = store.people.create_class("Blue")
    entries = register_entries(read_register(DATA / "register_english.csv")).entries
    assert store.people.list_learners() == []
    result = add_entries(store, entries, class_id=blue.id, avatars=["fox"])
    assert len(result.added) == 5
    danish = [lr for lr in store.people.list_learners(blue.id) if lr.display_name == "Danish Ali"]
    details = sorted((lr.father_name, lr.roll_number) for lr in danish)
    assert details == [("Asif Ali", "3"), ("Liaquat Ali", "4")]
    again = add_entries(store, entries, class_id=blue.id)
    assert again.added == [] and len(again.already_there) == 5


def test_class_column_puts_learners_in_their_classes(store: Store) -> None:
    """A register with a class column makes the missing class and puts each learner in it."""
    entries = register_entries(read_register(DATA / "register_urdu.csv")).entries
    result = add_entries(store, entries, class_id=None)
    assert result.new_classes == ["ششم"]
    (sixth,) = store.people.list_classes()
    assert len(store.people.list_learners(sixth.id)) == 3


def test_a_register_with_a_bad_row_adds_nobody_and_makes_no_class(store: Store) -> None:
    """Adding a register is one transaction: a name the store refuses leaves no new class and no learner
    (and no age band) behind, so the teacher can fix the file and add it again."""
    entries = [
        Entry(1, "Ali", class_name="Seventh", age_band="11-13"),
        Entry(2, "x" * 61, class_name="Eighth"),  # too long for a name
    ]
    with pytest.raises(InvalidValueError):
        add_entries(store, entries, class_id=None)
    assert store.people.list_classes(include_archived=True) == []
    assert store.people.list_learners(include_archived=True) == []
    assert store.reports.counts()["settings"] == 0


def test_same_name_by_hand_needs_a_detail(store: Store) -> None:
    """A second 'Danish Ali' typed without details is refused as already there; with details, added."""
    blue = store.people.create_class("Blue")
    add_learners(store, ["Danish Ali"], class_id=blue.id, father_name="Asif Ali")
    plain = add_learners(store, ["Danish Ali"], class_id=blue.id)
    assert plain.added == [] and plain.needs_detail == ["Danish Ali"]
    other = add_learners(store, ["Danish Ali"], class_id=blue.id, father_name="Liaquat Ali", roll_number="7")
    assert len(other.added) == 1
    labels = display_labels(store.people.list_learners(blue.id))
    assert sorted(labels.values()) == ["Danish Ali (Asif Ali)", "Danish Ali (Liaquat Ali · #7)"]


def test_labels_stay_plain_for_unshared_names(store: Store) -> None:
    """Only names that are shared carry the detail, so a class list stays short."""
    learner = store.people.create_learner("Sara", father_name="Khan", roll_number="3")
    assert display_labels([learner]) == {learner.id: "Sara"}
