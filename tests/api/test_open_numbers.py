"""Every overview number can be recomputed by anyone from the CSV export."""

import csv
import datetime as dt
import json
import pathlib
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.urls import reverse

from leitstand.core.cells import safe_cell
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.models import Edition, Goal, Indicator, Organisation, Section, Target

ROOT = pathlib.Path(__file__).resolve().parents[2]


def _recompute(folder, strategy, edition):
    out = subprocess.run([sys.executable, str(ROOT / "docs/recompute.py"),
                          str(folder / "goals.csv"), strategy, edition],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _compare(client, tmp_path, edition):
    call_command("export", str(tmp_path), "--format", "csv")
    recomputed = _recompute(tmp_path, edition.strategy.slug, edition.label)
    api = client.get(f"/api/v1/editions/{edition.id}/summary").json()
    assert {k: v for k, v in api.items() if k not in ("edition", "as_of")} == recomputed
    overview = client.get(reverse("dashboard:overview",
                                  args=[edition.strategy.slug, edition.slug])).context
    shown = {c.key: c.n for c in overview["by_status"] if c.n}
    assert shown == recomputed["by_status"]
    assert overview["total"] == recomputed["denominator"]


@pytest.mark.parametrize("strategy,edition", [("nrw", "2019"), ("nrw", "2-0"),
                                              ("musterstadt", "2024")])
def test_demo_overview_is_recomputed_from_the_csv_export(client, db, tmp_path, strategy,
                                                         edition):
    _compare(client, tmp_path, Edition.objects.get(strategy__slug=strategy, slug=edition))


def test_generated_data_is_recomputed_too(client, db, tmp_path):
    edition = Edition.objects.get(strategy__slug="musterstadt", slug="2024")
    section = Section.objects.filter(edition=edition).first()
    units = list(Organisation.objects.filter(slug__in=["adi", "schulamt"]))
    for i in range(30):
        goal = Goal.objects.create(edition=edition, section=section, code=f"gen-{i}",
                                   title=f"Erzeugtes Ziel {i}", horizon=["short", "medium",
                                                                         "long", ""][i % 4])
        goal.responsible_units.set(units[: 1 + i % 2])
        if i % 3 == 0:
            indicator = Indicator.objects.create(strategy=edition.strategy, slug=f"gen-{i}",
                                                 name=f"Reihe {i}", unit="count",
                                                 definition="erzeugt")
            target = Target.objects.create(goal=goal, metric="m", value=100, unit="count",
                                           comparator="at_least",
                                           deadline=dt.date(2025 + i % 4, 12, 31))
            target.indicators.add(indicator)
            for year, value in ((2023, 10 + i), (2024, 30 + 3 * i), (2025, 50 + 4 * i)):
                Observation.objects.create(indicator=indicator, date=dt.date(year, 6, 30),
                                           value=value, source_url="https://example.org/gen")
        elif i % 3 == 1:
            Assessment.objects.create(goal=goal, status=["on_track", "at_risk", "missed"][i % 3],
                                      as_of=dt.date(2026, 1, 1), assessor="Amt",
                                      assessor_kind="government", evidence="erzeugt",
                                      state="approved")
    _compare(client, tmp_path, edition)


def test_formulas_are_neutralised_and_numbers_stay_numbers(db, tmp_path):
    goal = Goal.objects.get(edition__slug="2024", code="M-01")
    Goal.objects.filter(pk=goal.pk).update(title='=HYPERLINK("https://evil.example","x")')
    call_command("export", str(tmp_path))
    raw = (tmp_path / "goals.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM
    row = next(r for r in csv.DictReader((tmp_path / "goals.csv").open(encoding="utf-8"))
               if r["code"] == "M-01")
    assert row["title"].startswith("'=HYPERLINK")
    assert safe_cell(-5) == -5 and safe_cell("-5 Punkte") == "'-5 Punkte"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)" and safe_cell("+1") == "'+1"


def test_goals_csv_has_the_documented_columns(db, tmp_path):
    call_command("export", str(tmp_path / "neu" / "ordner"))  # created if needed
    header = (tmp_path / "neu/ordner/goals.csv").read_text(encoding="utf-8").splitlines()[0]
    for column in ("strategy", "edition", "code", "section", "responsible_units", "horizon",
                   "due_date", "status", "status_rule"):
        assert column in header.split(",")


def test_each_count_links_to_a_csv_of_exactly_its_goals(client, db):
    url = reverse("dashboard:goals", args=["nrw", "2019"])
    html = client.get(url, {"status": "missed"})
    response = client.get(reverse("api:goals_csv", args=["nrw", "2019"]), {"status": "missed"})
    assert response["Content-Type"].startswith("text/csv")
    older_link = client.get(url, {"status": "missed", "format": "csv"}, follow=True)
    assert older_link.content == response.content
    overview = client.get(reverse("dashboard:overview", args=["nrw", "2019"])).content.decode()
    assert reverse("api:goals_csv", args=["nrw", "2019"]) + "?status=missed" in overview
    codes = [r["code"] for r in csv.DictReader(response.content.decode().splitlines())]
    assert codes == [row.goal.code for row in html.context["rows"]]
    assert all(r == "missed" for r in [row.status for row in html.context["rows"]])


def test_draft_edition_has_no_public_summary(client, db):
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    Edition.objects.filter(pk=edition.pk).update(status="draft")
    assert client.get(f"/api/v1/editions/{edition.id}/summary").status_code == 404
    listed = client.get("/api/v1/editions").json()["editions"]
    assert edition.id not in [e["id"] for e in listed]
