#!/usr/bin/env python3
"""Build the packaged app for this operating system:  python3 packaging/build.py

1. makes a build environment in build/venv-<platform> with exactly packaging/requirements-build.txt;
2. compiles the interface translations (.ts -> .qm) with that environment's pyside6-lrelease;
3. runs PyInstaller with packaging/quizapp.spec (one folder, pruned);
4. on Linux, adds a .desktop file and icon and writes dist/quizapp-VERSION-linux-x86_64.tar.gz;
   on Windows, prints how to make the installer with Inno Setup (packaging/windows/quizapp.iss);
   on macOS, the .app is dist/quizapp.app.

Options: --skip-install (reuse the build environment as it is), --python PATH (interpreter for the build
environment; default: this one).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"


def version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    match = re.search(r'^version\s*=\s*"([^"]+)"', text, flags=re.M)
    if not match:
        raise SystemExit("cannot find the version in pyproject.toml")
    return match.group(1)


def machine() -> str:
    arch = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "arm64": "aarch64"}.get(arch, arch)


def run(*cmd: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], cwd=ROOT, check=True, env=env)


def build_env(python: str, skip_install: bool) -> Path:
    env_dir = BUILD / f"venv-{sys.platform}"
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    env_python = bindir / ("python.exe" if os.name == "nt" else "python")
    if not env_python.exists():
        if Path(python).resolve() == Path(sys.executable).resolve():
            venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
        else:
            run(python, "-m", "venv", "--clear", env_dir)
    if not skip_install:
        run(env_python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            "-r", PACKAGING / "requirements-build.txt")  # fmt: skip
    return env_python


def compile_translations(env_python: Path, stage: Path) -> None:
    sources = sorted((ROOT / "translations").glob("*.ts")) if (ROOT / "translations").is_dir() else []
    out = stage / "translations"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if not sources:
        return
    bindir = env_python.parent
    lrelease = bindir / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for ts in sources:
        run(lrelease, "-silent", ts, "-qm", out / (ts.stem + ".qm"))


def linux_bundle(app_dir: Path, ver: str) -> Path:
    shutil.copy2(PACKAGING / "linux" / "quizapp.desktop", app_dir / "quizapp.desktop")
    shutil.copy2(ROOT / "assets" / "icons" / "app.svg", app_dir / "quizapp.svg")
    name = f"quizapp-{ver}-linux-{machine()}"
    archive = DIST / f"{name}.tar.gz"
    archive.unlink(missing_ok=True)
    tmp = archive.with_suffix(".partial")
    with tarfile.open(tmp, "w:gz", compresslevel=9) as tar:
        tar.add(app_dir, arcname=name)
    os.replace(tmp, archive)
    return archive


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-install", action="store_true")
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args(argv)

    ver = version()
    env_python = build_env(args.python, args.skip_install)
    stage = BUILD / "stage"
    compile_translations(env_python, stage)
    env = dict(os.environ, QUIZAPP_STAGE=str(stage), QUIZAPP_VERSION=ver)
    spec = PACKAGING / "quizapp.spec"
    run(env_python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", spec, env=env)  # fmt: skip
    app_dir = DIST / "quizapp"
    if sys.platform.startswith("linux"):
        archive = linux_bundle(app_dir, ver)
        print(f"built {archive} ({archive.stat().st_size / 1048576:.1f} MB)")
    elif sys.platform == "win32":
        print(f"built {app_dir}; now run: iscc /DAppVersion={ver} packaging\\windows\\quizapp.iss")
    elif sys.platform == "darwin":
        print(f"built {DIST / 'quizapp.app'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
