import datetime as dt
from types import SimpleNamespace

from leitstand.monitoring.status import published_status

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def a(id, status, as_of, kind="government", replaces=None, created=0):
    return SimpleNamespace(id=id, status=status, as_of=dt.date.fromisoformat(as_of),
                           created_at=T0 + dt.timedelta(seconds=created), assessor_kind=kind,
                           replaces_id=replaces)


def test_without_assessment_a_goal_is_not_assessed():
    assert published_status([]).code == "not_assessed"


def test_latest_government_assessment_gives_the_status():
    items = [a(1, "in_progress", "2021-01-01"), a(2, "achieved", "2022-01-01")]
    assert published_status(items).code == "achieved"


def test_third_party_assessments_never_change_the_published_status():
    items = [a(1, "on_track", "2021-01-01"), a(2, "missed", "2023-01-01", kind="third_party")]
    assert published_status(items).code == "on_track"


def test_a_correction_replaces_the_assessment_it_names():
    items = [a(1, "achieved", "2022-01-01"), a(2, "in_progress", "2021-06-01", replaces=1)]
    assert published_status(items).code == "in_progress"
