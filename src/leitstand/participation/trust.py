"""Whom the moderation trusts, and what follows from it – kept apart from the writes so
that the rules read in one place.

A report counts towards holding a post only when its reporter is trusted: a confirmed
address, an account older than seven days and none of their own posts hidden. Three such
reports hold a post for a moderator; nothing is ever hidden without one. A blocked
participant's new posts wait for a moderator in the blocking strategy's consultations.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leitstand.participation.models import Block, Comment, Content, Participant, Proposal

TRUSTED_AFTER = dt.timedelta(days=7)
REPORTS_TO_HOLD = 3


def trusted_ids(participant_ids, now=None) -> set[int]:
    """Those of `participant_ids` whom the moderation trusts now."""
    now = now or timezone.now()
    candidates = set(Participant.objects.filter(
        pk__in=[p for p in participant_ids if p], email__isnull=False,
        verified_at__isnull=False, created_at__lte=now - TRUSTED_AFTER)
        .values_list("pk", flat=True))
    hidden = set(Comment.objects.filter(participant__in=candidates, state=Content.HIDDEN)
                 .values_list("participant", flat=True)) | set(
        Proposal.objects.filter(participant__in=candidates, state=Content.HIDDEN)
        .values_list("participant", flat=True))
    return candidates - hidden


def hold_if_reported(item) -> bool:
    """Holds a visible comment or proposal for a moderator once three different trusted
    participants reported it (open reports only); True if it was held now."""
    reporters = item.reports.filter(resolved_at__isnull=True).values_list("reporter", flat=True)
    if item.state != Content.VISIBLE or len(trusted_ids(set(reporters))) < REPORTS_TO_HOLD:
        return False
    return bool(type(item).objects.filter(pk=item.pk, state=Content.VISIBLE)
                .update(state=Content.HELD))


def active_block(participant, strategy_id: int) -> Block | None:
    if participant is None or participant.pk is None:
        return None
    return Block.objects.filter(participant=participant, strategy_id=strategy_id,
                                lifted_at__isnull=True).first()

