"""Change feeds per strategy and per goal, in Atom and JSON Feed."""

import datetime as dt
import xml.etree.ElementTree as ET

from django.utils import timezone

from leitstand.monitoring.models import Assessment
from leitstand.register.models import Goal

ATOM = "{http://www.w3.org/2005/Atom}"


def _goal():
    return Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")


def _approve(goal, status, day, publish_on=None):
    return Assessment.objects.create(
        goal=goal, status=status, as_of=day, assessor="MWIDE", assessor_kind="government",
        evidence=f"Beleg {status}", state="approved", approved_at=timezone.now(),
        publish_on=publish_on)


def test_a_new_assessment_appears_in_both_feeds_with_its_status_change(client, db):
    goal = _goal()
    before = client.get("/nrw/feed.json").json()["items"]
    new = _approve(goal, "achieved", dt.date(2026, 11, 1))
    atom = ET.fromstring(client.get("/nrw/feed.atom").content)
    entries = atom.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}id").text == f"assessment-{new.id}"
    assert "19-07" in entries[0].find(f"{ATOM}title").text
    feed = client.get("/nrw/feed.json").json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    first = feed["items"][0]
    assert first["id"] == f"assessment-{new.id}" and len(feed["items"]) >= min(len(before) + 1,
                                                                               100)
    assert "Erreicht" in first["content_text"] or "achieved" in first["content_text"]
    assert first["tags"] == ["status-change"]
    goal_feed = client.get("/nrw/2019/ziele/19-07/feed.json").json()["items"]
    assert {i["id"] for i in goal_feed} <= {i["id"] for i in
                                           client.get("/nrw/feed.json").json()["items"]} | {
        f"assessment-{new.id}"}
    assert all("19-07" in i["title"] for i in goal_feed)


def test_held_and_draft_assessments_stay_out_of_the_feeds(client, db):
    goal = _goal()
    held = _approve(goal, "missed", dt.date(2026, 11, 2),
                    publish_on=timezone.localdate() + dt.timedelta(days=5))
    draft = Assessment.objects.create(goal=goal, status="missed", as_of=dt.date(2026, 11, 3),
                                      assessor="MWIDE", assessor_kind="government",
                                      evidence="Entwurf")
    ids = {i["id"] for i in client.get("/nrw/2019/ziele/19-07/feed.json").json()["items"]}
    assert f"assessment-{held.id}" not in ids and f"assessment-{draft.id}" not in ids


def test_feeds_of_unknown_things_answer_404(client, db):
    assert client.get("/nichts/feed.atom").status_code == 404
    assert client.get("/nrw/2019/ziele/99-99/feed.json").status_code == 404
    assert client.get("/musterstadt/2027-entwurf/ziele/E-01/feed.atom").status_code == 404
