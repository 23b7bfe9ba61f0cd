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


def _counted(rows):
    return [(r.goal.code, r.status, r.due, r.overdue, r.unit_slugs,
             sorted((k, a.id) for k, a in r.latest_by_assessor.items())) for r in rows]


def test_brief_rows_count_as_the_full_rows_from_snapshots_and_on_past_days(db):
    """What the overview, the goal list and the summary count (status, due date, overdue,
    units, each assessor's latest word) is the same in brief rows, which leave the reasons,
    the measurability and the review dates out."""
    call_command("snapshot")
    for edition in Edition.objects.filter(status="published"):
        for day in (None, edition.adopted_on + dt.timedelta(days=400)):
            brief = goal_rows(edition, today=day, brief=True)
            assert _counted(brief) == _counted(goal_rows(edition, today=day))
            assert all(r.measurability is None and r.next_review is None for r in brief)
        assert all(r.goal.snap_ruleset == RULESET and not hasattr(r.goal, "snap_inputs")
                   for r in goal_rows(edition, brief=True))  # the reasons not even read


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
    StatusSnapshot.objects.filter(day=timezone.localdate()).delete()
    call_command("snapshot", "--day", yesterday.isoformat())
    edition = Edition.objects.get(strategy__slug="musterstadt", slug="2024")
    assert all(r.goal.snap_ruleset is None for r in goal_rows(edition))


def _all_snapshotted(edition) -> bool:
    return all(r.goal.snap_ruleset == RULESET for r in goal_rows(edition))


def test_a_committed_change_renews_todays_snapshots(db, django_capture_on_commit_callbacks):
    """The first visitor after a change reads snapshots again, showing the change."""
    call_command("snapshot")
    goal = Goal.objects.get(edition__slug="2019", code="19-07")
    with django_capture_on_commit_callbacks(execute=True):
        Observation.objects.create(indicator=Indicator.objects.get(slug="wagniskapital"),
                                   date=dt.date(2022, 12, 31), value=100,
                                   source_url="https://example.org/vc")
    assert _all_snapshotted(goal.edition)
    rows = {r.goal.code: r for r in goal_rows(goal.edition)}
    assert rows["19-07"].computed.inputs["latest"] == 100
    assert _view(goal_rows(goal.edition)) == _view(goal_rows(goal.edition, live=True))


def test_an_approved_assessment_renews_the_published_status(db,
                                                            django_capture_on_commit_callbacks):
    from leitstand.monitoring.models import Assessment

    call_command("snapshot")
    edition = Edition.objects.get(strategy__slug="musterstadt", slug="2024")
    row = next(r for r in goal_rows(edition, live=True) if r.computed is None
               or r.computed.status not in ("achieved", "missed", "at_risk", "on_track"))
    new = "dropped" if row.status != "dropped" else "in_progress"
    with django_capture_on_commit_callbacks(execute=True):
        Assessment.objects.create(goal=row.goal, status=new, as_of=timezone.localdate(),
                                  assessor="Stadt", assessor_kind="government",
                                  evidence="Beschluss", state=Assessment.APPROVED,
                                  approved_at=timezone.now())
    snap = StatusSnapshot.objects.get(goal=row.goal, day=timezone.localdate())
    assert snap.status == new
    assert _all_snapshotted(edition)


def test_status_counts_from_snapshots_equal_the_computed_counts(db):
    from collections import Counter

    from leitstand.monitoring.summaries import status_counts

    call_command("snapshot")
    editions = list(Edition.objects.filter(status="published"))
    counts = status_counts([e.id for e in editions])
    for edition in editions:
        assert counts[edition.id] == Counter(r.status for r in goal_rows(edition, live=True))
    # an edition with one goal lacking its snapshot is left to the live computation
    StatusSnapshot.objects.filter(goal=Goal.objects.filter(edition=editions[0]).first()).delete()
    assert editions[0].id not in status_counts([e.id for e in editions])


def test_latest_assessments_are_the_overviews_latest(db):
    from leitstand.monitoring.summaries import latest_assessments

    for edition in Edition.objects.filter(status="published"):
        rows = goal_rows(edition)
        expected = sorted((a for r in rows for a in r.latest_by_assessor.values()),
                          key=lambda a: (a.as_of, a.created_at), reverse=True)[:6]
        assert [a.id for a in latest_assessments([edition.id])] == [a.id for a in expected]


def test_nights_without_change_extend_a_snapshot_instead_of_adding_rows(db):
    """The table grows with the changes, not with goals x days; every day still reads the
    same statuses from the snapshots as computed live for that day."""
    today = timezone.localdate()
    StatusSnapshot.objects.all().delete()
    days = [today - dt.timedelta(days=k) for k in (3, 2, 1, 0)]
    for day in days:  # four nights of the nightly job
        call_command("snapshot", "--day", day.isoformat())
    goals = Goal.objects.filter(edition__status="published").count()
    assert StatusSnapshot.objects.count() < 2 * goals  # not 4 x goals
    for edition in Edition.objects.filter(status="published"):
        for day in days:
            snapped = goal_rows(edition, today=day)
            assert all(r.goal.snap_ruleset == RULESET for r in snapped)
            assert _view(snapped) == _view(goal_rows(edition, today=day, live=True))


def test_a_deadline_passing_starts_a_new_snapshot(db):
    """The status of a goal changes on the day after its deadline: the snapshot before must
    not be extended over it."""
    from leitstand.register.models import Target

    target = Target.objects.filter(goal__edition__status="published", value__isnull=False,
                                   indicators__isnull=False).select_related("goal").first()
    deadline = timezone.localdate() - dt.timedelta(days=2)
    Target.objects.filter(pk=target.pk).update(deadline=deadline)  # no signal: data as given
    StatusSnapshot.objects.all().delete()
    for day in (deadline, deadline + dt.timedelta(days=1)):
        call_command("snapshot", "--day", day.isoformat())
    edition = target.goal.edition
    for day in (deadline, deadline + dt.timedelta(days=1)):
        snapped = {r.goal.id: r for r in goal_rows(edition, today=day)}
        live = {r.goal.id: r for r in goal_rows(edition, today=day, live=True)}
        assert snapped[target.goal_id].computed.inputs == live[target.goal_id].computed.inputs
