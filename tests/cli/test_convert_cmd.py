"""``quizapp convert`` and ``quizapp export-questions`` end to end: output, exit codes and written files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "questions" / "example"
GIFT = (
    "$CATEGORY: $course$/top/Codes\n\n"
    "::OTP::Should you share a one-time code?{F####Codes open your accounts.}\n\n"
    "::Year::When was the first SMS sent?{#1992}\n\n"
    "Which is safest?{~Ali2012 =mango river kite cloud}\n"
)


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bank.gift").write_text(GIFT, encoding="utf-8")
    return tmp_path


def test_convert_reports_every_question_and_writes_a_valid_pack(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 0; each question converted or skipped is listed with its line; validate accepts the pack."""
    code = main(["convert", "bank.gift", "--out", "pack", "--title", "Codes", "--licence", "CC-BY-4.0"])
    out = capsys.readouterr().out
    assert code == 0
    assert "bank.gift:3: converted: true_false question 'otp' (module 'codes')" in out
    assert 'bank.gift:5: skipped: "Year": a numerical question' in out
    assert "bank.gift:7: converted: single question 'which-is-safest'" in out
    assert "bank.gift:7: warning: the source has no explanation" in out
    assert "2 question(s) converted into 1 module(s); 1 skipped" in out
    assert "wrote the pack to pack" in out
    assert main(["validate", "pack"]) == 0
    assert "valid: 1 pack(s), 1 module(s), 2 question(s)" in capsys.readouterr().out


def test_nothing_converted_exits_1_and_writes_nothing(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bank of only unsupported questions is reported, exit 1, no folder."""
    (workdir / "essays.gift").write_text("Write about safety.{}\n", encoding="utf-8")
    assert main(["convert", "essays.gift", "--out", "pack"]) == 1
    captured = capsys.readouterr()
    assert "essays.gift:1: skipped" in captured.out
    assert "nothing could be converted" in captured.err
    assert not (workdir / "pack").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert", "missing.gift", "--out", "pack"], "no such file: missing.gift"),
        (["convert", "bank.docx", "--out", "pack"], "cannot read 'bank.docx'"),
        (["convert", "bank.gift", "--out", "pack", "--id", "Bad Id"], "--id 'Bad Id' is not a valid id"),
    ],
)
def test_usage_errors_exit_2(
    workdir: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Missing files, unknown extensions and bad ids are usage errors."""
    (workdir / "bank.docx").write_bytes(b"PK\x03\x04")
    assert main(argv) == 2
    assert message in capsys.readouterr().err
    assert not (workdir / "pack").exists()


def test_non_empty_folder_needs_force(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A non-empty --out folder is refused (exit 2, untouched); --force replaces it."""
    (workdir / "pack").mkdir()
    (workdir / "pack" / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["convert", "bank.gift", "--out", "pack"]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert (workdir / "pack" / "keep.txt").exists()
    assert main(["convert", "bank.gift", "--out", "pack", "--force"]) == 0
    assert not (workdir / "pack" / "keep.txt").exists()
    assert (workdir / "pack" / "pack.yaml").is_file()


def test_dry_run_writes_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--dry-run reports and exits 0 without creating the folder."""
    assert main(["convert", "bank.gift", "--out", "pack", "--dry-run"]) == 0
    assert "dry run: no pack was written" in capsys.readouterr().out
    assert not (workdir / "pack").exists()


def test_json_output(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with converted, skipped, warnings and the pack result."""
    assert main(["convert", "bank.gift", "--out", "pack", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in data["converted"]] == ["otp", "which-is-safest"]
    assert data["skipped"][0]["kind"] == "numerical" and data["skipped"][0]["line"] == 5
    assert data["pack"]["written"] is True and data["exit_code"] == 0


def test_urdu_language_option(workdir: Path) -> None:
    """--language ur makes an Urdu pack that validates."""
    (workdir / "ur.txt").write_text(
        "کون سا پاس ورڈ مضبوط ہے؟\nA. 1234\nB. آم دریا پتنگ بادل\nANSWER: B\n", encoding="utf-8"
    )
    assert main(["convert", "ur.txt", "--out", "pack", "--language", "ur"]) == 0
    assert "default_language: ur" in (workdir / "pack" / "pack.yaml").read_text(encoding="utf-8")
    assert main(["validate", "pack"]) == 0


def test_export_csv_then_convert_round_trips_the_example(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export-questions --format csv and convert give back a valid pack with every type the CSV template
    holds; the spot-the-scam question is named as not exported."""
    assert main(["export-questions", str(EXAMPLE), "--format", "csv", "--out", "example.csv"]) == 0
    out = capsys.readouterr().out
    assert "skipped: 'scam-prize-sms': the CSV template has no spot-the-scam questions" in out
    assert "exported 7 question(s) to example.csv; 1 not exported" in out
    assert (workdir / "example.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert main(["convert", "example.csv", "--out", "again", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert sorted(q["type"] for q in data["converted"]) == sorted(
        ["single", "multiple", "true_false", "ordering", "matching", "fill_blank", "scenario"]
    )
    assert not data["skipped"] and not data["warnings"]
    assert main(["validate", "again"]) == 0


def test_export_gift_reports_what_it_cannot_hold(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """GIFT export lists the ordering and scenario questions it leaves out, and what else is lost."""
    assert main(["export-questions", str(EXAMPLE), "--format", "gift", "--out", "example.gift"]) == 0
    out = capsys.readouterr().out
    assert "skipped: 'bully-steps': GIFT has no ordering questions" in out
    assert "skipped: 'cousin-wallet': GIFT has no scenario questions" in out
    assert "skipped: 'scam-prize-sms': GIFT has no spot-the-scam questions" in out
    assert "exported 5 question(s) to example.gift; 3 not exported" in out
    assert main(["convert", "example.gift", "--out", "again"]) == 0


def test_export_usage_errors_and_invalid_pack(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing pack or a language the pack lacks exit 2; an invalid pack exits 1 without writing."""
    assert main(["export-questions", "nope", "--format", "csv", "--out", "x.csv"]) == 2
    assert (
        main(["export-questions", str(EXAMPLE), "--format", "gift", "--out", "x.gift", "--language", "pa"])
        == 2
    )
    broken = workdir / "broken"
    broken.mkdir()
    (broken / "pack.yaml").write_text("id: Broken Pack\n", encoding="utf-8")
    assert main(["export-questions", str(broken), "--format", "csv", "--out", "x.csv"]) == 1
    assert "the pack is not valid" in capsys.readouterr().err
    assert not (workdir / "x.csv").exists() and not (workdir / "x.gift").exists()
