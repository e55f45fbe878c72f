"""The shipped JSON Schema matches the model and accepts the example pack."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from quizapp.content.schema import SCHEMAS, render
from tests.conftest import ROOT


@pytest.mark.parametrize("filename", sorted(SCHEMAS))
def test_shipped_schema_matches_model(filename: str) -> None:
    """schema/*.json is regenerated from the model (python -m quizapp.content.schema) whenever it changes."""
    shipped = (ROOT / "schema" / filename).read_text(encoding="utf-8")
    assert shipped == render(SCHEMAS[filename], filename), "run: python -m quizapp.content.schema"


@pytest.mark.parametrize("filename", sorted(SCHEMAS))
def test_schema_is_valid_draft07(filename: str) -> None:
    """Editors' YAML plugins understand draft-07."""
    schema = json.loads((ROOT / "schema" / filename).read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)


def example_files() -> list[tuple[str, str]]:
    out = []
    for pack in sorted((ROOT / "questions").iterdir()):
        if (pack / "pack.yaml").is_file():
            out.append((str(pack / "pack.yaml"), "pack.schema.json"))
            out += [(str(p), "module.schema.json") for p in sorted((pack / "modules").glob("*.yaml"))]
    return out


@pytest.mark.parametrize(("path", "schema_name"), example_files())
def test_shipped_packs_match_schema_and_name_it(path: str, schema_name: str) -> None:
    """Every shipped pack file starts with the yaml-language-server line and passes the schema."""
    text = Path(path).read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=") and schema_name in text.splitlines()[0]
    schema = json.loads((ROOT / "schema" / schema_name).read_text(encoding="utf-8"))
    errors = [e.message for e in jsonschema.Draft7Validator(schema).iter_errors(yaml.safe_load(text))]
    assert not errors, errors[:3]
