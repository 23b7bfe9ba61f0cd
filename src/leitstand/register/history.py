"""History records that name the acting role, not the person.

Every history table of the register and the monitoring carries `actor_role`,
stamped when the record is written ("Redaktion MWIDE",
"Strategie-Administration", "Datenimport"). The public history shows this
role; only editors see who exactly acted.
"""

from __future__ import annotations

from django.db import models
from django.dispatch import receiver
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record


class RoleStamp(models.Model):
    actor_role = models.CharField(max_length=200, blank=True)

    class Meta:
        abstract = True


def record_history(**kwargs) -> HistoricalRecords:
    return HistoricalRecords(bases=[RoleStamp], **kwargs)


def role_of(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return "Datenimport"
    if user.is_superuser:
        return "Administration"
    if user.administered_strategies.exists():
        return "Strategie-Administration"
    units = [str(m.organisation) for m in user.memberships.select_related("organisation")]
    return ("Redaktion " + ", ".join(sorted(units))) if units else "Redaktion"


@receiver(pre_create_historical_record)
def _stamp_role(sender, history_instance, history_user=None, **kwargs):
    if isinstance(history_instance, RoleStamp):
        history_instance.actor_role = role_of(history_user)
