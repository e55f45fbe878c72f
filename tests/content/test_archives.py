"""Pack .zip files: valid ones load; hostile ones get one clear error and leave nothing behind."""

from __future__ import annotations

import contextlib
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest

from quizapp.content import archive
from tests.content.helpers import MANIFEST, MODULE, only_error, validate


def write_zip(path: Path, members: dict[str, bytes], *, prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(prefix + name, data)
    return path


def good_members() -> dict[str, bytes]:
    return {"pack.yaml": MANIFEST.encode(), "modules/one.yaml": MODULE.encode()}


def temp_leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("quizapp-pack-*")}


def test_valid_zip_loads_and_cleans_up(tmp_path: Path) -> None:
    """A good pack .zip validates and its temporary folder is removed."""
    before = temp_leftovers()
    report = validate(write_zip(tmp_path / "tiny.zip", good_members()))
    assert report.valid and report.packs[0].id == "tiny"
    assert temp_leftovers() == before


def test_zip_with_single_top_folder(tmp_path: Path) -> None:
    """A zip of the pack folder itself (one folder at the top) is accepted."""
    assert validate(write_zip(tmp_path / "tiny.zip", good_members(), prefix="tiny/")).valid


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("../evil.yaml", "leaves its folder"),
        ("/etc/evil.yaml", "absolute path"),
        ("C:/evil.yaml", "absolute path"),
    ],
)
def test_zip_path_escape_refused(tmp_path: Path, name: str, fragment: str) -> None:
    """Members that would land outside the folder are refused before anything is written."""
    members = good_members() | {name: b"x: 1\n"}
    d = only_error(validate(write_zip(tmp_path / "evil.zip", members)))
    assert fragment in d.message and d.path.endswith("evil.zip")
    assert not (tmp_path / "evil.yaml").exists()


def test_zip_symlink_refused(tmp_path: Path) -> None:
    """A symbolic link inside an archive is refused."""
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in good_members().items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo("assets/passwd.png")
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    assert "symbolic link" in only_error(validate(path)).message


def test_zip_bomb_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Data that decompresses far beyond the cap is stopped while decompressing."""
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 5 * 1024 * 1024)
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 50 * 1024 * 1024)
    members = good_members() | {f"assets/zero{i}.png": b"\0" * (2 * 1024 * 1024) for i in range(4)}
    d = only_error(validate(write_zip(tmp_path / "bomb.zip", members)))
    assert "unpacks to more than" in d.message


def test_not_a_zip(tmp_path: Path) -> None:
    """A file named .zip that is not one says so."""
    path = tmp_path / "fake.zip"
    path.write_bytes(b"this is not a zip")
    assert "not a readable .zip" in only_error(validate(path)).message


def test_zip_without_manifest(tmp_path: Path) -> None:
    """An archive without pack.yaml is explained."""
    d = only_error(validate(write_zip(tmp_path / "nopack.zip", {"readme.txt": b"hello"})))
    assert "no pack.yaml" in d.message


def test_errors_inside_zip_name_the_member(tmp_path: Path) -> None:
    """Problems inside an archive point at the file inside it."""
    members = good_members() | {"modules/one.yaml": MODULE.replace("prompt:", "promt:").encode()}
    report = validate(write_zip(tmp_path / "typo.zip", members))
    assert any(
        d.path.endswith("typo.zip/modules/one.yaml") and d.line == 14 for d in report.diagnostics.errors
    )


@pytest.mark.parametrize("second", ["modules/one.yaml", "Modules/One.yaml", "./modules/one.yaml"])
def test_zip_with_a_file_twice_is_refused(tmp_path: Path, second: str) -> None:
    """Two entries for one file (the same name, or one that differs only in case) are refused, naming the
    archive and the entry, instead of silently installing the last one."""
    path = write_zip(tmp_path / "twice.zip", good_members())
    same = second == "modules/one.yaml"
    warns = pytest.warns(UserWarning, match="Duplicate name") if same else contextlib.nullcontext()
    with zipfile.ZipFile(path, "a") as zf, warns:
        zf.writestr(second, MODULE.replace("Keep it secret", "Share it").encode())
    d = only_error(validate(path))
    assert "twice" in d.message and d.path.endswith("twice.zip")
