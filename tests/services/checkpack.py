"""A copy of the example pack whose module has five check questions (for the check and gain tests)."""

from __future__ import annotations

from pathlib import Path

from tests.services.test_library import copy_pack

CHECK_IDS = ("ck-1", "ck-2", "ck-3", "ck-4", "ck-5")


def _check_yaml() -> str:
    lines = ["check:", "  questions:"]
    for number, qid in enumerate(CHECK_IDS, start=1):
        lines += [
            f"    - id: {qid}",
            "      type: true_false",
            f"      prompt: {{en: Check statement {number}., ur: جانچ کا جملہ {number}۔}}",
            f"      correct: {'true' if number % 2 else 'false'}",
            "      explanation: {en: Because., ur: اس لیے۔}",
        ]
    return "\n".join(lines) + "\n"


def copy_pack_with_checks(dest: Path, *, pack_id: str = "checked") -> Path:
    root = copy_pack(dest, pack_id=pack_id)
    module = root / "modules" / "safe-basics.yaml"
    text = module.read_text(encoding="utf-8")
    assert "\nquiz:" in text
    module.write_text(text.replace("\nquiz:", "\n" + _check_yaml() + "quiz:", 1), encoding="utf-8")
    return root
