"""A person takes part in the demo's open consultation, end to end in Chromium, and a
moderator hides a reported comment; axe-core checks every participation page on the way."""

import json
import re

from django.contrib.auth import get_user_model
from django.core import mail

from tests.browser.conftest import axe_violations, log_in


def _no_violations(page):
    found = axe_violations(page)
    assert not found, f"{page.url}: {found}"


def test_take_part_in_the_open_consultation_end_to_end(demo_live, browser, page):
    from leitstand.participation.models import Comment, Consultation
    from leitstand.register.models import Strategy
    from tests.participation.helpers import comment_on, participant

    consultation = Consultation.objects.get(slug="musterstadt-2027")
    paragraph = consultation.edition.sections.get(slug="dienste").paragraphs.first()
    other = comment_on(consultation, paragraph, participant("Bert"), "Unsachlicher Beitrag")

    page.goto(demo_live.url + "/beteiligung/")
    _no_violations(page)
    page.get_by_role("link", name=consultation.title).click()
    _no_violations(page)

    # Sign in with the keyboard alone: the one-time link arrives by mail.
    page.get_by_role("link", name="Anmelden", exact=True).click()
    _no_violations(page)
    page.get_by_label("E-Mail-Adresse").focus()
    page.keyboard.type("ida@example.org")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Bitte prüfen Sie Ihr Postfach").wait_for()
    link = re.search(r"http://\S+/beteiligung/anmelden/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.get_by_label("Anzeigename").fill("Ida")
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen.").check()
    page.get_by_role("button", name="Speichern").click()
    assert page.locator("h1").inner_text() == consultation.title  # back where she started
    assert "Angemeldet als Ida." in page.locator(".participant").inner_text()

    # Comment on a paragraph of the draft, anchored to its line.
    page.get_by_role("link", name="Diesen Absatz kommentieren (1 Kommentar)").click()
    _no_violations(page)
    page.get_by_label("Ihr Kommentar").focus()
    page.keyboard.type("Bitte auch telefonische Hilfe anbieten.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(".comment", has_text="Bitte auch telefonische Hilfe").wait_for()
    assert "Danke. Ihr Kommentar ist veröffentlicht." in page.locator("main .messages").inner_text()

    # An empty comment is refused with an error that screen readers announce.
    page.get_by_role("button", name="Kommentar senden").click()
    error = page.locator("[role=alert]").first
    assert error.is_visible()
    assert page.get_by_label("Ihr Kommentar").get_attribute("aria-invalid") == "true"
    _no_violations(page)

    # Report Bert's comment.
    page.locator(f"#c{other.pk}").get_by_role("link", name="Melden").click()
    page.get_by_label("Warum soll sich die Moderation das ansehen?").fill("Nicht sachlich.")
    page.get_by_role("button", name="Meldung senden").click()
    assert "Die Moderation sieht sich das an" in page.content()

    # Propose a new goal and support it.
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/vorschlaege/")
    _no_violations(page)
    page.get_by_label("ein neues Ziel").check()
    page.get_by_label("Titel").fill("Bürgerbüro auf Rädern")
    page.get_by_label("Ihr Vorschlag").fill("Ein Bus fährt die Stadtteile an.")
    page.get_by_role("button", name="Vorschlag senden").click()
    assert "Bürgerbüro auf Rädern" in page.locator("h1").inner_text()
    _no_violations(page)
    # One's own proposal is supported by others, not by its author.
    assert page.get_by_role("button", name="Diesen Vorschlag unterstützen").count() == 0
    assert "Das ist Ihr Vorschlag" in page.content()

    # A moderator (the strategy's admin) hides the reported comment with a reason.
    moderator = get_user_model().objects.create_user("moderatorin", password="pw-mod-123456",
                                                     is_staff=True)
    Strategy.objects.get(slug="musterstadt").admins.add(moderator)
    team = browser.new_context()
    desk = team.new_page()
    log_in(desk, demo_live.url, "moderatorin", "pw-mod-123456",
           "/redaktion/beteiligung/musterstadt-2027/")
    _no_violations(desk)
    report = desk.locator("article", has_text="Unsachlicher Beitrag")
    report.get_by_label("Grund (erscheint anstelle des Textes)").fill("Verstößt gegen die Regeln.")
    report.get_by_role("button", name="Ausblenden").click()
    assert Comment.objects.get(pk=other.pk).state == "hidden"
    team.close()
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/absatz/{paragraph.pk}/")
    assert "Unsachlicher Beitrag" not in page.content()
    assert "Verstößt gegen die Regeln." in page.content()

    # Ida downloads her data and deletes her account.
    page.get_by_role("link", name="Meine Beteiligung").first.click()
    page.get_by_role("link", name="Meine Daten: herunterladen oder löschen").click()
    _no_violations(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Alle meine Daten herunterladen (JSON)").click()
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["participant"]["email"] == "ida@example.org"
    assert [c["body"] for c in data["comments"]] == ["Bitte auch telefonische Hilfe anbieten."]
    assert [p["title"] for p in data["proposals"]] == ["Bürgerbüro auf Rädern"]
    page.get_by_label("Ja, mein Konto löschen").check()
    page.get_by_role("button", name="Konto löschen").click()
    assert "Ihr Konto ist gelöscht" in page.content()
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/absatz/{paragraph.pk}/")
    assert "gelöschte teilnehmende Person" in page.content()  # the demo's policy: anonymise


def test_axe_reports_what_it_should(page):
    """The checker itself works: an unlabelled field and an image without text are found."""
    page.set_content('<html lang="de"><head><title>t</title></head><body><main>'
                     '<input type="text"><img src="data:,"></main></body></html>')
    found = " ".join(axe_violations(page))
    assert "label" in found and "image-alt" in found
