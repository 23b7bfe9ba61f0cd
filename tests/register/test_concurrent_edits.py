"""Two editors save the same goal at once: the second is told, shown the difference, and
nothing is lost."""

from django.test import Client
from django.urls import reverse

from leitstand.register.models import Goal
from tests.conftest import staff_login


def _form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {}
    for name, _field in form.fields.items():
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else str(value)
    return data


def test_the_second_save_is_refused_with_the_difference(roles):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    url = reverse("admin:register_goal_change", args=[goal.pk])
    first, second = Client(), Client()
    staff_login(first, roles["editor_a"])
    staff_login(second, roles["head_a"])
    data_first, data_second = _form(first, url), _form(second, url)
    assert data_first["loaded_version"] == data_second["loaded_version"]
    management = {"targets-TOTAL_FORMS": "0", "targets-INITIAL_FORMS": "0"}
    saved = first.post(url, {**data_first, **management, "title": "Titel von A"})
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    refused = second.post(url, {**data_second, **management, "title": "Titel von B"})
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "gespeichert, nachdem Sie ihn geöffnet hatten" in page
    assert "Titel von A" in page and "Titel von B" in page
    goal.refresh_from_db()
    assert goal.title == "Titel von A"  # nothing of B overwrote A
    # B reloads and saves again: now it goes through, and the history keeps both
    again = _form(second, url)
    assert second.post(url, {**again, **management, "title": "Titel von B"}).status_code == 302
    goal.refresh_from_db()
    assert goal.title == "Titel von B"
    titles = [h.title for h in goal.history.order_by("history_date")]
    assert titles[-2:] == ["Titel von A", "Titel von B"]
