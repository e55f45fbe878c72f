"""The Packs page tells the teacher exactly what learners get, and can remove any folder under packs/."""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from tests.services.teacher.test_packs import make_pack


def test_a_hand_copied_folder_is_an_installed_pack_and_junk_can_be_removed(
    qtbot, area, ctx, dialogs, tmp_path
) -> None:
    """A pack copied in under another folder name is listed as usable (as learners see it); a folder that is
    not a pack is listed as broken with a Remove button that deletes it after the teacher confirms."""
    packs_dir = ctx.data_dir / "packs"
    packs_dir.mkdir(parents=True, exist_ok=True)
    shutil.copytree(make_pack(tmp_path, "mine"), packs_dir / "Copy of mine")
    (packs_dir / "junk").mkdir()
    (packs_dir / "junk" / "readme.txt").write_text("not a pack", encoding="utf-8")
    ctx.library.reload()
    area.unlock_without_pin()
    page = area.show_page("packs")
    assert "mine" in page.cards and ctx.library.get("mine") is not None
    assert list(page.broken_removes) == ["junk"]
    dialogs.confirms.append(True)
    qtbot.mouseClick(page.broken_removes["junk"], Qt.MouseButton.LeftButton)
    assert not (packs_dir / "junk").exists()
    assert "The folder 'junk' was removed." in page.message.plain_text()
    assert page.broken_removes == {}


def test_a_pack_with_a_built_in_id_is_installed_only_after_the_teacher_agrees(
    qtbot, area, ctx, dialogs, tmp_path
) -> None:
    """A pack using a built-in pack's id asks first; saying no changes nothing, yes replaces it."""
    area.unlock_without_pin()
    page = area.show_page("packs")
    source = make_pack(tmp_path, "safety-11-13", "99.0", "lookalike")
    dialogs.confirms.append(False)
    assert not page.install(source)
    assert "same id as a pack that comes with quizapp" in dialogs.asked[-1]
    assert ctx.library.get("safety-11-13").builtin  # type: ignore[union-attr]
    dialogs.confirms.append(True)
    assert page.install(source)
    assert ctx.library.get("safety-11-13").overrides_builtin  # type: ignore[union-attr]


def test_example_pack_card_says_it_is_hidden_until_the_settings_show_it(qtbot, area, ctx) -> None:
    """'Learners see this pack' is ticked on the example pack, but learners see it only when the Settings
    switch is on: the card says so while it is off, and not once it is on."""
    from PySide6.QtWidgets import QLabel

    hint = "Settings"

    def card_text() -> str:
        card = page.cards["example"]
        return "\n".join(label.text() for label in card.findChildren(QLabel))

    area.unlock_without_pin()
    page = area.show_page("packs")
    assert ctx.store.settings.show_example_pack is False
    assert page.toggles["example"].isChecked()
    assert "Hidden from learners" in card_text() and hint in card_text()
    ctx.store.settings.show_example_pack = True
    page.refresh()
    assert "Hidden from learners" not in card_text()


def test_a_refused_pack_is_named_with_what_to_do_in_the_teachers_language(
    qtbot, area, ctx, dialogs, tmp_path
) -> None:
    """A file that is gone (a USB stick taken out) is named with what to do, in Urdu too; an older version
    is named in the question asked."""
    area.unlock_without_pin()
    page = area.show_page("packs")
    assert not page.install(tmp_path / "gone.zip")
    told = page.message.plain_text()
    assert "'gone.zip' was not found" in told and "USB stick is in" in told
    assert page.install(make_pack(tmp_path, "mine", "2.0.0", "new"))
    dialogs.confirms.append(False)
    assert not page.install(make_pack(tmp_path, "mine", "1.0.0", "older-copy"))
    assert "'older-copy' has the older version 1.0.0" in dialogs.asked[-1]
    ctx.set_language("ur")
    page = area.show_page("packs")
    assert not page.install(tmp_path / "gone.zip")
    assert "'gone.zip' نہیں ملا" in page.message.plain_text()
