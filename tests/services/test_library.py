"""The pack library: built-in and installed packs, overriding, broken packs kept away from students."""

from __future__ import annotations

import shutil
from pathlib import Path

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.paths import builtin_packs_dir
from quizapp.services.library import PackLibrary

EXAMPLE_QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type

EXAMPLE = builtin_packs_dir() / "example"


def copy_pack(
    dest: Path, *, pack_id: str = "example", version: str = "1.0.0", age_band: str = "11-13"
) -> Path:
    """A copy of the example pack with another id, version or age band."""
    shutil.copytree(EXAMPLE, dest)
    manifest = dest / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("id: example", f"id: {pack_id}").replace('version: "1.0.0"', f'version: "{version}"')
    manifest.write_text(text, encoding="utf-8")
    module = dest / "modules" / "safe-basics.yaml"
    module.write_text(
        module.read_text(encoding="utf-8").replace('age_band: "11-13"', f'age_band: "{age_band}"'),
        encoding="utf-8",
    )
    return dest


def test_builtin_packs_load_without_installed_folder(tmp_path: Path) -> None:
    """A missing installed folder is fine: the built-in packs are there."""
    library = PackLibrary(builtin_packs_dir(), tmp_path / "packs")
    assert library.pack("example") is not None
    assert library.is_builtin("example")


def test_broken_pack_is_kept_apart(tmp_path: Path) -> None:
    """A pack that fails validation is listed in broken with its diagnostics, never in packs."""
    builtin, installed = tmp_path / "builtin", tmp_path / "packs"
    copy_pack(builtin / "good")
    bad = copy_pack(installed / "bad", pack_id="bad-pack")
    (bad / "modules" / "safe-basics.yaml").unlink()
    library = PackLibrary(builtin, installed)
    assert [p.id for p in library.packs] == ["example"]
    assert [b.folder.name for b in library.broken] == ["bad"]
    assert not library.broken[0].builtin
    assert any("was not found" in m for m in library.broken[0].messages)


def test_installed_folder_without_manifest_is_broken(tmp_path: Path) -> None:
    """A stray folder among installed packs is reported, not silently ignored."""
    installed = tmp_path / "packs"
    (installed / "stray").mkdir(parents=True)
    library = PackLibrary(tmp_path / "none", installed)
    assert library.packs == []
    assert "no pack.yaml" in library.broken[0].messages[0]


def test_installed_pack_overrides_builtin_with_same_id(tmp_path: Path) -> None:
    """An installed pack replaces the built-in one with the same id."""
    builtin, installed = tmp_path / "builtin", tmp_path / "packs"
    copy_pack(builtin / "example")
    copy_pack(installed / "example", version="2.0.0")
    library = PackLibrary(builtin, installed)
    assert [(p.id, p.version) for p in library.packs] == [("example", "2.0.0")]
    assert not library.is_builtin("example")


def test_broken_installed_copy_keeps_the_builtin_pack(tmp_path: Path) -> None:
    """When the installed copy of a built-in pack is broken, students keep the built-in one."""
    builtin, installed = tmp_path / "builtin", tmp_path / "packs"
    copy_pack(builtin / "example")
    broken = copy_pack(installed / "example", version="2.0.0")
    (broken / "pack.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    library = PackLibrary(builtin, installed)
    assert [(p.id, p.version) for p in library.packs] == [("example", "1.0.0")]
    assert len(library.broken) == 1


def test_modules_for_filters_by_age_band_and_enabled_packs(tmp_path: Path) -> None:
    """Students see modules of their age band in enabled packs only."""
    builtin = tmp_path / "builtin"
    copy_pack(builtin / "one", pack_id="one", age_band="8-10")
    copy_pack(builtin / "two", pack_id="two", age_band="11-13")
    library = PackLibrary(builtin, tmp_path / "packs")
    assert [e.pack_id for e in library.modules_for("8-10")] == ["one"]
    assert [e.pack_id for e in library.modules_for("11-13")] == ["two"]
    assert [e.pack_id for e in library.modules_for(None)] == ["one", "two"]
    assert library.modules_for(None, {"two"})[0].key == ("two", "safe-basics")
    assert library.modules_for("8-10", set()) == []


def test_reload_sees_new_and_removed_packs(tmp_path: Path) -> None:
    """reload() picks up packs installed or removed since the library was read."""
    installed = tmp_path / "packs"
    library = PackLibrary(tmp_path / "builtin", installed)
    assert library.packs == []
    copy_pack(installed / "new", pack_id="new")
    assert library.packs == []  # read once, until reloaded
    library.reload()
    assert [p.id for p in library.packs] == ["new"]
    shutil.rmtree(installed / "new")
    library.reload()
    assert library.packs == []


def test_entry_finds_a_module(tmp_path: Path) -> None:
    """entry() gives a module with its pack, or None for unknown ids."""
    library = PackLibrary(builtin_packs_dir(), tmp_path / "packs")
    entry = library.entry("example", "safe-basics")
    assert entry is not None and entry.module.id == "safe-basics" and entry.pack.id == "example"
    assert library.entry("example", "nope") is None
    assert library.entry("nope", "safe-basics") is None


def test_adults_see_the_parents_and_teachers_modules_and_children_never_do() -> None:
    """The "adults" band gives the modules written for parents and teachers; no student band shows them."""
    library = PackLibrary(builtin_packs_dir(), Path("/nonexistent-installed-packs"))
    adults = library.modules_for("adults")
    assert {e.module.audience for e in adults} == {"parents", "teachers"}
    for band in ("8-10", "11-13", "14-17", None):
        assert all(e.module.audience == "students" for e in library.modules_for(band))


def test_a_second_start_validates_nothing_and_reads_a_module_only_when_opened(tmp_path: Path) -> None:
    """The catalogue of unchanged packs comes from the cache; a module's questions are read on first use."""
    builtin, installed = tmp_path / "builtin", tmp_path / "data" / "packs"
    copy_pack(builtin / "example")
    copy_pack(installed / "mine", pack_id="mine")
    first = PackLibrary(builtin, installed)
    assert len(first.modules_for(None)) == 2 and first.validations == 2
    again = PackLibrary(builtin, installed)
    entries = again.modules_for(None)
    assert again.validations == 0 and [e.facts.questions for e in entries] == [EXAMPLE_QUESTIONS] * 2
    assert entries[1].pack._modules == {}  # nothing read yet
    assert len(entries[1].module.quiz.questions) == EXAMPLE_QUESTIONS


def test_a_changed_builtin_pack_is_validated_again(tmp_path: Path) -> None:
    """After an update changes a built-in pack, the next start checks it again (and only it)."""
    builtin, installed = tmp_path / "builtin", tmp_path / "data" / "packs"
    copy_pack(builtin / "example")
    copy_pack(builtin / "other", pack_id="other")
    PackLibrary(builtin, installed).reload()
    module = builtin / "other" / "modules" / "safe-basics.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("Safe basics", "Safe basics 2"), "utf-8")
    library = PackLibrary(builtin, installed)
    library.reload()
    assert library.validations == 1
    assert library.entry("other", "safe-basics").facts.title["en"].startswith("Safe basics 2")  # type: ignore[union-attr]


def test_a_damaged_cache_only_means_validating_again(tmp_path: Path) -> None:
    """A cache file cut short or holding rubbish is ignored; packs are validated and the cache rewritten."""
    builtin, installed = tmp_path / "builtin", tmp_path / "data" / "packs"
    copy_pack(builtin / "example")
    PackLibrary(builtin, installed).reload()
    cache = tmp_path / "data" / "cache" / "pack-catalogue.json"
    cache.write_text('{"format": 1, "folders": {"x": [', encoding="utf-8")
    library = PackLibrary(builtin, installed)
    assert library.get("example") is not None and library.validations == 1
    assert PackLibrary(builtin, installed).pack_ids() == {"example"}
