"""axe-core finds no WCAG 2.1 A/AA violation on any page type of the demo – public pages,
participation and the editors' own pages – in German and in English."""

import pytest
from django.contrib.auth import get_user_model

from tests.browser.conftest import axe_violations, log_in

PUBLIC = [
    "/", "/status/", "/methodik/", "/impressum/", "/datenschutz/", "/daten/",
    "/nrw/2019/", "/nrw/2-0/", "/musterstadt/2024/",
    "/nrw/2019/ziele/", "/nrw/2019/ziele/?status=achieved&horizon=short",
    "/nrw/2019/ziele/19-07/", "/nrw/2-0/ziele/20-12/", "/musterstadt/2024/ziele/M-03/",
    "/nrw/2019/handlungsfelder/k5-3/", "/nrw/2019/einheiten/mwide/", "/nrw/2-0/massnahmen/",
    "/nrw/indikatoren/wagniskapital/", "/musterstadt/indikatoren/glasfaser-quote/",
    "/nrw/2-0/vergleich/", "/nrw/2019/bilanz/", "/nrw/2019/?stand=2020-06-30",
    "/beteiligung/", "/beteiligung/musterstadt-2027/", "/beteiligung/musterstadt-2027/vorschlaege/",
    "/beteiligung/anmelden/", "/barrierefreiheit/", "/leichte-sprache/",
    "/vergleich/?q=Glasfaser", "/konto/passwort-vergessen/", "/api/v1/docs",
]
EDITOR = ["/redaktion/messbarkeit/", "/redaktion/veraltet/", "/redaktion/hochladen/",
          "/redaktion/beteiligung/musterstadt-2027/", "/redaktion/beteiligung/einwaende/",
          "/redaktion/dokumente/", "/admin/", "/admin/participation/consultation/add/"]


@pytest.fixture
def editor_page(browser, demo_live):
    from leitstand.register.models import Strategy

    user = get_user_model().objects.create_superuser("a11y", password="pw-a11y-123456")
    for strategy in Strategy.objects.all():
        strategy.admins.add(user)
    context = browser.new_context()
    page = context.new_page()
    log_in(page, demo_live.url, "a11y", "pw-a11y-123456")
    yield page
    context.close()


def _check(page, base, urls):
    found = {}
    for url in urls:
        response = page.goto(base + url)
        assert response.status == 200, url
        problems = axe_violations(page)
        if problems:
            found[url] = problems
    return found


def test_every_public_page_type_passes_axe(demo_live, page):
    assert _check(page, demo_live.url, PUBLIC) == {}


def test_the_english_pages_pass_axe_too(demo_live, page):
    page.goto(demo_live.url + "/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    assert _check(page, demo_live.url, ["/en" + url for url in PUBLIC[:12]]) == {}


def test_the_login_steps_pass_axe(demo_live, browser):
    """Password, then setting up the authenticator (QR code and key as text)."""
    get_user_model().objects.create_user("neu", password="pw-neu-123456", is_staff=True)
    context = browser.new_context()
    found = []
    log_in(context.new_page(), demo_live.url, "neu", "pw-neu-123456",
           on_each_step=lambda page: found.extend(axe_violations(page)))
    context.close()
    assert found == []


def test_the_editors_pages_pass_axe(demo_live, editor_page):
    assert _check(editor_page, demo_live.url, EDITOR) == {}


def test_pages_work_under_their_content_security_policy(demo_live, page):
    """No inline script, nothing from elsewhere: the browser reports no CSP violation."""
    blocked = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text
            else None)
    for url in ("/nrw/2019/", "/nrw/2019/ziele/19-07/", "/nrw/2019/bilanz/", "/api/v1/docs",
                "/beteiligung/musterstadt-2027/"):
        response = page.goto(demo_live.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
    assert not blocked, blocked
    page.goto(demo_live.url + "/api/v1/docs")  # the API reference is the site's own HTML
    assert page.locator("main h2 code").count() >= 10
