"""Public pages come from the cache until the data change; sessions and the dialog never."""

import datetime as dt

import pytest
from django.core.cache import cache, caches
from django.db.models import F

from leitstand.core import page_cache as page_cache_module
from leitstand.core.models import DataVersion
from leitstand.register.models import Goal
from tests.conftest import staff_login


@pytest.fixture
def page_cache(settings):
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 300
    # earlier tests' (and runs') pages: their rolled-back counters repeat the numbers
    cache.clear()
    caches["shared"].clear()
    page_cache_module.forget_version()
    yield
    cache.clear()
    caches["shared"].clear()


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


def _other_process_holds(key):
    """Another server process of this host renders the page `key`: it holds the lock."""
    import fcntl
    import os

    fd = os.open(page_cache_module.lock_path(key), os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def test_after_a_change_a_page_another_process_rendered_is_taken_not_rendered_again(
        client, db, page_cache, settings, django_assert_max_num_queries):
    from django.core.cache import caches
    from django.utils import timezone

    settings.LEITSTAND_PAGE_CACHE_CHECK_SECONDS = 0
    url = "/nrw/2019/"
    client.get(url)
    DataVersion.objects.filter(pk=1).update(number=F("number") + 1)  # another process's change
    number = page_cache_module.version()
    key = page_cache_module.page_key(timezone.localdate(), "de", "testserver", url)
    caches["shared"].set(f"{key}:{number}", (number, {"Content-Type": "text/html"},
                                             b"<p>rendered by another process</p>"))
    with django_assert_max_num_queries(1):  # the data version only: nothing rendered here
        response = client.get(url)
    assert response["X-Page-Cache"] == "shared"
    assert response.content == b"<p>rendered by another process</p>"
    assert client.get(url)["X-Page-Cache"] == "hit"
    caches["shared"].clear()


def test_while_another_process_renders_the_previous_copy_serves_half_a_second(
        client, db, page_cache, settings, monkeypatch):
    import os

    from django.utils import timezone

    settings.LEITSTAND_PAGE_CACHE_CHECK_SECONDS = 0.25
    now = [1000.0]
    monkeypatch.setattr(page_cache_module, "monotonic", lambda: now[0])
    monkeypatch.setattr(page_cache_module, "WAIT_SECONDS", 0)  # no waiting for the other
    url = "/nrw/2019/ziele/19-07/"
    before = client.get(url).content
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Goal.objects.filter(pk=goal.pk).update(title="Neuer Titel")  # another process's change:
    DataVersion.objects.filter(pk=1).update(number=F("number") + 1)  # no signal here
    fd = _other_process_holds(page_cache_module.page_key(timezone.localdate(), "de",
                                                         "testserver", url))
    try:
        now[0] += 0.25  # this process sees the change; the other renders the page
        response = client.get(url)
        assert response["X-Page-Cache"] == "previous" and response.content == before
        now[0] += 0.3  # the change may now be more than half a second old: never the old copy
        response = client.get(url)
        assert "X-Page-Cache" not in response and "Neuer Titel" in response.content.decode()
    finally:
        os.close(fd)


def test_a_change_committed_by_another_server_process_is_seen_here(client, transactional_db,
                                                                   page_cache, settings):
    """Two `leitstand serve` share nothing but the database: a change committed by another
    process (its own memory and cache) is seen by this one at its next look at the counter."""
    import subprocess
    import sys
    from urllib.parse import quote

    from django.db import connection

    from leitstand.register.models import Edition, Strategy

    settings.LEITSTAND_PAGE_CACHE_CHECK_SECONDS = 0  # look at every request: no clock involved
    strategy = Strategy.objects.create(slug="zwei", name="Zwei Server", jurisdiction="Test")
    edition = Edition.objects.create(strategy=strategy, label="1", slug="1", year=2026,
                                     status="published")
    goal = Goal.objects.create(edition=edition, code="Z1", title="Ein Ziel", horizon="short")
    url = "/zwei/1/"
    assert "Zweitserver" not in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    db = connection.settings_dict
    database_url = (f"sqlite:///{db['NAME']}" if connection.vendor == "sqlite" else
                    f"postgres://{quote(db['USER'])}:{quote(db['PASSWORD'])}@"
                    f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}")
    other = (
        "import django, datetime; django.setup()\n"
        "from django.contrib.auth import get_user_model\n"
        "from leitstand.monitoring import services\n"
        "from leitstand.register.models import Goal\n"
        "editor = get_user_model().objects.create_superuser('zweit', 'z@example.org', 'x')\n"
        f"goal = Goal.objects.get(pk={goal.pk})\n"
        "draft = services.record_assessment(editor, goal, status='achieved', "
        "as_of=datetime.date(2026, 1, 1), assessor='Zweitserver', assessor_kind='government', "
        "evidence='Bericht')\n"
        "services.approve_assessment(editor, draft.id)\n")
    subprocess.run([sys.executable, "-c", other], check=True, env={
        **__import__("os").environ, "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "leitstand.settings"}, timeout=120)
    response = client.get(url)
    assert "X-Page-Cache" not in response and "Zweitserver" in response.content.decode()


def test_snapshots_leave_the_data_version_alone_and_are_deleted_in_one_query(db):
    """Snapshots only store what is computed again: taking a night's snapshots changes no
    page, and dropping them is one DELETE, not a fetch and a signal per row."""
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from leitstand.core.models import DataVersion
    from leitstand.monitoring.models import Observation, StatusSnapshot
    from leitstand.register.models import Indicator

    def number():
        return DataVersion.objects.get_or_create(pk=1)[0].number

    call_command("snapshot")
    before = number()
    call_command("snapshot")  # the night taken again: deletes and writes snapshots
    assert number() == before
    with CaptureQueriesContext(connection) as queries:
        StatusSnapshot.objects.all().delete()
    assert len(queries) == 1
    Observation.objects.create(indicator=Indicator.objects.first(), date=dt.date(2030, 1, 1),
                               value=1, source_url="https://example.org/o")
    assert number() > before  # the data behind pages still bump it
