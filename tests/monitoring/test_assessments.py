import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from leitstand.monitoring import services
from leitstand.monitoring.models import AppendOnlyError, Assessment
from leitstand.monitoring.rows import goal_rows
from leitstand.register.models import Goal


@pytest.fixture
def goal(db):
    """MWIDE's 5G goal: no measurable target, so assessments decide its status."""
    return Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-06")


def _draft(user, goal, **extra):
    fields = dict(status="on_track", as_of=dt.date(2026, 1, 1), assessor="MWIDE",
                  assessor_kind="government", evidence="Zahlen des Ministeriums.")
    fields.update(extra)
    return services.record_assessment(user, goal, **fields)


def _status(goal):
    return goal_rows(goal.edition, Goal.objects.filter(pk=goal.pk))[0].status


def test_draft_is_not_public_until_approved_by_the_unit_head(roles, goal):
    draft = _draft(roles["editor_a"], goal)
    assert _status(goal) == "not_assessed"
    services.approve_assessment(roles["head_a"], draft.pk)
    assert _status(goal) == "on_track"


def test_editor_cannot_approve_and_other_unit_cannot_assess(roles, goal):
    draft = _draft(roles["editor_a"], goal)
    with pytest.raises(PermissionDenied):
        services.approve_assessment(roles["editor_a"], draft.pk)
    with pytest.raises(PermissionDenied):
        _draft(roles["editor_b"], goal)


def test_approved_assessment_can_be_neither_changed_nor_deleted(roles, goal):
    draft = _draft(roles["editor_a"], goal)
    approved = services.approve_assessment(roles["strategy_admin"], draft.pk)
    approved.status = "achieved"
    with pytest.raises(AppendOnlyError):
        approved.save()
    with pytest.raises(AppendOnlyError):
        approved.delete()
    assert Assessment.objects.get(pk=draft.pk).status == "on_track"


def test_correction_needs_a_reason_and_replaces_the_old_status(roles, goal):
    first = services.approve_assessment(roles["head_a"], _draft(roles["editor_a"], goal).pk)
    with pytest.raises(ValidationError):
        _draft(roles["editor_a"], goal, status="at_risk", replaces=first)
    fix = _draft(roles["editor_a"], goal, status="at_risk", replaces=first,
                 as_of=dt.date(2025, 12, 1), correction_reason="Falsche Quelle verwendet.")
    services.approve_assessment(roles["head_a"], fix.pk)
    assert _status(goal) == "at_risk"
    assert Assessment.objects.filter(goal=goal, state="approved").count() >= 2  # both kept


def test_publication_date_holds_an_approved_assessment_back(roles, goal, monkeypatch):
    later = dt.date.today() + dt.timedelta(days=30)
    draft = _draft(roles["editor_a"], goal, publish_on=later)
    services.approve_assessment(roles["head_a"], draft.pk)
    assert _status(goal) == "not_assessed"
    # asking for the later day does not reveal it (tests/security/test_embargo.py) …
    assert goal_rows(goal.edition, Goal.objects.filter(pk=goal.pk),
                     today=later)[0].status == "not_assessed"
    # … the day itself does: the clock moved by hand to the publication day
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    assert goal_rows(goal.edition, Goal.objects.filter(pk=goal.pk))[0].status == "on_track"


def test_every_change_is_kept_with_the_acting_role(roles, goal):
    draft = _draft(roles["editor_a"], goal)
    services.approve_assessment(roles["head_a"], draft.pk)
    records = list(Assessment.history.filter(id=draft.pk).order_by("history_date"))
    assert [r.state for r in records] == ["draft", "approved"]
    assert records[-1].history_user == roles["head_a"]
    assert records[-1].actor_role == "Redaktion MWIDE"
