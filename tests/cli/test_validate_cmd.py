"""`quizapp validate`: exit codes, readable lines, JSON, and no traceback for any input."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from quizapp.cli.main import main
from tests.conftest import ROOT
from tests.content.helpers import MODULE, make_pack


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quizapp", "validate", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_builtin_questions_folder_is_valid() -> None:
    """Every pack shipped in questions/ validates."""
    result = run("questions")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().splitlines()[-1].startswith("valid:")


def test_json_output_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with the documented keys."""
    code = main(["validate", "--json", str(ROOT / "questions" / "example")])
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(data) == {
        "valid",
        "errors",
        "warnings",
        "packs",
        "modules",
        "questions",
        "question_types",
        "languages",
        "modules_detail",
    }
    assert data["modules_detail"] == [
        {"pack": "example", "module": "safe-basics", "questions": data["questions"], "check_questions": 0}
    ]
    assert data["valid"] is True and data["packs"] == 1 and data["languages"] == ["en", "ur"]
    assert set(data["question_types"]) == {
        "single", "multiple", "true_false", "ordering", "matching", "fill_blank", "scenario", "spot_the_scam"
    }  # fmt: skip
    assert data["question_types"]["spot_the_scam"] >= 1  # the new type is counted under its own name


def test_invalid_exit_one_with_path_line_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An invalid pack exits 1 and prints path:line:column: error: message."""
    pack = make_pack(tmp_path, MODULE.replace("prompt:", "promt:"))
    assert main(["validate", str(pack)]) == 1
    out = capsys.readouterr().out
    assert "one.yaml:14:7: error: unknown key 'promt'; did you mean 'prompt'?" in out
    last = out.strip().splitlines()[-1]
    assert last.startswith("INVALID: 2 error(s), 0 warning(s). Fix the lines marked 'error' above")
    assert last.endswith("Passed the check: 0 pack(s), 0 module(s), 0 question(s).")


def test_json_errors_carry_positions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON errors have path, line, column and message."""
    pack = make_pack(tmp_path, MODULE.replace("correct: b", "correct: z"))
    assert main(["validate", "--json", str(pack)]) == 1
    error = json.loads(capsys.readouterr().out)["errors"][0]
    assert (
        error["line"] == 20 and error["column"] == 16 and "'z' is not one of the options" in error["message"]
    )


def test_usage_error_exits_two() -> None:
    """No paths is a usage error (exit 2)."""
    result = run()
    assert result.returncode == 2 and "usage" in result.stderr


def hostile_inputs(folder: Path) -> dict[str, Path]:
    files: dict[str, bytes] = {
        "syntax.yaml": b"id: [unclosed\n",
        "bomb.yaml": b"a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        b"c: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n",
        "python.yaml": b"id: !!python/object/apply:os.system ['touch pwned']\n",
        "latin1.yaml": "title: caf\xe9\n".encode("latin-1"),
        "binary.yaml": bytes(range(256)),
        "empty.yaml": b"",
        "deep.yaml": b"a: " + b"[" * 10000 + b"]" * 10000,
        "deepblock.yaml": b"- " * 10000 + b"x",
        "big.yaml": b"a: '" + b"x" * (10 * 1024 * 1024 + 10) + b"'\n",
    }
    paths = {}
    for name, data in files.items():
        path = folder / name
        path.write_bytes(data)
        paths[name] = path
    slip = folder / "slip.zip"
    with zipfile.ZipFile(slip, "w") as zf:
        zf.writestr("../../outside.yaml", "x: 1")
    paths["slip.zip"] = slip
    bomb = folder / "zipbomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("pack.yaml", "id: x\n")
        with zf.open("assets/zeros.png", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(1024):
                member.write(chunk)
    paths["zipbomb.zip"] = bomb
    return paths


def test_hostile_inputs_each_get_one_clear_error(tmp_path: Path) -> None:
    """Every hostile input gets exactly one error naming its file, exit 1, no traceback, nothing written."""
    inputs = hostile_inputs(tmp_path)
    for name, path in inputs.items():
        result = run(str(path))
        assert result.returncode == 1, (name, result.stdout, result.stderr)
        assert "Traceback" not in result.stdout + result.stderr, name
        errors = [line for line in result.stdout.splitlines() if ": error: " in line]
        assert len(errors) == 1 and name in errors[0], (name, result.stdout)
    assert not (tmp_path.parent / "outside.yaml").exists()
    assert not (ROOT / "pwned").exists()
