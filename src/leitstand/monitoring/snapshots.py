"""Writing, dropping and renewing status snapshots (see StatusSnapshot).

A change to what a goal's status rests on (an observation, target, indicator, the goal or an
assessment) drops the goal's snapshots at once, in the change's transaction, and after the
commit computes today's snapshot of those goals anew: the first visitor after a change reads a
snapshot, not every observation of the edition, and the counts the database makes from
snapshots (home page, API filters) stay whole.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from leitstand.monitoring import status_rules
from leitstand.monitoring.models import Assessment, Observation, StatusSnapshot
from leitstand.register.models import Edition, Goal, Indicator, Target


@transaction.atomic
def take(day: dt.date) -> int:
    """Snapshots of every goal of every published edition for `day`: a goal whose snapshot
    held through the day before with the same content has it extended to `day`; the others
    get a new one. Taking a day again replaces what it had. Returns the goals covered."""
    from leitstand.monitoring.rows import goal_rows

    editions = {e.id: e for e in Edition.objects.filter(status=Edition.PUBLISHED)}
    ours = StatusSnapshot.objects.filter(goal__edition__in=list(editions))
    ours.filter(day=day).delete()
    ours.filter(day__lt=day, until__gte=day).update(until=day - dt.timedelta(days=1))
    before = {s.goal_id: s for s in ours.filter(until=day - dt.timedelta(days=1))}
    made, extended = [], []
    for edition in editions.values():
        for row in goal_rows(edition, today=day, live=True):
            snap = _snapshot(row, day)
            previous = before.get(row.goal.id)
            if previous is not None and _same(previous, snap):
                extended.append(previous.id)
            else:
                made.append(snap)
    for start in range(0, len(extended), 10_000):
        StatusSnapshot.objects.filter(id__in=extended[start:start + 10_000]).update(until=day)
    StatusSnapshot.objects.bulk_create(made, batch_size=2000)
    return len(made) + len(extended)


CONTENT = ["ruleset", "computed_status", "reason", "inputs", "checks", "met_before_set",
           "last_observed", "status"]


def _same(a: StatusSnapshot, b: StatusSnapshot) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in CONTENT)


def _snapshot(row, day) -> StatusSnapshot:
    verdict = row.computed
    return StatusSnapshot(
        goal=row.goal, day=day, until=day, ruleset=status_rules.RULESET,
        computed_status=verdict.status,
        reason=verdict.reason, inputs=verdict.inputs,
        checks=[[c.key, c.ok] for c in row.measurability.checks],
        met_before_set=row.measurability.met_before_set, last_observed=row.last_observed,
        status=row.status)


def renew(goal_ids) -> int:
    """Today's snapshots of these goals (of published editions), computed now."""
    from django.utils import timezone

    from leitstand.monitoring.rows import goal_rows

    today = timezone.localdate()
    by_edition: dict[int, list] = {}
    for goal_id, edition_id in Goal.objects.filter(
            id__in=list(goal_ids), edition__status=Edition.PUBLISHED).values_list(
            "id", "edition_id"):
        by_edition.setdefault(edition_id, []).append(goal_id)
    editions = Edition.objects.filter(id__in=list(by_edition)).select_related("strategy")
    made = [_snapshot(row, today) for edition in editions
            for row in goal_rows(edition, Goal.objects.filter(id__in=by_edition[edition.id]),
                                 today=today, live=True)]
    with transaction.atomic():
        StatusSnapshot.objects.filter(StatusSnapshot.holding_on(today),
                                      goal__in=[s.goal_id for s in made]).delete()
        StatusSnapshot.objects.bulk_create(made)
    return len(made)


class _Pending(threading.local):
    goal_ids: set | None = None


_pending = _Pending()


def changed(goal_ids) -> None:
    """The data behind these goals changed: drop their snapshots now, renew today's after the
    commit (once per transaction for all goals it changed, however many rows it wrote)."""
    goal_ids = set(goal_ids)
    if not goal_ids:
        return
    drop_for_goals(goal_ids)
    if _pending.goal_ids is None:
        _pending.goal_ids = set()
    _pending.goal_ids |= goal_ids
    transaction.on_commit(_renew_pending, robust=True)


def _renew_pending() -> None:
    ids, _pending.goal_ids = _pending.goal_ids, None
    if ids:  # the first callback of a transaction renews all; the others find nothing left
        renew(ids)


# Set while a backup is restored: restored snapshots are as valid as the rest of the data.
PAUSED = contextvars.ContextVar("snapshots_paused", default=False)


def drop_for_goals(goal_ids) -> None:
    StatusSnapshot.objects.filter(goal__in=list(goal_ids)).delete()


@receiver(post_save, sender=Observation)
@receiver(post_delete, sender=Observation)
def _observation_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(Target.objects.filter(indicators=instance.indicator_id)
                .values_list("goal_id", flat=True))


@receiver(post_save, sender=Target)
@receiver(post_delete, sender=Target)
def _target_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed([instance.goal_id])


@receiver(m2m_changed, sender=Target.indicators.through)
def _target_indicators_changed(sender, instance, **kwargs):
    if isinstance(instance, Target) and not PAUSED.get():
        changed([instance.goal_id])


@receiver(post_save, sender=Goal)
def _goal_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed([instance.id])


@receiver(post_save, sender=Indicator)
def _indicator_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        changed(Target.objects.filter(indicators=instance).values_list("goal_id", flat=True))


@receiver(post_save, sender=Assessment)
@receiver(post_delete, sender=Assessment)
def _assessment_changed(sender, instance, raw=False, **kwargs):
    if not raw:  # the published status may rest on it
        changed([instance.goal_id])
