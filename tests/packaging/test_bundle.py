"""The Linux packages build, start on older systems, are reproducible and root-owned, and run anywhere."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the test suite builds the Linux bundle"),
]

GLIBC_FLOOR = (2, 34)  # Ubuntu 22.04 / Mint 21 have 2.35, Debian 12 2.36; PySide6 6.11 itself needs 2.34
# Build-machine libraries the bundle may carry (bundle_rules.BUNDLED_SYSTEM_LIBS), and libpython.
ALLOWED_SYSTEM_LIBS = {
    "libpython3.11.so.1.0",
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-render-util.so.0",
    "libxcb-util.so.1",
    "libxkbcommon-x11.so.0",
    # narration's player: miniaudio's compiled module and the cffi back end it loads (Python extensions)
    "_miniaudio.abi3.so",
    "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
}


def snapshot(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def tarball(dist: Path) -> Path:
    archives = sorted(dist.glob("quizapp-*-linux-*.tar.gz"))
    assert archives, "build.py wrote no tar.gz"
    return archives[-1]


def deb(dist: Path) -> Path:
    packages = sorted(dist.glob("quizapp_*_amd64.deb"))
    assert packages, "build.py wrote no .deb"
    return packages[-1]


def commit_time() -> int:
    from archive import source_date_epoch

    return source_date_epoch()


@pytest.fixture(scope="module")
def unpacked(linux_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    place = tmp_path_factory.mktemp("bundle") / "school lab" / "کوئز ایپ"
    place.mkdir(parents=True)
    with tarfile.open(tarball(linux_build)) as tar:
        tar.extractall(place, filter="data")
    return next(place.iterdir())


def elf_files(folder: Path) -> list[Path]:
    out = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    out.append(path)
    return out


def objdump(option: str, path: Path) -> str:
    return subprocess.run(["objdump", option, str(path)], capture_output=True, text=True, check=True).stdout


def test_bundle_layout(linux_build: Path) -> None:
    """The archive unpacks to one folder with the executable, a .desktop file and an icon."""
    with tarfile.open(tarball(linux_build)) as tar:
        names = tar.getnames()
    top = {n.split("/")[0] for n in names}
    assert len(top) == 1
    folder = top.pop()
    assert {f"{folder}/quizapp", f"{folder}/quizapp.desktop", f"{folder}/quizapp.svg"} <= set(names)


def test_every_elf_needs_at_most_glibc_2_34_and_searches_only_inside(unpacked: Path) -> None:
    """objdump (binutils, not the build's own ELF reader) finds no file that asks for a glibc symbol version
    above 2.34, in its symbols or its version references, and no RPATH/RUNPATH leading out of the bundle."""
    problems = []
    files = elf_files(unpacked)
    assert len(files) > 50
    for path in files:
        rel = path.relative_to(unpacked)
        symbols = objdump("-T", path)
        headers = objdump("-p", path)
        for version in set(re.findall(r"\bGLIBC_(\d+(?:\.\d+)+)\b", symbols + headers)):
            if tuple(int(x) for x in version.split(".")) > GLIBC_FLOOR:
                problems.append(f"{rel}: GLIBC_{version}")
        for kind, value in re.findall(r"^\s*(RPATH|RUNPATH)\s+(\S+)", headers, flags=re.M):
            for part in value.split(":"):
                resolved = Path(part.replace("$ORIGIN", str(path.parent))).resolve()
                if not part.startswith("$ORIGIN") or not resolved.is_relative_to(unpacked.resolve()):
                    problems.append(f"{rel}: {kind} {value}")
    assert problems == []


def test_no_system_libraries_of_the_build_machine(unpacked: Path) -> None:
    """Shared libraries outside PySide6/shiboken6/Python's own folders are only the deliberate few: no
    libstdc++, libexpat, libcups, libgcc_s, GTK or X11 copies from the build machine."""
    internal = unpacked / "_internal"
    top_level = {p.name for p in internal.iterdir() if ".so" in p.name and not p.is_symlink()}
    assert top_level <= ALLOWED_SYSTEM_LIBS, sorted(top_level - ALLOWED_SYSTEM_LIBS)
    assert "libxcb-cursor.so.0" in top_level  # bundled on purpose (missing on Ubuntu 22.04 / Mint 21)
    for gone in ("libQt6Network", "libqtiff", "libqgtk3", "libQt6EglFsKmsSupport", "libqminimal"):
        assert not list(internal.rglob(f"{gone}*")), gone


def test_tarball_is_root_owned_sorted_and_dated(linux_build: Path) -> None:
    """`sudo tar -x` gives root-owned files (not the builder's uid 1000, often the shared pupil account), in a
    fixed order with the commit's time, so two builds of one commit give the same archive."""
    with tarfile.open(tarball(linux_build)) as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names == sorted(names, key=lambda n: n.encode())
    assert {(m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, "root", "root")}
    assert {m.mtime for m in members} == {commit_time()}
    assert {m.mode for m in members if m.isfile()} <= {0o644, 0o755}


def test_sha256sums_lists_both_packages(linux_build: Path) -> None:
    """SHA256SUMS, checked with `sha256sum -c`, covers the tarball and the .deb."""
    sums = (linux_build / "SHA256SUMS").read_text(encoding="utf-8")
    listed = {line.split("  ")[1] for line in sums.splitlines()}
    assert listed == {tarball(linux_build).name, deb(linux_build).name}
    subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=linux_build, check=True)


def test_frozen_selftest_from_unusual_path(unpacked: Path, tmp_path: Path) -> None:
    """Unpacked under a path with spaces and Urdu letters, `quizapp selftest` passes offscreen, twice on the
    same data folder, without writing into the program's folder."""
    before = snapshot(unpacked)
    data = tmp_path / "student data"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUIZAPP_")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    for _ in range(2):
        result = subprocess.run(
            [str(unpacked / "quizapp"), "--data-dir", str(data), "selftest"],
            capture_output=True, text=True, timeout=300, env=env, cwd=tmp_path,
        )  # fmt: skip
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        summary = json.loads(result.stdout.strip().splitlines()[-1])
        assert summary.get("ok") is True, summary
    assert snapshot(unpacked) == before, "the frozen app wrote into its install folder"
    assert (data / "quizapp.sqlite3").is_file()


def test_deb_contents(linux_build: Path) -> None:
    """The .deb: root-owned files under /opt/quizapp, a relative /usr/bin/quizapp link, menu entry, PNG icons
    at 16-256 px and the SVG, AppStream metainfo, libc6 >= 2.34 and no package for a library it carries."""
    package = deb(linux_build)
    listing = subprocess.run(["dpkg-deb", "-c", str(package)], capture_output=True, text=True).stdout
    rows = [line.split() for line in listing.splitlines()]
    assert {row[1] for row in rows} == {"root/root"}
    names = {row[5] for row in rows}
    links = {row[5]: row[7] for row in rows if row[0].startswith("l")}
    assert links["./usr/bin/quizapp"] == "../../opt/quizapp/quizapp"
    assert "./opt/quizapp/quizapp" in names and "./usr/share/applications/quizapp.desktop" in names
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/quizapp.png" in names
    assert "./usr/share/icons/hicolor/scalable/apps/quizapp.svg" in names
    assert "./usr/share/metainfo/quizapp.metainfo.xml" in names
    depends = subprocess.run(
        ["dpkg-deb", "-f", str(package), "Depends"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert depends.startswith("libc6 (>= 2.3")
    floor = tuple(int(x) for x in re.match(r"libc6 \(>= ([\d.]+)\)", depends).group(1).split("."))  # type: ignore[union-attr]
    assert floor <= GLIBC_FLOOR
    for carried in ("libxcb-cursor0", "libpython3.11", "libicu"):
        assert carried not in depends
    for system in ("libstdc++6", "libfontconfig1", "libx11-6", "libxcb1", "libcups2"):
        assert system in depends


def test_unpacked_deb_runs_selftest_with_an_empty_environment(linux_build: Path, tmp_path: Path) -> None:
    """`dpkg -x` into a path with a space, then `usr/bin/quizapp selftest` under `env -i` (no HOME, no
    DISPLAY, no PATH) passes: the link finds the program and the program finds its files."""
    target = tmp_path / "un packed"
    subprocess.run(["dpkg", "-x", str(deb(linux_build)), str(target)], check=True)
    result = subprocess.run(
        ["env", "-i", str(target / "usr" / "bin" / "quizapp"), "selftest"],
        capture_output=True, text=True, timeout=300, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert json.loads(result.stdout.strip().splitlines()[-1])["ok"] is True


def test_frozen_app_uses_a_postgresql_server(unpacked: Path, tmp_path: Path) -> None:
    """The packaged app carries psycopg and its libpq: with a server URL (password in a file) it creates
    the schema and checks the server, with no PostgreSQL client on the PC's library path."""
    from tests.pg import PG_PASSWORD, PgUnavailable, remove_server, start_server

    try:
        server = start_server()
    except PgUnavailable as exc:
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        secret = tmp_path / "pw.txt"
        secret.write_text(PG_PASSWORD + "\n", encoding="utf-8")
        url = server.create_database().replace(f":{PG_PASSWORD}@", "@") + f"?password_file={secret}"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("QUIZAPP_", "LD_LIBRARY_PATH"))}
        for command in ("init", "check"):
            args = ["--database", url, "--data-dir", str(tmp_path / "d"), "server", command]
            result = subprocess.run(
                [str(unpacked / "quizapp"), *args],
                capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path,
            )  # fmt: skip
            assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert "The server is ready for the lab PCs." in result.stdout
        assert list((unpacked / "_internal").glob("psycopg_binary*")), "psycopg's binary build is not bundled"
    finally:
        remove_server(server)
