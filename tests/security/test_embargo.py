"""Finding 1 of issue 20: an assessment held until a publication day stays hidden when a
later `stand` day is asked for – a day after today means today, on every surface."""

import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from leitstand.api import tables
from leitstand.monitoring import services
from leitstand.register.models import Edition, Goal

FAR = "2199-12-31"
SECRET = "Embargo-Beleg 7f3a"


def _held(roles):
    goal = Goal.objects.get(edition__slug="2019", code="19-06")
    draft = services.record_assessment(
        roles["editor_a"], goal, status="achieved", as_of=dt.date(2020, 1, 1), assessor="MWIDE",
        assessor_kind="government", evidence=SECRET,
        publish_on=timezone.localdate() + dt.timedelta(days=30))
    services.approve_assessment(roles["head_a"], draft.pk)
    return goal


def test_a_far_stand_day_shows_nothing_held_in_the_api(client, roles):
    goal = _held(roles)
    edition = goal.edition
    listed = client.get("/api/v1/assessments", {"goal": goal.id, "stand": FAR})
    assert listed.status_code == 200
    assert SECRET not in listed.content.decode()
    shown = client.get(f"/api/v1/goals/{goal.id}", {"stand": FAR}).json()
    today = client.get(f"/api/v1/goals/{goal.id}").json()
    assert shown["status"] == today["status"] != "achieved"
    summary = client.get(f"/api/v1/editions/{edition.id}/summary", {"stand": FAR}).json()
    now = client.get(f"/api/v1/editions/{edition.id}/summary").json()
    assert summary["by_status"] == now["by_status"]
    assert summary["as_of"] == timezone.localdate().isoformat()


def test_a_far_day_in_exports_and_report_means_today(client, roles, tmp_path):
    goal = _held(roles)
    assessments = next(t for t in tables.register_tables(dt.date(2199, 12, 31))
                       if t.name == "assessments")
    assert not any(SECRET in map(str, row) for row in assessments.rows)
    call_command("export", str(tmp_path), "--format", "csv", "--as-of", FAR)
    assert SECRET not in (tmp_path / "assessments.csv").read_text(encoding="utf-8")
    call_command("report", "--edition", "nrw/2019", "--format", "md", "--as-of", FAR,
                 "--out", str(tmp_path / "r.md"))
    assert SECRET not in (tmp_path / "r.md").read_text(encoding="utf-8")
    page = client.get(reverse("dashboard:goal", args=["nrw", "2019", goal.code]),
                      {"stand": FAR}).content.decode()
    assert SECRET not in page
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    assert edition.goals.filter(pk=goal.pk).exists()
