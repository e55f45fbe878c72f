#!/usr/bin/env python3
"""Build the packaged app for this operating system:  python3 packaging/build.py

1. makes a build environment in build/venv-<platform> with exactly packaging/requirements-build.txt;
2. compiles the interface translations (.ts -> .qm) with that environment's pyside6-lrelease;
3. runs PyInstaller with packaging/quizapp.spec (one folder, pruned);
   (the icons are rendered first from assets/icons/app.svg by packaging/make_icons.py into build/icons);
4. on Linux, tidies and checks the bundle (no search path outside it, at most glibc GLIBC_FLOOR), then writes
   dist/quizapp-VERSION-linux-x86_64.tar.gz (reproducible, root-owned), dist/quizapp_VERSION_amd64.deb and
   dist/SHA256SUMS;
   on Windows, prints how to make the installer with Inno Setup (packaging/windows/quizapp.iss);
   on macOS, the .app is dist/quizapp.app.

Options: --skip-install (reuse the build environment as it is), --python PATH (interpreter for the build
environment; default: this one), --reuse-bundle (Linux: keep dist/quizapp from the last build and redo only
the checks and packages).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import archive
import elfinfo

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
ICONS = BUILD / "icons"

# The oldest glibc the Linux bundle may need: Ubuntu 22.04 / Mint 21 have 2.35, Debian 12 2.36, and
# PySide6 6.11's Qt itself needs 2.34. Every ELF file in the bundle is checked against it.
GLIBC_FLOOR = (2, 34)

# Python built on a glibc >= 2.35 binds hypot() to the GLIBC_2.35 version glibc added that year (a faster
# implementation with the same results; libm keeps GLIBC_2.2.5 hypot for older programs). It is the only
# symbol of the interpreter above 2.34, so the bundle's libpython and math modules are pointed back at
# GLIBC_2.2.5 hypot, a version they already require (see elfinfo.pin_symbol_version).
PINS = (("hypot", "libm.so.6", "GLIBC_2.35", "GLIBC_2.2.5"),)


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


def make_icons(env_python: Path) -> None:
    run(env_python, PACKAGING / "make_icons.py", "--out", ICONS)


def tidy_linux_bundle(app_dir: Path) -> None:
    """Remove search paths that lead out of the bundle and apply PINS, then check every ELF file: fails the
    build on a library it needs above GLIBC_FLOOR or a search path outside the bundle."""
    import bundle_rules

    carried = {p.name for p in app_dir.rglob("*")}
    missing = sorted(bundle_rules.BUNDLED_SYSTEM_LIBS - carried)
    if missing:
        raise SystemExit(
            f"the build machine lacks {', '.join(missing)}, which the bundle carries for Qt's xcb plugin: "
            "apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 "
            "libxcb-util1 libxkbcommon-x11-0, then build again"
        )
    problems = []
    newest = (0,)
    for path in sorted(app_dir.rglob("*")):
        if path.is_symlink() or not path.is_file() or not elfinfo.is_elf(path):
            continue
        elfinfo.drop_search_paths(path)
        for symbol, library, newer, older in PINS:
            elfinfo.pin_symbol_version(path, symbol, library, newer, older)
        info = elfinfo.read(path)
        rel = path.relative_to(app_dir)
        for lib, versions in info.versions.items():
            for version in versions:
                if not version.startswith("GLIBC_2"):
                    continue
                newest = max(newest, glibc_version(version))
                if glibc_version(version) > GLIBC_FLOOR:
                    problems.append(f"{rel} needs {version} from {lib}")
        problems += [
            f"{rel} has {kind} {val}" for kind, val in info.search_paths if not elfinfo.inside_bundle(val)
        ]
    if problems:
        raise SystemExit("the Linux bundle would not start on older systems:\n  " + "\n  ".join(problems))
    print(f"the Linux bundle needs glibc {'.'.join(map(str, newest))} or newer (checked every ELF file)")


def glibc_version(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("_", 1)[1].split("."))


def linux_packages(app_dir: Path, ver: str) -> list[Path]:
    import deb

    mtime = archive.source_date_epoch()
    name = f"quizapp-{ver}-linux-{machine()}"
    stage = BUILD / "tarball" / name
    shutil.rmtree(stage.parent, ignore_errors=True)
    shutil.copytree(app_dir, stage, symlinks=True)
    shutil.copy2(PACKAGING / "linux" / "quizapp.desktop", stage / "quizapp.desktop")
    shutil.copy2(ROOT / "assets" / "icons" / "app.svg", stage / "quizapp.svg")
    tarball = archive.write_tar_gz(stage, DIST / f"{name}.tar.gz", name, mtime)
    package = deb.build_deb(app_dir, ver, machine(), ICONS, BUILD, DIST, mtime)
    sums = archive.write_sha256sums([tarball, package], DIST / "SHA256SUMS")
    return [tarball, package, sums]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-install", action="store_true")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--reuse-bundle", action="store_true")
    args = parser.parse_args(argv)

    ver = version()
    app_dir = DIST / "quizapp"
    env_python = build_env(args.python, args.skip_install or args.reuse_bundle)
    if not (args.reuse_bundle and (app_dir / "_internal").is_dir() and (ICONS / "quizapp.ico").is_file()):
        make_icons(env_python)
        stage = BUILD / "stage"
        compile_translations(env_python, stage)
        env = dict(os.environ, QUIZAPP_STAGE=str(stage), QUIZAPP_VERSION=ver, QUIZAPP_ICONS=str(ICONS))
        spec = PACKAGING / "quizapp.spec"
        run(env_python, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", DIST, "--workpath", BUILD / "pyinstaller", spec, env=env)  # fmt: skip
    if sys.platform.startswith("linux"):
        tidy_linux_bundle(app_dir)
        for path in linux_packages(app_dir, ver):
            print(f"built {path} ({path.stat().st_size / 1048576:.1f} MB)")
    elif sys.platform == "win32":
        print(f"built {app_dir}; now run: iscc /DAppVersion={ver} packaging\\windows\\quizapp.iss")
    elif sys.platform == "darwin":
        print(f"built {DIST / 'quizapp.app'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
