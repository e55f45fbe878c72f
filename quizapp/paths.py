"""Where quizapp finds its bundled resources and where it keeps user data.

Order for the user data folder (first that applies wins):

1. ``--data-dir DIR`` on the command line;
2. the ``QUIZAPP_DATA_DIR`` environment variable;
3. a ``quizapp.ini`` file next to the installed program (or the frozen executable) with
   ``[paths] data_dir = ...``: lets a school's IT staff choose one place for every user;
4. platformdirs' per-user data folder.

The database is the SQLite file in that folder unless a school server is named (first that applies wins):
``--database URL``, the ``QUIZAPP_DATABASE`` environment variable, or ``[database] url = ...`` in
``quizapp.ini``; the data folder still holds logs and installed packs (see docs/data.md).
"""

from __future__ import annotations

import configparser
import logging
import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "quizapp"
ENV_DATA_DIR = "QUIZAPP_DATA_DIR"
ENV_DATABASE = "QUIZAPP_DATABASE"
SITE_SETTINGS_FILE = "quizapp.ini"

_PACKAGE_DIR = Path(__file__).resolve().parent
log = logging.getLogger(__name__)
_INI_EXAMPLE = "It should look like:\n[paths]\ndata_dir = D:\\quizapp-data"


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
    """The data folder set in ``quizapp.ini`` next to the program, if any.

    The file may be saved by Notepad (UTF-8 with a byte-order mark) and the path may be in quotes. A file that
    is there but cannot be used is reported as a warning (on standard error, or in the log) naming the file
    and what to fix, and the per-user folder is used.
    """
    ini = (search_dir or program_dir()) / SITE_SETTINGS_FILE
    if not ini.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s is not saved as UTF-8 text, so it was ignored: save it as UTF-8 and try again.", ini)
        return None
    except configparser.Error as exc:
        problem = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        log.warning("%s could not be read, so it was ignored (%s). %s", ini, problem, _INI_EXAMPLE)
        return None
    except OSError as exc:
        log.warning("%s could not be read, so it was ignored: %s.", ini, exc.strerror or exc)
        return None
    value = _unquote(parser.get("paths", "data_dir", fallback="").strip())
    if not value and parser.has_option("database", "url"):
        return None  # a lab PC on the school server: its own data folder is the default
    if not value:
        log.warning(
            "%s has no 'data_dir = ...' line in a [paths] section, so it was ignored. %s", ini, _INI_EXAMPLE
        )
        return None
    path = Path(os.path.expandvars(os.path.expanduser(value)))
    if not path.is_absolute():
        path = ini.parent / path
    return path


def _unquote(value: str) -> str:
    """``"C:\\Quiz Data"`` -> ``C:\\Quiz Data``: people put paths with spaces in quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


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


def site_settings_database(search_dir: Path | None = None) -> str | None:
    """``[database] url = ...`` in ``quizapp.ini`` next to the program, if any (problems with the file
    itself are reported by :func:`site_settings_data_dir`)."""
    ini = (search_dir or program_dir()) / SITE_SETTINGS_FILE
    if not ini.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(ini, encoding="utf-8-sig")
    except (UnicodeDecodeError, configparser.Error, OSError):
        return None
    value = _unquote(parser.get("database", "url", fallback="").strip())
    return value or None


def resolve_database(cli_value: str | None = None, *, search_dir: Path | None = None) -> str | None:
    """The database URL following the documented order, or None for the SQLite file in the data folder."""
    if cli_value and cli_value.strip():
        return cli_value.strip()
    env_value = os.environ.get(ENV_DATABASE, "").strip()
    if env_value:
        return env_value
    return site_settings_database(search_dir)
