"""Write use cases of the monitoring: each checks permission, validates, runs in one transaction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from leitstand.monitoring.models import Assessment
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import allowed


@transaction.atomic
def record_assessment(user, goal, **fields) -> Assessment:
    if not allowed(actor_for(user), "record_assessment", scope_of(goal)):
        raise PermissionDenied("You may not assess this goal.")
    assessment = Assessment(goal=goal, created_by=user, state=Assessment.DRAFT, **fields)
    assessment._history_user = user
    assessment.full_clean()
    assessment.save()
    return assessment


@transaction.atomic
def approve_assessment(user, assessment_id: int) -> Assessment:
    assessment = Assessment.objects.select_for_update().select_related("goal__edition").get(
        pk=assessment_id)
    if not allowed(actor_for(user), "approve_assessment", scope_of(assessment)):
        raise PermissionDenied("Only the unit's head or a strategy admin may approve.")
    if assessment.state == Assessment.APPROVED:
        raise ValidationError("This assessment is already approved.")
    assessment.state = Assessment.APPROVED
    assessment.approved_by = user
    assessment.approved_at = timezone.now()
    assessment._change_reason = "approved"
    assessment._history_user = user
    assessment.save()
    return assessment
