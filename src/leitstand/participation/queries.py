"""Reads of the dialog that other apps show (the goal page's disputes)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery

from leitstand.participation.models import Dispute, DisputeAnswer


def with_dispute_count():
    """An annotation for a goal query: how many disputes the goal has. The goal page asks
    for the disputes themselves only when there are any (its query budget)."""
    counted = (Dispute.objects.filter(goal=OuterRef("pk")).order_by().values("goal")
               .annotate(n=Count("pk")).values("n"))
    return Subquery(counted, output_field=IntegerField())


def goal_disputes(goal, stand=None) -> list[Dispute]:
    """The disputes of a goal's status with their official answers, as known on `stand`."""
    disputes = Dispute.objects.filter(goal=goal)
    answers = DisputeAnswer.objects.select_related("organisation")
    if stand:
        from leitstand.monitoring.models import end_of_day

        disputes = disputes.filter(created_at__lt=end_of_day(stand))
        answers = answers.filter(answered_at__lt=end_of_day(stand))
    return list(disputes.select_related("participant")
                .prefetch_related(Prefetch("answers", queryset=answers)))
