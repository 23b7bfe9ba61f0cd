"""Write use cases of the register: suggesting and confirming edition lineage."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from leitstand.register import lineage
from leitstand.register import models as m
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import allowed


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
