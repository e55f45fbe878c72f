"""Installing, updating, listing, switching and removing packs in a data folder."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from quizapp.content.vocab import QUESTION_TYPES
from quizapp.progress.store import Store
from quizapp.services.teacher.packs import InstallOutcome, PackError, PackErrorKind, PackManager, version_key
from tests.services.teacher.journey import EXAMPLE, example_pack, take_quiz

EXAMPLE_QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type


def make_pack(tmp_path: Path, pack_id: str = "mine", version: str = "1.0.0", name: str = "src") -> Path:
    """A copy of the example pack with another id and version."""
    folder = tmp_path / name
    shutil.copytree(EXAMPLE, folder)
    manifest = folder / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    text = text.replace("id: example", f"id: {pack_id}").replace('version: "1.0.0"', f'version: "{version}"')
    manifest.write_text(text, encoding="utf-8")
    return folder


def zip_folder(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            zf.write(path, Path(folder.name) / path.relative_to(folder))
    return archive


@pytest.fixture
def store(tmp_path: Path):
    with Store.open(tmp_path / "data") as opened:
        yield opened


@pytest.fixture
def manager(store: Store, tmp_path: Path) -> PackManager:
    builtin = tmp_path / "builtin"
    builtin.mkdir()
    shutil.copytree(EXAMPLE, builtin / "example")
    return PackManager(store, tmp_path / "data", builtin)


def leftovers(manager: PackManager) -> list[str]:
    return sorted(p.name for p in manager.installed_dir.iterdir() if p.name.startswith("."))


def test_version_key_compares_as_numbers() -> None:
    """1.10 is newer than 1.9, and 1.2 equals 1.2.0."""
    assert version_key("1.10") > version_key("1.9")
    assert version_key("1.2") == version_key("1.2.0")


def test_install_from_folder_registers_and_lists_the_pack(
    manager: PackManager, store: Store, tmp_path: Path
) -> None:
    """A valid folder is copied to packs/<id>, registered, and listed with its facts."""
    result = manager.install(make_pack(tmp_path))
    assert result.outcome is InstallOutcome.INSTALLED
    assert (manager.installed_dir / "mine" / "pack.yaml").is_file()
    record = store.packs.get_pack("mine")
    assert record is not None and record.version == "1.0.0" and record.enabled
    info = manager.list_packs().get("mine")
    assert info is not None and not info.builtin
    assert info.authors == ("quizapp team",)
    assert info.languages == ("en", "ur")
    assert info.review_status == {"en": "reviewed", "ur": "draft"}
    assert [(m.id, m.questions) for m in info.modules] == [("safe-basics", EXAMPLE_QUESTIONS)]
    assert info.question_count == EXAMPLE_QUESTIONS
    assert leftovers(manager) == []


def test_install_from_zip_with_top_folder(manager: PackManager, tmp_path: Path) -> None:
    """A .zip holding the pack folder installs under the pack's id."""
    archive = zip_folder(make_pack(tmp_path, "zipped"), tmp_path / "zipped.zip")
    assert manager.install(archive).pack.id == "zipped"
    assert (manager.installed_dir / "zipped" / "modules" / "safe-basics.yaml").is_file()


def test_broken_pack_is_refused_with_file_and_line_and_leaves_nothing(
    manager: PackManager, tmp_path: Path
) -> None:
    """A pack with errors never appears; the errors name the file and line."""
    folder = make_pack(tmp_path, "broken")
    module = folder / "modules" / "safe-basics.yaml"
    module.write_text(
        module.read_text(encoding="utf-8").replace("correct: b", "correct: z"), encoding="utf-8"
    )
    with pytest.raises(PackError) as caught:
        manager.install(folder)
    assert caught.value.kind is PackErrorKind.INVALID
    errors = caught.value.errors
    assert errors and errors[0].path == "src/modules/safe-basics.yaml" and errors[0].line > 1
    assert "'z' is not one of the options" in errors[0].message
    assert not (manager.installed_dir / "broken").exists()
    assert leftovers(manager) == []


def test_damaged_zip_is_refused_and_leaves_nothing(manager: PackManager, tmp_path: Path) -> None:
    """A zip that is not a zip is refused with a readable reason."""
    bad = tmp_path / "bad.zip"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(PackError) as caught:
        manager.install(bad)
    assert "not a readable .zip" in caught.value.errors[0].message
    assert leftovers(manager) == []


def test_update_keeps_progress_and_downgrade_needs_force(
    manager: PackManager, store: Store, tmp_path: Path
) -> None:
    """A newer version replaces the folder, answers stay; an older one is refused unless forced."""
    manager.install(make_pack(tmp_path, "mine", "1.0.0", "v1"))
    learner = store.people.create_learner("Sana")
    pack = example_pack()
    pack.manifest = pack.manifest.model_copy(update={"id": "mine"})
    take_quiz(store, pack, "safe-basics", learner.id)
    updated = manager.install(make_pack(tmp_path, "mine", "1.1.0", "v2"))
    assert updated.outcome is InstallOutcome.UPDATED and updated.previous_version == "1.0.0"
    assert store.progress.get_module_progress(learner.id, "mine", "safe-basics").passed
    with pytest.raises(PackError) as caught:
        manager.install(make_pack(tmp_path, "mine", "0.9", "old"))
    assert caught.value.kind is PackErrorKind.DOWNGRADE
    assert manager.list_packs().get("mine").version == "1.1.0"  # type: ignore[union-attr]
    forced = manager.install(make_pack(tmp_path, "mine", "0.9", "old2"), force=True)
    assert forced.outcome is InstallOutcome.DOWNGRADED
    assert leftovers(manager) == []


def test_interrupted_install_leftovers_are_cleaned_and_never_listed(
    manager: PackManager, tmp_path: Path
) -> None:
    """A staging folder left by a crash is not a pack and is removed by the next install."""
    manager.installed_dir.mkdir(parents=True, exist_ok=True)
    stale = manager.installed_dir / ".install-crashed"
    shutil.copytree(make_pack(tmp_path, "half"), stale / "pack")
    assert manager.list_packs().get("half") is None
    manager.install(make_pack(tmp_path, "mine", name="fresh"))
    assert not stale.exists()


def test_broken_installed_folder_is_listed_with_why(manager: PackManager) -> None:
    """A folder in packs/ that does not load is reported as broken, not offered."""
    folder = manager.installed_dir / "junk"
    folder.mkdir(parents=True)
    listing = manager.list_packs()
    assert listing.get("junk") is None
    broken = [b for b in listing.broken if b.folder.name == "junk"]
    assert broken and "no pack.yaml" in broken[0].diagnostics[0].message


def test_builtin_pack_cannot_be_removed_only_switched_off(manager: PackManager, store: Store) -> None:
    """Removing a built-in pack is refused; switching it off is remembered."""
    with pytest.raises(PackError) as caught:
        manager.remove("example")
    assert caught.value.kind is PackErrorKind.BUILTIN
    manager.set_enabled("example", False)
    assert manager.list_packs().get("example").enabled is False  # type: ignore[union-attr]
    assert "example" not in manager.enabled_for_class(None)


def test_remove_installed_pack_and_fall_back_to_builtin(
    manager: PackManager, store: Store, tmp_path: Path
) -> None:
    """Removing an installed pack deletes its folder; one that replaced a built-in brings it back."""
    manager.install(make_pack(tmp_path, "mine"))
    assert manager.remove("mine") is None
    assert not (manager.installed_dir / "mine").exists() and store.packs.get_pack("mine") is None
    manager.install(make_pack(tmp_path, "example", "2.0", "newer"), replace_builtin=True)
    assert manager.list_packs().get("example").overrides_builtin  # type: ignore[union-attr]
    restored = manager.remove("example")
    assert restored is not None and restored.builtin and restored.version == "1.0.0"
    with pytest.raises(PackError):
        manager.remove("nothing-here")


def test_packs_per_class(manager: PackManager, store: Store, tmp_path: Path) -> None:
    """A class can leave out a pack that other classes keep."""
    manager.install(make_pack(tmp_path, "mine"))
    blue = store.people.create_class("Blue")
    green = store.people.create_class("Green")
    manager.set_enabled_for_class(blue.id, "mine", False)
    assert manager.enabled_for_class(blue.id) == {"example"}
    assert manager.enabled_for_class(green.id) == {"example", "mine"}
    assert store.settings.enabled_packs(blue.id) == {"example"}


def test_a_pack_with_a_built_in_id_needs_replace_built_in_and_says_so(
    manager: PackManager, tmp_path: Path
) -> None:
    """A pack using a built-in pack's id is refused, naming the file and the option, and nothing changes."""
    with pytest.raises(PackError) as refused:
        manager.install(make_pack(tmp_path, "example", "9.0", "lookalike"))
    assert refused.value.kind is PackErrorKind.REPLACES_BUILTIN
    assert "'example'" in str(refused.value) and "--replace-built-in" in str(refused.value)
    assert manager.list_packs().get("example").builtin  # type: ignore[union-attr]
    assert not (manager.installed_dir / "example").exists()


def test_a_folder_copied_in_by_hand_is_one_pack_for_learners_teacher_and_remove(
    manager: PackManager, store: Store, tmp_path: Path
) -> None:
    """A folder whose name is not its id is usable, listed as installed (not broken), switched off and removed
    by id or by folder name; learners see exactly what the teacher is told."""
    manager.installed_dir.mkdir(parents=True)
    shutil.copytree(make_pack(tmp_path, "mine"), manager.installed_dir / "Copy of mine")
    manager.library.reload()
    listing = manager.list_packs()
    assert listing.broken == () and listing.get("mine") is not None
    assert manager.library.get("mine") is not None  # learners get it too
    manager.set_enabled("mine", False)
    assert "mine" not in manager.enabled_for_class(None)
    assert manager.remove("Copy of mine") is None
    assert not (manager.installed_dir / "Copy of mine").exists()
    assert manager.list_packs().get("mine") is None and manager.library.get("mine") is None


def test_a_broken_folder_can_be_removed_by_its_name(manager: PackManager, tmp_path: Path) -> None:
    """Any folder under packs/, even one that is not a pack at all, can be removed by name."""
    junk = manager.installed_dir / "junk"
    junk.mkdir(parents=True)
    (junk / "notes.txt").write_text("hello", encoding="utf-8")
    manager.library.reload()
    assert [b.folder.name for b in manager.list_packs().broken] == ["junk"]
    manager.remove("junk")
    assert not junk.exists() and manager.list_packs().broken == ()


def test_two_folders_with_one_id_one_is_used_and_the_other_says_why(
    manager: PackManager, tmp_path: Path
) -> None:
    """Learners and teacher agree: the first folder is used, the second is broken and names the first."""
    manager.installed_dir.mkdir(parents=True)
    shutil.copytree(make_pack(tmp_path, "mine", name="a"), manager.installed_dir / "a-mine")
    shutil.copytree(make_pack(tmp_path, "mine", name="b"), manager.installed_dir / "b-mine")
    manager.library.reload()
    listing = manager.list_packs()
    assert listing.get("mine").folder.name == "a-mine"  # type: ignore[union-attr]
    [broken] = listing.broken
    assert (
        broken.folder.name == "b-mine"
        and "already used by the folder 'a-mine'" in broken.diagnostics[0].message
    )


def test_installing_one_pack_validates_only_that_pack(
    manager: PackManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With packs installed, installing another validates the new one only; a start-up validates none."""
    import quizapp.content.packs as content_packs
    import quizapp.services.teacher.packs as teacher_packs

    for n in range(3):
        manager.install(make_pack(tmp_path, f"p{n}", name=f"src{n}"))
    assert manager.library.catalogue  # read at start, as the app does
    calls: list[Path] = []
    real = content_packs.load_pack_folder

    def counting(root: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content_packs, "load_pack_folder", counting)
    monkeypatch.setattr(teacher_packs, "load_pack_folder", counting)
    manager.library.reload()
    assert calls == [] and manager.library.validations == 0
    manager.install(make_pack(tmp_path, "p9", name="src9"))
    assert len(calls) == 1 and manager.library.validations == 0


def test_a_changed_pack_is_validated_again(manager: PackManager, tmp_path: Path) -> None:
    """Editing an installed pack's file behind the app's back is noticed: the pack is checked again."""
    manager.install(make_pack(tmp_path, "mine"))
    assert manager.library.catalogue  # read at start, as the app does
    module = manager.installed_dir / "mine" / "modules" / "safe-basics.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("explanation:", "explanaton:"), "utf-8")
    manager.library.reload()
    assert manager.library.validations == 1
    assert manager.list_packs().get("mine") is None
    assert [b.folder.name for b in manager.list_packs().broken] == ["mine"]


def test_installing_one_pack_looks_at_no_other_pack_folder(
    manager: PackManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Install cost does not grow with the packs installed: no other pack folder is listed, stamped or hashed,
    and the new pack is in the catalogue (in name order) and listed as installed straight away."""
    import quizapp.services.library as library

    for name in ("p1", "p3"):
        manager.install(make_pack(tmp_path, name, name=f"src-{name}"))
    assert manager.library.catalogue  # read at start, as the app does
    looked_at: list[str] = []
    for name in ("folder_stamp", "content_hash", "_files_of"):
        real = getattr(library, name)

        def spy(folder: Path, _real=real) -> object:  # type: ignore[no-untyped-def]
            looked_at.append(Path(folder).name)
            return _real(folder)

        monkeypatch.setattr(library, name, spy)
    result = manager.install(make_pack(tmp_path, "p2", name="src-p2"))
    assert set(looked_at) == {"p2"}
    assert result.outcome is InstallOutcome.INSTALLED and result.pack.folder.name == "p2"
    assert [p.id for p in manager.library.catalogue] == ["example", "p1", "p2", "p3"]
    assert manager.list_packs().get("p2") is not None
    manager.library.reload()  # what a fresh start finds is the same, and nothing is validated again
    assert [p.id for p in manager.library.catalogue] == ["example", "p1", "p2", "p3"]
    assert manager.library.validations == 0


def test_removing_one_pack_looks_at_no_other_pack_folder(
    manager: PackManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Removing a pack does not re-read the others (it did: every folder stamped again); the catalogue
    and a fresh start agree on what is left."""
    import quizapp.services.library as library

    for name in ("p1", "p2", "p3"):
        manager.install(make_pack(tmp_path, name, name=f"src-{name}"))
    assert manager.library.catalogue
    looked_at: list[str] = []
    for name in ("folder_stamp", "content_hash", "_files_of", "pack_folders"):
        real = getattr(library, name)

        def spy(folder: Path, *args: object, _real=real, **kwargs: object) -> object:  # type: ignore[no-untyped-def]
            looked_at.append(Path(folder).name)
            return _real(folder, *args, **kwargs)

        monkeypatch.setattr(library, name, spy)
    manager.remove("p2")
    assert looked_at == []
    assert [p.id for p in manager.library.catalogue] == ["example", "p1", "p3"]
    assert manager.list_packs().get("p2") is None and not (manager.installed_dir / "p2").exists()
    monkeypatch.undo()
    manager.library.reload()
    assert [p.id for p in manager.library.catalogue] == ["example", "p1", "p3"]
    assert manager.library.validations == 0


def test_removing_a_pack_that_hid_another_brings_that_one_back(manager: PackManager, tmp_path: Path) -> None:
    """Two folders with one pack id (one copied in by hand is listed as broken): removing the one in use
    brings the other back, as a fresh start would."""
    manager.install(make_pack(tmp_path, "mine", name="src"))
    shutil.copytree(manager.installed_dir / "mine", manager.installed_dir / "zz-copy")
    manager.library.reload()
    assert [b.folder.name for b in manager.library.broken] == ["zz-copy"]
    manager.remove("mine")
    assert manager.library.get("mine") is not None
    assert manager.library.get("mine").folder.name == "zz-copy"  # type: ignore[union-attr]
    assert manager.library.broken == []


@pytest.mark.parametrize(
    ("kind", "what_to_do"),
    [
        ("missing", "check its name, and that the USB stick is in"),
        ("zip without pack.yaml", "make the .zip from the pack's folder"),
        ("damaged zip", "copy it again"),
        ("not a pack", "choose a pack folder or a pack .zip file"),
    ],
)
def test_every_refused_install_names_the_file_and_says_what_to_do(
    manager: PackManager, tmp_path: Path, kind: str, what_to_do: str
) -> None:
    """What `packs install` and the Packs page are told about a refused file names that file and the next
    step (before, a .zip with its pack one folder too deep, a damaged .zip and a missing file named none)."""
    name = {"missing": "gone.zip", "not a pack": "notes.txt"}.get(kind, "pack.zip")
    source = tmp_path / name
    if kind == "zip without pack.yaml":
        with zipfile.ZipFile(source, "w") as zf:
            zf.writestr("outer/inner/pack.yaml", "id: x\n")
    elif kind == "damaged zip":
        source.write_bytes(b"PK\x03\x04 not really a zip")
    elif kind == "not a pack":
        source.write_text("hello", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        manager.install(source)
    told = [str(caught.value), *(str(d) for d in caught.value.diagnostics)]
    assert any(name in line and what_to_do in line for line in told), told


def test_a_fresh_install_after_the_cache_was_deleted_validates_only_the_new_pack(
    store: Store, manager: PackManager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`quizapp packs install` in a new process, after an update deleted the catalogue's cache, validates
    the pack it installs and no other (an older version of an installed pack is still refused, and a pack
    with a built-in id still asks)."""
    import quizapp.content.packs as content_packs
    import quizapp.services.teacher.packs as teacher_packs

    for n in range(3):
        manager.install(make_pack(tmp_path, f"p{n}", name=f"src{n}"))
    (manager.data_dir / "cache" / "pack-catalogue.json").unlink()
    fresh = PackManager(store, manager.data_dir, manager.builtin_dir)  # as a new command would
    calls: list[Path] = []
    real = content_packs.load_pack_folder

    def counting(root: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(root)
        return real(root, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content_packs, "load_pack_folder", counting)
    monkeypatch.setattr(teacher_packs, "load_pack_folder", counting)
    result = fresh.install(make_pack(tmp_path, "p9", name="src9"))
    assert len(calls) == 1 and result.outcome is InstallOutcome.INSTALLED
    with pytest.raises(PackError) as older:
        fresh.install(make_pack(tmp_path, "p1", "0.5.0", name="older"))
    assert older.value.kind is PackErrorKind.DOWNGRADE
    with pytest.raises(PackError) as builtin:
        fresh.install(make_pack(tmp_path, "example", "9.0.0", name="lookalike"))
    assert builtin.value.kind is PackErrorKind.REPLACES_BUILTIN
    assert len(calls) == 3 and fresh.library.validations == 0
    assert {p.id for p in fresh.library.catalogue} >= {"p0", "p1", "p2", "p9", "example"}
