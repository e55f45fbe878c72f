"""Interface languages: translations (``translations/*.ts`` compiled with lrelease), the Urdu font,
pseudo-translation for layout testing, and locale-aware numbers and dates.

The app makes one :class:`LanguageSwitcher` (see :func:`make_switcher`) and calls ``apply(language)``.
"""

from __future__ import annotations

import os
from pathlib import Path

from quizapp.ui.i18n.formatting import Formatter, locale_for
from quizapp.ui.i18n.pseudo import ENV_PSEUDO, mode_from
from quizapp.ui.i18n.switcher import RTL_LANGUAGES, LanguageSwitcher

__all__ = ["RTL_LANGUAGES", "Formatter", "LanguageSwitcher", "locale_for", "make_switcher", "pseudo_mode"]


def pseudo_mode(environ: dict[str, str] | None = None) -> str | None:
    """The pseudo-translation mode asked for with ``QUIZAPP_PSEUDO`` (``stretch``, ``mirror``) or None."""
    env = os.environ if environ is None else environ
    return mode_from(env.get(ENV_PSEUDO))


def make_switcher(data_dir: Path | None, *, pseudo: str | None = None) -> LanguageSwitcher:
    """The switcher for an app on ``data_dir`` (compiled translations are cached in its ``cache`` folder)."""
    from quizapp.paths import assets_dir, resource_dir

    cache = data_dir / "cache" / "translations" if data_dir is not None else None
    return LanguageSwitcher.for_folders(
        resource_dir("translations"), assets_dir() / "fonts", cache, pseudo=pseudo
    )
