"""The "also seen" points of issue 20: the site's own error pages in both languages,
no-store on a participant's own data, hiding a dispute in the moderators' log, and every
mail and absolute link on LEITSTAND_SITE_URL – not on whatever host a request named."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from leitstand.core import rate_limits
from leitstand.participation import services
from leitstand.participation.models import Dispute
from leitstand.register.models import Goal
from tests.conftest import staff_login
from tests.participation.helpers import open_consultation, participant, sign_in


@pytest.mark.parametrize("prefix,words", [("", "Seite nicht gefunden"),
                                          ("/en", "Page not found")])
def test_404_is_the_sites_page_in_its_language(client, db, prefix, words):
    response = client.get(f"{prefix}/gibt-es-nicht/")
    assert response.status_code == 404
    html = response.content.decode()
    assert words in html and 'class="site"' in html


def test_403_429_and_500_are_the_sites_pages(client, db, settings):
    response = Client(enforce_csrf_checks=True).post(reverse("participation:sign_in"),
                                                     {"email": "a@example.org"})
    assert response.status_code == 403 and "Zugriff verweigert" in response.content.decode()
    for _ in range(rate_limits.LIMITS["staff-login"][0]):
        client.post("/admin/login/", {"username": "x", "password": "y"})
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 429 and "Zu viele Anfragen" in response.content.decode()
    assert "Retry-After" in response
    from django.test import RequestFactory
    from django.views.defaults import server_error

    page = server_error(RequestFactory().get("/")).content.decode()
    assert "Serverfehler" in page and "Server Error (500)" not in page


def test_own_data_pages_are_never_stored(client, db):
    sign_in(client, participant("Eigene"))
    for name in ("my_data", "my_data_export", "display_name"):
        response = client.get(reverse(f"participation:{name}"))
        assert response.status_code == 200, name
        assert "no-store" in response["Cache-Control"], name


def test_hiding_a_dispute_is_in_the_moderators_log(client, roles):
    goal = Goal.objects.get(edition__slug="2-0", edition__strategy__slug="nrw",
                            code=Goal.objects.filter(edition__slug="2-0").first().code)
    consultation = open_consultation(goal.edition)
    dispute = Dispute.objects.create(goal=goal, participant=participant("Kritik"),
                                     disputed_status="on_track", body="Falsch")
    services.moderate(roles["strategy_admin"], dispute, "hide", "Beleidigend")
    staff_login(client, roles["strategy_admin"])
    page = client.get(reverse("moderation:queue", args=[consultation.slug])).content.decode()
    log = page.split('id="log-h"')[1]
    assert f"Einwand #{dispute.pk}" in log and "Beleidigend" in log


def test_mails_link_to_the_site_url_whatever_host_was_asked(client, db, mails, monkeypatch,
                                                             settings):
    monkeypatch.setenv("LEITSTAND_SITE_URL", "https://leitstand.example.org")
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    mails(lambda: client.post(reverse("participation:sign_in"), {"email": "m@example.org"},
                              HTTP_HOST="other.example"))
    body = mails.outbox[-1].body
    assert "https://leitstand.example.org/beteiligung/anmelden/" in body
    assert "other.example" not in body and ":8000" not in body
    feed = client.get("/nrw/feed.json", HTTP_HOST="other.example").json()
    assert feed["home_page_url"].startswith("https://leitstand.example.org/")
    assert not re.search(r"other\.example", client.get(
        "/nrw/feed.atom", HTTP_HOST="other.example").content.decode())
