"""A strategy admin takes the seed document from upload to a published edition in Chromium;
a citizen then sees exactly the accepted goals with their source line."""

import re
import threading

import pytest

from tests.browser.conftest import axe_violations, log_in
from tests.conftest import SEED


@pytest.fixture
def reader(demo_live, settings, tmp_path):
    """The background reader, as `leitstand serve` runs it, here as a thread on the test
    database."""
    from django.db import connection

    from leitstand.onboarding import jobs

    settings.LEITSTAND_UPLOAD_DIR = tmp_path / "uploads"
    stop = threading.Event()

    def loop():
        try:
            while not stop.is_set():
                jobs.work(once=True)
                stop.wait(0.3)
        finally:
            connection.close()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=30)


def test_upload_review_publish_then_a_citizen_sees_exactly_the_accepted_goals(
        demo_live, reader, page, browser):
    if not SEED.exists():
        pytest.skip(f"the seed is expected at {SEED} (../shared)")
    from django.contrib.auth import get_user_model

    from leitstand.register.models import Strategy

    admin = get_user_model().objects.create_user("buero", password="Strategie-Buero-2026",
                                                 is_staff=True)
    Strategy.objects.get(slug="nrw").admins.add(admin)
    base = demo_live.url
    log_in(page, base, "buero", "Strategie-Buero-2026", then="/redaktion/dokumente/")

    page.get_by_label("Strategie", exact=True).select_option(label="Strategie für das digitale "
                                                       "Nordrhein-Westfalen")
    page.get_by_label("Fassung").fill("2.1")
    page.get_by_label("Dokument (PDF, Text oder Markdown)").set_input_files(str(SEED))
    page.get_by_role("button", name="Hochladen und lesen").click()
    page.wait_for_url("**/pruefen/", timeout=90_000)  # the progress page comes back by itself
    assert axe_violations(page) == []

    goals = page.locator("article.finding", has=page.locator("strong", has_text=re.compile(
        "^Ziel$")))
    assert goals.count() == 3
    for i in range(3):
        goals.nth(i).locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Ausgewählte annehmen").click()
    assert page.locator("article.finding.decision-accepted").count() == 3

    first = goals.first
    code = first.locator("label").inner_text().split()[-1]
    first.get_by_role("link", name="Bearbeiten").click()
    assert axe_violations(page) == []
    page.locator("#id_targets-0-value").fill("750000000")
    page.get_by_role("button", name="Speichern").click()
    edited = page.locator(f"article.finding:has(label:text('{code}'))").inner_text()
    assert "750000000" in edited.replace(".", "")
    assert "bis 31.12.2022" in edited  # the deadline survives the edit form

    candidate = page.locator("article.finding.decision-pending").first
    rejected_text = candidate.locator("p").nth(1).inner_text()
    candidate.locator("input[type=checkbox]").check()
    page.get_by_role("button", name="Ausgewählte verwerfen").click()
    assert page.locator("article.finding.decision-rejected").count() == 1

    # a jump link opens the goal's line, highlighted
    first = page.locator(f"article.finding:has(label:text('{code}'))")
    first.get_by_role("link", name=re.compile("^Zeile")).click()
    assert page.locator("li.marked").first.is_visible()

    page.get_by_role("button", name="Angenommene Ziele veröffentlichen").click()
    page.wait_for_url("**/nrw/2-1/")

    citizen = browser.new_context().new_page()
    citizen.goto(base + "/nrw/2-1/ziele/")
    listed = citizen.locator("table.goals tbody tr")
    assert listed.count() == 3
    assert rejected_text[:40] not in citizen.content()
    citizen.goto(base + f"/nrw/2-1/ziele/{code}/")
    facts = citizen.locator("main").inner_text()
    assert "Zeile 2.191" in facts and "750 Mio. €" in facts
    citizen.context.close()
