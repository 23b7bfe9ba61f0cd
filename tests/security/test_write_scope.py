"""Finding 2 of issue 20: every foreign key of a write is checked against the actor's scope,
not only the object being edited. An editor of a city office could move a city goal into
the NRW strategy and make an NRW ministry responsible for it."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from leitstand.monitoring import services as monitoring
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register import services
from leitstand.register.models import Edition, Goal, Indicator, Organisation, Section

REFUSED = (PermissionDenied, ValidationError)


@pytest.fixture
def city_editor(make_user):
    return make_user("amt12", units=["adi"])


@pytest.fixture
def city_goal(db):
    return Goal.objects.filter(edition__strategy__slug="musterstadt",
                               responsible_units__slug="adi").first()


def test_a_unit_editor_cannot_move_a_goal_into_another_strategy(city_editor, city_goal):
    nrw = Edition.objects.get(strategy__slug="nrw", slug="2-0")
    before = nrw.goals.count()
    city_goal.edition = nrw
    city_goal.section = Section.objects.filter(edition=nrw).first()
    with pytest.raises(REFUSED):
        services.save_goal(city_editor, city_goal, units=list(Organisation.objects.filter(
            slug="adi")))
    assert nrw.goals.count() == before  # 14 stays 14
    assert Goal.objects.get(pk=city_goal.pk).edition.strategy.slug == "musterstadt"


def test_a_section_of_another_edition_is_refused(city_editor, city_goal):
    city_goal.section = Section.objects.filter(edition__strategy__slug="nrw").first()
    with pytest.raises(REFUSED):
        services.save_goal(city_editor, city_goal)


def test_a_unit_of_another_strategy_cannot_be_made_responsible(city_editor, city_goal,
                                                               make_user):
    units = [*city_goal.responsible_units.all(), Organisation.objects.get(slug="mwide")]
    with pytest.raises(PermissionDenied):
        services.save_goal(city_editor, city_goal, units=units)
    assert not city_goal.responsible_units.filter(slug="mwide").exists()
    admin = make_user("stadtadmin", admin_of=["musterstadt"])  # not even the city's admin
    with pytest.raises(PermissionDenied):
        services.save_goal(admin, city_goal, units=units)
    # a unit of the same strategy may be added
    other = Organisation.objects.get(slug="schulamt")
    services.save_goal(city_editor, city_goal, units=[*city_goal.responsible_units.all(),
                                                      other])
    assert city_goal.responsible_units.filter(slug="schulamt").exists()


def test_an_observation_or_assessment_cannot_be_moved_out_of_reach(roles):
    mine = Indicator.objects.get(strategy__slug="nrw", slug="wagniskapital")
    theirs = Indicator.objects.filter(strategy__slug="musterstadt").first()
    observation, _ = monitoring.record_observation(
        roles["editor_a"], mine, dt.date(2026, 6, 30), value=1,
        source_url="https://example.org/")
    observation.indicator = theirs
    with pytest.raises(PermissionDenied):
        monitoring.save_observation(roles["editor_a"], observation)
    assert Observation.objects.get(pk=observation.pk).indicator == mine
    # and a head of another unit cannot pull a draft of unit A's goal to their own goal
    goal_a = Goal.objects.get(edition__slug="2019", code="19-06")
    draft = monitoring.record_assessment(roles["editor_a"], goal_a, status="on_track",
                                         as_of=dt.date(2026, 1, 1), assessor="MWIDE",
                                         assessor_kind="government", evidence="e")
    goal_b = Goal.objects.filter(edition__slug="2019", responsible_units__slug="mkw").first()
    draft.goal = goal_b
    with pytest.raises(PermissionDenied):
        monitoring.save_assessment(roles["editor_b"], draft)
    assert Assessment.objects.get(pk=draft.pk).goal == goal_a
