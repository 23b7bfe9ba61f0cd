"""Findings 3 and 4 of issue 20: posts held for moderation are their author's alone, and a
hidden proposal's title is as gone as its text – on every page, count and mail."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.participation import services
from leitstand.participation.models import Content, Proposal, Subscription
from leitstand.participation.notifications import send_news
from leitstand.register.models import Edition, Goal
from tests.participation.helpers import comment_on, open_consultation, participant, sign_in

HELD_TEXT = "Zurückgehaltener Text 4c1e"
TITLE = "Geheimer Vorschlagstitel 9b2d"


@pytest.fixture
def dialog(db):
    return open_consultation(Edition.objects.get(strategy__slug="nrw", slug="2-0"))


@pytest.fixture
def goal(dialog):
    return Goal.objects.filter(edition=dialog.edition).first()


def test_a_held_comment_or_proposal_is_not_readable_through_the_report_page(client, dialog,
                                                                             goal):
    author = participant("Autorin")
    held = comment_on(dialog, goal, author, body=HELD_TEXT)
    held.state = Content.HELD
    held.save()
    proposal = Proposal.objects.create(consultation=dialog, participant=author, kind="new_goal",
                                       title=TITLE, body=HELD_TEXT, state=Content.HELD)
    for kind, pk in (("kommentar", held.pk), ("vorschlag", proposal.pk)):
        url = reverse("participation:report", args=[kind, pk])
        response = client.get(url)
        assert response.status_code == 404, kind
        assert HELD_TEXT not in response.content.decode()
        sign_in(client, participant(f"Andere {kind}"))
        assert client.get(url).status_code == 404
        sign_in(client, author)
        assert HELD_TEXT in client.get(url).content.decode()  # the author still sees it
        client.logout()


def test_a_reply_below_a_held_comment_is_not_counted_and_no_reply_is_taken(client, dialog,
                                                                           goal):
    held = comment_on(dialog, goal, participant("Gast"), body=HELD_TEXT)
    held.state = Content.HELD
    held.save()
    reply = comment_on(dialog, goal, participant("Antwort"), body="Antwort")
    reply.parent = held
    reply.save()
    response = client.get(reverse("participation:consultation", args=[dialog.slug]))
    counted = {g.pk: g.comment_count for s in response.context["sections"]
               for g in s.goals.all()}
    assert counted[goal.pk] == 0  # nothing of it is visible
    with pytest.raises(services.Refused):
        services.post_comment(dialog, participant("Dritte"), goal, "Noch eine Antwort", held)
    held.state = Content.HIDDEN
    held.hidden_reason = "Beleidigend"
    held.save()
    with pytest.raises(services.Refused):
        services.post_comment(dialog, participant("Vierte"), goal, "Und noch eine", held)


def test_a_hidden_proposal_keeps_no_public_title(client, roles, dialog, goal, mails):
    author = participant("Vorschlagende")
    proposal = services.propose(dialog, author, "new_goal", TITLE, "Text des Vorschlags.")
    services.take_up(roles["strategy_admin"], proposal.pk, goal, "übernommen")
    services.moderate(roles["strategy_admin"], proposal, "hide", "Verstößt gegen die Regeln")
    Subscription.objects.create(email="abo@example.org", consultation=dialog,
                                confirmed_at=timezone.now() - dt.timedelta(days=1),
                                notified_up_to=timezone.now() - dt.timedelta(days=1))
    for url in (reverse("participation:discussion", args=[dialog.slug, "vorschlag",
                                                          proposal.pk]),
                reverse("participation:consultation", args=[dialog.slug]),
                reverse("participation:proposals", args=[dialog.slug])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert TITLE not in response.content.decode(), url
    mails(lambda: send_news("https://leitstand.example"))
    assert not any(TITLE in m.body or TITLE in m.subject for m in mails.outbox)
