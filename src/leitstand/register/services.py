"""Write use cases of the register: goals, targets and measures (each checks permission,
validates, stamps the role in the history, in one transaction), and edition lineage.

The admin, the bulk upload, the API and the loaders write goals, targets and measures only
through these. `user` SYSTEM (None) is a loader: no permission to check, the history names
"Datenimport".
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from leitstand.register import lineage
from leitstand.register import models as m
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import Scope, allowed

SYSTEM = None


def _write(user, obj, action: str, message: str, units=None):
    """`units`, where given, are the object's responsible units from now on: the permission
    is judged with them (a new object has none yet), and they are set after the save."""
    scope = scope_of(obj)
    if units is not None:
        scope = Scope(scope.strategy_id, frozenset(u.pk for u in units))
    if user is not SYSTEM and not allowed(actor_for(user), action, scope):
        raise PermissionDenied(message)
    obj._history_user = user
    obj.full_clean()
    obj.save()
    if units is not None:
        obj.responsible_units.set(units)
    return obj


@transaction.atomic
def save_goal(user, goal: m.Goal, units=None) -> m.Goal:
    """A new goal (strategy admins) or a changed one (its units' editors too)."""
    action = "change_goal" if goal.pk else "add_goal"
    return _write(user, goal, action, "You may not change this goal.", units)


@transaction.atomic
def save_target(user, target: m.Target) -> m.Target:
    return _write(user, target, "change_target", "Your units are not responsible for this goal.")


@transaction.atomic
def save_measure(user, measure: m.Measure, units=None) -> m.Measure:
    return _write(user, measure, "change_measure",
                  "Your units are not responsible for this measure.", units)


def _texts(edition) -> list[lineage.GoalText]:
    goals = m.Goal.objects.filter(edition=edition).prefetch_related("targets")
    return [lineage.GoalText(g.id, f"{g.title} {g.text}", tuple(
        (t.unit, float(t.value) if t.value is not None else None, t.deadline)
        for t in g.targets.all())) for g in goals]


@transaction.atomic
def suggest_lineage(edition: m.Edition) -> int:
    """Stores suggestions for the goals of `edition` against its previous edition.
    Confirmed links are kept as they are; unconfirmed ones are replaced."""
    if edition.previous_id is None:
        return 0
    m.GoalLink.objects.filter(edition=edition, confirmed_at__isnull=True).delete()
    confirmed = set(m.GoalLink.objects.filter(edition=edition).values_list("goal", "previous"))
    made = 0
    for s in lineage.suggest(_texts(edition), _texts(edition.previous)):
        if (s.goal, s.previous) in confirmed:
            continue
        m.GoalLink.objects.create(edition=edition, goal_id=s.goal, previous_id=s.previous,
                                  kind=s.kind, similarity=s.similarity)
        made += 1
    return made


def _link_scope(link):
    return scope_of(link.goal or link.previous)


@transaction.atomic
def confirm_link(user, link_id: int, kind: str | None = None) -> m.GoalLink:
    link = m.GoalLink.objects.select_for_update(of=("self",)).select_related(
        "goal__edition", "previous__edition").get(pk=link_id)
    if not allowed(actor_for(user), "confirm_lineage", _link_scope(link)):
        raise PermissionDenied("You may not confirm this link.")
    if kind is not None:
        if kind not in dict(m.GoalLink.KINDS):
            raise ValidationError(f"unknown kind {kind!r}")
        link.kind = kind
    link.confirmed_by = user
    link.confirmed_at = timezone.now()
    link._history_user = user
    link.save()
    return link
