"""The Windows and macOS packaging files, which cannot be built here, keep what the builds rely on."""

from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"


def test_windows_build_has_a_console_program_for_commands() -> None:
    """quizapp.exe has no console (no output, no standard input for set-pin), so the Windows build also makes
    quizapp-cli.exe with a console from the same analysis, in the same folder."""
    spec = (PACKAGING / "quizapp.spec").read_text(encoding="utf-8")
    cli = re.search(r'name="quizapp-cli",\s*console=True', spec)
    assert cli is not None
    assert 'if sys.platform == "win32":' in spec[: cli.start()]
    assert "COLLECT(*programs" in spec


def test_uninstaller_keeps_data_unless_asked_even_when_silent() -> None:
    """The data question defaults to No and is suppressible, so a silent uninstall keeps student data."""
    iss = (PACKAGING / "windows" / "quizapp.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=admin" in iss and "PrivilegesRequiredOverridesAllowed=dialog" in iss
    call = re.search(r"SuppressibleMsgBox\((?:.|\n)*?\)\s*=\s*IDYES", iss)
    assert call is not None and "MB_DEFBUTTON2, IDNO)" in call.group(0)
    assert re.search(r"\bMsgBox\(", iss.replace("SuppressibleMsgBox(", "")) is None
    assert 'Name: "{group}\\{#AppName}"; Filename: "{app}\\{#AppExe}"' in iss


def test_workflow_waits_for_the_windows_gui_program() -> None:
    """PowerShell does not wait for a GUI program: the smoke test uses Start-Process -Wait and checks the exit
    code, and runs the console program too."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "packaging.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["windows"]["steps"]
    smoke = next(s["run"] for s in steps if s.get("name") == "Smoke test the frozen app")
    assert "Start-Process" in smoke and "-Wait" in smoke and ".ExitCode" in smoke
    assert "quizapp-cli.exe" in smoke and "$LASTEXITCODE" in smoke
