"""The dialog's new parts, end to end in Chromium on the demo: a strategy admin sets up a
consultation and its phases in the admin; a citizen supports a proposal and withdraws the
support, replies to a comment, finds everything under "My activity"; the author of the
comment is told of the reply by mail (with a one-click unsubscribe) and on their page.

With LEITSTAND_SHOTS=DIR, every step is also saved as a screenshot at 390 and 1280 px."""

import os
import re

from django.contrib.auth import get_user_model
from django.core import mail

from tests.browser.conftest import axe_violations, log_in

SHOTS = os.environ.get("LEITSTAND_SHOTS", "")
# The right edge of the widest visible element of the page's content (scroll regions may
# hold wider tables; they scroll by themselves).
_VISIBLE = """[...document.querySelectorAll('main *')].filter(e => !e.closest('.scroll')
    && e.getClientRects().length)"""
WIDEST = f"Math.max(0, ...{_VISIBLE}.map(e => e.getBoundingClientRect().right))"
WIDEST_WHAT = f"""{_VISIBLE}.sort((a, b) => b.getBoundingClientRect().right
    - a.getBoundingClientRect().right).slice(0, 3).map(e => e.outerHTML.slice(0, 80))"""


def _shot(page, name):
    """Screenshots of the page as it is, then of its English version (public pages)."""
    if not SHOTS:
        return
    os.makedirs(SHOTS, exist_ok=True)
    url = page.url
    english = None if "/admin/" in url else re.sub(r"^(https?://[^/]+)/", r"\1/en/", url)
    for lang, address in (("de", None), ("en", english)):
        if lang == "en":
            if address is None:
                break
            page.goto(address)
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{SHOTS}/{name}-{lang}-{width}.png", full_page=True)
            # nothing on a phone may make the page scroll sideways or stick out of it
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
            if english:  # the site's own pages (the admin's layout is Django's)
                assert page.evaluate(WIDEST) <= width, (name, width, page.evaluate(WIDEST_WHAT))
    page.set_viewport_size({"width": 1280, "height": 900})
    if english:
        page.goto(url)


def _no_violations(page):
    found = axe_violations(page)
    assert not found, f"{page.url}: {found}"


def _sign_up(page, base, email, name, then):
    page.goto(f"{base}/beteiligung/anmelden/?next={then}")
    page.get_by_label("E-Mail-Adresse").fill(email)
    page.get_by_role("button", name="Link senden").click()
    page.get_by_role("heading", name="Bitte prüfen Sie Ihr Postfach").wait_for()
    link = re.search(r"http://\S+/beteiligung/anmelden/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link)
    page.get_by_role("button", name="Jetzt anmelden").click()
    if name == "Ida":
        _shot(page, "03b-sign-up")
    page.get_by_label("Anzeigename").fill(name)
    page.get_by_label("Ich habe die Datenschutzhinweise gelesen.").check()
    page.get_by_role("button", name="Speichern").click()


def test_the_dialogs_new_parts_end_to_end(demo_live, browser, page):
    from leitstand.participation.models import Consultation, Notification, Proposal, Support
    from leitstand.register.models import Edition, Strategy
    from tests.participation.helpers import comment_on, participant

    base = demo_live.url
    consultation = Consultation.objects.get(slug="musterstadt-2027")
    goal = consultation.edition.goals.first()
    bert = participant("Bert", "bert@example.org")
    question = comment_on(consultation, goal, bert, "Wie wird das gemessen?")
    proposal = Proposal.objects.create(consultation=consultation, participant=bert,
                                       kind="new_goal", title="Sitzbänke im Park",
                                       body="Alle 200 Meter eine Bank.")

    # The start page names the open consultation.
    page.goto(base + "/")
    _shot(page, "01-start")
    page.get_by_role("link", name=consultation.title).first.click()
    _shot(page, "02-consultation")

    # Ida signs up (privacy notice acknowledged) and lands back on the proposals.
    proposals_url = f"/beteiligung/{consultation.slug}/vorschlaege/"
    page.goto(f"{base}/beteiligung/anmelden/")
    _no_violations(page)
    _shot(page, "03-sign-in")
    _sign_up(page, base, "ida@example.org", "Ida", proposals_url)
    _shot(page, "04-proposals")
    _no_violations(page)

    # She supports Bert's proposal, the button turns into "withdraw", she withdraws.
    page.get_by_role("link", name="Sitzbänke im Park").click()
    page.get_by_role("button", name="Diesen Vorschlag unterstützen").click()
    assert "Danke für Ihre Unterstützung" in page.locator("main .messages").inner_text()
    _shot(page, "05-supported")
    _no_violations(page)
    page.get_by_role("button", name="Meine Unterstützung zurückziehen").click()
    assert "Ihre Unterstützung ist zurückgezogen." in page.content()
    assert not Support.objects.filter(proposal=proposal).exists()
    page.get_by_role("button", name="Diesen Vorschlag unterstützen").wait_for()

    # She replies to Bert's comment on a goal; Bert is told by mail and on his page.
    page.goto(f"{base}/beteiligung/{consultation.slug}/ziel/{goal.pk}/")
    thread = page.locator(f"#c{question.pk}").locator("xpath=..")
    thread.locator("summary", has_text="Antworten").first.click()
    thread.get_by_label("Ihre Antwort").first.fill("Mit der jährlichen Umfrage.")
    before = len(mail.outbox)
    thread.get_by_role("button", name="Antworten").first.click()
    page.locator(".comment", has_text="Mit der jährlichen Umfrage.").wait_for()
    _shot(page, "06-reply")
    _no_violations(page)
    told = [m for m in mail.outbox[before:] if m.to == ["bert@example.org"]]
    assert len(told) == 1 and "List-Unsubscribe" in told[0].extra_headers
    assert Notification.objects.filter(participant=bert, kind="reply").count() == 1

    # My activity, from the header: the reply, the proposal-free support list, choices.
    page.get_by_role("link", name="Meine Beteiligung").first.click()
    assert "Mit der jährlichen Umfrage." in page.content()
    assert "veröffentlicht" in page.content()
    _shot(page, "07-my-activity")
    _no_violations(page)
    page.locator("summary", has_text="Welche Benachrichtigungen möchte ich?").click()
    page.get_by_label("Eine Antwort auf meinen Kommentar: per E-Mail").uncheck()
    page.get_by_role("button", name="Auswahl speichern").click()
    assert "Ihre Wahl der Benachrichtigungen ist gespeichert." in page.content()
    page.get_by_role("link", name="Meine Daten: herunterladen oder löschen").click()
    page.locator("summary", has_text="Wahl der Benachrichtigungen").click()
    assert "by_mail" in page.content()
    _shot(page, "07b-my-data")
    _no_violations(page)

    # Bert signs in elsewhere and finds the notification, marked new.
    other = browser.new_context()
    bert_page = other.new_page()
    _sign_up(bert_page, base, "bert@example.org", "Bert", "/beteiligung/meine-beteiligung/")
    assert "Neue Antwort auf Ihren Kommentar" in bert_page.content()
    assert "Neu:" in bert_page.content()
    other.close()

    # A strategy admin sets up a consultation with its phases in the admin, in German.
    admin_user = get_user_model().objects.create_user("strategin", password="pw-str-123456",
                                                      is_staff=True)
    Strategy.objects.get(slug="musterstadt").admins.add(admin_user)
    draft = Edition.objects.create(strategy=Strategy.objects.get(slug="musterstadt"),
                                   label="2030 (Entwurf)", slug="2030-entwurf", year=2030)
    team = browser.new_context()
    desk = team.new_page()
    log_in(desk, base, "strategin", "pw-str-123456")
    assert desk.get_by_role("link", name=f"Moderation: {consultation.title}").count() == 1
    assert desk.get_by_role("link", name="Massen-Upload (CSV, XLSX)").count() == 1
    _shot(desk, "08-admin-index")
    desk.get_by_role("link", name="Eine Beteiligung zu einem Entwurf einrichten").click()
    desk.get_by_label("Fassung").select_option(label=str(draft))
    desk.get_by_label("Titel").fill("Dialog zur Strategie 2030")
    desk.locator("[name=phases-0-name]").fill("Kommentierung")
    desk.locator("[name=phases-0-starts_at_0]").fill("01.03.2030")
    desk.locator("[name=phases-0-starts_at_1]").fill("00:00:00")
    desk.locator("[name=phases-0-ends_at_0]").fill("31.03.2030")
    desk.locator("[name=phases-0-ends_at_1]").fill("23:59:59")
    desk.locator("#id_phases-0-actions_1").check()
    _shot(desk, "09-admin-consultation")
    desk.locator("input[name=_save]").click()
    desk.get_by_text("wurde erfolgreich hinzugefügt").wait_for()
    made = Consultation.objects.get(title="Dialog zur Strategie 2030")
    assert made.edition == draft and made.slug == "dialog-zur-strategie-2030"
    assert [(p.name, p.actions) for p in made.phases.all()] == [("Kommentierung",
                                                                 "read,comment")]
    team.close()
    page.goto(f"{base}/beteiligung/{made.slug}/")
    assert "noch nicht begonnen" in page.content()  # and offers a subscription
    page.get_by_role("button", name="Abonnieren").wait_for()
    _shot(page, "10-not-yet")
