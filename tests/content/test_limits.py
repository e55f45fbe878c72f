"""Titles, summaries and author names have length limits, reported with file, line and column."""

from __future__ import annotations

from pathlib import Path

from tests.content.helpers import MANIFEST, MODULE, find, make_pack, validate


def test_a_pack_title_over_120_letters_is_refused_with_its_line(tmp_path: Path) -> None:
    """A 225-letter pack title (as in the nested-table attack) is an error at its line in pack.yaml."""
    manifest = MANIFEST.replace("  en: Tiny pack", "  en: " + "<table>" * 15 + "</table>" * 15)
    error = find(validate(make_pack(tmp_path, manifest=manifest)), "pack title is 225 letters")
    assert error.path.endswith("pack.yaml") and (error.line, error.column) == (3, 7)


def test_a_long_module_title_is_refused(tmp_path: Path) -> None:
    """A module title in Urdu over the limit is refused at the Urdu text."""
    module = MODULE.replace("title: {en: One, ur: ایک}", "title: {en: One, ur: " + "ا" * 121 + "}")
    error = find(validate(make_pack(tmp_path, module)), "module title is 121 letters")
    assert error.path.endswith("modules/one.yaml") and error.line == 2


def test_a_long_author_name_is_refused(tmp_path: Path) -> None:
    """An author's name of 101 letters is refused."""
    manifest = MANIFEST.replace("authors: [Test]", "authors: [" + "A" * 101 + "]")
    assert find(validate(make_pack(tmp_path, manifest=manifest)), "author's name").path.endswith("pack.yaml")
