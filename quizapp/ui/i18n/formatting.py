"""Numbers, percentages and dates in the interface language.

Urdu uses ``QLocale(Urdu, Pakistan)``. Digits stay Western (0-9) in Urdu too: that is what Pakistani
schools teach and print, what the packs' Urdu text uses, and it is Qt's default for ``ur_PK`` (see
docs/translating.md). Month and day names come from the locale (``5 مارچ 2024``).
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_LOCALES = {
    "en": (QLocale.Language.English, QLocale.Country.Pakistan),
    "ur": (QLocale.Language.Urdu, QLocale.Country.Pakistan),
}


def locale_for(language: str) -> QLocale:
    """The QLocale for an interface language (``en``, ``ur``); anything else gets English."""
    lang, country = _LOCALES.get(language, _LOCALES["en"])
    return QLocale(lang, country)


def western_digits(text: str) -> str:
    """Replace Eastern Arabic-Indic and Persian digits by 0-9 (our one digit style)."""
    return text.translate(_DIGITS)


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class Formatter:
    """Formats values for one interface language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = locale_for(language)

    def number(self, value: float, decimals: int | None = None) -> str:
        """``value`` with at most ``decimals`` places (whole numbers without ``.0``)."""
        if decimals is None:
            decimals = 0 if float(value).is_integer() else 1
        if decimals == 0:
            text = self.locale.toString(round(value))
        else:
            text = self.locale.toString(float(value), "f", decimals)
        return western_digits(text)

    def percent(self, value: float, decimals: int = 0) -> str:
        """``value`` percent (``85%``); the number stays left of the sign in both languages."""
        number = self.number(value, decimals)
        sign = self.locale.percent() or "%"
        return f"{number}{sign}"

    def date(self, value: _dt.date | _dt.datetime | str, *, long: bool = False) -> str:
        """A day: ``5 March 2024`` / ``5 مارچ 2024`` (``long`` adds the weekday)."""
        day = _to_date(value)
        if day is None:
            return str(value)
        qdate = QDate(day.year, day.month, day.day)
        if long:
            return western_digits(self.locale.toString(qdate, QLocale.FormatType.LongFormat))
        return western_digits(self.locale.toString(qdate, "d MMMM yyyy"))

    def date_time(self, value: _dt.datetime | str) -> str:
        """A day and a time of day, in local time: ``5 March 2024, 14:05``."""
        moment = _to_datetime(value)
        if moment is None:
            return str(value)
        local = moment.astimezone() if moment.tzinfo else moment
        qdt = QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        text = self.locale.toString(
            qdt, "d MMMM yyyy، HH:mm" if self.language == "ur" else "d MMMM yyyy, HH:mm"
        )
        return western_digits(text)

    def count(self, value: int) -> str:
        return self.number(value, 0)


def _to_datetime(value: _dt.datetime | _dt.date | str) -> _dt.datetime | None:
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return _dt.datetime(value.year, value.month, value.day)
    try:
        return _dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def _to_date(value: _dt.date | _dt.datetime | str) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return (value.astimezone() if value.tzinfo else value).date()
    if isinstance(value, _dt.date):
        return value
    moment = _to_datetime(value)
    return None if moment is None else (moment.astimezone() if moment.tzinfo else moment).date()
