"""Builds the permission Actor and an object's Scope from the database (the edge of rules.py)."""

from __future__ import annotations

from leitstand.register import models as m
from leitstand.register.permissions import ANONYMOUS, Actor, Scope


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


def _units(manager) -> frozenset:
    return frozenset(manager.values_list("id", flat=True))


def scope_of(obj) -> Scope:
    """The strategy and units an object of the register or the monitoring belongs to."""
    from leitstand.monitoring.models import Assessment, Observation

    if isinstance(obj, m.Strategy):
        return Scope(obj.id)
    if isinstance(obj, (m.Edition, m.Indicator)):
        units = _units(obj.responsible_units) if isinstance(obj, m.Indicator) else frozenset()
        return Scope(obj.strategy_id, units)
    if isinstance(obj, (m.Section, m.Guideline)):
        return Scope(obj.edition.strategy_id)
    if isinstance(obj, (m.Goal, m.Measure)):
        return Scope(obj.edition.strategy_id, _units(obj.responsible_units))
    if isinstance(obj, (m.Target, Assessment)):
        return scope_of(obj.goal)
    if isinstance(obj, Observation):
        return scope_of(obj.indicator)
    if isinstance(obj, m.GoalLink):
        return scope_of(obj.goal or obj.previous)
    if isinstance(obj, m.Paragraph):
        return Scope(obj.section.edition.strategy_id)
    from leitstand.participation.models import Consultation

    if isinstance(obj, Consultation):
        return Scope(obj.edition.strategy_id)
    return Scope(None)
