import datetime as dt

from django.urls import reverse

from leitstand.monitoring.measurability import assess
from tests.conftest import staff_login


def test_a_vague_goal_meets_no_core_criterion():
    result = assess([], responsible=True, indicators_with_source=0, due=None)
    assert not result.measurable and result.score == 1  # only the responsible unit


def test_a_complete_target_is_measurable_and_scores_seven():
    target = {"metric": "Glasfaserquote", "value": 50.0, "unit": "percent",
              "deadline": dt.date(2026, 12, 31), "baseline_value": 18.0, "baseline_year": 2023,
              "comparator": "at_least", "factor": None}
    result = assess([target], responsible=True, indicators_with_source=1, due=None)
    assert result.measurable and result.score == 7 and result.met_before_set is False


def test_a_target_already_met_at_adoption_is_flagged():
    rank = {"metric": "Rang", "value": 3.0, "unit": "rank", "deadline": dt.date(2024, 12, 31),
            "baseline_value": 2.0, "baseline_year": 2019, "comparator": "at_most"}
    assert assess([rank], True, 0, None).met_before_set is True
    share = {"metric": "Anteil", "value": 40.0, "unit": "percent", "comparator": "at_least",
             "deadline": dt.date(2025, 1, 1), "baseline_value": None}
    observed = [(dt.date(2018, 1, 1), 45.0)]
    assert assess([share], True, 1, None, dt.date(2019, 4, 1), observed).met_before_set is True


def test_goal_page_and_filter_show_measurability(client, db):
    html = client.get(reverse("dashboard:goal", args=["nrw", "2019", "19-09"])).content.decode()
    assert "Messbarkeit" in html and "schon bei Aufstellung des Ziels erreicht" in html
    url = reverse("dashboard:goals", args=["nrw", "2019"])
    vague = {r.goal.code for r in client.get(url, {"measurable": "no"}).context["rows"]}
    measurable = {r.goal.code for r in client.get(url, {"measurable": "yes"}).context["rows"]}
    assert "19-23" in vague and "19-07" in measurable and not vague & measurable


def test_editors_tool_parses_a_pasted_goal(client, make_user):
    staff_login(client, make_user("redakteurin", units=["mwide"]))
    response = client.post(reverse("monitoring:measurability_tool"), {
        "text": "Bis Ende 2027 sollen mindestens 80 Prozent der Anträge digital eingehen."})
    assert response.status_code == 200
    target = response.context["target"]
    assert target["value"] == 80 and target["deadline"] == "2027-12-31"
    assert not response.context["result"].measurable  # no indicator yet


def test_editors_tool_needs_a_login(client, db):
    response = client.post(reverse("monitoring:measurability_tool"), {"text": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_goal_shows_last_and_next_assessment_and_editors_see_their_stale_goals(client, roles):
    html = client.get(reverse("dashboard:goal", args=["nrw", "2019", "19-18"])).content.decode()
    assert "Zuletzt bewertet" in html and "19. November 2021" in html and "veraltet" in html
    staff_login(client, roles["editor_b"])  # MKW
    rows = client.get(reverse("monitoring:stale_goals")).context["rows"]
    codes = {r.goal.code for r in rows}
    assert "19-18" in codes  # MKW shares it; assessed 11/2021, due 11/2022
    assert "19-07" not in codes  # MWIDE's alone (and achieved)
    assert all(r.stale for r in rows)
