"""Issue 16 in Chromium: a comment on marked words that stays anchored when the paragraph
changes, an official answer that reaches a proposal's author and supporters, and the
moderation desk; axe-core checks each new page."""

import datetime as dt
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from tests.browser.conftest import axe_violations, log_in

WORDS = "kein Unternehmen bauen wollte"


def _no_violations(page):
    found = axe_violations(page)
    assert not found, f"{page.url}: {found}"


def _sign_in(page, base, who):
    """A participant opens their one-time sign-in link, as from the mail."""
    from django.utils import timezone

    from leitstand.participation import identity
    from leitstand.participation.models import Participant

    # as links store it; signed up before (the privacy notice acknowledged)
    Participant.objects.filter(pk=who.pk).update(email=who.email.lower(),
                                                 acknowledged_at=timezone.now())
    page.goto(f"{base}/beteiligung/anmelden/{identity.new_link(who.email)}/")
    page.get_by_role("button", name="Jetzt anmelden").click()
    page.wait_for_url("**/beteiligung/")


def _moderator(name="moderatorin"):
    from leitstand.register.models import Strategy

    user = get_user_model().objects.create_user(name, password="pw-mod-123456", is_staff=True)
    Strategy.objects.get(slug="musterstadt").admins.add(user)
    return user


def _mark(page, words):
    """Marks the words in the paragraph with the mouse, from the first letter to the last."""
    box = page.evaluate("""(words) => {
        const p = document.getElementById('paragraph-text');
        const node = [...p.childNodes].find(n => n.nodeType === 3 && n.data.includes(words));
        const at = node.data.indexOf(words);
        const rect = (i) => { const r = document.createRange(); r.setStart(node, i);
                              r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
        const a = rect(at), b = rect(at + words.length - 1);
        return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1,
                y2: b.top + b.height / 2};
    }""", words)
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def test_comment_on_marked_words_stays_anchored_after_an_edit(demo_live, page):
    from leitstand.participation.models import Comment, Consultation
    from leitstand.register.models import Paragraph
    from tests.participation.helpers import participant

    consultation = Consultation.objects.get(slug="musterstadt-2027")
    paragraph = Paragraph.objects.get(section__edition=consultation.edition,
                                      text__startswith="Der Glasfaserausbau")
    _sign_in(page, demo_live.url, participant("ida"))
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/absatz/{paragraph.pk}/")
    button = page.get_by_role("button", name="Die markierten Wörter kommentieren")
    assert not button.is_visible()
    _mark(page, WORDS)
    button.click()  # the script fills in the words and moves on to the comment
    assert page.get_by_label("… oder diese Wörter des Absatzes (freiwillig)").input_value() \
        == WORDS
    page.keyboard.type("Warum nicht die Stadtwerke?")
    page.get_by_role("button", name="Kommentar senden").click()
    page.locator(".comment", has_text="Warum nicht die Stadtwerke?").wait_for()
    assert Comment.objects.get(body="Warum nicht die Stadtwerke?").quote == WORDS
    _no_violations(page)

    # With the keyboard alone: a sentence from the list.
    page.get_by_label("Einen Satz kommentieren (freiwillig)").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")  # past the words field
    page.keyboard.press("Tab")
    page.keyboard.type("Das Tempo sehe ich nicht.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator(".comment", has_text="Das Tempo sehe ich nicht.").wait_for()
    assert Comment.objects.get(body="Das Tempo sehe ich nicht.").quote == \
        "Der Glasfaserausbau hat seit 2024 an Tempo gewonnen."

    # Others see the passages marked in the draft, with their counts.
    other = page.context.browser.new_context().new_page()
    other.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/")
    marks = other.locator(f"#p-{paragraph.pk} mark.passage")
    assert marks.all_inner_texts() == ["Der Glasfaserausbau hat seit 2024 an Tempo gewonnen.",
                                       WORDS]
    assert other.get_by_role("link", name="1 Kommentar zur markierten Stelle").count() == 2
    _no_violations(other)

    # An editor changes the paragraph between phases; the comment finds its words again.
    Paragraph.objects.filter(pk=paragraph.pk).update(text=(
        "Seit dem Ratsbeschluss gilt: Der Glasfaserausbau hat seit 2024 deutlich an Tempo "
        "gewonnen. Die Fortschreibung richtet den Blick auf die Stadtteile, in denen bisher "
        "kein Unternehmen bauen mochte."))
    other.reload()
    assert marks.all_inner_texts() == ["kein Unternehmen bauen mochte"]
    other.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/absatz/{paragraph.pk}/")
    moved = other.locator(".comment", has_text="Das Tempo sehe ich nicht.")
    assert "nicht mehr so im Text" in moved.inner_text()  # its sentence was rewritten
    assert "Der Glasfaserausbau hat seit 2024 an Tempo gewonnen." in moved.inner_text()
    other.context.close()


def test_an_official_answer_reaches_author_and_supporters(demo_live, browser, page):
    from leitstand.participation.models import Consultation, Proposal, Support
    from tests.participation.helpers import participant

    consultation = Consultation.objects.get(slug="musterstadt-2027")
    author, supporter = participant("ida"), participant("jon")
    proposal = Proposal.objects.create(consultation=consultation, participant=author,
                                       kind="new_goal", title="Bürgerbüro auf Rädern",
                                       body="Ein Bus fährt die Stadtteile an.")
    Support.objects.create(proposal=proposal, participant=supporter)
    _moderator()
    team = browser.new_context()
    desk = team.new_page()
    log_in(desk, demo_live.url, "moderatorin", "pw-mod-123456",
           f"/redaktion/beteiligung/{consultation.slug}/")
    desk.get_by_role("link", name="offizielle Antwort").first.click()
    _no_violations(desk)
    desk.get_by_label("abgelehnt").check()
    desk.get_by_role("button", name="Antwort veröffentlichen").click()
    assert desk.locator("[role=alert]").first.is_visible()  # a rejection needs a reason
    desk.get_by_label("abgelehnt").check()
    desk.get_by_label("Begründung oder Erläuterung (bei einer Ablehnung nötig)").fill(
        "Der Haushalt 2027 sieht keine Mittel vor.")
    desk.get_by_role("button", name="Antwort veröffentlichen").click()
    desk.wait_for_url(f"**/redaktion/beteiligung/{consultation.slug}/")
    team.close()
    told = [m for m in mail.outbox if "Bürgerbüro auf Rädern" in m.body]
    assert sorted(m.to[0] for m in told) == sorted([author.email, supporter.email])
    assert all("abgelehnt" in m.body and "keine Mittel" in m.body for m in told)

    path = re.search(r"https?://[^/\s]+(/\S+/vorschlag/\d+/)", told[0].body).group(1)
    _sign_in(page, demo_live.url, author)
    page.goto(demo_live.url + path)  # the link in the mail
    answer = page.locator(".official-answer")
    assert "abgelehnt" in answer.inner_text() and "keine Mittel" in answer.inner_text()
    _no_violations(page)
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/")
    assert "1 mit Begründung abgelehnt" in page.locator("#answers-h + ul").inner_text()


def test_the_moderation_desk(demo_live, browser, page):
    from leitstand.participation import services
    from leitstand.participation.models import Block, Comment, Consultation, Participant
    from tests.participation.helpers import comment_on, participant

    consultation = Consultation.objects.get(slug="musterstadt-2027")
    goal = consultation.edition.goals.first()
    author = participant("rolf")
    comment = comment_on(consultation, goal, author, "Der Nachbar Herr M. wohnt in Nr. 5")
    reporters = [participant(n) for n in ("A", "B", "C")]
    Participant.objects.filter(pk__in=[r.pk for r in reporters]).update(
        created_at=timezone.now() - dt.timedelta(days=10))
    for who in reporters:
        services.report(Comment.objects.get(pk=comment.pk),
                        Participant.objects.get(pk=who.pk), "", "personal_data")
    assert Comment.objects.get(pk=comment.pk).state == "held"  # held, not hidden

    _moderator()
    team = browser.new_context()
    desk = team.new_page()
    log_in(desk, demo_live.url, "moderatorin", "pw-mod-123456", "/redaktion/beteiligung/")
    _no_violations(desk)
    entry = desk.locator("article.desk-entry", has_text="Herr M.")
    assert "3 Meldungen" in entry.inner_text()
    assert entry.get_by_role("link", name="zum Beitrag").first.get_attribute("href") \
        .endswith(f"/ziel/{goal.pk}/#c{comment.pk}")
    desk.get_by_label("Art der Meldung").select_option("spam")
    desk.get_by_role("button", name="Filtern").click()
    assert desk.locator("article.desk-entry").count() == 0
    desk.get_by_label("Art der Meldung").select_option("personal_data")
    desk.get_by_role("button", name="Filtern").click()
    entry = desk.locator("article.desk-entry", has_text="Herr M.")
    entry.get_by_label("Grund (erscheint anstelle des Textes)").fill(
        "Persönliche Daten eines Dritten")
    entry.get_by_role("button", name="Ausblenden").click()
    assert Comment.objects.get(pk=comment.pk).state == "hidden"
    told = [m for m in mail.outbox if m.to == [author.email]]
    assert len(told) == 1 and "Persönliche Daten eines Dritten" in told[0].body
    assert "kategorie=personal_data" in desk.url  # back on the filtered desk

    # Block the author: their next post waits.
    desk.goto(f"{demo_live.url}/redaktion/beteiligung/?anzeigen=ausgeblendet")
    desk.locator("article.desk-entry", has_text="Persönliche Daten eines Dritten") \
        .get_by_role("link", name="Die Person sperren").click()
    _no_violations(desk)
    desk.get_by_label("Warum wird diese Person gesperrt?").fill("Wiederholt Daten Dritter")
    desk.get_by_role("button", name="Sperren").click()
    assert Block.objects.get().reason == "Wiederholt Daten Dritter"
    assert "Wiederholt Daten Dritter" in desk.locator("#blocks-h + .scroll table").inner_text()
    team.close()

    _sign_in(page, demo_live.url, author)
    page.goto(f"{demo_live.url}/beteiligung/{consultation.slug}/ziel/{goal.pk}/")
    page.get_by_role("link", name="Um Überprüfung der Entscheidung bitten").click()
    _no_violations(page)
    page.get_by_label("Warum soll Ihr Beitrag wieder erscheinen?").fill("Erfundener Name.")
    page.get_by_role("button", name="Um Überprüfung bitten").click()
    page.get_by_label("Ihr Kommentar").fill("Noch ein Beitrag")
    page.get_by_role("button", name="Kommentar senden").click()
    assert Comment.objects.get(body="Noch ein Beitrag").state == "held"
