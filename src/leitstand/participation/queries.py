"""Reads of the dialog that other apps show (the goal page's disputes, the start page's
consultations)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, Max, Min, OuterRef, Prefetch, Subquery
from django.utils import timezone

from leitstand.participation.models import Consultation, Dispute, DisputeAnswer


def count_per(rows, field: str) -> Subquery:
    """An annotation: how many of `rows` point with `field` at the annotated row (None for
    none). Counting inside the main query keeps a page within its query budget."""
    counted = (rows.filter(**{field: OuterRef("pk")}).order_by().values(field)
               .annotate(n=Count("pk")).values("n"))
    return Subquery(counted, output_field=IntegerField())


def with_dispute_count() -> Subquery:
    """For a goal query: the goal page asks for the disputes only when there are any."""
    return count_per(Dispute.objects.all(), "goal")


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


def running_consultations(now=None) -> list[Consultation]:
    """Consultations that have not ended, with `begins` and `ends` (their first phase's
    start and last phase's end), the running ones first. The start page names them with
    their dates, so a cached copy stays true until one ends."""
    now = now or timezone.now()
    return list(Consultation.objects.annotate(begins=Min("phases__starts_at"),
                                              ends=Max("phases__ends_at"))
                .filter(ends__gt=now).select_related("edition__strategy")
                .order_by("begins", "pk"))
