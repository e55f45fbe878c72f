"""Writing the converted questions as a pack: valid, atomic, and never over someone's folder by accident."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.content.validate import validate_paths
from quizapp.importers import OutputExists, PackOptions, WriteProblem, convert_files, write_pack
from quizapp.importers.report import ConversionReport
from tests.importers.helpers import convert_text

GIFT = "$CATEGORY: $course$/top/Codes\n\n::OTP::Share your code?{F####Never share it.}\n\nEssay?{}\n"


def _report(tmp_path: Path) -> ConversionReport:
    return convert_text(tmp_path, "bank.gift", GIFT)


def test_written_pack_passes_the_validator(tmp_path: Path) -> None:
    """The pack on disk is accepted by validate_paths without errors, and holds what was converted."""
    result = write_pack(
        _report(tmp_path), tmp_path / "pack", PackOptions(title="Codes pack", licence="CC-BY-4.0")
    )
    assert result.written and not result.errors
    report = validate_paths([tmp_path / "pack"])
    assert report.valid, [str(d) for d in report.lines()]
    (pack,) = report.packs
    assert pack.id == "codes-pack"
    assert pack.manifest.licence == "CC-BY-4.0"
    assert [q.id for q in pack.questions()] == ["otp"]
    assert pack.manifest.review_status == {"en": "draft"}
    assert result.notes == ["write the real authors under 'authors' in pack.yaml"]


def test_urdu_pack_texts_are_urdu(tmp_path: Path) -> None:
    """With language ur, the manifest, module and questions are written in Urdu."""
    report = convert_text(tmp_path, "ur.gift", "کیا کوڈ بتانا چاہیے؟{F}\n", language="ur")
    write_pack(report, tmp_path / "pack")
    (pack,) = validate_paths([tmp_path / "pack"]).packs
    assert pack.manifest.default_language == "ur" and pack.manifest.languages == ["ur"]
    module = pack.modules[0]
    assert set(module.summary) == {"ur"}
    assert dict(module.quiz.questions[0].explanation) == {"ur": "صحیح جواب یہ ہے: غلط۔"}


def test_non_empty_folder_is_refused_without_force(tmp_path: Path) -> None:
    """A folder with files is never overwritten unless asked; its files stay untouched."""
    target = tmp_path / "pack"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExists, match="is not empty"):
        write_pack(_report(tmp_path), target)
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_force_replaces_the_folder(tmp_path: Path) -> None:
    """With force the old folder is replaced by the new pack as a whole."""
    target = tmp_path / "pack"
    target.mkdir()
    (target / "old.txt").write_text("old", encoding="utf-8")
    result = write_pack(_report(tmp_path), target, force=True)
    assert result.written
    assert not (target / "old.txt").exists()
    assert (target / "pack.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.gift", "pack"]


def test_empty_folder_is_used(tmp_path: Path) -> None:
    """An existing empty folder is fine without force."""
    (tmp_path / "pack").mkdir()
    assert write_pack(_report(tmp_path), tmp_path / "pack").written


def test_a_file_as_target_is_refused(tmp_path: Path) -> None:
    """The target must be a folder."""
    (tmp_path / "pack").write_text("x", encoding="utf-8")
    with pytest.raises(WriteProblem, match="is a file"):
        write_pack(_report(tmp_path), tmp_path / "pack", force=True)


def test_nothing_converted_writes_nothing(tmp_path: Path) -> None:
    """When no question converted, no folder appears."""
    report = convert_text(tmp_path, "essay.gift", "Essay?{}\n")
    result = write_pack(report, tmp_path / "pack")
    assert not result.written and not (tmp_path / "pack").exists()
    assert result.errors == ["no question could be converted, so no pack was written"]


def test_invalid_output_leaves_nothing_behind(tmp_path: Path) -> None:
    """If the validator rejects the staged pack, neither it nor the target folder remain."""
    report = _report(tmp_path)
    result = write_pack(report, tmp_path / "pack", PackOptions(version="not-a-version"))
    assert not result.written
    assert any("version" in e for e in result.errors)
    assert all(e.startswith(f"{(tmp_path / 'pack' / 'pack.yaml').as_posix()}:") for e in result.errors)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bank.gift"]


def test_invalid_pack_id_is_refused(tmp_path: Path) -> None:
    """An id with spaces or capitals is refused before anything is written."""
    with pytest.raises(WriteProblem, match="not a valid pack id"):
        write_pack(_report(tmp_path), tmp_path / "pack", PackOptions(pack_id="My Pack"))


def test_conformance_style_bank_round_trips_through_yaml(tmp_path: Path) -> None:
    """Every converted question reads back from the written YAML equal to the model in memory."""
    source = tmp_path / "mixed.gift"
    source.write_text(
        "::Multi::Pick\\: {~%50%a ~%50%b ~c#no}\n\n::Blank::One-time {=code =pin}.\n\n"
        "::Pairs::Match.{=yes -> no =up -> down}\n\n[html]<p>Para one</p><p>Para <b>two</b></p>{T}\n",
        encoding="utf-8",
    )
    report = convert_files([source])
    write_pack(report, tmp_path / "pack")
    (pack,) = validate_paths([tmp_path / "pack"]).packs
    assert list(pack.questions()) == [c.question for c in report.converted]
