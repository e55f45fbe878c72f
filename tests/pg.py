"""A throwaway PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` on a temporary folder, listening on
127.0.0.1 at a free port with a password (scram), fsync off (a stopped server keeps what it committed; only
the machine crashing could lose it).

The binaries come from Debian's ``postgresql`` package when it is installed, else from the ``pgserver`` wheel
of the dev extra (PostgreSQL 16 built for manylinux, so a fresh CI machine with only Python has a server).
``QUIZAPP_TEST_PG=pgserver`` (or ``=debian``) forces one of them, to test that path on a machine with both.

``start_server()`` returns a :class:`PgServer` or raises :class:`PgUnavailable` with the reason (no
PostgreSQL installed, psycopg missing, initdb failed...); the fixtures skip with that reason. initdb refuses
to run as root, so as root the server runs as the user ``quizapp-pgtest`` (created with useradd if needed);
pgserver's binaries are then copied to the server's temporary folder, which that user can reach (the
virtual environment may sit under a folder only root may enter).
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

PG_USER = "quizapp"
PG_PASSWORD = "s3cret-Pg-pw"  # the tests check this never appears in any message
OS_USER = "quizapp-pgtest"
ENV_SOURCE = "QUIZAPP_TEST_PG"  # "debian" or "pgserver": use only that one (default: Debian's, else pgserver)


class PgUnavailable(Exception):
    """PostgreSQL cannot be started here; the message says why."""


@dataclasses.dataclass
class PgServer:
    bin_dir: Path
    data: Path
    port: int
    run_as: list[str]
    source: str = "debian"  # where the binaries came from: "debian" or "pgserver"

    def url(self, database: str = "postgres", *, password: bool = True) -> str:
        secret = f":{PG_PASSWORD}" if password else ""
        return f"postgresql://{PG_USER}{secret}@127.0.0.1:{self.port}/{database}"

    def _ctl(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [*self.run_as, str(self.bin_dir / "pg_ctl"), "-D", str(self.data), "-w", "-t", "60", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=90, check=False)

    def start(self) -> None:
        result = self._ctl("-l", str(self.data.parent / "server.log"), "start")
        if result.returncode != 0:
            raise PgUnavailable(f"pg_ctl start failed: {(result.stderr or result.stdout).strip()[:300]}")

    def stop(self) -> None:
        self._ctl("-m", "immediate", "stop")

    def create_database(self) -> str:
        """A new empty database; returns its URL (with the password)."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _debian_bin_dir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _pgserver_bin_dir() -> Path | None:
    """pgserver's bundled ``pginstall/bin`` (found without importing pgserver, which starts nothing)."""
    spec = importlib.util.find_spec("pgserver")
    if spec is None or not spec.origin:
        return None
    bin_dir = Path(spec.origin).parent / "pginstall" / "bin"
    return bin_dir if (bin_dir / "initdb").exists() else None


def _bin_dir() -> tuple[Path, str]:
    """The folder holding initdb and pg_ctl, and where it came from ("debian" or "pgserver")."""
    wanted = os.environ.get(ENV_SOURCE, "").strip().lower()
    if wanted not in ("", "debian", "pgserver"):
        raise PgUnavailable(f"{ENV_SOURCE}={wanted!r}: use debian or pgserver (or leave it unset)")
    if wanted in ("", "debian"):
        found = _debian_bin_dir()
        if found:
            return found, "debian"
    if wanted in ("", "pgserver"):
        found = _pgserver_bin_dir()
        if found:
            return found, "pgserver"
    raise PgUnavailable(
        "PostgreSQL is not installed: neither Debian's postgresql (apt-get install postgresql) nor the "
        "pgserver package (pip install -e '.[dev]', Python 3.11-3.12)"
        + (f" ({ENV_SOURCE}={wanted})" if wanted else "")
    )


def _copy_pgserver(bin_dir: Path, root: Path) -> Path:
    """pgserver's binaries copied under ``root`` with the layout their RPATH expects
    (``bin/../../../pgserver.libs``), for a server run as another user; returns the copy's bin folder."""
    package = bin_dir.parent.parent  # .../site-packages/pgserver
    target = root / "pg" / "pgserver" / "pginstall"
    for part in ("bin", "lib", "share"):
        shutil.copytree(package / "pginstall" / part, target / part, symlinks=True)
    libs = package.parent / "pgserver.libs"
    if libs.is_dir():
        shutil.copytree(libs, root / "pg" / "pgserver.libs", symlinks=True)
    for path in [root / "pg", *(root / "pg").rglob("*")]:
        path.chmod(path.stat().st_mode | 0o555 if path.is_dir() else path.stat().st_mode | 0o444)
    return target / "bin"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_as() -> list[str]:
    if os.geteuid() != 0:
        return []
    if subprocess.run(["id", "-u", OS_USER], capture_output=True, check=False).returncode != 0:
        made = subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER],
            capture_output=True,
            text=True,
            check=False,
        )
        if made.returncode != 0:
            raise PgUnavailable(
                f"could not create the user {OS_USER} to run PostgreSQL: {made.stderr.strip()}"
            )
    runuser = shutil.which("runuser")
    if not runuser:
        raise PgUnavailable("running as root without runuser: cannot start PostgreSQL as another user")
    return [runuser, "-u", OS_USER, "--"]


def start_server() -> PgServer:
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        raise PgUnavailable("psycopg is not installed: pip install -e '.[dev]'") from exc
    bin_dir, source = _bin_dir()
    run_as = _run_as()
    root = Path(tempfile.mkdtemp(prefix="quizapp-pg-"))
    if run_as and source == "pgserver":
        bin_dir = _copy_pgserver(bin_dir, root)
        root.chmod(0o755)
    data = root / "data"
    pwfile = root / "pw"
    pwfile.write_text(PG_PASSWORD + "\n")
    if run_as:
        shutil.chown(root, OS_USER)
        shutil.chown(pwfile, OS_USER)
    init = subprocess.run(
        [
            *run_as,
            str(bin_dir / "initdb"),
            "-D",
            str(data),
            "-U",
            PG_USER,
            f"--pwfile={pwfile}",
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--no-sync",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise PgUnavailable(f"initdb failed: {(init.stderr or init.stdout).strip()[:300]}")
    port = _free_port()
    with (data / "postgresql.conf").open("a") as conf:
        conf.write(
            f"\nlisten_addresses = '127.0.0.1'\nport = {port}\nunix_socket_directories = '{root}'\n"
            "fsync = off\nfull_page_writes = off\nmax_connections = 100\n"
        )
    server = PgServer(bin_dir=bin_dir, data=data, port=port, run_as=run_as, source=source)
    try:
        server.start()
    except (PgUnavailable, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(root, ignore_errors=True)
        raise PgUnavailable(str(exc)) from exc
    return server


def remove_server(server: PgServer) -> None:
    server.stop()
    with contextlib.suppress(OSError):
        time.sleep(0.1)
        shutil.rmtree(server.data.parent, ignore_errors=True)
