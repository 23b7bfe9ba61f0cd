"""Validation against the project's own copy of the document model's JSON Schema.

jsonschema-rs (the Rust `jsonschema` crate) validates here because it is fast: with the
pure-Python jsonschema, checking the output took 40 % of a whole PDF ingest run. Strategy
data files, which are small and read rarely, keep the Python library for its messages.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

import jsonschema_rs


@lru_cache(maxsize=1)
def _validator():
    schema = json.loads((resources.files("leitstand.ingest") / "document.schema.json")
                        .read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema)


def problems(document: dict) -> list[str]:
    validator = _validator()
    if validator.is_valid(document):
        return []
    return [f"{'/'.join(map(str, e.instance_path)) or 'document'}: {e.message}"
            for e in validator.iter_errors(document)]
