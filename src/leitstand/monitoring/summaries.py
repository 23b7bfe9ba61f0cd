"""The edition summary: counts with their denominator, as the overview shows them."""

from __future__ import annotations

from collections import Counter

from django.utils import timezone

from leitstand.monitoring.aggregates import count_by
from leitstand.monitoring.models import known_day
from leitstand.monitoring.rows import goal_rows
from leitstand.register.models import Edition


def field_of_action(section) -> str:
    """The slug of the field of action a goal's section belongs to; "" for none."""
    return section.field_of_action.slug if section is not None else ""


def edition_summary(edition: Edition, rows=None, today=None) -> dict:
    today = known_day(today)
    rows = rows if rows is not None else goal_rows(edition, today=today, brief=True)

    def tally(keys_of):
        return {c.key: c.n for c in sorted(count_by(rows, keys_of, str), key=lambda c: c.key)}

    return {
        "edition": edition.id,
        "as_of": (today or timezone.localdate()).isoformat(),
        "denominator": len(rows),
        "by_status": tally(lambda r: r.status),
        "by_horizon": tally(lambda r: r.goal.horizon or "none"),
        "by_section": tally(lambda r: field_of_action(r.goal.section)),
        "by_unit": tally(lambda r: r.unit_slugs),
    }


def status_counts(edition_ids, day=None) -> dict[int, Counter]:
    """Goals per published status, by edition, counted by the database from the day's
    snapshots; an edition is left out unless every one of its goals has a snapshot with a
    status (its counts then come from goal_rows). For the home page of an instance with a
    thousand strategies: one query instead of computing 100,000 goals."""
    from django.db.models import Count, F, FilteredRelation, Q

    from leitstand.monitoring import status_rules
    from leitstand.monitoring.models import StatusSnapshot
    from leitstand.register.models import Goal

    day = known_day(day) or timezone.localdate()
    counts: dict[int, Counter] = {}
    incomplete = set()
    for edition_id, status, n in Goal.objects.filter(edition__in=list(edition_ids)).annotate(
            snap=FilteredRelation("snapshots", condition=StatusSnapshot.holding_on(
                day, "snapshots__") & Q(snapshots__ruleset=status_rules.RULESET))).values(
            "edition_id", snap_status=F("snap__status")).annotate(n=Count("id")).values_list(
            "edition_id", "snap_status", "n"):
        if status:
            counts.setdefault(edition_id, Counter())[status] += n
        else:  # a goal without that day's snapshot (or one written before statuses were)
            incomplete.add(edition_id)
    return {e: c for e, c in counts.items() if e not in incomplete}


def latest_assessments(edition_ids, day=None, n: int = 6) -> list:
    """The n most recent public assessments of these editions that no correction replaced,
    one per goal and assessor (as GoalRow.latest_by_assessor holds them), newest first."""
    from django.db.models import Exists, OuterRef

    from leitstand.monitoring.models import Assessment

    public = Assessment.objects.public(day)
    candidates = public.filter(goal__edition__in=list(edition_ids)).exclude(
        Exists(public.filter(replaces=OuterRef("pk")))).select_related("goal").order_by(
        "-as_of", "-created_at")
    latest, seen = [], set()
    for a in candidates[:n * 5]:
        if (a.goal_id, a.assessor) not in seen:
            seen.add((a.goal_id, a.assessor))
            latest.append(a)
    return latest[:n]
