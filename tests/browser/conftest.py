"""Debian's Chromium driven by Playwright, the demo served by a live server, and axe-core."""

import base64
import os
import pathlib
import re
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the test database is still used
# synchronously between its calls, which Django would otherwise refuse.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("LEITSTAND_CHROMIUM", "/usr/bin/chromium")

SKIP = os.environ.get("LEITSTAND_SKIP_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    here = pathlib.Path(__file__).parent
    for item in items:
        if here in pathlib.Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if SKIP:
                item.add_marker(pytest.mark.skip(reason="browser tests run in the other CI pass"))


@pytest.fixture(scope="module")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def demo_live(live_server, transactional_db, monkeypatch):
    from leitstand.operations.demo import demo_files

    # The links in mails (LEITSTAND_SITE_URL) lead to the live server the browser opens.
    monkeypatch.setenv("LEITSTAND_SITE_URL", live_server.url)
    from leitstand.operations.loader import load_file

    for path in demo_files():
        load_file(path)
    return live_server

AXE = pathlib.Path(__file__).parent / "vendor" / "axe.min.js"
AXE_SOURCE = AXE.read_text(encoding="utf-8")
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def log_in(page, base: str, username: str, password: str, then: str = "/admin/",
           on_each_step=None) -> None:
    """Sign in as a new editor does the first time – password, then setting up the
    authenticator from the key on the page, as a person types it into their app – and wait
    for the page asked for. `on_each_step(page)` runs on every page of the way."""
    step = on_each_step or (lambda page: None)
    page.goto(f"{base}/admin/login/?next={then}")
    step(page)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("input[type=submit]").click()
    page.wait_for_url("**/konto/zweiter-faktor/einrichten/**")
    step(page)
    page.locator("#id_code").fill(code_from_key(page.locator("#totp-key").inner_text()))
    page.get_by_role("button", name=re.compile("Confirm|Bestätigen")).click()
    page.wait_for_url(f"**{then}")


def code_from_key(key: str) -> str:
    """What an authenticator app shows for a typed-in key right now."""
    from django_otp.oath import TOTP

    key = key.replace(" ", "")
    return f"{TOTP(base64.b32decode(key + '=' * (-len(key) % 8))).token():06d}"


def axe_violations(page) -> list[str]:
    """What axe-core (vendored) finds against WCAG 2.1 A and AA on the current page."""
    # Evaluated through the DevTools protocol, not as a <script> tag: the site's
    # Content-Security-Policy stays on, as visitors get it.
    page.evaluate(AXE_SOURCE + "\n;0")
    found = page.evaluate("""async (tags) => {
        const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
        return result.violations.map(v => v.id + ': ' + v.help + ' – ' +
            v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '));
    }""", WCAG_AA)
    return found
