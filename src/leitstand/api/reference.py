"""The API's reference page at /api/v1/docs, drawn on the server from the OpenAPI document.

The interactive viewers that django-ninja ships (Swagger UI, Redoc) fail an accessibility
check (no page language, low contrast, nested controls) and need script; this page is plain
HTML in the site's layout, in the page's language, with every operation, parameter, response
and schema of the same document that /api/v1/openapi.json serves.
"""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase

METHODS = ("get", "post", "put", "patch", "delete")


def type_of(schema: dict) -> str:
    """A schema's type in a few words: string (date), list of integer, GoalOut, …"""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        kinds = [type_of(s) for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = any(s.get("type") == "null" for s in schema["anyOf"])
        return " | ".join(kinds) + (" | null" if nullable else "")
    if schema.get("type") == "array":
        return f"list of {type_of(schema.get('items', {}))}"
    if "enum" in schema:
        return "one of " + ", ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "object")
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def _body_schema(operation: dict) -> str:
    content = operation.get("requestBody", {}).get("content", {})
    return next((type_of(c["schema"]) for c in content.values()), "")


def operations(document: dict) -> list[dict]:
    found = []
    for path, items in document["paths"].items():
        for method in METHODS:
            op = items.get(method)
            if op is None:
                continue
            found.append({
                "id": op.get("operationId", f"{method}-{path}"), "method": method.upper(),
                "path": path, "tag": (op.get("tags") or [""])[0],
                "description": op.get("description") or op.get("summary", ""),
                "secured": bool(op.get("security")),
                "parameters": [{"name": p["name"], "in": p["in"],
                                "required": p.get("required", False),
                                "type": type_of(p.get("schema", {})),
                                "description": p.get("description", ""),
                                "example": p.get("example")}
                               for p in op.get("parameters", [])],
                "body": _body_schema(op),
                "responses": [{"code": code, "description": r.get("description", ""),
                               "type": next((type_of(c["schema"]) for c in
                                             r.get("content", {}).values()), "")}
                              for code, r in op["responses"].items()],
            })
    return found


def schemas(document: dict) -> list[dict]:
    return [{"name": name, "description": schema.get("description", ""),
             "properties": [{"name": prop, "type": type_of(value),
                             "required": prop in schema.get("required", []),
                             "description": value.get("description", ""),
                             "example": value.get("example")}
                            for prop, value in schema.get("properties", {}).items()]}
            for name, schema in sorted(document["components"]["schemas"].items())]


class ReferencePage(DocsBase):
    def render_page(self, request, api, **kwargs):
        document = api.get_openapi_schema(path_params=kwargs)
        return render(request, "api/reference.html", {
            "doc": document, "info": document["info"], "servers": document["servers"],
            "tags": document.get("tags", []), "operations": operations(document),
            "schemas": schemas(document),
            "openapi_url": reverse("api:openapi-json", kwargs=kwargs)})
