"""Write use cases of the monitoring: each checks permission, validates, runs in one transaction,
stamps time and role, and leaves a version in the history.

These are the only writes of observations and assessments: the admin, the editors' pages,
the API, the bulk upload and the loaders all call them. `user` is the acting person; the
loaders pass SYSTEM (None): no permission to check, the history names "Datenimport".
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import allowed
from leitstand.register.services import check_write

SYSTEM = None
OBSERVED = ("indicator_id", "date", "value", "source_url", "note")


def _check(user, action: str, owner, message: str, before_owner=None) -> None:
    """The permission where the record is going (`owner`, its indicator or goal) and, for a
    changed record, where it was: a record cannot be moved out of or into another's reach."""
    check_write(user, action, scope_of(owner),
                scope_of(before_owner) if before_owner is not None else None, message)


def _stored_owner(model, pk, field: str):
    stored = model.objects.filter(pk=pk).select_related(field).first() if pk else None
    return getattr(stored, field) if stored is not None else None


@transaction.atomic
def save_observation(user, observation: Observation,
                     known_since: dt.datetime | None = None) -> bool:
    """Writes a new or changed observation; returns whether anything was written.

    `recorded_at` – when the value became known, what "Stand am" reads – is now for every
    write, so that a correction is never shown for a day before it was made. Only a new
    observation may give an earlier `known_since` (a loader's published figure)."""
    _check(user, "change_observation", observation.indicator,
           "Your units do not report this indicator.",
           _stored_owner(Observation, observation.pk, "indicator"))
    before = (Observation.objects.select_for_update().filter(pk=observation.pk)
              .values(*OBSERVED).first() if observation.pk else None)
    if before is not None and all(before[f] == getattr(observation, f) for f in OBSERVED):
        return False  # the same value again: no new version
    observation.recorded_at = (known_since if before is None and known_since
                               else timezone.now())
    observation._history_user = user
    observation.full_clean()
    observation.save()
    return True


def record_observation(user, indicator, date: dt.date, *, value, source_url: str,
                       note: str | None = None,
                       known_since: dt.datetime | None = None) -> tuple[Observation, bool]:
    """The value of an indicator for a day: a new observation, or a correction of the one
    recorded for that day (the history keeps both). Returns it and whether it is new."""
    with transaction.atomic():
        observation = Observation.objects.select_for_update().filter(
            indicator=indicator, date=date).first()
        created = observation is None
        if created:
            observation = Observation(indicator=indicator, date=date)
        observation.value, observation.source_url = value, source_url
        if note is not None:
            observation.note = note
        save_observation(user, observation, known_since)
    return observation, created


@transaction.atomic
def save_assessment(user, assessment: Assessment) -> Assessment:
    """Writes a new or changed draft assessment (an approved one is append-only: the model
    refuses the change; a correction is a new assessment that replaces it)."""
    _check(user, "record_assessment", assessment.goal, "You may not assess this goal.",
           _stored_owner(Assessment, assessment.pk, "goal"))
    if assessment.pk is None and user is not SYSTEM:
        assessment.created_by = user
    assessment._history_user = user
    assessment.full_clean()
    assessment.save()
    return assessment


def record_assessment(user, goal, **fields) -> Assessment:
    """A new draft assessment; the unit's head approves it (approve_assessment)."""
    return save_assessment(user, Assessment(goal=goal, state=Assessment.DRAFT, **fields))


@transaction.atomic
def record_published_assessment(goal, published_at: dt.datetime, **fields) -> Assessment:
    """An assessment a public source has published (loaders only): approved as of its
    publication, so that "Stand am" a day before it shows the goal without it."""
    assessment = Assessment(goal=goal, state=Assessment.APPROVED, approved_at=published_at,
                            **fields)
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
