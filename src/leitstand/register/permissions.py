"""Who may do what: one named rule per action, pure functions over an Actor.

Views, the admin and services ask `allowed(actor, action, scope)`; nothing
else decides permissions. An editor acts for the units they belong to; a
unit's head may also approve its assessments; a strategy admin may do
everything within their strategy; a superuser everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Actor:
    authenticated: bool = False
    superuser: bool = False
    unit_ids: frozenset = field(default_factory=frozenset)
    head_unit_ids: frozenset = field(default_factory=frozenset)
    admin_strategy_ids: frozenset = field(default_factory=frozenset)

    @property
    def is_staff_role(self) -> bool:
        return self.superuser or bool(self.unit_ids or self.admin_strategy_ids)


ANONYMOUS = Actor()


@dataclass(frozen=True)
class Scope:
    """Where an object belongs: its strategy and its responsible units."""

    strategy_id: int | None
    unit_ids: frozenset = field(default_factory=frozenset)


def _admin(actor: Actor, scope: Scope) -> bool:
    return actor.superuser or scope.strategy_id in actor.admin_strategy_ids


def _unit_editor(actor: Actor, scope: Scope) -> bool:
    return _admin(actor, scope) or bool(actor.unit_ids & scope.unit_ids)


def _unit_head(actor: Actor, scope: Scope) -> bool:
    return _admin(actor, scope) or bool(actor.head_unit_ids & scope.unit_ids)


def _superuser(actor: Actor, scope: Scope) -> bool:
    return actor.superuser


def _any_admin(actor: Actor, scope: Scope) -> bool:
    return actor.superuser or bool(actor.admin_strategy_ids)


# action -> rule. Every state-changing URL names one of these.
RULES = {
    "change_strategy": _admin,
    "change_edition": _admin,
    "change_section": _admin,
    "change_guideline": _admin,
    "add_goal": _admin,
    "change_goal": _unit_editor,
    "delete_goal": _admin,
    "change_target": _unit_editor,
    "change_measure": _unit_editor,
    "change_indicator": _unit_editor,
    "change_observation": _unit_editor,
    "record_assessment": _unit_editor,
    "approve_assessment": _unit_head,
    "confirm_lineage": _unit_editor,
    "moderate_consultation": _admin,
    "take_up_proposal": _admin,
    "export_results": _admin,
    "answer_dispute": _unit_editor,
    # A strategy document brought in through the browser (leitstand.onboarding): the
    # strategy's admins upload, decide on candidates and units, and publish; the goals'
    # units review their goals (change_goal). A new strategy: anyone who admins one.
    "upload_document": _admin,
    "create_strategy": _any_admin,
    "publish_edition": _admin,
    "change_organisation": _superuser,
    "change_membership": _superuser,
}


def allowed(actor: Actor, action: str, scope: Scope) -> bool:
    return RULES[action](actor, scope)


def answering_units(actor: Actor, scope: Scope) -> frozenset:
    """The responsible units in whose name the actor may answer a dispute: every one of them
    for a strategy admin, else those they belong to."""
    if not allowed(actor, "answer_dispute", scope):
        return frozenset()
    return scope.unit_ids if _admin(actor, scope) else scope.unit_ids & actor.unit_ids


@dataclass(frozen=True)
class Reach:
    """Where an actor acts: everything, or the strategies they administer and the units they
    belong to. Lists of editors' pages show what lies within it."""

    everything: bool
    strategy_ids: frozenset = field(default_factory=frozenset)
    unit_ids: frozenset = field(default_factory=frozenset)


def reach(actor: Actor) -> Reach:
    return Reach(actor.superuser, actor.admin_strategy_ids, actor.unit_ids)
