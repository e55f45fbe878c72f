"""Converting several files: format detection, ids, modules, languages and the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.importers import convert_files
from quizapp.importers.ids import IdAllocator, prompt_slug, slugify
from tests.importers.helpers import convert_text, warnings_text


def test_txt_files_are_sniffed_as_aiken_or_gift(tmp_path: Path) -> None:
    """A .txt with ANSWER lines is Aiken; one with answers in braces is GIFT."""
    aiken = convert_text(tmp_path, "a.txt", "Q?\nA. x\nB. y\nANSWER: A\n")
    gift = convert_text(tmp_path, "g.txt", "Q?{T}\n")
    assert aiken.converted[0].question.type == "single"
    assert gift.converted[0].question.type == "true_false"
    neither = convert_text(tmp_path, "n.txt", "Just some notes.\n")
    assert "cannot tell whether this .txt file is Aiken or GIFT" in neither.errors[0].message


def test_unsupported_and_missing_files_are_errors_not_crashes(tmp_path: Path) -> None:
    """A .docx or a missing file is reported; the other files still convert."""
    good = tmp_path / "ok.gift"
    good.write_text("Q?{T}\n", encoding="utf-8")
    docx = tmp_path / "bank.docx"
    docx.write_bytes(b"PK\x03\x04")
    report = convert_files([docx, tmp_path / "missing.csv", good], display=lambda p: p.name)
    assert len(report.converted) == 1
    assert [e.file for e in report.errors] == ["bank.docx", "missing.csv"]
    assert "cannot read '.docx' files" in report.errors[0].message
    assert "cannot read the file" in report.errors[1].message


def test_ids_are_unique_across_files_and_modules(tmp_path: Path) -> None:
    """The same question title in two files gets two different ids."""
    first = tmp_path / "one.gift"
    second = tmp_path / "two.gift"
    for path in (first, second):
        path.write_text("::Grant's tomb::Who is buried there?{=no one ~Grant}\n", encoding="utf-8")
    report = convert_files([first, second])
    assert [c.question.id for c in report.converted] == ["grants-tomb", "grants-tomb-2"]
    assert [m.id for m in report.modules] == ["one", "two"]


def test_explicit_id_that_is_taken_or_invalid_is_reported(tmp_path: Path) -> None:
    """A CSV id used twice, or not a valid id, is changed and the change is a warning."""
    report = convert_text(
        tmp_path,
        "ids.csv",
        "id,type,prompt,correct,explanation\nsame,true_false,A?,true,E.\nsame,true_false,B?,true,E.\n"
        "Bad Id!,true_false,C?,true,E.\n",
    )
    assert [c.question.id for c in report.converted] == ["same", "same-2", "bad-id"]
    text = warnings_text(report)
    assert "the id 'same' is already used in this pack; the question got the id 'same-2'" in text
    assert "the id 'Bad Id!' is not a valid id; the question got the id 'bad-id'" in text


def test_slugs() -> None:
    """Ids are ASCII slugs: accents are dropped, other scripts fall back to the next candidate."""
    assert slugify("Création d'une instance") == "creation-dune-instance"
    assert slugify("پاس ورڈ") == ""
    assert prompt_slug("Who's buried in Grant's tomb? And why not?") == "whos-buried-in-grants-tomb-and"
    ids = IdAllocator()
    assert ids.take(["پاس ورڈ", ""], "question") == "question"
    assert ids.take(["", "Question"], "x") == "question-2"


def test_entries_are_ordered_by_file_and_line(tmp_path: Path) -> None:
    """The report lists files in the order given and, inside each, by line."""
    second = tmp_path / "b.gift"
    second.write_text("Essay?{}\n\nOK?{T}\n", encoding="utf-8")
    first = tmp_path / "a.txt"
    first.write_text("Q?\nA. x\nB. y\nANSWER: A\n", encoding="utf-8")
    report = convert_files([second, first], display=lambda p: p.name)
    assert [(e.file, e.line, e.kind) for e in report.entries()] == [
        ("b.gift", 1, "skipped"),
        ("b.gift", 3, "converted"),
        ("b.gift", 3, "warning"),
        ("a.txt", 1, "converted"),
        ("a.txt", 1, "warning"),
    ]


def test_a_file_with_no_questions_says_so(tmp_path: Path) -> None:
    """A file that holds only a category is not silently empty."""
    report = convert_text(tmp_path, "cat.gift", "$CATEGORY: $course$/top/Empty\n")
    assert not report.converted
    assert "no questions were found in this file" in warnings_text(report)


def test_bad_language_code_is_refused() -> None:
    """The API refuses a language that is not a code."""
    with pytest.raises(ValueError, match="not a language code"):
        convert_files([], language="English")
