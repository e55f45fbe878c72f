"""Whom learners are told to contact: the school's own contacts, plus national numbers once the school has
confirmed them.

Packs never carry phone numbers (``{{help_contacts}}`` is filled in by the app). The teacher settings offer
a suggested list of national contacts; it is marked unconfirmed, and learners never see it, until a
teacher has checked each number for their area and ticked "confirmed". A changed list must be confirmed
again.
"""

from __future__ import annotations

from quizapp.progress.settings import Settings

NATIONAL_CONTACTS = "national_contacts"
NATIONAL_CONFIRMED = "national_contacts_confirmed"

SUGGESTED_NATIONAL_CONTACTS: dict[str, str] = {
    "en": "\n".join(
        (
            "Police emergency: 15",
            "Rescue (ambulance, fire): 1122",
            "Child helpline: 1098",
            "Online crime: a complaint to the National Cyber Crime Investigation Agency (NCCIA)",
        )
    ),
    "ur": "\n".join(
        (
            "پولیس ایمرجنسی: 15",
            "ریسکیو (ایمبولینس، آگ): 1122",
            "بچوں کی ہیلپ لائن: 1098",
            "آن لائن جرائم: نیشنل سائبر کرائم انویسٹی گیشن ایجنسی (NCCIA) کو شکایت",
        )
    ),
}
"""A starting point for the school to check, in each interface language: numbers change and differ by
province, so the list is never shown to learners until a teacher confirms it."""


def suggested_national_contacts(language: str) -> str:
    return SUGGESTED_NATIONAL_CONTACTS.get(language, SUGGESTED_NATIONAL_CONTACTS["en"])


def national_contacts(settings: Settings, language: str = "en") -> str:
    """The national contacts list as the teacher last saved it (the suggestion in ``language`` until then)."""
    value = settings.get_str(NATIONAL_CONTACTS)
    return value if value.strip() else suggested_national_contacts(language)


def national_contacts_confirmed(settings: Settings) -> bool:
    return settings.get_bool(NATIONAL_CONFIRMED, False)


def save_national_contacts(settings: Settings, text: str, *, confirmed: bool) -> None:
    """Keep the list; it is shown to learners only when ``confirmed`` (and the list is not empty)."""
    cleaned = "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())
    settings.set_str(NATIONAL_CONTACTS, cleaned)
    settings.set_bool(NATIONAL_CONFIRMED, confirmed and bool(cleaned))


def contacts_for_learners(settings: Settings) -> str:
    """What ``{{help_contacts}}`` shows: the school's contacts, then the national ones if confirmed.

    Empty when there is nothing confirmed to show (the placeholder then reads "a teacher, your parents or
    another adult you trust")."""
    parts = [settings.help_contacts.strip()]
    if national_contacts_confirmed(settings):
        parts.append(national_contacts(settings).strip())
    return "\n".join(part for part in parts if part)
