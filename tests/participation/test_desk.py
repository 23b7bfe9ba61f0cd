"""Issue 16: comments on a passage, official answers to proposals, finding proposals and
the moderation desk, through the pages as a participant and a moderator use them."""

import datetime as dt
import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.participation import answers as official
from leitstand.participation import results
from leitstand.participation.models import (
    Block,
    Comment,
    Participant,
    Proposal,
    ProposalAnswer,
    Report,
    ReviewRequest,
    Support,
)
from leitstand.register.models import Edition, Goal, Paragraph
from tests.conftest import staff_login
from tests.participation.helpers import comment_on, participant, sign_in


def _paragraph(draft):
    return Paragraph.objects.get(section__edition=draft.edition,
                                 text__startswith="Der Glasfaserausbau")


def _url(draft, kind, pk):
    return reverse("participation:discussion", args=[draft.slug, kind, pk])


def _trusted(name):
    who = participant(name)
    Participant.objects.filter(pk=who.pk).update(
        created_at=timezone.now() - dt.timedelta(days=8))
    return who


# --- Comment on a passage ---------------------------------------------------------------

def test_a_comment_on_words_is_marked_for_others_and_survives_an_edit(alice_client, client,
                                                                      draft):
    paragraph = _paragraph(draft)
    response = alice_client.post(_url(draft, "absatz", paragraph.pk), {
        "quote": "kein Unternehmen bauen wollte", "body": "Warum nicht die Stadtwerke?"})
    assert response.status_code == 302
    comment = Comment.objects.get(body="Warum nicht die Stadtwerke?")
    assert comment.quote == "kein Unternehmen bauen wollte" and comment.paragraph == paragraph
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert '<mark class="passage"' in page
    assert re.search(r'<mark class="passage"[^>]*>kein Unternehmen bauen wollte</mark>', page)
    assert "1 Kommentar zur markierten Stelle" in page
    Paragraph.objects.filter(pk=paragraph.pk).update(text=paragraph.text.replace(
        "seit 2024", "seit dem Jahr 2024").replace("bauen wollte", "bauen mochte"))
    page = client.get(_url(draft, "absatz", paragraph.pk)).content.decode()
    assert re.search(r'<mark class="passage"[^>]*>kein Unternehmen bauen mochte</mark>', page)
    assert "nicht mehr so im Text" not in page


def test_where_the_passage_is_gone_the_comment_stays_with_its_quote(alice_client, draft,
                                                                    alice):
    paragraph = _paragraph(draft)
    alice_client.post(_url(draft, "absatz", paragraph.pk), {
        "sentence": "0", "body": "Zu optimistisch."})
    comment = Comment.objects.get(body="Zu optimistisch.")
    assert comment.quote == "Der Glasfaserausbau hat seit 2024 an Tempo gewonnen."
    Paragraph.objects.filter(pk=paragraph.pk).update(text="Ein ganz neuer Absatz.")
    page = alice_client.get(_url(draft, "absatz", paragraph.pk)).content.decode()
    assert "<mark" not in page
    assert "Zu optimistisch." in page
    assert "„Der Glasfaserausbau hat seit 2024 an Tempo gewonnen.“" in page or \
        "<q>Der Glasfaserausbau hat seit 2024 an Tempo gewonnen.</q>" in page
    assert "nicht mehr so im Text" in page


def test_words_that_are_not_in_the_paragraph_are_refused_with_a_message(alice_client, draft):
    paragraph = _paragraph(draft)
    response = alice_client.post(_url(draft, "absatz", paragraph.pk), {
        "quote": "Breitband für alle", "body": "x"})
    assert response.status_code == 200
    assert "Diese Wörter stehen nicht im Absatz." in response.content.decode()
    assert not Comment.objects.filter(body="x").exists()


def test_without_a_passage_the_paragraph_comment_remains(alice_client, draft):
    paragraph = _paragraph(draft)
    alice_client.post(_url(draft, "absatz", paragraph.pk), {"body": "Zum ganzen Absatz."})
    assert Comment.objects.get(body="Zum ganzen Absatz.").quote == ""


# --- Official answers -------------------------------------------------------------------

@pytest.fixture
def answered(draft, alice, bob, make_user, mails):
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="Bürgerbüro auf Rädern", body="Ein Bus.")
    Support.objects.create(proposal=proposal, participant=bob)
    Support.objects.create(proposal=proposal, participant=alice)
    team = make_user("team", admin_of=["musterstadt"])
    return proposal, team


def test_an_official_answer_is_shown_mailed_and_counted(client, draft, answered, mails, alice,
                                                        bob):
    proposal, team = answered
    staff_login(client, team)
    url = reverse("moderation:answer_proposal", args=[proposal.pk])
    response = client.post(url, {"state": "rejected", "body": ""})
    assert response.status_code == 200 and not ProposalAnswer.objects.exists()  # no reason
    goal = Goal.objects.filter(edition=draft.edition).first()
    response = mails(lambda: client.post(url, {"state": "taken_up", "goal": goal.pk,
                                               "body": "Wird Teil von E-01."}))
    assert response.status_code == 302
    to = sorted(m.to[0] for m in mails.outbox)
    assert to == sorted([alice.email, bob.email])  # the author once, though she supports it
    assert "Bürgerbüro auf Rädern" in mails.outbox[0].body
    page = client.get(_url(draft, "vorschlag", proposal.pk)).content.decode()
    assert "Offizielle Antwort" in page and "Wird Teil von E-01." in page
    assert goal.get_absolute_url() not in page  # the draft's goal is not public yet
    Edition.objects.filter(pk=draft.edition_id).update(status=Edition.PUBLISHED)
    page = client.get(_url(draft, "vorschlag", proposal.pk)).content.decode()
    assert f'href="{goal.get_absolute_url()}"' in page
    data = results.collect(draft)
    assert data["answers"]["taken_up"] == 1
    assert [p["answer"] for p in data["proposals"] if p["id"] == proposal.pk] == ["taken_up"]
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert "1 in ein Ziel übernommen" in page


def test_only_the_strategy_team_answers(client, answered, make_user):
    proposal, _team = answered
    staff_login(client, make_user("fremd", admin_of=["nrw"]))
    response = client.post(reverse("moderation:answer_proposal", args=[proposal.pk]),
                           {"state": "accepted"})
    assert response.status_code == 403 and not ProposalAnswer.objects.exists()


# --- Finding proposals ------------------------------------------------------------------

def _proposals(draft, who, titles):
    from leitstand.ingest.stemming import index_text

    return [Proposal.objects.create(consultation=draft, participant=who, kind="new_goal",
                                    title=t, body="Text", search_text=index_text(t, "Text"))
            for t in titles]


def test_search_filters_and_pages(client, draft, alice, make_user):
    radweg, bus, *_ = _proposals(draft, alice, ["Sichere Radwege zur Schule", "Mehr Busse",
                                                *[f"Idee {i}" for i in range(25)]])
    url = reverse("participation:proposals", args=[draft.slug])
    page = client.get(url + "?q=Radweg").content.decode()
    assert "Sichere Radwege zur Schule" in page and "Mehr Busse" not in page
    official.answer_proposal(make_user("t", admin_of=["musterstadt"]), bus.pk, "accepted")
    page = client.get(url + "?zustand=angenommen").content.decode()
    assert "Mehr Busse" in page and "Sichere Radwege" not in page
    first = client.get(url + "?sortierung=alt").content.decode()
    second = client.get(url + "?sortierung=alt&seite=2").content.decode()
    assert "Seite 1 von 2" in first and "Seite 2 von 2" in second
    assert "Sichere Radwege" in first and "Sichere Radwege" not in second
    for bad in ("?zustand=alles", "?abschnitt=x", "?abschnitt=999999", "?foo=1"):
        assert client.get(url + bad).status_code == 400, bad


def test_similar_proposals_while_writing_and_without_a_script(alice_client, draft, alice):
    _proposals(draft, alice, ["Sichere Radwege zur Schule", "Mehr Busse am Abend"])
    similar = alice_client.get(reverse("participation:similar", args=[draft.slug]),
                               {"titel": "Radweg an der Schule"}).content.decode()
    assert "Sichere Radwege zur Schule" in similar and "Busse" not in similar
    before = Proposal.objects.count()
    page = alice_client.post(reverse("participation:proposals", args=[draft.slug]), {
        "similar": "1", "kind": "new_goal", "title": "Radwege für Schulkinder",
        "body": "Bitte"}).content.decode()
    assert Proposal.objects.count() == before  # only checked, nothing sent
    assert "Sichere Radwege zur Schule" in page and 'value="Radwege für Schulkinder"' in page


def test_withdraw_my_own_proposal_only(client, draft, alice, bob):
    mine, = _proposals(draft, alice, ["Meine Idee"])
    sign_in(client, bob)
    assert client.post(reverse("participation:withdraw", args=[mine.pk])).status_code == 403
    sign_in(client, alice)
    assert client.post(reverse("participation:withdraw", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    assert mine.withdrawn_at is not None
    sign_in(client, bob)
    assert client.post(reverse("participation:support", args=[mine.pk])).status_code == 403
    page = client.get(_url(draft, "vorschlag", mine.pk)).content.decode()
    assert "Von der Autorin oder dem Autor zurückgezogen" in page
    listed = client.get(reverse("participation:proposals", args=[draft.slug])).content.decode()
    assert "Meine Idee" not in listed
    assert "Meine Idee" in client.get(reverse("participation:proposals", args=[draft.slug]),
                                      {"zustand": "zurueckgezogen"}).content.decode()


# --- The moderation desk ----------------------------------------------------------------

def _report(client, who, comment, category="insult"):
    sign_in(client, who)
    return client.post(reverse("participation:report", args=["kommentar", comment.pk]),
                       {"category": category, "reason": ""})


def test_three_trusted_reports_hold_a_post_and_never_hide_it(client, draft, bob):
    comment = comment_on(draft, draft.edition.goals.first(), bob, "Grenzwertig")
    newcomer = participant("Neu")  # an account younger than seven days is not trusted
    hidden_author = _trusted("Verdeckt")
    comment_on(draft, draft.edition.goals.first(), hidden_author, "x").__class__.objects \
        .filter(participant=hidden_author).update(state="hidden")
    for who in (_trusted("A"), _trusted("B"), newcomer, hidden_author):
        assert _report(client, who, comment).status_code == 302
    comment.refresh_from_db()
    assert comment.state == "visible"  # two trusted reports only
    _report(client, _trusted("C"), comment, "spam")
    comment.refresh_from_db()
    assert comment.state == "held"
    assert Report.objects.filter(comment=comment).count() == 5


def test_the_author_is_told_why_and_may_ask_once_for_a_review(client, draft, roles, bob,
                                                               mails, make_user):
    comment = comment_on(draft, draft.edition.goals.first(), bob, "Mein Text")
    team = make_user("mod", admin_of=["musterstadt"])
    staff_login(client, team)
    mails(lambda: client.post(reverse("moderation:moderate", args=[
        "kommentar", comment.pk, "hide"]), {"reason": "Persönliche Daten einer Nachbarin"}))
    told = [m for m in mails.outbox if m.to == [bob.email]]
    assert len(told) == 1 and "Persönliche Daten einer Nachbarin" in told[0].body
    review = re.search(r"http://\S+(/beteiligung/pruefung/kommentar/\d+/)", told[0].body)[1]
    sign_in(client, bob)
    assert client.post(review, {"body": "Das war ein erfundener Name."}).status_code == 302
    assert client.post(review, {"body": "Noch einmal"}).status_code == 403  # once only
    staff_login(client, team)
    desk = client.get(reverse("moderation:desk"), {"anzeigen": "pruefung"}).content.decode()
    assert "Das war ein erfundener Name." in desk
    client.post(reverse("moderation:moderate", args=["kommentar", comment.pk, "keep"]))
    assert ReviewRequest.objects.get().decided_at is not None
    comment.refresh_from_db()
    assert comment.state == "hidden"


def test_a_blocked_participant_posts_are_held_and_the_block_is_logged(client, draft, bob,
                                                                      make_user):
    team = make_user("mod", admin_of=["musterstadt"])
    staff_login(client, team)
    response = client.post(reverse("moderation:block", args=[draft.slug, bob.pk]),
                           {"reason": "Wiederholt beleidigend"})
    assert response.status_code == 302
    block = Block.objects.get()
    assert block.blocked_by == team and block.reason == "Wiederholt beleidigend"
    sign_in(client, bob)
    client.post(_url(draft, "ziel", draft.edition.goals.first().pk), {"body": "Neuer Text"})
    assert Comment.objects.get(body="Neuer Text").state == "held"
    staff_login(client, team)
    desk = client.get(reverse("moderation:desk")).content.decode()
    assert "Neuer Text" in desk and "Wiederholt beleidigend" in desk
    client.post(reverse("moderation:unblock", args=[block.pk]))
    block.refresh_from_db()
    assert block.lifted_by == team
    sign_in(client, bob)
    client.post(_url(draft, "ziel", draft.edition.goals.first().pk), {"body": "Wieder frei"})
    assert Comment.objects.get(body="Wieder frei").state == "visible"


def test_the_desk_spans_consultations_filters_and_links_to_the_post(client, draft, nrw_dialog,
                                                                   alice, bob, make_user):
    here = comment_on(draft, draft.edition.goals.first(), bob, "Werbung hier")
    comment_on(draft, draft.edition.goals.first(), bob, "Ganz harmlos")
    hidden = comment_on(draft, draft.edition.goals.first(), bob, "Still verborgen")
    Comment.objects.filter(pk=hidden.pk).update(state="hidden", hidden_reason="r")
    there = comment_on(nrw_dialog, nrw_dialog.edition.goals.first(), bob, "Beleidigung dort")
    Report.objects.create(comment=here, reporter=alice, reason="", category="spam")
    Report.objects.create(comment=there, reporter=alice, reason="", category="insult")
    staff_login(client, make_user("beide", superuser=True))
    desk = client.get(reverse("moderation:desk")).content.decode()
    assert "Werbung hier" in desk and "Beleidigung dort" in desk
    assert "Ganz harmlos" not in desk  # nothing to do about it
    review = client.get(reverse("moderation:desk"), {"anzeigen": "pruefung"}).content.decode()
    assert "Still verborgen" not in review  # hidden, but nobody asked for a review
    assert f'href="{_url(draft, "ziel", here.goal_id)}#c{here.pk}"' in desk
    spam = client.get(reverse("moderation:desk"), {"kategorie": "spam"}).content.decode()
    assert "Werbung hier" in spam and "Beleidigung dort" not in spam
    one = client.get(reverse("moderation:desk"),
                     {"beteiligung": nrw_dialog.slug}).content.decode()
    assert "Werbung hier" not in one and "Beleidigung dort" in one
    assert client.get(reverse("moderation:desk"), {"kategorie": "x"}).status_code == 400
    staff_login(client, make_user("nur-nrw", admin_of=["nrw"]))
    assert "Werbung hier" not in client.get(reverse("moderation:desk")).content.decode()


def test_the_dispute_answer_form_shows_the_disputes_sources(client, roles):
    from leitstand.participation.models import Dispute

    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    dispute = Dispute.objects.create(goal=goal, participant=participant("d"),
                                     disputed_status="on_track", body="Stimmt nicht.",
                                     links="https://example.org/bericht-2025")
    staff_login(client, roles["editor_a"])
    page = client.get(reverse("moderation:answer", args=[dispute.pk])).content.decode()
    assert 'href="https://example.org/bericht-2025"' in page


# --- Privacy ----------------------------------------------------------------------------

def test_export_and_deletion_cover_the_new_records(client, draft, bob, make_user):
    dora = participant("Dora")
    paragraph = _paragraph(draft)
    sign_in(client, dora)
    client.post(_url(draft, "absatz", paragraph.pk), {"quote": "an Tempo gewonnen",
                                                      "body": "Stimmt"})
    other = comment_on(draft, paragraph, bob, "Bobs Text")
    client.post(reverse("participation:report", args=["kommentar", other.pk]),
                {"category": "off_topic", "reason": "Thema verfehlt"})
    mine, = _proposals(draft, dora, ["Doras Idee"])
    client.post(reverse("participation:withdraw", args=[mine.pk]))
    hidden = comment_on(draft, paragraph, dora, "Versteckt")
    Comment.objects.filter(pk=hidden.pk).update(state="hidden", hidden_reason="r")
    client.post(reverse("participation:request_review", args=["kommentar", hidden.pk]),
                {"body": "Bitte prüfen"})
    Block.objects.create(participant=dora, strategy=draft.edition.strategy, reason="Spam",
                         blocked_by=make_user("mod"))
    data = json.loads(client.get(reverse("participation:my_data_export")).content)
    assert [c["quoted_passage"] for c in data["comments"] if c["body"] == "Stimmt"] == [
        "an Tempo gewonnen"]
    assert data["reports"][0]["category"] == "off_topic"
    assert data["proposals"][0]["withdrawn_at"]
    assert [r["body"] for r in data["review_requests"]] == ["Bitte prüfen"]
    assert [b["reason"] for b in data["blocks"]] == ["Spam"]
    client.post(reverse("participation:delete_account"), {"confirm": "yes"})
    assert not ReviewRequest.objects.exists()
    assert Block.objects.get().participant is None  # the log stays, naming nobody
