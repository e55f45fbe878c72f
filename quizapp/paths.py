"""Where quizapp finds its bundled resources and where it keeps user data.

Order for the user data folder (first that applies wins):

1. ``--data-dir DIR`` on the command line;
2. the ``QUIZAPP_DATA_DIR`` environment variable;
3. a ``quizapp.ini`` file next to the installed program (or the frozen executable) with
   ``[paths] data_dir = ...``: lets a school's IT staff choose one place for every user;
4. platformdirs' per-user data folder.
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "quizapp"
ENV_DATA_DIR = "QUIZAPP_DATA_DIR"
SITE_SETTINGS_FILE = "quizapp.ini"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_roots() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")  # installed wheel
    roots.append(_PACKAGE_DIR.parent)  # source tree / editable install
    return roots


def resource_dir(name: str) -> Path:
    """Return the bundled folder ``name`` (``questions``, ``assets``, ``translations``)."""
    for root in _resource_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    return _PACKAGE_DIR.parent / name


def builtin_packs_dir() -> Path:
    return resource_dir("questions")


def assets_dir() -> Path:
    return resource_dir("assets")


def program_dir() -> Path:
    """The folder of the installed program: the frozen executable's, or the package's parent."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return _PACKAGE_DIR.parent


def site_settings_data_dir(search_dir: Path | None = None) -> Path | None:
    """The data folder set in ``quizapp.ini`` next to the program, if any."""
    ini = (search_dir or program_dir()) / SITE_SETTINGS_FILE
    if not ini.is_file():
        return None
    parser = configparser.ConfigParser()
    try:
        parser.read(ini, encoding="utf-8")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return None
    value = parser.get("paths", "data_dir", fallback="").strip()
    if not value:
        return None
    path = Path(os.path.expandvars(os.path.expanduser(value)))
    if not path.is_absolute():
        path = ini.parent / path
    return path


def resolve_data_dir(
    cli_value: str | os.PathLike[str] | None = None, *, search_dir: Path | None = None
) -> Path:
    """Resolve the user data folder following the documented order."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env_value = os.environ.get(ENV_DATA_DIR, "").strip()
    if env_value:
        return Path(env_value).expanduser().resolve()
    site = site_settings_data_dir(search_dir)
    if site is not None:
        return site.resolve()
    return Path(user_data_dir(APP_NAME, appauthor=False))
