"""Reads of the dialog that other apps show (the goal page's disputes, the home page's open
consultations)."""

from __future__ import annotations

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery

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


def open_consultations(now=None) -> list[dict]:
    """Consultations in a phase now, each with that phase (for the home page)."""
    from django.utils import timezone

    from leitstand.participation import services, windows

    now = now or timezone.now()
    found = []
    for consultation in Consultation.objects.select_related("edition__strategy") \
            .prefetch_related("phases"):
        phase = windows.current(services.phase_windows(consultation), now)
        if phase is not None:
            found.append({"consultation": consultation, "phase": phase})
    return found
