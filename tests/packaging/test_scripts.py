"""The Windows and macOS packaging files, which cannot be built here, keep what the builds rely on."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from quizapp.paths import site_settings_data_dir
from tests.conftest import ROOT

PACKAGING = ROOT / "packaging"
ISS = (PACKAGING / "windows" / "quizapp.iss").read_text(encoding="utf-8")


def iss_section(name: str) -> str:
    """The text of one [Section] of the Inno Setup script (comments removed, except in [Code])."""
    match = re.search(rf"^\[{name}\]\n(.*?)(?=^\[\w+\]\n|\Z)", ISS, flags=re.M | re.S)
    assert match is not None, f"no [{name}] section"
    text = match.group(1)
    return (
        text if name == "Code" else "\n".join(line for line in text.splitlines() if not line.startswith(";"))
    )


def workflow() -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((ROOT / ".github" / "workflows" / "packaging.yml").read_text(encoding="utf-8"))


def test_windows_build_has_a_console_program_for_commands() -> None:
    """quizapp.exe has no console (no output, no standard input for set-pin), so the Windows build also makes
    quizapp-cli.exe with a console from the same analysis, in the same folder."""
    spec = (PACKAGING / "quizapp.spec").read_text(encoding="utf-8")
    cli = re.search(r'name="quizapp-cli",\s*console=True', spec)
    assert cli is not None
    assert 'if sys.platform == "win32":' in spec[: cli.start()]
    assert "COLLECT(*programs" in spec


def test_upgrade_removes_the_previous_internal_folder() -> None:
    """Installing over an older version first deletes its _internal folder, so no old library is left beside
    the new ones."""
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in iss_section("InstallDelete")


def test_elevated_uninstall_never_touches_per_user_folders() -> None:
    """A per-machine uninstall runs as the administrator, whose {localappdata} is not a pupil's: the only
    data removal is guarded by `not IsAdminInstallMode()`, asks first, defaults to No and is suppressible
    (a silent uninstall keeps the data). Nothing else deletes a data folder."""
    code = iss_section("Code")
    procedure = code[code.index("procedure CurUninstallStepChanged") :]
    guard = procedure.index("not IsAdminInstallMode()")
    assert procedure.index("DelTree(") > guard
    call = re.search(r"SuppressibleMsgBox\((?:.|\n)*?\)\s*=\s*IDYES", procedure)
    assert call is not None and "MB_DEFBUTTON2, IDNO)" in call.group(0)
    assert re.search(r"\bMsgBox\(", ISS.replace("SuppressibleMsgBox(", "")) is None
    assert code.count("DelTree(") == 1
    assert "{localappdata}" not in "\n".join(
        iss_section(s) for s in ("Files", "InstallDelete", "UninstallDelete")
    )
    assert "uninsneveruninstall" in iss_section("Dirs")  # the shared data folder stays


def test_shared_data_folder_is_writable_by_every_user_and_found_by_the_app(tmp_path: Path) -> None:
    """The optional shared folder gets Modify for Users (by SID, any Windows language), inherited by the files
    pupils create; the quizapp.ini the installer writes is read by the app as that folder."""
    run = iss_section("Run")
    icacls = next(line for line in run.splitlines() if "icacls" in line)
    assert "{commonappdata}\\quizapp" in icacls and "*S-1-5-32-545:(OI)(CI)M" in icacls
    assert "Tasks: shareddata" in icacls
    assert 'Name: "{commonappdata}\\quizapp"; Tasks: shareddata' in iss_section("Dirs")
    code = iss_section("Code")
    assert "not FileExists(ExpandConstant('{app}\\quizapp.ini'))" in code  # an admin's own file is kept
    assert "SaveStringsToUTF8File" in code
    note = re.search(r"IniNote = '((?:[^']|'')*)';", code)
    lines = dict(re.findall(r"Lines\[(\d)\] := (.+);", code))
    assert note is not None and set(lines) == {"0", "1", "2"}
    shared = tmp_path / "ProgramData" / "quizapp"

    def pascal(expr: str) -> str:
        expr = expr.replace("IniNote", "'" + note.group(1) + "'")
        expr = expr.replace("ExpandConstant('{commonappdata}\\quizapp')", "'" + str(shared) + "'")
        return "".join(part.replace("''", "'") for part in re.findall(r"'((?:[^']|'')*)'", expr))

    ini = "\ufeff" + "\r\n".join(pascal(lines[k]) for k in ("0", "1", "2")) + "\r\n"
    (tmp_path / "quizapp.ini").write_text(ini, encoding="utf-8")
    assert site_settings_data_dir(tmp_path) == shared


def test_icon_is_the_one_make_icons_writes_and_signing_is_optional() -> None:
    """The setup icon is the multi-size .ico that build.py renders; signing happens only when SignTool is
    defined (the workflow defines it only with a certificate secret)."""
    assert "SetupIconFile=..\\..\\build\\icons\\quizapp.ico" in ISS
    assert re.search(r"#ifdef SignTool\s+SignTool=signtool\s+SignedUninstaller=yes\s+#endif", ISS)
    spec = (PACKAGING / "quizapp.spec").read_text(encoding="utf-8")
    assert 'ICONS / "quizapp.ico"' in spec and '"build" / "icons"' in spec


def test_workflow_runs_on_main_and_tags_and_tests_installed_copies() -> None:
    """On every push to main and every tag, each system builds, installs silently, runs `selftest` from the
    installed copy as a standard user, uninstalls, and uploads the package with SHA256SUMS."""
    flow = workflow()
    triggers = flow[True] if True in flow else flow["on"]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"] and triggers["push"]["tags"]
    assert set(flow["jobs"]) == {"windows", "macos", "linux"}
    for name, job in flow["jobs"].items():
        steps = job["steps"]
        install = next(
            s["run"] for s in steps if s.get("name", "").startswith("Install, run as a standard user")
        )
        assert "selftest" in install, name
        upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
        assert "SHA256SUMS" in upload["with"]["path"], name
    windows = flow["jobs"]["windows"]["steps"]
    install = next(s["run"] for s in windows if s.get("name", "").startswith("Install"))
    assert "/VERYSILENT" in install and "-Credential" in install and "unins000.exe" in install
    assert "net user pupil" in install  # a standard account, not the runner's administrator
    linux = next(s["run"] for s in flow["jobs"]["linux"]["steps"] if s.get("name", "").startswith("Install"))
    assert "sudo -u pupil env -i" in linux and "apt-get remove" in linux
    assert flow["jobs"]["linux"]["runs-on"] == "ubuntu-22.04"  # the oldest supported Ubuntu
    assert {entry["arch"] for entry in flow["jobs"]["macos"]["strategy"]["matrix"]["include"]} == {
        "x86_64",
        "arm64",
    }


def test_signing_runs_only_with_a_certificate() -> None:
    """The signing step is skipped unless the certificate secret is set; the installer step passes SignTool
    to ISCC only then."""
    steps = workflow()["jobs"]["windows"]["steps"]
    sign = next(s for s in steps if s.get("name", "").startswith("Sign"))
    assert sign["if"] == "env.WINDOWS_CERT_PFX_BASE64 != ''"
    make = next(s["run"] for s in steps if s.get("name") == "Make the installer")
    assert "if ($env:SIGNTOOL)" in make and "/DSignTool" in make


def test_workflow_waits_for_the_windows_gui_program() -> None:
    """PowerShell does not wait for a GUI program: the smoke test uses Start-Process -Wait and checks the exit
    code, and runs the console program too."""
    steps = workflow()["jobs"]["windows"]["steps"]
    smoke = next(s["run"] for s in steps if s.get("name") == "Smoke test the frozen app")
    assert "Start-Process" in smoke and "-Wait" in smoke and ".ExitCode" in smoke
    assert "quizapp-cli.exe" in smoke and "$LASTEXITCODE" in smoke
