"""Small valid packs to break, one rule at a time."""

from __future__ import annotations

from pathlib import Path

from quizapp.content.diagnostics import Diagnostic
from quizapp.content.validate import ValidationReport, validate_paths

MANIFEST = """\
id: tiny
title:
  en: Tiny pack
  ur: چھوٹا پیک
version: "1.0"
authors: [Test]
licence: CC0-1.0
default_language: en
languages: [en, ur]
review_status: {en: reviewed, ur: draft}
audience: [students]
modules:
  - modules/one.yaml
"""

MODULE = """\
id: one
title: {en: One, ur: ایک}
summary: {en: The first module., ur: پہلا ماڈیول۔}
audience: students
age_band: "8-10"
minutes: 30
lesson:
  sections:
    - body: {en: Keep codes secret., ur: کوڈ راز رکھیں۔}
quiz:
  questions:
    - id: q1
      type: single
      prompt: {en: Which is safest?, ur: سب سے محفوظ کون سا ہے؟}
      options:
        - id: a
          text: {en: Share the code, ur: کوڈ بتا دیں}
        - id: b
          text: {en: Keep it secret, ur: راز رکھیں}
      correct: b
      explanation: {en: Codes open accounts., ur: کوڈ اکاؤنٹ کھولتے ہیں۔}
"""


def make_pack(
    root: Path, module: str = MODULE, manifest: str = MANIFEST, extra: dict[str, str] | None = None
) -> Path:
    """Write a pack folder; ``extra`` maps relative paths to file contents."""
    pack = root / "tiny"
    (pack / "modules").mkdir(parents=True, exist_ok=True)
    (pack / "pack.yaml").write_text(manifest, encoding="utf-8")
    (pack / "modules" / "one.yaml").write_text(module, encoding="utf-8")
    for rel, text in (extra or {}).items():
        target = pack / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return pack


def validate(path: Path) -> ValidationReport:
    return validate_paths([path])


def only_error(report: ValidationReport) -> Diagnostic:
    errors = report.diagnostics.errors
    assert len(errors) == 1, [str(e) for e in report.diagnostics.items]
    return errors[0]


def find(report: ValidationReport, fragment: str) -> Diagnostic:
    for item in report.diagnostics.items:
        if fragment in item.message:
            return item
    raise AssertionError(
        f"no diagnostic containing {fragment!r}: {[str(d) for d in report.diagnostics.items]}"
    )
