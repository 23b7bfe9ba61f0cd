"""Public pages come from the cache until the data change; sessions and the dialog never."""

import pytest
from django.core.cache import cache
from django.db.models import F

from leitstand.core import page_cache as page_cache_module
from leitstand.core.models import DataVersion
from leitstand.register.models import Goal
from tests.conftest import staff_login


@pytest.fixture
def page_cache(settings):
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 300
    cache.clear()
    page_cache_module.forget_version()  # earlier tests' rolled-back counters
    yield
    cache.clear()


def test_a_page_is_served_from_the_cache_until_a_goal_changes(client, db, page_cache):
    url = "/nrw/2019/ziele/19-07/"
    first = client.get(url)
    assert "X-Page-Cache" not in first
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "Content-Security-Policy" in second  # the outer middleware still applies
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    goal.title = "Geänderter Titel"
    goal.save()
    third = client.get(url)
    assert "X-Page-Cache" not in third and "Geänderter Titel" in third.content.decode()


def test_another_process_s_change_is_seen_within_the_check_interval(client, db, page_cache,
                                                                    settings, monkeypatch):
    settings.LEITSTAND_PAGE_CACHE_CHECK_SECONDS = 1
    now = [1000.0]  # this process's clock, moved by hand: a slow machine changes nothing
    monkeypatch.setattr(page_cache_module, "monotonic", lambda: now[0])
    url = "/nrw/2019/"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Another worker's change: the counter moves in the database, not through this process.
    DataVersion.objects.filter(pk=1).update(number=F("number") + 1)
    now[0] += 0.5
    assert client.get(url)["X-Page-Cache"] == "hit"  # not asked again yet
    now[0] += 0.5  # a full second since the last look
    assert "X-Page-Cache" not in client.get(url)


def test_a_change_in_the_dialog_or_the_monitoring_invalidates_too(client, db, page_cache):
    from leitstand.participation.models import Dispute

    url = "/nrw/2019/ziele/19-07/"
    client.get(url)
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Dispute.objects.create(goal=goal, disputed_status="x", body="Stimmt so nicht.")
    assert "Stimmt so nicht." in client.get(url).content.decode()


def test_languages_are_cached_apart(client, db, page_cache):
    german = client.get("/nrw/2019/").content.decode()
    english = client.get("/en/nrw/2019/").content.decode()
    assert '<html lang="de">' in german and '<html lang="en">' in english


def test_sessions_the_dialog_and_editors_are_never_cached(client, db, page_cache, roles):
    client.get("/beteiligung/musterstadt-2027/")
    assert "X-Page-Cache" not in client.get("/beteiligung/musterstadt-2027/")
    staff_login(client, roles["editor_a"])
    client.get("/nrw/2019/")
    assert "X-Page-Cache" not in client.get("/nrw/2019/")


def test_public_pages_carry_no_csrf_token(client, db):
    for url in ("/", "/nrw/2019/", "/nrw/2019/ziele/19-07/", "/daten/"):
        response = client.get(url)
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert not response.cookies, url
