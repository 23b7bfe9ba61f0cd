"""Change feeds per strategy and per goal, in Atom and JSON Feed."""

import datetime as dt
import re
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
    assert entries[0].find(f"{ATOM}id").text == (
        f"http://testserver/nrw/2019/ziele/19-07/#assessment-{new.id}")
    assert "19-07" in entries[0].find(f"{ATOM}title").text
    feed = client.get("/nrw/feed.json").json()
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    first = feed["items"][0]
    assert first["id"].endswith(f"#assessment-{new.id}")
    assert len(feed["items"]) >= min(len(before) + 1, 100)
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


FEEDS = ["/nrw/feed.atom", "/nrw/2019/ziele/19-07/feed.atom", "/musterstadt/feed.atom"]


def _is_iri(text: str | None) -> bool:
    """An absolute IRI: a scheme, then a non-empty rest without white space (RFC 3987)."""
    return bool(text) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$", text) is not None


def _date(text: str | None) -> bool:
    """An RFC 3339 date-time, as atom:updated and atom:published require."""
    return bool(text) and re.match(
        r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$", text) is not None


def _once(element, name, where, problems):
    found = element.findall(f"{ATOM}{name}")
    if len(found) != 1:
        problems.append(f"{where} has {len(found)} atom:{name} (must be exactly one)")


def _text(element, name):
    return getattr(element.find(f"{ATOM}{name}"), "text", None)


def _entry_problems(entry, where) -> list[str]:
    """RFC 4287, 4.1.2: what one atom:entry must contain."""
    problems = []
    for name in ("id", "title", "updated"):
        _once(entry, name, where, problems)
    if not _is_iri(_text(entry, "id")):
        problems.append(f"{where}: atom:id {_text(entry, 'id')!r} is not an IRI")
    if not _date(_text(entry, "updated")):
        problems.append(f"{where}: atom:updated is not a date-time")
    alternate = [x for x in entry.findall(f"{ATOM}link")
                 if x.get("rel", "alternate") == "alternate"]
    has_content = entry.find(f"{ATOM}content") is not None
    if not has_content and not alternate:
        problems.append(f"{where}: neither atom:content nor an alternate link")
    if not has_content and entry.find(f"{ATOM}summary") is None:
        problems.append(f"{where}: neither atom:content nor atom:summary")
    if any(not _text(a, "name") for a in entry.findall(f"{ATOM}author")):
        problems.append(f"{where}: an atom:author without atom:name")
    return problems


def rfc4287_problems(xml: bytes) -> list[str]:
    """The MUSTs of RFC 4287, 4.1.1 and 4.1.2, that a feed breaks, one line each."""
    feed = ET.fromstring(xml)
    if feed.tag != f"{ATOM}feed":
        return ["the root is not atom:feed"]
    problems = []
    entries = feed.findall(f"{ATOM}entry")
    if not feed.findall(f"{ATOM}author") and not all(e.findall(f"{ATOM}author")
                                                     for e in entries):
        problems.append("no atom:author on the feed, and not every entry has one")
    for name in ("id", "title", "updated"):
        _once(feed, name, "the feed", problems)
    if not _is_iri(_text(feed, "id")):
        problems.append("the feed's atom:id is not an IRI")
    if not _date(_text(feed, "updated")):
        problems.append("the feed's atom:updated is not a date-time")
    if not any(link.get("rel") == "self" for link in feed.findall(f"{ATOM}link")):
        problems.append("the feed has no atom:link rel=self (SHOULD)")
    for n, entry in enumerate(entries):
        problems += _entry_problems(entry, f"entry {n}")
    ids = [_text(e, "id") for e in entries]
    if len(set(ids)) != len(ids):
        problems.append("two entries share an atom:id")
    return problems


def test_every_feed_keeps_the_musts_of_rfc_4287(client, db):
    _approve(_goal(), "on_track", dt.date(2026, 10, 1))
    for url in FEEDS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
        assert rfc4287_problems(response.content) == [], url
        assert ET.fromstring(response.content).findall(f"{ATOM}entry"), url


def test_every_json_feed_has_what_json_feed_1_1_asks(client, db):
    _approve(_goal(), "on_track", dt.date(2026, 10, 1))
    for url in FEEDS:
        feed = client.get(url.replace(".atom", ".json")).json()
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"] and feed["home_page_url"].startswith("http://testserver/")
        assert feed["feed_url"].startswith("http://testserver/") and feed["language"]
        assert all(a["name"] for a in feed["authors"])
        assert feed["items"], url
        for item in feed["items"]:
            assert _is_iri(item["id"]) and item["url"].startswith("http://testserver/")
            assert item["content_text"] and item["authors"][0]["name"]
            for key in ("date_published", "date_modified"):
                assert dt.datetime.fromisoformat(item[key]).tzinfo is not None


def test_pages_announce_their_feeds(client, db):
    overview = client.get("/nrw/2019/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in overview
    assert 'href="/nrw/feed.atom"' in overview and 'href="/nrw/feed.json"' in overview
    goal = client.get("/nrw/2019/ziele/19-07/").content.decode()
    assert 'href="/nrw/2019/ziele/19-07/feed.atom"' in goal
    assert '<link rel="alternate" type="application/feed+json"' in goal
    assert "application/atom+xml" not in client.get("/daten/").content.decode()


def test_every_page_has_an_icon_and_a_description(client, db):
    page = client.get("/").content.decode()
    assert '<link rel="icon"' in page and '<meta name="description" content="' in page
    icon = client.get("/favicon.ico")
    assert icon.status_code == 301
