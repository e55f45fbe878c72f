"""The Debian/Ubuntu package: dist/quizapp_VERSION_amd64.deb, made with dpkg-deb (no network).

    /opt/quizapp/                         the bundle (the same files as the tarball)
    /usr/bin/quizapp                      -> ../../opt/quizapp/quizapp (relative: also works from `dpkg -x`)
    /usr/share/applications/quizapp.desktop, /usr/share/icons/hicolor/*/apps/quizapp.{png,svg}
    /usr/share/metainfo/quizapp.metainfo.xml, /usr/share/doc/quizapp/copyright

``Depends:`` is computed from the bundle: every library a file in it needs (DT_NEEDED) that the bundle does
not carry is looked up on the build machine (ldconfig, then dpkg -S) and its package is listed; libc6 gets the
newest glibc version any file asks for. Files are root-owned, modes 0755/0644, mtimes the source date.
The maintainer scripts only refresh the menu and icon caches and, on purge, remove a quizapp.ini an
administrator put next to the program; they never touch anyone's data folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import elfinfo

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
LIBC_SONAMES = frozenset({"libc.so.6", "libm.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1",
                          "libresolv.so.2", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1"})  # fmt: skip
DEB_ARCH = {"x86_64": "amd64", "aarch64": "arm64"}

POSTINST = """#!/bin/sh
# quizapp postinst: refresh the menu and icon caches. Never touches anyone's data folder.
set -e
if [ "$1" = "configure" ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t /usr/share/icons/hicolor || true
    fi
fi
exit 0
"""

POSTRM = """#!/bin/sh
# quizapp postrm. Removing or purging the program keeps every learner's data: each account's
# ~/.local/share/quizapp and any shared folder named in /opt/quizapp/quizapp.ini are never touched.
# Purge removes only that quizapp.ini (the administrator's setting, not data) so /opt/quizapp can go.
set -e
if [ "$1" = "purge" ]; then
    rm -f /opt/quizapp/quizapp.ini
    rmdir /opt/quizapp 2>/dev/null || true
fi
if [ "$1" = "remove" ] || [ "$1" = "purge" ]; then
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q /usr/share/applications || true
    fi
fi
exit 0
"""


def glibc_key(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("_", 1)[1].split("."))


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and elfinfo.is_elf(p))


def system_needs(app_dir: Path) -> tuple[set[str], str]:
    """(sonames the bundle needs from the system, newest GLIBC_x.y any file requires)."""
    infos = [elfinfo.read(p) for p in elf_files(app_dir)]
    carried = {p.name for p in app_dir.rglob("*")}
    needed = {name for info in infos for name in info.needed} - carried
    versions = [v for info in infos for vs in info.versions.values() for v in vs if v.startswith("GLIBC_2")]
    return needed, max(versions, key=glibc_key)


def _ldconfig_paths() -> dict[str, str]:
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in out.splitlines()[1:]:
        name, _, rest = line.strip().partition(" (")
        flags, _, path = rest.partition(") => ")
        if "x86-64" in flags or "AArch64" in flags or "64bit" in flags:
            paths.setdefault(name, path)
    return paths


def _owner(path: str) -> str | None:
    candidates = [path, os.path.realpath(path)]
    for candidate in list(candidates):
        if candidate.startswith("/usr/lib/"):
            candidates.append(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.append("/usr" + candidate)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def depends(app_dir: Path) -> list[str]:
    """The Depends list: libc6 (>= newest glibc needed), then the package of each other system library."""
    needed, newest = system_needs(app_dir)
    paths = _ldconfig_paths()
    packages: set[str] = set()
    problems = []
    for soname in sorted(needed - LIBC_SONAMES):
        path = paths.get(soname)
        owner = _owner(path) if path else None
        if owner is None:
            problems.append(f"{soname} ({path or 'not installed'})")
        else:
            packages.add(owner)
    if problems:
        raise SystemExit(
            "cannot tell which package provides these libraries the bundle needs: "
            + ", ".join(problems)
            + ". Install them on the build machine (apt-get install the package that has them) and rebuild."
        )
    packages.discard("libc6")
    return [f"libc6 (>= {newest.split('_', 1)[1]})", *sorted(packages)]


def _installed_size_kib(folder: Path) -> int:
    return sum((p.lstat().st_size + 1023) // 1024 for p in folder.rglob("*") if not p.is_dir()) + 1


def _normalise(folder: Path, mtime: int) -> None:
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            os.utime(path, (mtime, mtime), follow_symlinks=False)
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)
        os.utime(path, (mtime, mtime))


def metainfo(version: str, mtime: int) -> str:
    text = (PACKAGING / "linux" / "quizapp.metainfo.xml").read_text(encoding="utf-8")
    date = time.strftime("%Y-%m-%d", time.gmtime(mtime))
    return text.replace("@VERSION@", version).replace("@DATE@", date)


def build_deb(
    app_dir: Path, version: str, arch: str, icons: Path, work: Path, out_dir: Path, mtime: int
) -> Path:
    deb_arch = DEB_ARCH.get(arch, arch)
    root = work / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(app_dir, root / "opt" / "quizapp", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "quizapp").symlink_to("../../opt/quizapp/quizapp")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "quizapp.desktop", share / "applications" / "quizapp.desktop")
    for png in sorted((icons / "png").glob("*/quizapp.png")):
        target = share / "icons" / "hicolor" / png.parent.name / "apps" / "quizapp.png"
        target.parent.mkdir(parents=True)
        shutil.copy2(png, target)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ROOT / "assets" / "icons" / "app.svg", scalable / "quizapp.svg")
    (share / "metainfo").mkdir(parents=True)
    (share / "metainfo" / "quizapp.metainfo.xml").write_text(metainfo(version, mtime), encoding="utf-8")
    doc = share / "doc" / "quizapp"
    doc.mkdir(parents=True)
    shutil.copy2(PACKAGING / "linux" / "copyright", doc / "copyright")

    control_dir = root / "DEBIAN"
    control_dir.mkdir()
    description = (
        "Online-safety lessons and quizzes for schools, in English and Urdu\n"
        " quizapp teaches children aged 8 to 17, their parents and teachers how to stay\n"
        " safe online: lessons, then quizzes with explanations, progress kept on the\n"
        " computer. It works with no internet. Teachers load question packs, see class\n"
        " results, print and export them.\n"
    )
    control = (
        f"Package: quizapp\nVersion: {version}\nArchitecture: {deb_arch}\n"
        "Maintainer: quizapp developers\n"  # add a contact address here when the project has one
        f"Installed-Size: {_installed_size_kib(root)}\n"
        f"Depends: {', '.join(depends(app_dir))}\n"
        "Section: education\nPriority: optional\n"
        f"Description: {description}"
    )
    (control_dir / "control").write_text(control, encoding="utf-8")
    (control_dir / "postinst").write_text(POSTINST, encoding="utf-8")
    (control_dir / "postrm").write_text(POSTRM, encoding="utf-8")
    (control_dir / "postinst").chmod(0o755)
    (control_dir / "postrm").chmod(0o755)
    _normalise(root, mtime)

    out = out_dir / f"quizapp_{version}_{deb_arch}.deb"
    tmp = out.with_name(out.name + ".partial")
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(mtime))
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(tmp)],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    tmp.replace(out)
    return out
