"""Builds the permission Actor and an object's Scope from the database, and limits querysets
to an actor's reach: the database edge of the pure rules in permissions.py."""

from __future__ import annotations

from django.db.models import Q

from leitstand.register import models as m
from leitstand.register.permissions import ANONYMOUS, Actor, Scope, reach


def actor_for(user) -> Actor:
    if user is None or not user.is_authenticated:
        return ANONYMOUS
    cached = getattr(user, "_leitstand_actor", None)
    if cached is not None:
        return cached
    roles = list(user.memberships.values_list("organisation_id", "role"))
    actor = Actor(
        authenticated=True,
        superuser=user.is_superuser,
        unit_ids=frozenset(o for o, _ in roles),
        head_unit_ids=frozenset(o for o, r in roles if r == "head"),
        admin_strategy_ids=frozenset(user.administered_strategies.values_list("id", flat=True)),
    )
    user._leitstand_actor = actor
    return actor


def _units(obj) -> frozenset:
    """The responsible units of a saved object; an unsaved one has none yet."""
    if obj.pk is None:
        return frozenset()
    return frozenset(obj.responsible_units.values_list("id", flat=True))


def within_reach(queryset, actor: Actor, strategy_path: str, unit_path: str = ""):
    """The objects of the queryset that lie within the actor's reach (permissions.reach):
    all for a superuser, else those of the strategies they administer or, with a
    `unit_path`, of their units."""
    where = reach(actor)
    if where.everything:
        return queryset
    condition = Q(**{f"{strategy_path}__in": where.strategy_ids})
    if unit_path:
        condition |= Q(**{f"{unit_path}__in": where.unit_ids})
    return queryset.filter(condition).distinct()


def scope_of(obj) -> Scope:
    """The strategy and units an object belongs to.

    Objects of the apps above the register (assessments, observations, consultations) name the
    register object whose scope they share with a method `scope_owner()`; so the register
    knows nothing of them."""
    if isinstance(obj, m.Strategy):
        return Scope(obj.id)
    if isinstance(obj, (m.Edition, m.Indicator)):
        units = _units(obj) if isinstance(obj, m.Indicator) else frozenset()
        return Scope(obj.strategy_id, units)
    if isinstance(obj, (m.Section, m.Guideline)):
        return Scope(obj.edition.strategy_id)
    if isinstance(obj, (m.Goal, m.Measure)):
        return Scope(obj.edition.strategy_id, _units(obj))
    if isinstance(obj, m.Target):
        return scope_of(obj.goal)
    if isinstance(obj, m.GoalLink):
        return scope_of(obj.goal or obj.previous)
    if isinstance(obj, m.Paragraph):
        return Scope(obj.section.edition.strategy_id)
    if hasattr(obj, "scope_owner"):
        return scope_of(obj.scope_owner())
    return Scope(None)
