"""Bulk downloads: CSV files, a Frictionless data package, one JSON document, XLSX and
DCAT-AP.de metadata – the same tables, safe in spreadsheets, numbers kept as numbers."""

import csv
import io
import json
import re

import pytest
from django.core.management import call_command

from leitstand.register.models import Goal


@pytest.fixture
def hostile_goal(db):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Goal.objects.filter(pk=goal.pk).update(title='=HYPERLINK("http://evil","x")')
    return goal


def test_the_data_package_validates_with_frictionless(tmp_path, hostile_goal):
    from frictionless import validate

    call_command("export", str(tmp_path), "--format", "datapackage")
    report = validate(str(tmp_path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    package = json.loads((tmp_path / "datapackage.json").read_text())
    names = {r["name"] for r in package["resources"]}
    assert {"editions", "sections", "goals", "targets", "measures", "units", "indicators",
            "observations", "assessments"} == names


def test_every_format_holds_the_same_rows(tmp_path, hostile_goal):
    from openpyxl import load_workbook

    for fmt in ("csv", "json", "xlsx"):
        call_command("export", str(tmp_path / fmt), "--format", fmt)
    document = json.loads((tmp_path / "json" / "leitstand.json").read_text())
    book = load_workbook(tmp_path / "xlsx" / "leitstand.xlsx")
    for name in ("goals", "targets", "observations", "assessments"):
        with (tmp_path / "csv" / f"{name}.csv").open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == len(document[name]) == book[name].max_row - 1 > 0, name
    goal_rows = {r["code"]: r for r in document["goals"]}
    # JSON is read by programs, not spreadsheets: it keeps the text exactly
    assert goal_rows["19-07"]["title"] == '=HYPERLINK("http://evil","x")'
    sheet = book["goals"]
    titles = [c.value for c in next(sheet.iter_cols(min_col=4, max_col=4, min_row=2))]
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in titles
    # numbers stay numbers
    observation = document["observations"][0]
    assert isinstance(observation["value"], (int, float))
    values = [c.value for c in next(book["observations"].iter_cols(min_col=4, max_col=4,
                                                                   min_row=2))]
    assert all(isinstance(v, (int, float)) for v in values)


def test_the_site_offers_the_same_downloads(client, hostile_goal):
    page = client.get("/daten/").content.decode()
    for link in ("goals.csv", "leitstand.json", "leitstand.xlsx", "datapackage.json",
                 "dcat.jsonld", "/api/v1/docs"):
        assert link in page
    text = client.get("/daten/goals.csv").content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert next(r for r in rows if r["code"] == "19-07")["title"].startswith("'=")
    package = client.get("/daten/datapackage.json").json()
    assert package["resources"][0]["path"] == "editions.csv"  # beside it on /daten/
    assert client.get("/daten/nothing.csv").status_code == 404


def test_dcat_metadata_describes_every_table_with_its_downloads(client, db):
    response = client.get("/daten/dcat.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    catalog = response.json()
    assert catalog["@type"] == "dcat:Catalog"
    titles = {t["@value"] for d in catalog["dcat:dataset"] for t in d["dct:title"]
              if t["@language"] == "de"}
    assert len(titles) == 9
    goals = next(d for d in catalog["dcat:dataset"] if d["@id"].endswith("#goals"))
    urls = [x["dcat:downloadURL"]["@id"] for x in goals["dcat:distribution"]]
    assert "http://testserver/daten/goals.csv" in urls
    for url in urls:
        assert client.get(url.replace("http://testserver", "")).status_code == 200
    assert all(x["dct:license"]["@id"].startswith("http://dcat-ap.de/def/licenses/")
               for x in goals["dcat:distribution"])


def test_downloads_as_known_on_a_day(client, db):
    today = client.get("/daten/assessments.csv").content.decode().count("\n")
    then = client.get("/daten/assessments.csv?stand=2020-01-01").content.decode().count("\n")
    assert then < today


SCIENTIFIC = re.compile(r"^-?\d+(?:\.\d+)?[eE][+-]?\d+$")


def test_numbers_in_every_csv_are_written_as_a_person_writes_them(client, db):
    names = [line.split(".csv")[0].rsplit('"', 1)[-1].rsplit("/", 1)[-1]
             for line in client.get("/daten/").content.decode().split("href=")
             if ".csv" in line.split(">")[0]]
    assert len(names) == 9
    seen = []
    for name in names:
        rows = list(csv.reader(io.StringIO(client.get(f"/daten/{name}.csv").content.decode())))
        seen += [cell for row in rows[1:] for cell in row]
    assert [cell for cell in seen if SCIENTIFIC.match(cell)] == []
    # the Musterstadt paper files: 41,000 in 2023, not 4.1E+4
    observations = list(csv.DictReader(io.StringIO(
        client.get("/daten/observations.csv").content.decode())))
    files = [r["value"] for r in observations if r["indicator"] == "papierakten"]
    assert "41000" in files


def test_the_data_package_declares_keys_references_values_and_meanings(tmp_path, db):
    call_command("export", str(tmp_path), "--format", "datapackage")
    package = json.loads((tmp_path / "datapackage.json").read_text())
    resources = {r["name"]: r for r in package["resources"]}
    assert all(f["description"] for r in resources.values() for f in r["schema"]["fields"])
    assert resources["goals"]["schema"]["primaryKey"] == ["strategy", "edition", "code"]
    references = {(r["name"], fk["reference"]["resource"]) for r in resources.values()
                  for fk in r["schema"].get("foreignKeys", [])}
    assert {("targets", "goals"), ("assessments", "goals"), ("goals", "editions"),
            ("observations", "indicators")} <= references
    fields = {f["name"]: f for f in resources["goals"]["schema"]["fields"]}
    assert "achieved" in fields["status"]["constraints"]["enum"]
    assert "indicators" in {f["name"] for f in resources["targets"]["schema"]["fields"]}


def test_frictionless_catches_a_broken_reference_and_an_unknown_code(tmp_path, db):
    from frictionless import validate

    call_command("export", str(tmp_path), "--format", "datapackage")
    targets = (tmp_path / "targets.csv").read_text(encoding="utf-8").splitlines()
    header = targets[0].split(",")
    row = next(csv.reader([targets[1]]))
    row[header.index("goal")] = "no-such-goal"
    targets[1] = ",".join(f'"{c}"' for c in row)
    (tmp_path / "targets.csv").write_text("\n".join(targets) + "\n", encoding="utf-8")
    goals = (tmp_path / "goals.csv").read_text(encoding="utf-8")
    (tmp_path / "goals.csv").write_text(goals.replace(",achieved,", ",reached,", 1),
                                        encoding="utf-8")
    report = validate(str(tmp_path / "datapackage.json"))
    kinds = {kind for (kind,) in report.flatten(["type"])}
    assert not report.valid
    assert {"foreign-key", "constraint-error"} <= kinds


def test_the_downloads_page_names_its_tables_in_the_pages_language(client, db):
    german = client.get("/daten/").content.decode()
    assert "Ziele mit ihrem veröffentlichten Status" in german
    assert "Goals with their published status" not in german
    assert "Goals with their published status" in client.get("/en/daten/").content.decode()
