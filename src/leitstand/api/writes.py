"""The REST API's writing endpoints: an editor's API token, the same permission rules and
the same service functions as the editors' pages."""

from django.shortcuts import get_object_or_404
from ninja import Status
from ninja.security import HttpBearer

from leitstand.api.routes import router
from leitstand.api.schemas import (
    WRITE_ERRORS,
    AssessmentIn,
    AssessmentOut,
    Id,
    MeasureOut,
    MeasureStatusIn,
    ObservationIn,
    ObservationOut,
    assessment_out,
    measure_out,
)
from leitstand.api.tokens import user_for_token
from leitstand.monitoring import services as monitoring
from leitstand.register import services as register
from leitstand.register.models import Goal, Indicator, Measure


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user



@router.post("/observations", auth=TokenAuth(), response={201: ObservationOut, **WRITE_ERRORS},
          tags=["write"])
def record_observation(request, data: ObservationIn):
    """Records a value of an indicator (a value for the same day replaces the earlier one;
    the history keeps both)."""
    indicator = get_object_or_404(Indicator, pk=data.indicator)
    observation, _created = monitoring.record_observation(
        request.user, indicator, data.date, value=data.value, source_url=data.source_url,
        note=data.note)
    return Status(201, {
        "id": observation.id, "indicator": indicator.id, "date": observation.date,
        "value": float(observation.value), "source_url": observation.source_url,
        "note": observation.note, "recorded_at": observation.recorded_at})


@router.post("/assessments", auth=TokenAuth(), response={201: AssessmentOut, **WRITE_ERRORS},
          tags=["write"])
def record_assessment(request, data: AssessmentIn):
    """Records a draft assessment; it is published when the unit's head approves it."""
    goal = get_object_or_404(Goal, pk=data.goal)
    assessment = monitoring.record_assessment(
        request.user, goal, status=data.status, as_of=data.as_of, assessor=data.assessor,
        assessor_kind=data.assessor_kind, evidence=data.evidence,
        evidence_links="\n".join(data.links))
    return Status(201, assessment_out(assessment))


@router.patch("/measures/{pk}", auth=TokenAuth(), response={200: MeasureOut, **WRITE_ERRORS},
           tags=["write"])
def set_measure_status(request, pk: Id, data: MeasureStatusIn):
    """Sets the state of a measure of the token owner's units."""
    measure = get_object_or_404(Measure, pk=pk)
    measure.status = data.status
    return measure_out(register.save_measure(request.user, measure))
