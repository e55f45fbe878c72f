"""What makes a quiz feel like play, as the teacher set it: the soft sound with the praise on a right answer.

Kept per data folder (one school's computers share it) in the store's settings; on unless a teacher turns it
off. The sound is quiet by design (the file itself is soft; there is no loudness to set).
"""

from __future__ import annotations

from quizapp.progress.store import Store

PRAISE_SOUND_SETTING = "praise_sound"


def praise_sound_enabled(store: Store) -> bool:
    """Play the soft sound with the praise on a right answer (default: yes)."""
    return store.settings.get_bool(PRAISE_SOUND_SETTING, True)


def set_praise_sound_enabled(store: Store, enabled: bool) -> None:
    store.settings.set_bool(PRAISE_SOUND_SETTING, enabled)
