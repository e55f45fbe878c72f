"""``quizapp results export|import`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.progress.store import Store
from tests.progress.conftest import answer, start_run


def _seed(data: Path) -> str:
    with Store.open(data) as s:
        learner = s.people.create_learner("Ali", class_id=s.people.create_class("5A").id)
        answer(s, start_run(s, learner, n=1))
        return learner.id


def test_export_then_import_on_another_computer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Export writes a zip with a summary line; importing it elsewhere adds, a second time adds nothing."""
    _seed(tmp_path / "a")
    out = tmp_path / "a.zip"
    assert main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(out)]) == 0
    assert "1 learner(s) in 1 class(es), 1 answer(s)" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "b"), "results", "import", str(out)]) == 0
    assert "added 1 class(es), 1 learner(s)" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "b"), "results", "import", str(out)]) == 0
    assert "nothing new" in capsys.readouterr().out
    with Store.open(tmp_path / "b") as s:
        assert s.reports.counts()["attempts"] == 1
        assert s.list_backups()  # a backup was made before importing


def test_export_formats_follow_option_or_extension(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--format json/csv or a .json/.csv name choose the format; CSV also writes NAME-summary.csv."""
    _seed(tmp_path / "a")
    data = ["--data-dir", str(tmp_path / "a"), "results", "export"]
    assert main([*data, "--out", str(tmp_path / "r.json")]) == 0
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["format"] == "quizapp-results"
    assert main([*data, "--out", str(tmp_path / "r.data"), "--format", "json"]) == 0
    assert (tmp_path / "r.data").read_text(encoding="utf-8").startswith("{")
    assert main([*data, "--out", str(tmp_path / "r.csv")]) == 0
    assert (tmp_path / "r-summary.csv").is_file()
    assert "r-summary.csv" in capsys.readouterr().out


def test_export_works_while_the_app_is_open(tmp_path: Path) -> None:
    """Exporting while quizapp holds the data open uses read-only mode instead of failing."""
    _seed(tmp_path / "a")
    with Store.open(tmp_path / "a"):
        assert (
            main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(tmp_path / "r.zip")])
            == 0
        )
    assert (tmp_path / "r.zip").is_file()


def test_import_refuses_bad_files_with_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An altered file is refused with its name and exit code 1; nothing from it arrives."""
    _seed(tmp_path / "a")
    out = tmp_path / "r.json"
    main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(out)])
    out.write_text(out.read_text(encoding="utf-8").replace('"Ali"', '"Alex"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "b"), "results", "import", str(out)]) == 1
    err = capsys.readouterr().err
    assert "r.json" in err and "checksum does not match" in err and "Traceback" not in err
    with Store.open(tmp_path / "b") as s:
        assert s.people.list_learners() == []


def test_import_while_the_app_is_open_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Import needs to write: with quizapp open it stops with "already open" and exit code 1."""
    _seed(tmp_path / "a")
    out = tmp_path / "r.zip"
    main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(out)])
    with Store.open(tmp_path / "b"):
        assert main(["--data-dir", str(tmp_path / "b"), "results", "import", str(out)]) == 1
    assert "already open" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file or a folder as --out is a usage error (exit 2)."""
    assert main(["--data-dir", str(tmp_path / "a"), "results", "import", str(tmp_path / "nope.zip")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_csv_from_the_command_line_is_the_teacher_areas_csv(tmp_path: Path) -> None:
    """``results export --format csv`` writes byte for byte what the teacher area saves, with module
    titles and answers in words from the packs."""
    from quizapp.paths import builtin_packs_dir
    from quizapp.services.library import PackLibrary
    from quizapp.services.teacher.exports import save_results_csv
    from tests.services.teacher.journey import example_pack, take_quiz

    data = tmp_path / "a"
    with Store.open(data) as s:
        learner = s.people.create_learner("Ali", class_id=s.people.create_class("5A").id)
        take_quiz(s, example_pack(), "safe-basics", learner.id, {"best-passphrase": "a"})
    assert main(["--data-dir", str(data), "results", "export", "--out", str(tmp_path / "cli.csv")]) == 0
    with Store.open(data) as s:
        packs = PackLibrary(builtin_packs_dir(), data / "packs").packs
        save_results_csv(tmp_path / "app.csv", s, packs, language="en")
    for name in ("{}.csv", "{}-summary.csv"):
        cli, app = (tmp_path / name.format(who) for who in ("cli", "app"))
        assert cli.read_bytes() == app.read_bytes()
    text = (tmp_path / "cli.csv").read_text(encoding="utf-8-sig")
    assert "Safe basics" in text and "Ali2012" in text


def _damage(data: Path) -> None:
    """Overwrite part of the database file with junk, as a failing disk would."""
    db = data / "quizapp.sqlite3"
    with db.open("r+b") as fh:
        fh.seek(4096)
        fh.write(b"\xde\xad\xbe\xef" * 2048)


def test_export_tells_when_it_restored_a_damaged_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A command that finds the database damaged says it was set aside and which backup was restored.

    Otherwise the restore would be silent, and the app would have nothing to say at its next start."""
    _seed(tmp_path / "a")  # closing made a backup
    _damage(tmp_path / "a")
    capsys.readouterr()
    assert (
        main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(tmp_path / "r.zip")]) == 0
    )
    err = capsys.readouterr().err
    assert "was damaged" in err and "quizapp-damaged-" in err and "1 learner(s) and 1 answer(s)" in err
    assert list((tmp_path / "a").glob("quizapp-damaged-*.sqlite3"))


def test_import_tells_when_no_backup_could_be_restored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With no usable backup the command says it started with empty progress, and keeps the damaged file."""
    _seed(tmp_path / "a")
    out = tmp_path / "r.zip"
    main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(out)])
    for backup in (tmp_path / "a" / "backups").iterdir():
        backup.unlink()
    _damage(tmp_path / "a")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "a"), "results", "import", str(out)]) == 0
    err = capsys.readouterr().err
    assert "No usable backup was found" in err


def test_export_from_a_folder_without_quizapp_data_refuses_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'results export' on a folder with no quizapp data says so, naming it, and creates no database."""
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["--data-dir", str(empty), "results", "export", "--out", str(tmp_path / "r.zip")]) == 1
    assert f"no quizapp data in {empty}" in capsys.readouterr().err
    assert list(empty.iterdir()) == [] and not (tmp_path / "r.zip").exists()


def test_a_command_names_the_data_folder_it_opened_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every command that opens a data folder says which one, once."""
    _seed(tmp_path / "a")
    capsys.readouterr()
    assert (
        main(["--data-dir", str(tmp_path / "a"), "results", "export", "--out", str(tmp_path / "r.zip")]) == 0
    )
    assert capsys.readouterr().err.count(f"data folder: {tmp_path / 'a'}") == 1


def test_import_names_the_packs_not_installed_here(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Results of a pack this computer lacks are imported, and the command says which pack to install."""
    from quizapp.progress.bundle import export_results

    with Store.open(tmp_path / "lab") as lab:
        lab.people.create_learner("Sara")
        export_results(lab, tmp_path / "lab.zip")
    data = tmp_path / "teacher"
    with Store.open(data) as store:
        from quizapp.progress.module_titles import remember

        words = {"title": {"en": "Wi-Fi safety"}, "default_language": "en", "modules": {}}
        remember(store, {"module_titles": {"wifi-pack": words}})
    assert main(["--data-dir", str(data), "results", "import", str(tmp_path / "lab.zip")]) == 0
    out = capsys.readouterr().out
    assert "pack not installed here: 'Wi-Fi safety' (wifi-pack)" in out
