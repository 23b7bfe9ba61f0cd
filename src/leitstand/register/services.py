"""Write use cases of the register: goals, targets and measures (each checks permission,
validates, stamps the role in the history, in one transaction), and edition lineage.

The admin, the bulk upload, the API and the loaders write goals, targets and measures only
through these. `user` SYSTEM (None) is a loader: no permission to check, the history names
"Datenimport".
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.register import lineage
from leitstand.register import models as m
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import Scope, allowed

SYSTEM = None


def strategy_unit_ids(strategy_id) -> frozenset:
    """The units that belong to a strategy: responsible for one of its goals, measures or
    indicators, or its owner."""
    return frozenset(m.Organisation.objects.filter(
        Q(goals__edition__strategy=strategy_id) | Q(measures__edition__strategy=strategy_id)
        | Q(indicators__strategy=strategy_id) | Q(owned_strategies=strategy_id))
        .values_list("id", flat=True))


def check_write(user, action: str, after: Scope, before: Scope | None, message: str) -> None:
    """Whether `user` may write an object that belonged to `before` (None: it is new) and
    will belong to `after` – judged on every foreign key, not only on the object: the rule
    must allow the object where it was and where it goes; it may move into another strategy
    only for an admin of that strategy; and a unit made newly responsible must belong to the
    strategy (only a superuser brings in a unit from elsewhere). Issue 20, finding 2: an
    editor of a city office moved a city goal into the NRW strategy and named an NRW
    ministry responsible, because only "one of my units stays responsible" was checked."""
    if user is SYSTEM:
        return
    actor = actor_for(user)
    if not allowed(actor, action, after) or (before is not None
                                             and not allowed(actor, action, before)):
        raise PermissionDenied(message)
    if actor.superuser:
        return
    if before is not None and before.strategy_id != after.strategy_id and not allowed(
            actor, "change_strategy", after):
        raise PermissionDenied(_("This cannot be moved into another strategy."))
    added = after.unit_ids - (before.unit_ids if before is not None else frozenset())
    if added - strategy_unit_ids(after.strategy_id):
        raise PermissionDenied(_("A responsible unit must belong to this strategy."))


def _stored_scope(obj) -> Scope | None:
    """The scope of the object as it is in the database (None for a new one)."""
    if obj.pk is None:
        return None
    stored = type(obj).objects.filter(pk=obj.pk).first()
    return scope_of(stored) if stored is not None else None


def _write(user, obj, action: str, message: str, units=None):
    """`units`, where given, are the object's responsible units from now on: the permission
    is judged with them (a new object has none yet), and they are set after the save."""
    scope = scope_of(obj)
    before = _stored_scope(obj)
    if units is not None:
        scope = Scope(scope.strategy_id, frozenset(u.pk for u in units))
    elif before is not None:  # the units stay as they are
        scope = Scope(scope.strategy_id, before.unit_ids)
    check_write(user, action, scope, before, message)
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
