"""“Stand am”: every page, the summary and the export show what was known on a past day."""

import csv
import datetime as dt

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from leitstand.monitoring import services
from leitstand.register.models import Edition, Goal

YESTERDAY = (timezone.localdate() - dt.timedelta(days=1)).isoformat()


def _status(client, code, stand=None):
    url = reverse("dashboard:goal", args=["nrw", "2019", code])
    return client.get(url, {"stand": stand} if stand else {}).context["row"].status


def test_an_approval_today_is_not_known_yesterday(client, roles):
    goal = Goal.objects.get(edition__slug="2019", code="19-06")
    draft = services.record_assessment(roles["editor_a"], goal, status="achieved",
                                       as_of=dt.date(2019, 12, 1), assessor="MWIDE",
                                       assessor_kind="government", evidence="Start gemeldet.")
    services.approve_assessment(roles["head_a"], draft.pk)
    assert _status(client, "19-06") == "achieved"
    assert _status(client, "19-06", YESTERDAY) == "not_assessed"
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    today = client.get(f"/api/v1/editions/{edition.id}/summary").json()
    before = client.get(f"/api/v1/editions/{edition.id}/summary", {"stand": YESTERDAY}).json()
    assert today["by_status"]["achieved"] == before["by_status"]["achieved"] + 1
    assert before["as_of"] == YESTERDAY


def test_export_as_of_a_day_matches_the_page(client, db, tmp_path):
    call_command("export", str(tmp_path), "--as-of", "2020-01-01")
    rows = {r["code"]: r for r in csv.DictReader((tmp_path / "goals.csv").open(encoding="utf-8"))}
    assert rows["19-07"]["status"] == _status(client, "19-07", "2020-01-01")
    assert rows["19-18"]["status"] == "not_assessed"  # its assessment came in 11/2021


def test_demo_statuses_change_with_the_day(client, db):
    # Venture capital: 268 Mio. in 2019 was short of 500 Mio., the trend pointed above it;
    # 566 Mio. in 2021 met it.
    assert _status(client, "19-07", "2020-01-01") == "on_track"
    assert _status(client, "19-07") == "achieved"
    # The government's word on KI.NRW (no indicator) was published on 19.11.2021.
    assert _status(client, "19-18", "2021-11-18") == "not_assessed"
    assert _status(client, "19-18", "2021-11-19") == "in_progress"


def test_overview_as_of_a_day_says_so_and_keeps_the_day_in_its_links(client, db,
                                                                     django_assert_max_num_queries):
    url = reverse("dashboard:overview", args=["nrw", "2019"])
    with django_assert_max_num_queries(10):
        html = client.get(url, {"stand": "2020-01-01"}).content.decode()
    assert "Stand vom 1. Januar 2020" in html
    assert "stand=2020-01-01" in html


def test_malformed_or_future_days_show_today(client, db):
    url = reverse("dashboard:overview", args=["nrw", "2019"])
    for value in ("gestern", "2999-01-01", "<script>", "1900-01-01"):
        response = client.get(url, {"stand": value})
        assert response.status_code == 200 and response.context["stand"] is None


def test_a_bulk_correction_is_known_from_today_and_the_past_keeps_the_old_value(client, roles):
    """The demo's 2017 venture capital (96,000,000, published 2017) corrected by upload:
    today shows the correction, "Stand am 2020-01-01" what was known then, and the history
    keeps both values."""
    from leitstand.monitoring.models import Observation
    from tests.conftest import staff_login
    from tests.monitoring.test_bulk_update import HEADER, upload

    observation = Observation.objects.get(indicator__slug="wagniskapital", date="2017-12-31")
    assert observation.value == 96000000 and observation.recorded_at.year == 2017
    staff_login(client, roles["editor_a"])
    body = HEADER + "nrw,wagniskapital,2017-12-31,96000001,https://example.org/korrektur,\n"
    assert "1 Zeile übernommen" in upload(client, "observations", body.encode()).content.decode()
    observation.refresh_from_db()
    assert observation.value == 96000001
    assert timezone.localdate(observation.recorded_at) == timezone.localdate()

    def value_2017(stand=None):
        page = client.get(reverse("dashboard:goal", args=["nrw", "2019", "19-07"]),
                          {"stand": stand} if stand else {})
        rows = page.context["row"].observations[observation.indicator_id]
        api = client.get("/api/v1/observations", {"indicator": observation.indicator_id,
                                                  **({"stand": stand} if stand else {})})
        from_api = [o["value"] for o in api.json()["items"] if o["date"] == "2017-12-31"]
        from_page = [float(r["value"]) for r in rows if str(r["date"]) == "2017-12-31"]
        assert from_page == from_api
        return from_page

    assert value_2017() == [96000001]
    assert value_2017("2020-01-01") == [96000000]
    assert {float(h.value) for h in observation.history.all()} == {96000000, 96000001}
