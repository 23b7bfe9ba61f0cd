"""The OpenAPI document says what the API really does: every parameter and property has a
meaning, every answer it sends is listed with its real body, its servers and paths reach it,
and the linters its users run (Redocly, Spectral) find nothing at their recommended rules."""

import json
import os
import pathlib
import subprocess
from urllib.parse import urlsplit

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
NODE_TOOLS = ROOT / "tools/node"


@pytest.fixture
def spec(client, db):
    return client.get("/api/v1/openapi.json").json()


def _operations(spec):
    for path, items in spec["paths"].items():
        for method, operation in items.items():
            yield path, method, operation


def test_every_parameter_and_property_says_what_it_means(spec):
    undocumented = [f"{name}.{prop}" for name, schema in spec["components"]["schemas"].items()
                    for prop, value in schema.get("properties", {}).items()
                    if not value.get("description")]
    undocumented += [f"{method.upper()} {path} ?{p['name']}"
                     for path, method, op in _operations(spec)
                     for p in op.get("parameters", []) if not p.get("description")]
    assert undocumented == []
    assert all(op.get("description") for _, _, op in _operations(spec))
    examples = [p for _, _, op in _operations(spec) for p in op.get("parameters", [])
                if "example" in p]
    assert len(examples) >= 20


def test_a_wrong_value_answers_422_with_the_declared_error_body(client, spec):
    declared = spec["paths"]["/api/v1/goals"]["get"]["responses"]
    assert "422" in declared and "400" in declared
    response = client.get("/api/v1/goals?stand=yesterday")
    assert response.status_code == 422
    schemas = spec["components"]["schemas"]
    resolver = {"components": {"schemas": schemas}}
    jsonschema.validate(response.json(), {**schemas["ValidationError"], **resolver})
    unknown = client.get("/api/v1/goals?colour=red")
    assert unknown.status_code == 400
    jsonschema.validate(unknown.json(), schemas["Error"])
    for path, method, op in _operations(spec):
        if op.get("parameters") or "requestBody" in op:
            assert "422" in op["responses"], f"{method} {path}"


def test_servers_and_paths_join_to_addresses_that_answer(client, spec, settings):
    server = spec["servers"][0]["url"]
    assert urlsplit(server).scheme in ("http", "https")
    reached = 0
    for path, method, _op in _operations(spec):
        if method != "get" or "{" in path:
            continue
        address = server.rstrip("/") + path
        assert client.get(urlsplit(address).path).status_code == 200, address
        reached += 1
    assert reached >= 8


def test_public_operations_declare_no_security_and_writes_a_token(spec):
    for path, method, op in _operations(spec):
        if method == "get":
            assert op["security"] == [], path
        else:
            assert op["security"] and "401" in op["responses"], f"{method} {path}"
    assert {t["name"] for t in spec["tags"]} >= {t for _, _, op in _operations(spec)
                                                 for t in op.get("tags", [])}
    assert spec["info"]["license"]["url"].startswith("https://")


def _tool(name):
    binary = NODE_TOOLS / "node_modules/.bin" / name
    if not binary.exists():
        message = (f"{name} is not installed: npm install --prefix tools/node "
                   "(.ci/run does this)")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return str(binary)


@pytest.mark.slow
def test_redocly_and_spectral_find_nothing(spec, tmp_path):
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(spec))
    redocly = subprocess.run([_tool("redocly"), "lint", str(document), "--format=json"],
                             capture_output=True, text=True, cwd=tmp_path, timeout=300)
    totals = json.loads(redocly.stdout)["totals"]
    assert totals == {"errors": 0, "warnings": 0, "ignored": 0}, redocly.stdout[-2000:]
    spectral = subprocess.run([_tool("spectral"), "lint", str(document), "--format", "json",
                               "--ruleset", str(NODE_TOOLS / ".spectral.yaml")],
                              capture_output=True, text=True, timeout=300)
    results = json.loads(spectral.stdout[: spectral.stdout.rindex("]") + 1])
    assert results == [], results[:5]


def test_one_document_whatever_the_language_of_the_page(client, spec):
    english = client.get("/en/api/v1/openapi.json").json()
    assert english["paths"].keys() == spec["paths"].keys()
    assert not any(path.startswith("/en/") for path in english["paths"])
    page = client.get("/en/api/v1/docs").content.decode()
    assert 'lang="en"' in page and "/api/v1/goals" in page and "/en/api/v1/goals" not in page
