"""What the OpenAPI document says beyond the types: every field's meaning, examples, the
errors the API really sends, where it runs and who may call what.

django-ninja derives paths and types from the code; the meanings come from one glossary by
field name (`api.glossary`), and a test requires a description for every property and
parameter, so a new field cannot go undocumented. `complete()` adds them to ninja's document,
with the 422 answers of its request validation, servers, tags, licence and security.
"""

from __future__ import annotations

import copy

from leitstand.api.glossary import describe

TAGS = [
    {"name": "register", "description": "Strategies, editions, sections, targets, measures "
                                        "and indicators: what the strategies say."},
    {"name": "monitoring", "description": "Goals with their status, observations, "
                                          "assessments and counts: how far they have come."},
    {"name": "write", "description": "Editors' writes with an API token; they follow the "
                                     "same rules as the editors' pages."},
]

VALIDATION_ERROR = {
    "title": "ValidationError",
    "type": "object",
    "description": "The request's values do not fit the declared types (422).",
    "properties": {"detail": {
        "type": "array", "items": {"$ref": "#/components/schemas/ValidationProblem"}}},
    "required": ["detail"],
}
VALIDATION_PROBLEM = {
    "title": "ValidationProblem",
    "type": "object",
    "properties": {"loc": {"type": "array", "items": {"anyOf": [{"type": "string"},
                                                                {"type": "integer"}]}},
                   "msg": {"type": "string"}, "type": {"type": "string"}},
    "required": ["loc", "msg", "type"],
}
RESPONSE_TEXT = {
    "200": "The records asked for.",
    "201": "Recorded; the new record.",
    "400": "An unknown query parameter, or a value the rules refuse.",
    "401": "No valid API token (Authorization: Bearer …).",
    "403": "The token's owner may not change this record.",
    "404": "No such published record.",
    "422": "A value of the wrong type or out of range.",
}


def complete(document: dict, server: str, contact: dict, license_: dict) -> dict:
    """ninja's document with descriptions, examples, real errors, servers, tags, security."""
    doc = copy.deepcopy(document)
    doc["servers"] = [{"url": server.rstrip("/") or "/",
                       "description": "This Leitstand instance"}]
    doc["info"]["contact"] = contact
    doc["info"]["license"] = license_
    doc["tags"] = TAGS
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    schemas["ValidationError"] = VALIDATION_ERROR
    schemas["ValidationProblem"] = VALIDATION_PROBLEM
    schemas.get("Error", {})["description"] = "What went wrong, in words."
    for schema_name, schema in schemas.items():
        for name, prop in schema.get("properties", {}).items():
            _annotate(prop, describe(name, schema_name))
    for operations in doc["paths"].values():
        for operation in operations.values():
            _complete_operation(operation)
    _drop_unused(doc)
    return doc


def _fits(example, schema: dict) -> bool:
    """Whether an example is valid for a schema (examples that are not would mislead)."""
    import jsonschema

    if example is None or "$ref" in str(schema):
        return False
    try:
        jsonschema.validate(example, schema)
    except jsonschema.ValidationError:
        return False
    return True


def _annotate(target: dict, meaning) -> None:
    if meaning is None:
        return
    description, example = meaning
    target.setdefault("description", description)
    if "example" not in target and _fits(example, target):
        target["example"] = example


def _complete_operation(operation: dict) -> None:
    for parameter in operation.get("parameters", []):
        meaning = describe(parameter["name"])
        if meaning:
            parameter.setdefault("description", meaning[0])
            if _fits(meaning[1], parameter.get("schema", {})):
                parameter.setdefault("example", meaning[1])
    responses = operation["responses"]
    if operation.get("parameters") or "requestBody" in operation:
        responses["422"] = {"description": "", "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ValidationError"}}}}
    for code, response in responses.items():
        if not response.get("description") or response["description"] in ("OK", "Created"):
            response["description"] = RESPONSE_TEXT.get(code, response.get("description", ""))
    operation.setdefault("security", [])  # public: no authentication


def _drop_unused(doc: dict) -> None:
    """ninja lists the query schemas it unfolds into parameters; nothing refers to them."""
    import json
    import re

    schemas = doc["components"]["schemas"]
    outside = json.dumps({k: v for k, v in doc.items() if k != "components"})
    refs = {name: set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(schema)))
            for name, schema in schemas.items()}
    used, todo = set(), set(re.findall(r'"#/components/schemas/([^"]+)"', outside))
    while todo:  # everything reachable from the paths
        name = todo.pop()
        if name in used or name not in schemas:
            continue
        used.add(name)
        todo |= refs[name]
    for name in set(schemas) - used:
        del schemas[name]
