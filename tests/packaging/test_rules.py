"""The packaging helpers, without a build: what the bundle leaves out per system, reproducible archives, the
ELF edits, the Windows icon's sizes."""

from __future__ import annotations

import gzip
import os
import shutil
import struct
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import archive
import bundle_rules
import elfinfo
import pytest


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt6Network.dll",
        "PySide6/Qt6OpenGL.dll",
        "PySide6/Qt6Qml.dll",
        "PySide6/opengl32sw.dll",
        "PySide6/plugins/imageformats/qtiff.dll",
        "PySide6/plugins/imageformats/qwebp.dll",
        "PySide6/plugins/imageformats/qgif.dll",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/plugins/networkinformation/qnetworklistmanager.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/translations/qtbase_ur.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/lib/QtNetwork.framework/Versions/A/QtNetwork",
        "PySide6/Qt/plugins/imageformats/libqtiff.dylib",
    ],
)
def test_unused_qt_files_are_left_out_under_every_systems_names(dest: str) -> None:
    """Windows (Qt6Network.dll, qtiff.dll, opengl32sw.dll), Linux and macOS names of unused Qt parts match."""
    assert bundle_rules.is_unused(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt6Svg.dll",
        "PySide6/Qt6PrintSupport.dll",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/plugins/imageformats/qjpeg.dll",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/QtCore.pyd",
        "translations/quizapp_ur.qm",
        "assets/icons/app.svg",
        "PySide6/Qt/lib/QtWidgets.framework/Versions/A/QtWidgets",
    ],
)
def test_what_the_app_uses_is_kept(dest: str) -> None:
    """The screens, JPEG/SVG pictures, SVG icons, printing, the Windows style and the app's own files stay."""
    assert not bundle_rules.is_unused(dest)


def test_linux_keeps_python_wheels_and_chosen_system_libraries_only() -> None:
    """libstdc++, libexpat, libcups... of the build machine are not carried; libpython, lib-dynload, the
    wheels' libraries and libxcb-cursor are."""
    keep = bundle_rules.keep_linux_binary
    assert not keep("/usr/lib/x86_64-linux-gnu/libstdc++.so.6")
    assert not keep("/lib/x86_64-linux-gnu/libexpat.so.1")
    assert not keep("/usr/lib/x86_64-linux-gnu/libcups.so.2")
    assert keep("/usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0")
    assert keep("/root/.pyenv/versions/3.11.7/lib/libpython3.11.so.1.0")
    assert keep("/usr/lib/python3.11/lib-dynload/_ssl.cpython-311-x86_64-linux-gnu.so")
    assert keep("/build/venv/lib/python3.11/site-packages/PySide6/Qt/lib/libQt6Core.so.6")


def test_orphans_are_dropped_and_what_roots_need_is_kept() -> None:
    """A library nothing loads (a GTK piece of a dropped plugin) goes; what a plugin or module needs stays."""
    needs = {
        "src/libqxcb.so": ["libQt6XcbQpa.so.6"],
        "src/libQt6XcbQpa.so.6": ["libQt6Gui.so.6"],
        "src/libQt6Gui.so.6": [],
        "src/libatk-1.0.so.0": ["libglib-2.0.so.0"],
        "src/QtGui.abi3.so": ["libQt6Gui.so.6"],
    }
    entries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "src/libqxcb.so"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "src/libQt6XcbQpa.so.6"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "src/libQt6Gui.so.6"),
        ("libatk-1.0.so.0", "src/libatk-1.0.so.0"),
        ("PySide6/QtGui.abi3.so", "src/QtGui.abi3.so"),
    ]
    kept = {dest for dest, _src in bundle_rules.without_orphans(entries, lambda src: needs[src])}
    assert kept == {dest for dest, _src in entries} - {"libatk-1.0.so.0"}


def make_tree(root: Path, order: list[str], mtime: int, mode: int) -> Path:
    for name in order:
        path = root / "app" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"contents of {name}", encoding="utf-8")
        path.chmod(mode)
        os.utime(path, (mtime, mtime))
    (root / "app" / "run").chmod(0o755)
    return root / "app"


def test_tarball_is_byte_identical_whatever_the_files_times_owners_and_order(tmp_path: Path) -> None:
    """Two builds of the same files (created in another order, other times and modes) give the same bytes:
    sorted, root-owned, dated by SOURCE_DATE_EPOCH, gzip header without time or name."""
    first = make_tree(tmp_path / "a", ["run", "lib/b.so", "lib/a.so", "data.txt"], 1_600_000_000, 0o664)
    second = make_tree(tmp_path / "b", ["data.txt", "lib/a.so", "run", "lib/b.so"], 1_700_000_000, 0o600)
    one = archive.write_tar_gz(first, tmp_path / "one.tar.gz", "quizapp-1", 1_234_567_890)
    two = archive.write_tar_gz(second, tmp_path / "two.tar.gz", "quizapp-1", 1_234_567_890)
    assert one.read_bytes() == two.read_bytes()
    with tarfile.open(one) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == sorted(m.name for m in members)
    assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {
        (0, 0, "root", "root", 1_234_567_890)
    }
    modes = {m.name.split("/", 1)[-1]: m.mode for m in members}
    assert modes["run"] == 0o755 and modes["data.txt"] == 0o644
    header = one.read_bytes()[:10]
    assert struct.unpack("<I", header[4:8])[0] == 0 and not header[3] & 0x08  # no mtime, no file name
    with gzip.open(one) as handle:
        assert handle.read(1)


def test_source_date_epoch_wins_and_must_be_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    """The archives' date comes from SOURCE_DATE_EPOCH; a wrong value is refused with what it should be."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert archive.source_date_epoch() == 1_700_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(SystemExit, match="seconds"):
        archive.source_date_epoch()


def test_sha256sums_is_checked_by_sha256sum(tmp_path: Path) -> None:
    """SHA256SUMS is in the format `sha256sum -c` reads, one sorted line per file."""
    for name in ("b.deb", "a.tar.gz"):
        (tmp_path / name).write_bytes(name.encode() * 1000)
    sums = archive.write_sha256sums([tmp_path / "b.deb", tmp_path / "a.tar.gz"], tmp_path / "SHA256SUMS")
    assert [line.split("  ")[1] for line in sums.read_text().splitlines()] == ["a.tar.gz", "b.deb"]
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=tmp_path, check=True)


def libpython() -> Path:
    path = Path(sysconfig.get_config_var("LIBDIR") or "") / str(sysconfig.get_config_var("INSTSONAME") or "")
    if not sys.platform.startswith("linux") or not path.is_file():
        pytest.skip("needs a shared libpython (Linux)")
    return path


def test_pin_moves_hypot_to_the_old_version_and_drops_the_new_requirement(tmp_path: Path) -> None:
    """A libpython built on glibc >= 2.35 needs GLIBC_2.35 only for hypot; after the pin objdump shows hypot
    at GLIBC_2.2.5 and no GLIBC_2.35 requirement, and the dynamic loader still resolves the library."""
    source = libpython()
    if "GLIBC_2.35" not in elfinfo.read(source).versions.get("libm.so.6", set()):
        pytest.skip("this interpreter's libpython does not use GLIBC_2.35 hypot")
    copy = tmp_path / source.name
    shutil.copy2(source, copy)
    assert elfinfo.pin_symbol_version(copy, "hypot", "libm.so.6", "GLIBC_2.35", "GLIBC_2.2.5")
    symbols = subprocess.run(["objdump", "-T", str(copy)], capture_output=True, text=True, check=True).stdout
    headers = subprocess.run(["objdump", "-p", str(copy)], capture_output=True, text=True, check=True).stdout
    assert "(GLIBC_2.2.5) hypot" in symbols and "GLIBC_2.35" not in symbols + headers
    assert not elfinfo.pin_symbol_version(
        copy, "hypot", "libm.so.6", "GLIBC_2.35", "GLIBC_2.2.5"
    )  # a second pin finds nothing left to do
    loader = subprocess.run(["ldd", str(copy)], capture_output=True, text=True)
    assert loader.returncode == 0 and "not found" not in loader.stdout + loader.stderr


def test_search_paths_outside_the_bundle_are_removed(tmp_path: Path) -> None:
    """pyenv's RUNPATH (the build machine's folder) goes; the file still loads; $ORIGIN paths would stay."""
    source = libpython()
    copy = tmp_path / source.name
    shutil.copy2(source, copy)
    before = elfinfo.read(copy)
    outside = [v for _k, v in before.search_paths if not elfinfo.inside_bundle(v)]
    if not outside:
        pytest.skip("this libpython has no search path to remove")
    assert elfinfo.drop_search_paths(copy) == outside
    after = elfinfo.read(copy)
    assert after.search_paths == [] and after.needed == before.needed
    assert subprocess.run(["ldd", str(copy)], capture_output=True).returncode == 0
    assert elfinfo.inside_bundle("$ORIGIN/../lib:$ORIGIN") and not elfinfo.inside_bundle("$ORIGIN:/usr/lib")


def test_windows_icon_has_every_size_from_16_to_256(tmp_path: Path) -> None:
    """The .ico rendered from the SVG holds 16, 24, 32, 48, 64, 128 and 256 px frames (Explorer, taskbar,
    Start menu and installer each pick one), and the Linux PNGs come in the same sizes."""
    subprocess.run(
        [sys.executable, str(Path(archive.ROOT) / "packaging" / "make_icons.py"), "--out", str(tmp_path)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    data = (tmp_path / "quizapp.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height, _c, _r, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        size = width or 256
        assert height == width and bits == 32 and offset + length <= len(data)
        frame = data[offset : offset + length]
        assert frame.startswith(b"\x89PNG") if size == 256 else struct.unpack_from("<i", frame, 4)[0] == size
        sizes.add(size)
    assert sizes == {16, 24, 32, 48, 64, 128, 256}
    assert {p.parent.name for p in (tmp_path / "png").glob("*/quizapp.png")} == {f"{s}x{s}" for s in sizes}


def test_packaged_builds_carry_psycopg_for_a_school_server() -> None:
    """The pinned build environment has psycopg with its binary build (libpq inside), at one version; the
    spec names the PostgreSQL dialect and psycopg_binary, which are loaded by name (unseen by analysis)."""
    from tests.conftest import ROOT

    pins = dict(
        line.split(";")[0].strip().split("==")
        for line in (ROOT / "packaging" / "requirements-build.txt").read_text(encoding="utf-8").splitlines()
        if "==" in line and not line.startswith("#")
    )
    assert pins["psycopg"] == pins["psycopg-binary"]
    spec = (ROOT / "packaging" / "quizapp.spec").read_text(encoding="utf-8")
    for name in (
        '"sqlalchemy.dialects.postgresql.psycopg"',
        '"psycopg"',
        'collect_submodules("psycopg_binary")',
    ):
        assert name in spec
    assert "*DATABASE_MODULES" in spec


def test_packaged_builds_carry_every_question_type_module() -> None:
    """Question types are imported by name from the registry (one module per type), unseen by PyInstaller's
    analysis: the spec collects both registries' modules, and each type of ``NAMES`` has both modules."""
    from quizapp.content import qtypes
    from tests.conftest import ROOT

    spec = (ROOT / "packaging" / "quizapp.spec").read_text(encoding="utf-8")
    assert 'collect_submodules("quizapp.content.qtypes")' in spec
    assert 'collect_submodules("quizapp.ui.questions.kinds")' in spec
    assert "*QUESTION_TYPE_MODULES" in spec
    for name in qtypes.NAMES:
        assert (ROOT / "quizapp" / "content" / "qtypes" / f"{name}.py").is_file()
        assert (ROOT / "quizapp" / "ui" / "questions" / "kinds" / f"{name}.py").is_file()
