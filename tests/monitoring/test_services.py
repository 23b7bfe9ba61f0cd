"""One service per write: whichever way an editor corrects an observation – the admin, the
API, the bulk upload – it is validated, stamped with the time it became known and the
editor's role, and the history keeps the value before; loading a file again writes nothing."""

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.api import tokens
from leitstand.monitoring.models import Observation
from leitstand.operations.demo import demo_files
from leitstand.operations.loader import load_file
from tests.conftest import staff_login
from tests.monitoring.test_bulk_update import HEADER, upload


def _by_admin(client, user, observation, value):
    staff_login(client, user)
    url = reverse("admin:monitoring_observation_change", args=[observation.pk])
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data.update(value=value, date=observation.date.isoformat())
    return client.post(url, data)


def _by_api(client, user, observation, value):
    return client.post("/api/v1/observations", {
        "indicator": observation.indicator_id, "date": observation.date.isoformat(),
        "value": value, "source_url": "https://example.org/korrektur"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {tokens.create(user, 'test')[1]}")


def _by_upload(client, user, observation, value):
    staff_login(client, user)
    return upload(client, "observations", (
        HEADER + f"nrw,{observation.indicator.slug},{observation.date},{value},"
        "https://example.org/korrektur,\n").encode())


@pytest.mark.parametrize("write", [_by_admin, _by_api, _by_upload],
                         ids=["admin", "api", "bulk upload"])
def test_every_correction_is_stamped_and_kept_in_the_history(client, roles, write):
    observation = Observation.objects.get(indicator__slug="wagniskapital", date="2017-12-31")
    response = write(client, roles["editor_a"], observation, "96000002")
    assert response.status_code in (200, 201, 302)
    observation.refresh_from_db()
    assert observation.value == 96000002
    assert timezone.localdate(observation.recorded_at) == timezone.localdate()
    latest, before = observation.history.all()[:2]
    assert latest.actor_role.startswith("Redaktion") and latest.value == 96000002
    assert before.value == 96000000 and before.recorded_at.year == 2017


def test_an_editor_of_another_unit_cannot_correct_it_any_way(client, roles):
    observation = Observation.objects.get(indicator__slug="wagniskapital", date="2017-12-31")
    assert _by_api(client, roles["editor_b"], observation, "1").status_code == 403
    _by_upload(client, roles["editor_b"], observation, "1")
    observation.refresh_from_db()
    assert observation.value == 96000000 and observation.history.count() == 1


def test_loading_the_demo_again_writes_no_new_version(db):
    versions = Observation.history.count()
    for path in demo_files():
        load_file(path)
    assert Observation.history.count() == versions
