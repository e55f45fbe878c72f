"""A question's picture may be given once or per language (a scenario's picture with words in it);
every path is checked like any pack picture, and the position points at the language's line."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.models import picture_for
from tests.content.helpers import MODULE, find, make_pack, validate

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
PER_LANGUAGE = "      type: single\n      image:\n        en: assets/en.svg\n        ur: assets/ur.svg\n"


def test_picture_per_language_is_accepted(tmp_path: Path) -> None:
    """A picture for each language, both inside the pack and real pictures, passes."""
    module = MODULE.replace("      type: single\n", PER_LANGUAGE)
    pack = make_pack(tmp_path, module, extra={"assets/en.svg": SVG, "assets/ur.svg": SVG})
    assert validate(pack).valid


def test_each_language_picture_is_checked(tmp_path: Path) -> None:
    """The Urdu picture is checked too: a missing one is reported on its own line."""
    module = MODULE.replace("      type: single\n", PER_LANGUAGE)
    report = validate(make_pack(tmp_path, module, extra={"assets/en.svg": SVG}))
    problem = find(report, "image 'assets/ur.svg' was not found in the pack")
    assert (problem.line, problem.column) == (16, 13)  # the "ur:" line


def test_a_language_picture_is_checked_for_what_it_holds(tmp_path: Path) -> None:
    """A per-language picture that runs a script is refused like any other pack picture."""
    module = MODULE.replace("      type: single\n", PER_LANGUAGE)
    bad = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    report = validate(make_pack(tmp_path, module, extra={"assets/en.svg": bad, "assets/ur.svg": SVG}))
    assert not report.valid
    assert "assets/en.svg" in find(report, "assets/en.svg").message


def test_the_learners_language_picks_the_picture() -> None:
    """Urdu gets the Urdu picture; a language without one gets the pack's default language's."""
    pictures = {"en": "assets/en.svg", "ur": "assets/ur.svg"}
    assert picture_for(pictures, "ur", "en") == "assets/ur.svg"
    assert picture_for({"en": "assets/en.svg"}, "ur", "en") == "assets/en.svg"
    assert picture_for("assets/one.svg", "ur", "en") == "assets/one.svg"
    assert picture_for(None, "ur", "en") is None
