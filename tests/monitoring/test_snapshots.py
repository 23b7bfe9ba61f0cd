"""Status snapshots only ever save time: pages show the same with and without them."""

import datetime as dt

from django.core.management import call_command
from django.utils import timezone

from leitstand.monitoring.models import Observation, StatusSnapshot
from leitstand.monitoring.rows import goal_rows
from leitstand.monitoring.status_rules import RULESET
from leitstand.register.models import Edition, Goal, Indicator


def _view(rows):
    return [(r.goal.code, r.status, r.rule, r.computed.status, r.computed.reason,
             r.measurability.score, r.measurability.met_before_set, r.last_assessed, r.stale)
            for r in rows]


def test_snapshot_rows_equal_live_rows_for_every_demo_edition(db):
    call_command("snapshot")
    for edition in Edition.objects.filter(status="published"):
        live = goal_rows(edition, live=True)
        snapped = goal_rows(edition)
        assert all(r.goal.snap_ruleset == RULESET for r in snapped)  # read from snapshots
        assert _view(snapped) == _view(live)


def test_snapshots_save_queries(db, django_assert_max_num_queries):
    edition = Edition.objects.get(strategy__slug="nrw", slug="2019")
    call_command("snapshot")
    with django_assert_max_num_queries(3):  # goals (with snapshots), units, assessments
        goal_rows(edition)


def test_a_new_observation_drops_the_snapshots_it_changes(db):
    call_command("snapshot")
    goal = Goal.objects.get(edition__slug="2019", code="19-07")
    before = StatusSnapshot.objects.count()
    Observation.objects.create(indicator=Indicator.objects.get(slug="wagniskapital"),
                               date=dt.date(2022, 12, 31), value=100,
                               source_url="https://example.org/vc")
    assert not StatusSnapshot.objects.filter(goal__targets__indicators__slug="wagniskapital")
    assert StatusSnapshot.objects.count() < before
    edition = goal.edition
    rows = {r.goal.code: r for r in goal_rows(edition)}
    assert rows["19-07"].computed.inputs["latest"] == 100  # computed live again


def test_snapshot_for_another_day_is_not_used_today(db):
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    call_command("snapshot", "--day", yesterday.isoformat())
    edition = Edition.objects.get(strategy__slug="musterstadt", slug="2024")
    assert all(r.goal.snap_ruleset is None for r in goal_rows(edition))
