"""Validation against the project's own copy of the document model's JSON Schema."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema


@lru_cache(maxsize=1)
def _validator():
    schema = json.loads((resources.files("leitstand.ingest") / "document.schema.json")
                        .read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def problems(document: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path)) or 'document'}: {e.message}"
            for e in _validator().iter_errors(document)]
