"""The DCAT-AP.de catalogue passes GovData's SHACL shapes, and every address in it answers.

The shapes are those in ../shared/validators/dcat-ap-de (DCAT-AP.de 3.0, 2.0 and 2.0 with
GovData's conventions), run with pyshacl as an adopter runs them before harvesting.
"""

import importlib.util
import json
import pathlib
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from tests.conftest import SHARED, need_shared

VALIDATORS = SHARED / "validators/dcat-ap-de"
CONTRIBUTOR = "http://dcat-ap.de/def/contributors/openNRW"


def _shacl():
    need_shared("validators/dcat-ap-de/validate.py")  # GovData's SHACL shapes
    spec = importlib.util.spec_from_file_location("dcat_validate", VALIDATORS / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _problems(path: pathlib.Path) -> dict:
    """Results of every profile, as {profile: [(severity, class, property, message)]}."""
    validator = _shacl()
    return {profile: sorted(validator.validate(str(path), profile))
            for profile in validator.PROFILES}


@pytest.fixture
def contributor(monkeypatch):
    monkeypatch.setenv("LEITSTAND_DCAT_CONTRIBUTOR_ID", CONTRIBUTOR)


def test_exported_catalogue_passes_every_profile_without_a_violation(db, tmp_path,
                                                                      contributor):
    call_command("export", str(tmp_path), "--format", "datapackage",
                 "--base-url", "https://leitstand.example.org/daten/")
    results = _problems(tmp_path / "dcat.jsonld")
    violations = {p: [r for r in found if r[0] == "Violation"] for p, found in results.items()}
    assert violations == {p: [] for p in results}
    warnings = {p: [r for r in found if r[0] == "Warning"] for p, found in results.items()}
    assert warnings["de-3.0"] == []
    # Left in 2.0: a place should carry a geometry (bbox, centroid); the register knows the
    # jurisdiction's IRI in DCAT-AP.de's political geocoding, not its shape.
    assert {r[1] for p in ("de-2.0", "de-2.0-konventionen") for r in warnings[p]} \
        <= {"dct:Location"}
    catalogue = json.loads((tmp_path / "dcat.jsonld").read_text())
    assert catalogue["dcat:dataset"][0]["dct:spatial"] == [
        {"@id": "http://dcat-ap.de/def/politicalGeocoding/stateKey/05",
         "@type": "dct:Location"}]


def test_the_sites_catalogue_passes_too(client, db, tmp_path, contributor):
    path = tmp_path / "dcat.jsonld"
    path.write_bytes(client.get("/daten/dcat.jsonld").content)
    results = _problems(path)
    assert {p: [r for r in found if r[0] == "Violation"] for p, found in results.items()} \
        == {p: [] for p in results}


def _catalogue_urls(catalogue: dict) -> set[str]:
    return {d["dcat:downloadURL"]["@id"] for dataset in catalogue["dcat:dataset"]
            for d in dataset["dcat:distribution"]}


def test_every_download_address_of_the_sites_catalogue_answers_with_a_file(client, db):
    catalogue = client.get("/daten/dcat.jsonld").json()
    urls = _catalogue_urls(catalogue)
    assert len(urls) == 9 + 2  # a CSV file per table, the JSON document and the workbook
    for url in urls:
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200, url
        assert len(response.content) > 100, url


def test_every_download_address_of_an_export_names_a_written_file(db, tmp_path):
    base = "https://data.example.org/leitstand/"
    call_command("export", str(tmp_path), "--format", "datapackage", "--base-url", base)
    catalogue = json.loads((tmp_path / "dcat.jsonld").read_text())
    for url in _catalogue_urls(catalogue):
        assert url.startswith(base)
        assert (tmp_path / url.removeprefix(base)).stat().st_size > 100, url


def test_without_a_base_url_the_export_names_the_sites_addresses(db, tmp_path, monkeypatch):
    monkeypatch.setenv("LEITSTAND_SITE_URL", "https://monitoring.example.org")
    call_command("export", str(tmp_path), "--format", "datapackage")
    text = (tmp_path / "dcat.jsonld").read_text()
    assert "file:" not in text
    catalogue = json.loads(text)
    assert all(u.startswith("https://monitoring.example.org/daten/")
               for u in _catalogue_urls(catalogue))


def test_publisher_contributor_and_licence_are_settings(db, tmp_path, monkeypatch):
    monkeypatch.setenv("LEITSTAND_DCAT_PUBLISHER_NAME", "Staatskanzlei Musterland")
    monkeypatch.setenv("LEITSTAND_DCAT_PUBLISHER_URL", "https://www.musterland.example/")
    monkeypatch.setenv("LEITSTAND_DCAT_CONTRIBUTOR_ID", CONTRIBUTOR)
    monkeypatch.setenv("LEITSTAND_DCAT_LICENSE", "http://dcat-ap.de/def/licenses/cc-by/4.0")
    call_command("export", str(tmp_path), "--format", "datapackage")
    catalogue = json.loads((tmp_path / "dcat.jsonld").read_text())
    assert catalogue["dct:publisher"]["foaf:name"] == "Staatskanzlei Musterland"
    dataset = catalogue["dcat:dataset"][0]
    assert dataset["dcatde:contributorID"] == {"@id": CONTRIBUTOR}
    assert dataset["dct:publisher"]["@id"] == "https://www.musterland.example/"
    licences = {d["dct:license"]["@id"] for d in dataset["dcat:distribution"]}
    assert licences == {"http://dcat-ap.de/def/licenses/cc-by/4.0"}


def test_serve_refuses_a_contributor_outside_govdatas_list(monkeypatch):
    from leitstand.api.catalogue import settings_problems

    monkeypatch.setenv("LEITSTAND_DCAT_CONTRIBUTOR_ID", "http://dcat-ap.de/def/contributors/x")
    assert settings_problems() == []
    monkeypatch.setenv("LEITSTAND_DCAT_CONTRIBUTOR_ID", "https://example.org/leitstand")
    assert "LEITSTAND_DCAT_CONTRIBUTOR_ID" in " ".join(settings_problems())
