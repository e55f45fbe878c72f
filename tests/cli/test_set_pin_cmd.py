"""``quizapp set-pin`` reads the PIN from standard input and sets or resets it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from quizapp.cli.main import main
from quizapp.progress.store import Store
from quizapp.services.teacher.pin import TeacherPin


def run(monkeypatch: pytest.MonkeyPatch, data: Path, stdin: str, *args: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(data), "set-pin", *args])


def test_set_pin_from_a_pipe_and_it_opens_the_area(tmp_path: Path, monkeypatch, capsys) -> None:
    """A PIN piped in is set; only the hash is stored."""
    data = tmp_path / "data"
    assert run(monkeypatch, data, "4321\n") == 0
    assert "was set" in capsys.readouterr().out
    with Store.open(data) as store:
        assert TeacherPin(store).check("4321").ok
        assert "4321" not in (store.settings.read("teacher_pin_hash") or "")


def test_reset_clears_the_wait_after_wrong_tries(tmp_path: Path, monkeypatch) -> None:
    """Resetting a forgotten PIN also ends any wait."""
    data = tmp_path / "data"
    with Store.open(data) as store:
        pin = TeacherPin(store)
        pin.set_pin("1111")
        for _ in range(4):
            pin.check("0000")
        assert pin.seconds_to_wait() > 0
    assert run(monkeypatch, data, "2222\n") == 0
    with Store.open(data) as store:
        pin = TeacherPin(store)
        assert pin.seconds_to_wait() == 0 and pin.check("2222").ok


@pytest.mark.parametrize("given", ["12\n", "12ab\n", ""])
def test_bad_or_missing_pin_changes_nothing(tmp_path: Path, monkeypatch, capsys, given: str) -> None:
    """A short, non-digit or missing PIN exits 1 with a message and sets nothing."""
    data = tmp_path / "data"
    assert run(monkeypatch, data, given) == 1
    assert "Nothing was changed" in capsys.readouterr().err or given == ""
    with Store.open(data) as store:
        assert not TeacherPin(store).is_set()


def test_pin_is_never_taken_from_arguments(tmp_path: Path, monkeypatch) -> None:
    """Giving the PIN as an argument is a usage error (exit 2)."""
    with pytest.raises(SystemExit) as caught:
        run(monkeypatch, tmp_path / "data", "", "1234")
    assert caught.value.code == 2


def test_terminal_asks_twice_with_getpass(tmp_path: Path, monkeypatch) -> None:
    """At a terminal the PIN is typed twice, hidden; two different PINs are refused."""

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    answers = iter(["5555", "5556"])
    monkeypatch.setattr("sys.stdin", Tty(""))
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--data-dir", str(tmp_path / "data"), "set-pin"]) == 1
    answers = iter(["5555", "5555"])
    assert main(["--data-dir", str(tmp_path / "data"), "set-pin"]) == 0


def test_weak_pin_is_set_with_a_warning(tmp_path: Path, monkeypatch, capsys) -> None:
    """1234 is allowed (the teacher decides) but the command warns that students guess it first."""
    assert run(monkeypatch, tmp_path / "data", "1234\n") == 0
    assert "counts up or down" in capsys.readouterr().err


def test_a_lab_is_set_up_from_one_hash(tmp_path: Path, monkeypatch, capsys) -> None:
    """--print-hash changes nothing and prints a hash; --hash sets that PIN on another computer."""
    assert run(monkeypatch, tmp_path / "one", "73915\n", "--print-hash") == 0
    printed = capsys.readouterr().out.strip()
    assert printed.startswith("scrypt$") and "73915" not in printed
    with Store.open(tmp_path / "one") as store:
        assert not TeacherPin(store).is_set()
    assert main(["--data-dir", str(tmp_path / "pc2"), "set-pin", "--hash", printed]) == 0
    with Store.open(tmp_path / "pc2") as store:
        assert TeacherPin(store).check("73915").ok
    assert main(["--data-dir", str(tmp_path / "pc3"), "set-pin", "--hash", "73915"]) == 1
    assert "not a PIN hash" in capsys.readouterr().err
