"""My activity and notifications: one page with everything a participant did, its state
and what they may still do; notifications of replies, answers and goal news on that page
and by mail, as each person chooses, with a one-click way out of every mail."""

import re

from django.urls import reverse
from django.utils import timezone

from leitstand.participation import notifications, services
from leitstand.participation.models import (
    Comment,
    Dispute,
    Notification,
    NotificationChoice,
    Phase,
    Proposal,
    Subscription,
    Support,
)
from leitstand.register.models import Goal, Organisation
from tests.conftest import staff_login
from tests.participation.helpers import comment_on, participant, sign_in


def _published_goal():
    return Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")


def test_my_activity_lists_everything_with_its_state(alice_client, draft, alice, bob):
    goal = draft.edition.goals.first()
    comment_on(draft, goal, alice, "Sichtbarer Gedanke")
    hidden = comment_on(draft, goal, alice, "Verborgener Gedanke")
    Comment.objects.filter(pk=hidden.pk).update(state="hidden", hidden_reason="Beleidigung")
    mine = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                   title="Mein Vorschlag", body="b")
    theirs = Proposal.objects.create(consultation=draft, participant=bob, kind="new_goal",
                                     title="Bobs Vorschlag", body="b")
    Support.objects.create(proposal=theirs, participant=alice)
    Dispute.objects.create(goal=_published_goal(), participant=alice, body="Falsch",
                           disputed_status="not_assessed")
    Subscription.objects.create(email=alice.email, goal=_published_goal())
    page = alice_client.get(reverse("participation:my_activity")).content.decode()
    assert "Sichtbarer Gedanke" in page and "veröffentlicht" in page
    assert "Verborgener Gedanke" not in page  # hidden: the reason, not the text
    assert "von der Moderation ausgeblendet – Grund: Beleidigung" in page
    assert "Mein Vorschlag" in page and "Meinen Vorschlag zurückziehen" in page
    assert "Bobs Vorschlag" in page and "Meine Unterstützung zurückziehen" in page
    assert "wartet auf eine Antwort" in page
    assert "19-07" in page and "Abbestellen" in page
    # the header leads there on every page once signed in
    home = alice_client.get(reverse("dashboard:home")).content.decode()
    assert 'href="/beteiligung/meine-beteiligung/"' in home
    # withdraw the proposal, the support, the subscription – each from this page
    alice_client.post(reverse("participation:withdraw_proposal", args=[mine.pk]))
    mine.refresh_from_db()
    assert mine.state == "removed" and mine.title == ""
    alice_client.post(reverse("participation:withdraw_support", args=[theirs.pk]),
                      {"next": reverse("participation:my_activity")})
    assert not Support.objects.filter(participant=alice).exists()
    alice_client.post(reverse("participation:end_subscription", args=[
        Subscription.objects.get(email=alice.email).pk]))
    assert not Subscription.objects.filter(email=alice.email).exists()


def test_nobody_withdraws_or_unsubscribes_for_someone_else(client, draft, alice, bob):
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="Alices", body="b")
    subscription = Subscription.objects.create(email=alice.email, goal=_published_goal())
    sign_in(client, bob)
    assert client.post(reverse("participation:withdraw_proposal",
                               args=[proposal.pk])).status_code == 403
    client.post(reverse("participation:end_subscription", args=[subscription.pk]))
    assert Subscription.objects.filter(pk=subscription.pk).exists()
    proposal.refresh_from_db()
    assert proposal.state == "visible"
    client.logout()
    assert client.get(reverse("participation:my_activity")).status_code == 403


def test_a_reply_notifies_by_mail_with_a_one_click_unsubscribe(client, draft, alice, bob,
                                                                mails):
    goal = draft.edition.goals.first()
    top = comment_on(draft, goal, alice, "Alices Frage")
    sign_in(client, bob)
    mails(lambda: client.post(reverse("participation:discussion", args=[
        draft.slug, "ziel", goal.pk]), {"body": "Bobs Antwort", "parent": top.pk}))
    message = mails.outbox[-1]
    assert message.to == [alice.email] and "Alices Frage" in message.subject
    stop = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert stop in message.body
    reply = Comment.objects.get(body="Bobs Antwort")
    assert f"#c{reply.pk}" in message.body
    # on her activity page, as new, then read
    sign_in(client, alice)
    page = client.get(reverse("participation:my_activity")).content.decode()
    assert "Neu:" in page and "Neue Antwort auf Ihren Kommentar" in page
    assert Notification.objects.get(participant=alice).read_at is not None
    # a mail program's one-click POST carries no CSRF token and no session
    from django.test import Client

    bare = Client(enforce_csrf_checks=True)
    path = re.sub(r"^https?://[^/]+", "", stop)
    assert bare.get(path).status_code == 200  # a GET changes nothing
    assert not NotificationChoice.objects.exists()
    assert bare.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert NotificationChoice.objects.get(participant=alice, kind="reply").by_mail is False
    assert bare.post(path[:-3] + "xx/").status_code == 400  # a forged token does nothing
    # no more mail of this kind, still on the page
    mails.outbox.clear()
    sign_in(client, bob)
    mails(lambda: client.post(reverse("participation:discussion", args=[
        draft.slug, "ziel", goal.pk]), {"body": "Noch eine Antwort", "parent": top.pk}))
    assert mails.outbox == []
    assert Notification.objects.filter(participant=alice).count() == 2


def test_each_person_chooses_their_notifications(alice_client, alice, bob, draft, mails):
    alice_client.post(reverse("participation:notification_choices"),
                      {"reply-page": "on", "dispute_answer-mail": "on"})
    choices = notifications.choices_of(alice)
    assert (choices["reply"].by_mail, choices["reply"].on_page) == (False, True)
    assert (choices["dispute_answer"].by_mail, choices["dispute_answer"].on_page) == (True, False)
    page = alice_client.get(reverse("participation:my_activity")).content.decode()
    assert 'id="reply-mail" name="reply-mail" aria-label' in page  # unchecked now
    assert 'id="reply-page" name="reply-page" checked' in page
    top = comment_on(draft, draft.edition.goals.first(), alice, "Frage")
    mails(lambda: services.post_comment(draft, bob, top.goal, "Antwort", top))
    assert mails.outbox == [] and alice.notifications.count() == 1
    # nobody is told of their own reply
    mails(lambda: services.post_comment(draft, alice, top.goal, "Selbst", top))
    assert alice.notifications.count() == 1


def test_an_answer_to_my_dispute_notifies_me(client, roles, alice, mails):
    goal = _published_goal()
    dispute = Dispute.objects.create(goal=goal, participant=alice, body="Falsch",
                                     disputed_status="not_assessed")
    staff_login(client, roles["editor_a"])
    mails(lambda: client.post(reverse("moderation:answer", args=[dispute.pk]), {
        "organisation": Organisation.objects.get(slug="mwide").pk, "body": "Wir prüfen."}))
    assert dispute.answers.count() == 1
    note = alice.notifications.get()
    assert note.kind == "dispute_answer" and note.url.endswith(f"#dispute-{dispute.pk}")
    assert [m.to for m in mails.outbox] == [[alice.email]]


def test_notify_is_the_entry_point_for_other_events(alice, mails):
    """The official answer to a proposal (issue 16) emits this event through `notify`."""
    proposal_url = "/beteiligung/x/vorschlag/1/"
    mails(lambda: notifications.notify(alice, Notification.PROPOSAL_ANSWER, "Mehr Bänke",
                                       proposal_url))
    assert alice.notifications.get().text == "Offizielle Antwort auf Ihren Vorschlag „Mehr Bänke“"
    assert "List-Unsubscribe" in mails.outbox[-1].extra_headers
    assert notifications.notify(None, Notification.REPLY, "x", "/") is None  # deleted person


def test_goal_news_reaches_a_signed_up_follower_on_the_page(alice, mails):
    from leitstand.monitoring.models import Assessment

    goal = _published_goal()
    since = timezone.now()
    Subscription.objects.create(email=alice.email, goal=goal, confirmed_at=since)
    Assessment.objects.create(goal=goal, status="achieved", as_of=timezone.localdate(),
                              assessor="MWIDE", assessor_kind="government", evidence="Bericht",
                              state="approved", approved_at=timezone.now())
    assert mails(lambda: notifications.send_news("http://testserver")) == 1
    assert alice.notifications.get().kind == "goal_status"
    assert "List-Unsubscribe" in mails.outbox[-1].extra_headers


def test_signing_up_needs_the_privacy_acknowledgement(client, db, settings, monkeypatch):
    newcomer = participant("Neu")
    newcomer.display_name = ""
    newcomer.save()
    sign_in(client, newcomer)
    page = client.get(reverse("participation:display_name")).content.decode()
    assert "Datenschutzhinweise gelesen" in page and "Nutzungsbedingungen" not in page
    refused = client.post(reverse("participation:display_name"), {"display_name": "Nele"})
    assert refused.status_code == 200
    newcomer.refresh_from_db()
    assert newcomer.acknowledged_at is None and newcomer.display_name == ""
    monkeypatch.setenv("LEITSTAND_TERMS_URL", "https://example.org/nutzung")
    page = client.get(reverse("participation:display_name")).content.decode()
    assert 'href="https://example.org/nutzung"' in page
    client.post(reverse("participation:display_name"),
                {"display_name": "Nele", "acknowledge": "on"})
    newcomer.refresh_from_db()
    assert newcomer.acknowledged_at is None  # the terms are not accepted yet
    client.post(reverse("participation:display_name"),
                {"display_name": "Nele", "acknowledge": "on", "accept_terms": "on"})
    newcomer.refresh_from_db()
    assert newcomer.acknowledged_at is not None and newcomer.display_name == "Nele"


def test_the_start_page_names_the_running_consultation(client, draft):
    page = client.get(reverse("dashboard:home")).content.decode()
    assert draft.title in page and reverse("participation:consultation",
                                           args=[draft.slug]) in page


def test_a_consultation_not_yet_begun_offers_a_subscription(client, draft):
    Phase.objects.filter(consultation=draft).update(
        starts_at=timezone.now() + timezone.timedelta(days=3),
        ends_at=timezone.now() + timezone.timedelta(days=9))
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert "noch nicht begonnen" in page and f'name="consultation" value="{draft.pk}"' in page


def test_a_held_reply_is_announced_only_once_a_moderator_releases_it(roles, draft, alice,
                                                                      mails):
    from leitstand.participation.models import Participant
    from leitstand.register.models import Strategy

    Strategy.objects.get(slug="musterstadt").admins.add(roles["strategy_admin"])
    top = comment_on(draft, draft.edition.goals.first(), alice, "Frage")
    guest = Participant.objects.create(display_name="")
    Phase.objects.filter(consultation=draft).update(actions="read,comment,propose,support")
    type(draft).objects.filter(pk=draft.pk).update(allow_anonymous=True)
    draft.refresh_from_db()
    reply = mails(lambda: services.post_comment(draft, guest, top.goal, "Gastantwort", top))
    assert reply.state == "held" and alice.notifications.count() == 0 and mails.outbox == []
    mails(lambda: services.moderate(roles["strategy_admin"], reply, "release"))
    assert alice.notifications.get().kind == "reply"
    assert [m.to for m in mails.outbox] == [[alice.email]]


def test_my_activity_asks_the_database_as_often_for_many_records_as_for_one(
        alice_client, draft, alice, bob):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as counted:
            assert alice_client.get(reverse("participation:my_activity")).status_code == 200
        return len(counted)

    def add(i):
        goal = draft.edition.goals.first()
        comment_on(draft, goal, alice, f"Gedanke {i}")
        theirs = Proposal.objects.create(consultation=draft, participant=bob, kind="new_goal",
                                         title=f"Bob {i}", body="b")
        Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                title=f"Alice {i}", body="b")
        Support.objects.create(proposal=theirs, participant=alice)
        Dispute.objects.create(goal=_published_goal(), participant=alice, body=f"Falsch {i}",
                               disputed_status="not_assessed")
        Notification.objects.create(participant=alice, kind="reply", text=f"N {i}", url="/")

    add(0)
    one = queries()
    for i in range(1, 20):
        add(i)
    assert queries() == one
