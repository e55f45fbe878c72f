"""``quizapp roster export|import`` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.progress.store import Store
from tests.progress.conftest import answer, start_run


def test_roster_of_one_class_sets_up_another_computer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exporting one class and importing it elsewhere gives the same learners with the same ids."""
    with Store.open(tmp_path / "a") as s:
        ali = s.people.create_learner("Ali", class_id=s.people.create_class("5A").id)
        s.people.create_learner("Sara", class_id=s.people.create_class("5B").id)
    out = tmp_path / "roster.json"
    assert (
        main(["--data-dir", str(tmp_path / "a"), "roster", "export", "--out", str(out), "--class", "5A"]) == 0
    )
    assert "1 learner(s) in 1 class(es)" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "b"), "roster", "import", str(out)]) == 0
    assert "added 1 class(es), 1 learner(s)" in capsys.readouterr().out
    with Store.open(tmp_path / "b") as s:
        assert [x.id for x in s.people.list_learners()] == [ali.id]


def test_unknown_class_and_wrong_file_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown --class and a results file given to roster import fail with exit 1 and a clear message."""
    data = ["--data-dir", str(tmp_path / "a")]
    Store.open(tmp_path / "a").close()
    assert main([*data, "roster", "export", "--out", str(tmp_path / "r.json"), "--class", "Blue"]) == 1
    assert "no class called 'Blue'" in capsys.readouterr().err
    assert main([*data, "results", "export", "--out", str(tmp_path / "results.zip")]) == 0
    assert main([*data, "roster", "import", str(tmp_path / "results.zip")]) == 1
    assert "use 'quizapp results import'" in capsys.readouterr().err


def test_merge_two_records_of_one_child(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`roster merge KEEP OTHER` makes one learner: the other's answers move, the other is gone."""

    data = tmp_path / "data"
    with Store.open(data) as s:
        c = s.people.create_class("5A")
        keep = s.people.create_learner("Ali", class_id=c.id)
        other = s.people.create_learner("Ali", class_id=c.id)
        answer(s, start_run(s, other))
    assert main(["--data-dir", str(data), "roster", "merge", keep.id, other.id]) == 0
    assert f"merged 'Ali' ({other.id}) into 'Ali' ({keep.id})" in capsys.readouterr().out
    with Store.open(data) as s:
        assert [learner.id for learner in s.people.list_learners()] == [keep.id]
        assert len(s.runs.attempts_for_learner(keep.id)) == 1


def test_merge_refuses_unknown_or_same_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown id is named and nothing changes (exit 1); the same id twice is a usage error (exit 2)."""
    data = tmp_path / "data"
    with Store.open(data) as s:
        keep = s.people.create_learner("Ali")
    missing = "00000000-0000-4000-8000-000000000000"
    assert main(["--data-dir", str(data), "roster", "merge", keep.id, missing]) == 1
    err = capsys.readouterr().err
    assert missing in err and "Nothing was changed" in err and "Traceback" not in err
    assert main(["--data-dir", str(data), "roster", "merge", keep.id, keep.id]) == 2
    with Store.open(data) as s:
        assert [learner.id for learner in s.people.list_learners()] == [keep.id]


REGISTERS = Path(__file__).parents[1] / "services" / "teacher" / "data"


def test_register_preview_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`roster import FILE --preview` shows the columns and learners of a register and adds nobody."""
    data = tmp_path / "data"
    code = main(
        ["--data-dir", str(data), "roster", "import", str(REGISTERS / "register_urdu.csv"), "--preview"]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "column 3 'ولدیت': father's name" in out and "line 2: عائشہ خان" in out
    assert "nothing was written" in out
    with Store.open(data) as s:
        assert s.people.list_learners() == []


def test_register_import_with_corrected_columns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-16 tab register is imported into --class; --columns overrides the guess."""
    data = tmp_path / "data"
    register = str(REGISTERS / "register_unicode_text.txt")
    args = ["--data-dir", str(data), "roster", "import", register, "--class", "6 Blue"]
    assert main([*args, "--columns", "name=3,father_name=2"]) == 0
    assert "added 3 learner(s)" in capsys.readouterr().out
    with Store.open(data) as s:
        blue = s.people.find_class("6 Blue")
        assert blue is not None
        names = sorted(lr.display_name for lr in s.people.list_learners(blue.id))
        assert names == ["Ghulam Rasool", "Muhammad Yousaf", "Tariq Mehmood"]


def test_roster_export_csv_round_trips_a_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`roster export --out x.csv` writes a spreadsheet that `roster import` reads back with the details."""
    a, b = tmp_path / "a", tmp_path / "b"
    assert (
        main(
            [
                "--data-dir",
                str(a),
                "roster",
                "import",
                str(REGISTERS / "register_english.csv"),
                "--class",
                "5A",
            ]
        )
        == 0
    )
    out = tmp_path / "class.csv"
    assert main(["--data-dir", str(a), "roster", "export", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfRoll No,Student Name,Father Name,Class")
    capsys.readouterr()
    assert main(["--data-dir", str(b), "roster", "import", str(out)]) == 0
    with Store.open(b) as s:
        (five_a,) = s.people.list_classes()
        got = sorted(
            (lr.display_name, lr.father_name, lr.roll_number) for lr in s.people.list_learners(five_a.id)
        )
    assert ("Danish Ali", "Asif Ali", "3") in got and ("Danish Ali", "Liaquat Ali", "4") in got
