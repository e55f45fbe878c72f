"""JSON Schema (draft-07, what editors' YAML plugins understand) generated from the pack model.

Regenerate the shipped files with ``python -m quizapp.content.schema``; a test fails when they drift.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from quizapp.content.models import Manifest, Module

DRAFT_07 = "http://json-schema.org/draft-07/schema#"
SCHEMAS: dict[str, type[BaseModel]] = {"pack.schema.json": Manifest, "module.schema.json": Module}


def _to_draft07(node: Any) -> Any:
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$defs":
                out["definitions"] = _to_draft07(value)
            elif key == "$ref" and isinstance(value, str):
                out[key] = value.replace("#/$defs/", "#/definitions/")
            elif key == "discriminator":
                continue  # an OpenAPI keyword; draft-07 validators do not know it
            else:
                out[key] = _to_draft07(value)
        return out
    if isinstance(node, list):
        return [_to_draft07(item) for item in node]
    return node


def schema_for(model: type[BaseModel], filename: str) -> dict[str, Any]:
    generated = model.model_json_schema(mode="validation")
    converted: dict[str, Any] = _to_draft07(generated)
    return {"$schema": DRAFT_07, **converted}


def render(model: type[BaseModel], filename: str) -> str:
    return json.dumps(schema_for(model, filename), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_all(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename, model in SCHEMAS.items():
        target = folder / filename
        target.write_text(render(model, filename), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "schema"
    for path in write_all(root):
        print(f"wrote {path}")
