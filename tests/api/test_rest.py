"""The REST API: what a journalist or a ministry's system gets from /api/v1/."""

import datetime as dt

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from leitstand.api import tokens
from leitstand.monitoring.models import Assessment, Observation
from leitstand.monitoring.rows import goal_rows
from leitstand.register.models import Edition, Goal, Indicator, Measure


@pytest.fixture
def nrw2019(db):
    return Edition.objects.get(strategy__slug="nrw", slug="2019")


def test_the_goal_list_matches_the_dashboard_and_its_counts(client, nrw2019):
    summary = client.get(f"/api/v1/editions/{nrw2019.id}/summary").json()
    page = client.get(f"/api/v1/goals?edition={nrw2019.id}&limit=100").json()
    assert page["count"] == summary["denominator"] == len(page["items"])
    for status, n in summary["by_status"].items():
        filtered = client.get(f"/api/v1/goals?edition={nrw2019.id}&status={status}").json()
        assert filtered["count"] == n
        assert {g["status"] for g in filtered["items"]} == {status}
    rows = {r.goal.code: r.status for r in goal_rows(nrw2019)}
    assert {g["code"]: g["status"] for g in page["items"]} == rows


def test_filters_combine_and_pages_add_up(client, nrw2019):
    everything = client.get(f"/api/v1/goals?edition={nrw2019.id}&limit=100").json()["items"]
    unit = everything[0]["responsible_units"][0]
    both = client.get(f"/api/v1/goals?edition={nrw2019.id}&unit={unit}&horizon=short").json()
    assert both["items"] == [g for g in everything if unit in g["responsible_units"]
                             and g["horizon"] == "short"]
    pages = [client.get(f"/api/v1/goals?edition={nrw2019.id}&limit=10&offset={o}").json()
             for o in (0, 10, 20)]
    assert sum((p["items"] for p in pages), []) == everything
    # A page is computed on its own; the same goals computed all at once (sorted by status)
    # say the same.
    backwards = client.get(f"/api/v1/goals?edition={nrw2019.id}&limit=100&sort=-code").json()
    assert backwards["items"] == everything[::-1]
    by_status = client.get(f"/api/v1/goals?edition={nrw2019.id}&limit=100&sort=status").json()
    assert sorted(by_status["items"], key=lambda g: g["code"]) == everything
    found = client.get(f"/api/v1/goals?edition={nrw2019.id}&q=Glasfaser").json()["items"]
    assert found and all("19-" in g["code"] for g in found)


def test_as_of_a_day_the_api_shows_what_was_known_then(client, nrw2019):
    goal = Goal.objects.get(edition=nrw2019, code="19-07")
    day = dt.date(2020, 1, 1)
    then = client.get(f"/api/v1/goals/{goal.id}?stand={day}").json()
    assert then["status"] == goal_rows(nrw2019, Goal.objects.filter(pk=goal.pk), today=day,
                                       live=True)[0].status
    known = client.get(f"/api/v1/assessments?goal={goal.id}&stand={day}").json()["items"]
    assert all(a["as_of"] <= str(day) for a in known)


@pytest.mark.parametrize("listing", ["goals", "targets", "measures", "indicators",
                                     "observations", "assessments"])
def test_an_offset_past_every_row_is_an_empty_page(client, db, listing):
    """The database slices the listings; an offset beyond what its OFFSET takes (10**30) is
    an empty page with the count, not a server error."""
    every = client.get(f"/api/v1/{listing}").json()
    response = client.get(f"/api/v1/{listing}", {"offset": 10**30})
    assert response.status_code == 200
    assert response.json() == {"items": [], "count": every["count"]}


@pytest.mark.parametrize("stand", [None, "2023-06-30"])
def test_observations_are_counted_and_paged_by_the_database(client, db, stand):
    """A page of observations reads that page: the database slices it (with 10,000,000
    observations, shaping every row first took minutes and gigabytes)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    day = {"stand": stand} if stand else {}
    every = client.get("/api/v1/observations", {"limit": 10_000, **day}).json()
    assert every["count"] == len(every["items"]) >= 8
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/api/v1/observations", {"limit": 3, "offset": 5, **day}).json()
    assert page == {"count": every["count"], "items": every["items"][5:8]}
    assert any("LIMIT 3" in q["sql"] for q in queries)


@pytest.mark.parametrize("url", ["/api/v1/goals?colour=red", "/api/v1/goals?sort=title",
                                 "/api/v1/editions/1/summary?x=1", "/api/v1/measures?order=id",
                                 "/api/v1/goals?status=great"])
def test_unknown_filters_and_sort_fields_are_refused_with_a_json_message(client, db, url):
    response = client.get(url)
    assert response.status_code in (400, 422)
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_drafts_and_draft_editions_stay_private(client, db):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    draft = Assessment.objects.create(goal=goal, status="achieved", as_of=dt.date(2026, 1, 1),
                                      assessor="MWIDE", assessor_kind="government",
                                      evidence="Entwurf")
    ids = [a["id"] for a in client.get(f"/api/v1/assessments?goal={goal.id}&limit=100")
           .json()["items"]]
    assert draft.id not in ids
    draft_goal = Goal.objects.filter(edition__status="draft").first()
    assert client.get(f"/api/v1/goals/{draft_goal.id}").status_code == 404
    assert client.get("/api/v1/goals?limit=500").json()["count"] == Goal.objects.filter(
        edition__status="published").count()


# ---- writing with a token ---------------------------------------------------------------

def _bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {tokens.create(user, 'test')[1]}"}


@pytest.fixture
def mwide_indicator(db):
    return Indicator.objects.get(strategy__slug="nrw", slug="wagniskapital")


OBS = {"date": "2026-10-31", "value": "123.5", "source_url": "https://example.org/zahl"}


@pytest.mark.parametrize("role,expected", [("editor_a", 201), ("head_a", 201),
                                           ("strategy_admin", 201), ("editor_b", 403),
                                           ("citizen", 403)])
def test_writing_observations_obeys_the_editors_rules(client, roles, mwide_indicator, role,
                                                      expected):
    response = client.post("/api/v1/observations", {**OBS, "indicator": mwide_indicator.id},
                           content_type="application/json", **_bearer(roles[role]))
    assert response.status_code == expected, response.content
    stored = Observation.objects.filter(indicator=mwide_indicator, date="2026-10-31")
    assert stored.exists() == (expected == 201)
    if expected == 201:
        assert float(stored.get().value) == 123.5
        assert stored.get().history.first().actor_role  # the history names the role


def test_writing_needs_a_valid_unrevoked_token(client, roles, mwide_indicator):
    body = {**OBS, "indicator": mwide_indicator.id}
    assert client.post("/api/v1/observations", body,
                       content_type="application/json").status_code == 401
    assert client.post("/api/v1/observations", body, content_type="application/json",
                       HTTP_AUTHORIZATION="Bearer ls_guessed").status_code == 401
    record, token = tokens.create(roles["editor_a"], "revoked")
    tokens.revoke(record.id)
    assert client.post("/api/v1/observations", body, content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401
    assert not Observation.objects.filter(date="2026-10-31").exists()


def test_an_assessment_through_the_api_is_a_draft_until_approved(client, roles):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    body = {"goal": goal.id, "status": "on_track", "as_of": "2026-10-01", "assessor": "MWIDE",
            "assessor_kind": "government", "evidence": "Bericht", "links": ["https://x.org"]}
    denied = client.post("/api/v1/assessments", body, content_type="application/json",
                         **_bearer(roles["editor_b"]))
    assert denied.status_code == 403 and denied.json()["detail"]
    made = client.post("/api/v1/assessments", body, content_type="application/json",
                       **_bearer(roles["editor_a"]))
    assert made.status_code == 201 and made.json()["state"] == "draft"
    public = client.get(f"/api/v1/assessments?goal={goal.id}&limit=100").json()["items"]
    assert made.json()["id"] not in [a["id"] for a in public]


def test_measure_status_is_set_by_its_units_only(client, roles):
    measure = Measure.objects.filter(responsible_units__slug="mwide").first()
    assert client.patch(f"/api/v1/measures/{measure.id}", {"status": "done"},
                        content_type="application/json",
                        **_bearer(roles["editor_b"])).status_code == 403
    response = client.patch(f"/api/v1/measures/{measure.id}", {"status": "in_progress"},
                            content_type="application/json", **_bearer(roles["editor_a"]))
    assert response.status_code == 200 and response.json()["status"] == "in_progress"
    measure.refresh_from_db()
    assert measure.status == "in_progress"


def test_the_token_command_shows_a_token_once_and_revokes_it(roles, capsys):
    from django.core.management import call_command

    from leitstand.api.models import ApiToken

    call_command("api_token", "create", "editor_a", "--name", "Statistikamt")
    token = capsys.readouterr().out.split()[-1]
    record = ApiToken.objects.get(name="Statistikamt")
    assert token.startswith(record.prefix) and token not in record.key_hash
    assert tokens.user_for_token(token) == roles["editor_a"]
    call_command("api_token", "revoke", str(record.id))
    assert tokens.user_for_token(token) is None


def test_the_openapi_document_and_its_docs_page_are_served_locally(client, db):
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    for path in ("/api/v1/goals", "/api/v1/editions/{pk}/summary", "/api/v1/observations"):
        assert path in spec["paths"]
    docs = client.get("/api/v1/docs").content.decode()
    assert "<script" not in docs and "cdn." not in docs
    for path in spec["paths"]:  # every operation and its parameters are on the page
        assert path in docs
    assert 'lang="de"' in docs and "stand" in docs


# ---- the whole API against its own OpenAPI document -------------------------------------

def _schema():
    from django.test.utils import override_settings

    from leitstand.wsgi import application

    # loaded while tests are collected, before any database is there: no page cache
    with override_settings(LEITSTAND_PAGE_CACHE_SECONDS=0):
        return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


schema = _schema()


@pytest.fixture
def keep_test_connection(db):
    """Requests through the WSGI app must not close the test's database connection (Django's
    test client does the same)."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.slow
@schema.parametrize()
@settings(max_examples=20, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_every_endpoint_answers_within_its_schema_and_never_fails(case, keep_test_connection):
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])


def _listed(client, query):
    response = client.get(f"/api/v1/goals?limit=1000&{query}")
    assert response.status_code == 200, response.content
    return [g["id"] for g in response.json()["items"]]


def test_goal_filters_answered_by_the_database_equal_the_computed_rows(client, db):
    """With today's snapshots the API filters in SQL; the goals are the same as computed."""
    from django.core.management import call_command
    from django.db.models.signals import post_init

    from leitstand.monitoring.filters import GoalFilter
    from leitstand.monitoring.rows import goal_rows
    from leitstand.register.models import Edition, Goal

    editions = {e.id: e for e in Edition.objects.filter(status="published")}
    rows = goal_rows(None, editions=editions, live=True)
    call_command("snapshot")
    for query in ({"status": "achieved"}, {"status": "not_assessed"}, {"horizon": "medium"},
                  {"status": "on_track", "horizon": "short"}, {"unit": rows[0].unit_slugs[0]},
                  {"section": rows[0].goal.section.field_of_action.slug}):
        wanted = GoalFilter(**query)
        expected = [r.goal.id for r in sorted(rows, key=lambda r: (r.goal.edition_id,
                                                                   r.goal.code))
                    if wanted.keep(r)]
        made = []
        post_init.connect(lambda sender, made=made, **kw: made.append(1), sender=Goal,
                          weak=False, dispatch_uid="count-goals")
        try:
            listed = _listed(client, "&".join(f"{k}={v}" for k, v in query.items()))
        finally:
            post_init.disconnect(sender=Goal, dispatch_uid="count-goals")
        assert listed == expected and expected, query
        assert len(made) <= 2 * len(expected)  # only the listed goals are read, not every goal
