"""Generate a large valid pack for benchmarks (all seven question types, English and Urdu)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def _t(en: str, ur: str) -> dict[str, str]:
    return {"en": en, "ur": ur}


def _question(n: int) -> dict[str, Any]:
    kind = n % 7
    base: dict[str, Any] = {
        "id": f"q{n}",
        "prompt": _t(
            f"Question number {n}: what is the safest choice here?",
            f"سوال نمبر {n}: یہاں سب سے محفوظ انتخاب کیا ہے؟",
        ),
        "explanation": _t("Because codes and passwords are secret.", "کیونکہ کوڈ اور پاس ورڈ راز ہوتے ہیں۔"),
    }
    options = [
        {
            "id": c,
            "text": _t(f"Option {c} for {n}", f"انتخاب {c} برائے {n}"),
            "feedback": _t("Think again.", "دوبارہ سوچیں۔"),
        }
        for c in "abcd"
    ]
    if kind == 0:
        base.update(
            type="single",
            options=options,
            correct="b",
            hint=_t("Longer is stronger.", "جتنا لمبا، اتنا مضبوط۔"),
        )
    elif kind == 1:
        base.update(type="multiple", options=options, correct=["a", "c"])
    elif kind == 2:
        base.update(type="true_false", correct="false")
    elif kind == 3:
        base.update(type="ordering", items=[_t(f"Step {i}", f"قدم {i}") for i in range(4)])
    elif kind == 4:
        base.update(
            type="matching",
            pairs=[
                {"left": _t(f"Word {i}", f"لفظ {i}"), "right": _t(f"Meaning {i}", f"مطلب {i}")}
                for i in range(4)
            ],
        )
    elif kind == 5:
        base.update(type="fill_blank", accepted={"en": ["password", "code"], "ur": ["پاس ورڈ"]})
    else:
        base.update(
            type="scenario",
            situation=_t(
                "Your cousin asks for the code on your mother's phone.",
                "آپ کا کزن امی کے فون پر آیا کوڈ مانگتا ہے۔",
            ),
            options=[
                {
                    "id": "a",
                    "text": _t("Send it", "بھیج دیں"),
                    "rating": "unsafe",
                    "feedback": _t("The money can be stolen.", "پیسے چوری ہو سکتے ہیں۔"),
                },
                {
                    "id": "b",
                    "text": _t("Tell mother", "امی کو بتائیں"),
                    "rating": "best",
                    "feedback": _t("She can check.", "وہ جانچ سکتی ہیں۔"),
                },
                {
                    "id": "c",
                    "text": _t("Ignore it", "نظر انداز کریں"),
                    "rating": "acceptable",
                    "feedback": _t("Safe, but tell an adult.", "محفوظ، مگر کسی بڑے کو بتائیں۔"),
                },
            ],
        )
    return base


def generate_pack(root: Path, questions: int = 5000, per_module: int = 100) -> list[Path]:
    """Write a pack with ``questions`` questions into ``root``; return every YAML file written."""
    (root / "modules").mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    module_files: list[str] = []
    n = 0
    m = 0
    while n < questions:
        count = min(per_module, questions - n)
        module = {
            "id": f"module-{m}",
            "title": _t(f"Module {m}", f"ماڈیول {m}"),
            "summary": _t("A generated module.", "ایک بنایا گیا ماڈیول۔"),
            "audience": "students",
            "age_band": "11-13",
            "minutes": 30,
            "tags": ["passwords"],
            "lesson": {
                "sections": [
                    {
                        "heading": _t("Intro", "تعارف"),
                        "body": _t("Some **bold** text.", "کچھ **نمایاں** متن۔"),
                    }
                ],
                "key_points": [_t("Keep codes secret.", "کوڈ راز رکھیں۔")],
            },
            "quiz": {"pass_mark": 70, "shuffle": True, "questions": [_question(n + i) for i in range(count)]},
        }
        rel = f"modules/module-{m}.yaml"
        path = root / rel
        path.write_text(yaml.safe_dump(module, allow_unicode=True, sort_keys=False), encoding="utf-8")
        files.append(path)
        module_files.append(rel)
        n += count
        m += 1
    manifest = {
        "id": "bench",
        "title": _t("Benchmark pack", "بینچ مارک پیک"),
        "version": "1.0.0",
        "authors": ["bench"],
        "licence": "CC0-1.0",
        "default_language": "en",
        "languages": ["en", "ur"],
        "review_status": {"en": "draft", "ur": "draft"},
        "audience": ["students"],
        "modules": module_files,
    }
    (root / "pack.yaml").write_text(
        yaml.safe_dump(manifest, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    files.insert(0, root / "pack.yaml")
    return files
