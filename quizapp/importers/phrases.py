"""Sentences quizapp writes into imported packs where the source has nothing, in each supported language.

Every generated sentence is also reported as a warning, so a teacher knows to replace it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SUPPORTED_LANGUAGES = ("en", "ur")

_PHRASES: Mapping[str, Mapping[str, str]] = {
    "en": {
        "right_answer": "The right answer is: {answer}.",
        "right_answers": "The right answers are: {answers}.",
        "right_pairs": "The right pairs are: {pairs}.",
        "right_order": "The right order is: {items}.",
        "also_accepted": "Also accepted: {answers}.",
        "true": "True",
        "false": "False",
        "if_answered": "If you answered {answer}: {feedback}",
        "separator": "; ",
        "pair": "{left} – {right}",
        "summary": "Questions imported from {sources}.",
        "lesson": "Answer the questions that follow. "
        "After each one you will see why the right answer is right.",
        "pack_description": "Questions imported from {sources}.",
    },
    "ur": {
        "right_answer": "صحیح جواب یہ ہے: {answer}۔",
        "right_answers": "صحیح جوابات یہ ہیں: {answers}۔",
        "right_pairs": "صحیح جوڑے یہ ہیں: {pairs}۔",
        "right_order": "صحیح ترتیب یہ ہے: {items}۔",
        "also_accepted": "یہ جواب بھی درست مانے جاتے ہیں: {answers}۔",
        "true": "درست",
        "false": "غلط",
        "if_answered": "اگر آپ کا جواب «{answer}» تھا: {feedback}",
        "separator": "؛ ",
        "pair": "{left} – {right}",
        "summary": "{sources} سے لیے گئے سوالات۔",
        "lesson": "آگے دیے گئے سوالات کے جواب دیں۔ ہر سوال کے بعد آپ دیکھیں گے کہ صحیح جواب کیوں صحیح ہے۔",
        "pack_description": "{sources} سے لیے گئے سوالات۔",
    },
}


def phrase(language: str, key: str, **values: str) -> str:
    """The sentence ``key`` in ``language`` (English when the language has none), filled with ``values``."""
    table = _PHRASES.get(language, _PHRASES["en"])
    # "The right answer is: Nunca.." reads badly: keep the answer's own full stop or question mark.
    return re.sub(r"([.!?۔؟])[.۔]$", r"\1", table[key].format(**values))
