"""Writing and dropping status snapshots (see StatusSnapshot)."""

from __future__ import annotations

import contextvars
import datetime as dt

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from leitstand.monitoring import status_rules
from leitstand.monitoring.models import Observation, StatusSnapshot
from leitstand.register.models import Edition, Goal, Indicator, Target


@transaction.atomic
def take(day: dt.date) -> int:
    """Snapshots of every goal of every published edition for `day`."""
    from leitstand.monitoring.rows import goal_rows

    editions = {e.id: e for e in Edition.objects.filter(status=Edition.PUBLISHED)}
    StatusSnapshot.objects.filter(day=day, goal__edition__in=list(editions)).delete()
    made = []
    for edition in editions.values():
        for row in goal_rows(edition, today=day, live=True):
            verdict = row.computed
            made.append(StatusSnapshot(
                goal=row.goal, day=day, ruleset=status_rules.RULESET,
                computed_status=verdict.status, reason=verdict.reason, inputs=verdict.inputs,
                checks=[[c.key, c.ok] for c in row.measurability.checks],
                met_before_set=row.measurability.met_before_set,
                last_observed=row.last_observed))
    StatusSnapshot.objects.bulk_create(made, batch_size=2000)
    return len(made)


# Set while a backup is restored: restored snapshots are as valid as the rest of the data.
PAUSED = contextvars.ContextVar("snapshots_paused", default=False)


def drop_for_goals(goal_ids) -> None:
    StatusSnapshot.objects.filter(goal__in=list(goal_ids)).delete()


@receiver(post_save, sender=Observation)
@receiver(post_delete, sender=Observation)
def _observation_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        drop_for_goals(Target.objects.filter(indicators=instance.indicator_id)
                       .values_list("goal_id", flat=True))


@receiver(post_save, sender=Target)
@receiver(post_delete, sender=Target)
def _target_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        drop_for_goals([instance.goal_id])


@receiver(m2m_changed, sender=Target.indicators.through)
def _target_indicators_changed(sender, instance, **kwargs):
    if isinstance(instance, Target) and not PAUSED.get():
        drop_for_goals([instance.goal_id])


@receiver(post_save, sender=Goal)
def _goal_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        drop_for_goals([instance.id])


@receiver(post_save, sender=Indicator)
def _indicator_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        drop_for_goals(Target.objects.filter(indicators=instance).values_list("goal_id",
                                                                              flat=True))
