"""``quizapp packs install|list|remove|enable|disable``."""

from __future__ import annotations

import json
from pathlib import Path

from quizapp.cli.main import main
from quizapp.content.vocab import QUESTION_TYPES
from tests.services.teacher.test_packs import make_pack, zip_folder

EXAMPLE_QUESTIONS = len(QUESTION_TYPES)  # the example module asks one question of each type


def packs(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), "packs", *args])


def test_install_list_remove(tmp_path: Path, capsys) -> None:
    """A pack installed from a zip is listed with its facts, then removed."""
    data = tmp_path / "data"
    archive = zip_folder(make_pack(tmp_path, "mine", "1.2.0"), tmp_path / "mine.zip")
    assert packs(data, "install", str(archive)) == 0
    assert f"Installed mine 1.2.0 (1 module, {EXAMPLE_QUESTIONS} questions)" in capsys.readouterr().out
    assert packs(data, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    mine = next(p for p in listed["packs"] if p["id"] == "mine")
    assert mine["version"] == "1.2.0" and mine["questions"] == EXAMPLE_QUESTIONS and not mine["builtin"]
    assert mine["review_status"] == {"en": "reviewed", "ur": "draft"}
    assert packs(data, "list") == 0
    text = capsys.readouterr().out
    assert "mine 1.2.0" in text and "Urdu (draft)" in text and "safe-basics" in text
    assert packs(data, "remove", "mine") == 0
    assert not (data / "packs" / "mine").exists()


def test_invalid_pack_prints_file_and_line_and_exits_1(tmp_path: Path, capsys) -> None:
    """Errors are printed as path:line:column lines and nothing is installed."""
    folder = make_pack(tmp_path, "bad")
    (folder / "pack.yaml").write_text(
        (folder / "pack.yaml").read_text(encoding="utf-8").replace("licence:", "licnce:"), encoding="utf-8"
    )
    assert packs(tmp_path / "data", "install", str(folder)) == 1
    err = capsys.readouterr().err
    assert "src/pack.yaml:" in err and "unknown key 'licnce'" in err and "nothing was installed" in err
    assert not (tmp_path / "data" / "packs" / "bad").exists()


def test_downgrade_needs_force(tmp_path: Path, capsys) -> None:
    """An older version is refused, then installed with --force."""
    data = tmp_path / "data"
    assert packs(data, "install", str(make_pack(tmp_path, "mine", "2.0", "new"))) == 0
    assert packs(data, "install", str(make_pack(tmp_path, "mine", "1.0", "old"))) == 1
    assert "older" in capsys.readouterr().err
    assert packs(data, "install", "--force", str(make_pack(tmp_path, "mine", "1.0", "old2"))) == 0


def test_builtin_pack_cannot_be_removed_but_can_be_disabled(tmp_path: Path, capsys) -> None:
    """The built-in example pack stays; disabling it is remembered."""
    data = tmp_path / "data"
    assert packs(data, "remove", "example") == 1
    assert "cannot be removed" in capsys.readouterr().err
    assert packs(data, "disable", "example") == 0
    capsys.readouterr()
    assert packs(data, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert next(p for p in listed["packs"] if p["id"] == "example")["enabled"] is False
    assert packs(data, "enable", "nope") == 1


def test_list_works_while_the_app_is_open(tmp_path: Path, capsys) -> None:
    """Listing only reads, so it works (read-only) while quizapp has the data open, and says so."""
    from quizapp.progress.store import Store

    data = tmp_path / "data"
    Store.open(data).close()
    with Store.open(data):
        assert packs(data, "list") == 0
    captured = capsys.readouterr()
    assert "safe-basics" in captured.out
    assert "already open" in captured.err


def test_a_pack_with_a_built_in_id_needs_replace_built_in(tmp_path: Path, capsys) -> None:
    """Installing a pack with a built-in pack's id names the file and the option; with it, it installs."""
    data = tmp_path / "data"
    folder = make_pack(tmp_path, "example", "9.0", "lookalike")
    assert packs(data, "install", str(folder)) == 1
    err = capsys.readouterr().err
    assert f"quizapp: {folder}:" in err and "--replace-built-in" in err
    assert packs(data, "install", "--replace-built-in", str(folder)) == 0
    assert "example 9.0" in capsys.readouterr().out


def test_a_folder_copied_in_by_hand_is_listed_switched_off_and_removed_by_folder_name(
    tmp_path: Path, capsys
) -> None:
    """A pack folder not named after its id is a usable, installed pack for every command."""
    import shutil

    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    shutil.copytree(make_pack(tmp_path, "mine"), data / "packs" / "from-usb")
    assert packs(data, "list") == 0
    text = capsys.readouterr().out
    assert "mine 1.0.0" in text and "BROKEN" not in text
    assert packs(data, "disable", "mine") == 0
    assert packs(data, "remove", "from-usb") == 0
    assert not (data / "packs" / "from-usb").exists()
