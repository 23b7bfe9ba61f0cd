"""Reads of the dialog that other apps show (the goal page's disputes)."""

from __future__ import annotations

from django.db.models import Prefetch

from leitstand.participation.models import Dispute, DisputeAnswer


def goal_disputes(goal) -> list[Dispute]:
    """The disputes of a goal's status with their official answers (one query, and one more
    for the answers only when there are disputes)."""
    return list(Dispute.objects.filter(goal=goal).select_related("participant")
                .prefetch_related(Prefetch("answers", queryset=DisputeAnswer.objects
                                           .select_related("organisation"))))
