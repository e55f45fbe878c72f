"""The .deb installs with dpkg on a clean Debian 12, runs for a standard user, and is removed keeping data.

The throwaway Debian 12 is a `debootstrap --variant=minbase bookworm` tree, made once and cached outside the
repository ($QUIZAPP_CHROOT_CACHE, default ~/.cache/quizapp-tests; about 200 MB, made in a minute or two);
each run works on a copy. Needs root (chroot, mount), debootstrap and access to deb.debian.org (apt fetches
the package's Depends, so a missing one shows as a failing selftest); skipped with the reason otherwise.
"""

from __future__ import annotations

import json
import os
import pwd
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian packages are tested on Linux"),
]

HOME = Path(pwd.getpwuid(os.getuid()).pw_dir)  # not $HOME (the tests point it elsewhere)
CACHE = Path(os.environ.get("QUIZAPP_CHROOT_CACHE") or HOME / ".cache" / "quizapp-tests")
MIRROR = os.environ.get("QUIZAPP_DEBIAN_MIRROR", "http://deb.debian.org/debian")


def debian12_base() -> Path:
    """The cached pristine Debian 12 tree, made when missing."""
    base = CACHE / "bookworm-minbase"
    if (base / "etc" / "debian_version").is_file():
        return base
    if os.geteuid() != 0:
        pytest.skip("making and entering a Debian 12 chroot needs root")
    if shutil.which("debootstrap") is None:
        pytest.skip("debootstrap is not installed (apt-get install debootstrap)")
    partial = CACHE / "bookworm-minbase.partial"
    shutil.rmtree(partial, ignore_errors=True)
    CACHE.mkdir(parents=True, exist_ok=True)
    made = subprocess.run(
        ["debootstrap", "--variant=minbase", "bookworm", str(partial), MIRROR],
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    if made.returncode != 0:
        shutil.rmtree(partial, ignore_errors=True)
        pytest.skip(f"debootstrap could not make Debian 12 here: {made.stderr[-500:] or made.stdout[-500:]}")
    partial.rename(base)
    return base


@pytest.fixture
def debian12(tmp_path: Path) -> Iterator[Path]:
    """A throwaway copy of the Debian 12 tree with /proc mounted and apt's downloads kept in the cache."""
    if os.geteuid() != 0:
        pytest.skip("entering a chroot needs root")
    base = debian12_base()
    root = tmp_path / "debian12"
    subprocess.run(["cp", "-a", str(base), str(root)], check=True)
    archives = CACHE / "apt-archives"
    (archives / "partial").mkdir(parents=True, exist_ok=True)
    shutil.copy2("/etc/resolv.conf", root / "etc" / "resolv.conf")
    mounts = []
    try:
        for args, target in (
            (["-t", "proc", "proc"], root / "proc"),
            (["--bind", str(archives)], root / "var" / "cache" / "apt" / "archives"),
        ):
            if subprocess.run(["mount", *args, str(target)], capture_output=True).returncode != 0:
                pytest.skip(f"cannot mount {target.name} in the chroot here")
            mounts.append(target)
        yield root
    finally:
        for target in reversed(mounts):
            subprocess.run(["umount", "-l", str(target)], check=False)
        shutil.rmtree(root, ignore_errors=True)


def inside(
    root: Path, *command: str, user: str | None = None, timeout: int = 900
) -> subprocess.CompletedProcess[str]:
    spec = ["--userspec", user] if user else []
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "DEBIAN_FRONTEND": "noninteractive", "LANG": "C.UTF-8"}
    return subprocess.run(
        ["chroot", *spec, str(root), *command], capture_output=True, text=True, timeout=timeout, env=env
    )


def test_deb_installs_runs_for_a_pupil_and_is_removed_keeping_data(linux_build: Path, debian12: Path) -> None:
    """dpkg -i (then apt for its Depends) on a clean Debian 12; a standard user runs `quizapp selftest` with
    an empty environment; dpkg -r and dpkg -P remove the program, menu entry and icons but keep the data."""
    package = sorted(linux_build.glob("quizapp_*_amd64.deb"))[-1]
    shutil.copy2(package, debian12 / "tmp" / "quizapp.deb")
    inside(debian12, "dpkg", "-i", "/tmp/quizapp.deb")  # stops at the missing Depends on a bare system
    update = inside(debian12, "apt-get", "update", "-qq")
    if update.returncode != 0:
        pytest.skip(f"no Debian mirror reachable for the Depends: {update.stderr[-300:]}")
    fixed = inside(debian12, "apt-get", "install", "-f", "-y", "-qq", "--no-install-recommends")
    assert fixed.returncode == 0, fixed.stdout[-2000:] + fixed.stderr[-2000:]
    status = inside(debian12, "dpkg-query", "-W", "-f=${Status}", "quizapp")
    assert status.stdout == "install ok installed"
    for path in ("usr/share/applications/quizapp.desktop", "usr/share/icons/hicolor/48x48/apps/quizapp.png",
                 "usr/share/metainfo/quizapp.metainfo.xml"):  # fmt: skip
        assert (debian12 / path).is_file(), path
    program = (debian12 / "opt" / "quizapp" / "quizapp").stat()
    assert program.st_uid == 0 and not program.st_mode & 0o022  # pupils cannot replace the program

    pupil_data = debian12 / "home" / "pupil" / "data"
    pupil_data.mkdir(parents=True)
    os.chown(pupil_data.parent, 1000, 1000)
    os.chown(pupil_data, 1000, 1000)
    for args in (["selftest"], ["--data-dir", "/home/pupil/data", "selftest"]):
        run = inside(debian12, "env", "-i", "/usr/bin/quizapp", *args, user="1000:1000", timeout=300)
        assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
        assert json.loads(run.stdout.strip().splitlines()[-1])["ok"] is True
    assert (pupil_data / "quizapp.sqlite3").is_file()

    removed = inside(debian12, "dpkg", "-r", "quizapp")
    assert removed.returncode == 0, removed.stderr[-2000:]
    for gone in ("usr/bin/quizapp", "opt/quizapp/quizapp", "usr/share/applications/quizapp.desktop"):
        assert not (debian12 / gone).exists(), gone
    purged = inside(debian12, "dpkg", "-P", "quizapp")
    assert purged.returncode == 0, purged.stderr[-2000:]
    assert (pupil_data / "quizapp.sqlite3").is_file(), "removing the program removed a pupil's data"
