"""Privacy by design: a participant downloads all their data and deletes their account;
subscriptions need a confirmation and end with one click and a POST; mail that cannot be
sent waits in the queue."""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail as django_mail
from django.core.management import call_command
from django.urls import reverse

from leitstand.core.models import OutgoingMail
from leitstand.participation.models import (
    CommentSupport,
    Consultation,
    Notification,
    NotificationChoice,
    Participant,
    Proposal,
    Report,
    SignInLink,
    Subscription,
    Support,
)
from leitstand.register.models import Goal
from tests.participation.helpers import comment_on, participant, sign_in


def test_a_participant_downloads_everything_stored_about_them(alice_client, draft, alice, bob):
    goal = draft.edition.goals.first()
    comment_on(draft, goal, alice, "Mein Kommentar")
    comment_on(draft, goal, bob, "Bobs Kommentar")
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="Meine Idee", body="b")
    Support.objects.create(proposal=proposal, participant=alice)
    Subscription.objects.create(email=alice.email, goal=goal)
    response = alice_client.get(reverse("participation:my_data_export"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["participant"]["email"] == alice.email
    assert [c["body"] for c in data["comments"]] == ["Mein Kommentar"]
    assert [p["title"] for p in data["proposals"]] == ["Meine Idee"]
    assert len(data["supports"]) == 1 and len(data["subscriptions"]) == 1
    assert "Bobs Kommentar" not in response.content.decode()


def test_only_a_signed_in_participant_gets_their_data(client, db):
    assert client.get(reverse("participation:my_data_export")).status_code == 403


def _everything_of(who, consultation):
    goal = consultation.edition.goals.first()
    comment = comment_on(consultation, goal, who, "Text von Dora")
    proposal = Proposal.objects.create(consultation=consultation, participant=who,
                                       kind="new_goal", title="Doras Vorschlag", body="b")
    Support.objects.create(proposal=proposal, participant=who)
    Report.objects.create(comment=comment_on(consultation, goal, participant("x")),
                          reporter=who, reason="r")
    Subscription.objects.create(email=who.email, goal=goal)
    SignInLink.objects.create(token_hash="0" * 64, email=who.email,
                              expires_at="2030-01-01T00:00Z")
    CommentSupport.objects.create(comment=comment_on(consultation, goal, participant("y")),
                                  participant=who)
    Notification.objects.create(participant=who, kind="reply", text="Neue Antwort", url="/")
    NotificationChoice.objects.create(participant=who, kind="goal_status", by_mail=False)
    return comment, proposal


# Every record of the dialog that points at a participant, and the export's key for it.
EXPORT_KEYS = {"Comment": "comments", "Proposal": "proposals", "Support": "supports",
               "CommentSupport": "comment_supports", "Report": "reports",
               "Dispute": "disputes", "Notification": "notifications",
               "NotificationChoice": "notification_choices"}


def test_export_and_deletion_cover_every_record_that_names_a_participant(client, draft):
    from django.apps import apps

    models = {m.__name__: m for m in apps.get_app_config("participation").get_models()}
    pointing = {name: [f.name for f in m._meta.get_fields() if f.is_relation and f.concrete
                       and f.related_model is Participant]
                for name, m in models.items()}
    pointing = {name: fields for name, fields in pointing.items() if fields}
    assert set(pointing) == set(EXPORT_KEYS), "a new record names participants: export it"
    dora = participant("Dora")
    _everything_of(dora, draft)
    sign_in(client, dora)
    data = json.loads(client.get(reverse("participation:my_data_export")).content)
    for name, key in EXPORT_KEYS.items():
        stored = models[name].objects.filter(
            **{f"{pointing[name][0]}": dora}).count()
        assert len(data[key]) == stored, name
    assert data["notification_choices"] == [{"kind": "goal_status", "by_mail": False,
                                             "on_page": True}]
    page = client.get(reverse("participation:my_data")).content.decode()
    assert "Neue Antwort" in page and "goal_status" in page  # the records, not only counts
    client.post(reverse("participation:delete_account"), {"confirm": "yes"})
    for name, fields in pointing.items():
        for field in fields:
            assert not models[name].objects.filter(**{f"{field}_id": dora.pk}).exists(), name
    assert not Notification.objects.filter(text="Neue Antwort").exists()
    assert not NotificationChoice.objects.exists()


@pytest.mark.parametrize("policy", [Consultation.ANONYMISE, Consultation.REMOVE])
def test_deleting_the_account_follows_the_consultations_policy(client, draft, policy):
    Consultation.objects.filter(pk=draft.pk).update(on_account_deletion=policy)
    dora = participant("Dora")
    comment, proposal = _everything_of(dora, draft)
    sign_in(client, dora)
    assert client.post(reverse("participation:delete_account")).status_code == 403  # unconfirmed
    response = client.post(reverse("participation:delete_account"), {"confirm": "yes"})
    assert response.status_code == 200
    assert not Participant.objects.filter(pk=dora.pk).exists()
    assert not Subscription.objects.filter(email=dora.email).exists()
    assert not SignInLink.objects.filter(email=dora.email).exists()
    comment.refresh_from_db()
    proposal.refresh_from_db()
    assert comment.participant is None and proposal.participant is None
    page = client.get(reverse("participation:discussion", args=[
        draft.slug, "ziel", comment.goal_id])).content.decode()
    if policy == Consultation.ANONYMISE:
        assert comment.body == "Text von Dora" and "gelöschte teilnehmende Person" in page
        assert proposal.supports.count() == 1  # still counted, naming nobody
    else:
        assert comment.body == "" and comment.state == "removed"
        assert proposal.title == "" and proposal.state == "removed"
        assert "Text von Dora" not in page
        assert proposal.supports.count() == 0
    # the session ended with the account
    assert client.get(reverse("participation:my_data")).status_code == 403


def test_subscribing_needs_a_confirmation_and_unsubscribing_a_post(client, db, mails):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    response = mails(lambda: client.post(reverse("participation:subscribe"),
                                         {"email": "Fan@Example.org", "goal": goal.pk}))
    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.email == "fan@example.org" and subscription.confirmed_at is None
    confirm = re.search(r"http://testserver(\S+bestaetigen\S+)", mails.outbox[-1].body).group(1)
    assert client.get(confirm).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None  # opening the link changes nothing
    assert client.post(confirm).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    # news carries a one-click unsubscribe link
    from leitstand.participation.notifications import send_news

    answer_dispute_now(goal)
    assert mails(lambda: send_news("http://testserver")) == 1
    unsubscribe = re.search(r"http://testserver(\S+abbestellen\S+)",
                            mails.outbox[-1].body).group(1)
    assert client.get(unsubscribe).status_code == 200
    assert Subscription.objects.exists()
    assert client.post(unsubscribe).status_code == 200
    assert not Subscription.objects.exists()


def test_subscribing_twice_tells_nothing_and_a_forged_token_does_nothing(client, db, mails):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Subscription.objects.create(email="known@example.org", goal=goal,
                                confirmed_at="2026-01-01T00:00Z")
    known = mails(lambda: client.post(reverse("participation:subscribe"),
                                      {"email": "known@example.org", "goal": goal.pk}))
    assert known.status_code == 200 and "Postfach" in known.content.decode()
    assert client.post(reverse("participation:unsubscribe", args=["1:forged"])).status_code \
        == 400
    assert Subscription.objects.count() == 1


def answer_dispute_now(goal):
    from leitstand.participation.models import Dispute, DisputeAnswer

    dispute = Dispute.objects.create(goal=goal, disputed_status="x", body="b")
    return DisputeAnswer.objects.create(
        dispute=dispute, organisation=goal.responsible_units.first(), body="Antwort",
        answered_by=get_user_model().objects.create_user("unit-editor"))


def test_subscribers_hear_of_new_public_assessments_and_answers_once(db, mails, monkeypatch):
    import datetime as dt

    from django.utils import timezone

    from leitstand.monitoring.models import Assessment
    from leitstand.monitoring.vocabulary import label
    from leitstand.participation.notifications import send_news

    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Subscription.objects.create(email="waiting@example.org", goal=goal)  # never confirmed
    confirmed = Subscription.objects.create(email="fan@example.org", goal=goal,
                                            confirmed_at=timezone.now())
    base = dict(goal=goal, as_of=dt.date(2026, 6, 30), assessor="MWIDE",
                assessor_kind="government", evidence="e", state="approved",
                approved_at=timezone.now())
    Assessment.objects.create(status="on_track", **base)
    Assessment.objects.create(status="achieved", publish_on=timezone.localdate()
                              + dt.timedelta(days=3), **base)  # held until its day
    Assessment.objects.create(status="missed", **{**base, "state": "draft"})  # a draft
    answer_dispute_now(goal)
    assert mails(lambda: send_news("https://leitstand.example")) == 1
    body = mails.outbox[-1].body
    assert mails.outbox[-1].to == ["fan@example.org"]
    assert label("on_track") in body
    assert label("achieved") not in body and label("missed") not in body
    assert goal.responsible_units.first().name in body
    assert "https://leitstand.example/nrw/2019/ziele/19-07/" in body
    assert mails(lambda: send_news("https://leitstand.example")) == 0  # nothing twice
    # three days later the held assessment is public and is told then
    later = timezone.now() + dt.timedelta(days=3, hours=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # the clock moved by hand
    assert mails(lambda: send_news("https://leitstand.example", now=later)) == 1
    assert label("achieved") in mails.outbox[-1].body
    confirmed.refresh_from_db()
    assert confirmed.notified_up_to == later


def test_purge_deletes_what_the_privacy_page_promises_not_to_keep(db):
    import datetime as dt

    from django.utils import timezone

    from leitstand.core.models import RateEvent
    from leitstand.participation.retention import purge

    now = timezone.now()
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    SignInLink.objects.create(token_hash="1" * 64, email="a@example.org",
                              expires_at=now - dt.timedelta(seconds=1))
    SignInLink.objects.create(token_hash="2" * 64, email="b@example.org",
                              expires_at=now + dt.timedelta(minutes=5))
    RateEvent.objects.create(action="post", key="k", at=now - dt.timedelta(hours=25))
    RateEvent.objects.create(action="post", key="k", at=now - dt.timedelta(hours=23))
    old = Subscription.objects.create(email="old@example.org", goal=goal)
    Subscription.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=8))
    Subscription.objects.create(email="new@example.org", goal=goal)
    assert purge(now) == {"sign-in links": 1, "rate-limit counts": 1,
                          "unconfirmed subscriptions": 1}
    assert SignInLink.objects.count() == 1 and RateEvent.objects.count() == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["new@example.org"]


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_the_sign_in_request_succeeds_while_the_mail_server_is_down(client, settings, mails):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    response = mails(lambda: client.post(reverse("participation:sign_in"),
                                         {"email": "patient@example.org"}))
    assert response.status_code == 200
    waiting = OutgoingMail.objects.get()
    assert waiting.to == "patient@example.org" and waiting.attempts == 1
    assert "mail server down" in waiting.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_mail")
    assert not OutgoingMail.objects.exists()  # sent mails are not kept
    assert django_mail.outbox[-1].to == ["patient@example.org"]
    assert "/beteiligung/anmelden/" in django_mail.outbox[-1].body


def test_the_privacy_page_says_what_is_kept_and_for_how_long(client, db):
    from leitstand.core import rate_limits
    from leitstand.participation import identity, privacy, subscriptions

    page = client.get(reverse("privacy")).content.decode()
    assert "Teilnehmende" in page
    assert f"nach {privacy.RETENTION['sign_in_links_minutes']} Minuten" in page
    assert identity.LINK_LIFETIME.total_seconds() == privacy.RETENTION["sign_in_links_minutes"] * 60
    assert f"nach {privacy.RETENTION['rate_limit_hours']} Stunden" in page
    assert rate_limits.KEEP.total_seconds() == privacy.RETENTION["rate_limit_hours"] * 3600
    assert f"nach {privacy.RETENTION['unconfirmed_subscription_days']} Tagen" in page
    assert subscriptions.CONFIRM_DAYS == privacy.RETENTION["unconfirmed_subscription_days"]
    assert "Meine Daten" in page


def test_no_page_of_the_dialog_loads_anything_from_elsewhere(client, draft):
    for url in (reverse("participation:consultations"),
                reverse("participation:consultation", args=[draft.slug]),
                reverse("participation:proposals", args=[draft.slug]),
                reverse("participation:sign_in")):
        page = client.get(url).content.decode()
        for src in re.findall(r'(?:src|href)="([^"]+)"', page):
            # the language alternates name this site's own address in full (hreflang)
            assert src.startswith(("/", "#", "?", "http://testserver/")), (url, src)


def test_consultation_subscribers_hear_of_a_new_phase(db, mails, nrw_dialog):
    import datetime as dt

    from django.utils import timezone

    from leitstand.participation.models import Phase
    from leitstand.participation.notifications import send_news

    now = timezone.now()
    Subscription.objects.create(email="dialog@example.org", consultation=nrw_dialog,
                                confirmed_at=now)
    Phase.objects.create(consultation=nrw_dialog, name="Auswertung der Beiträge",
                         starts_at=now + dt.timedelta(hours=2),
                         ends_at=now + dt.timedelta(days=9), actions="read")
    assert mails(lambda: send_news("https://x.example", now=now + dt.timedelta(hours=1))) == 0
    assert mails(lambda: send_news("https://x.example", now=now + dt.timedelta(hours=3))) == 1
    assert "Auswertung der Beiträge" in mails.outbox[-1].body
    assert f"https://x.example/beteiligung/{nrw_dialog.slug}/" in mails.outbox[-1].body


def test_the_results_command_writes_csv_and_names_unknown_consultations(draft, tmp_path):
    import csv

    from django.core.management.base import CommandError

    comment_on(draft, draft.edition.goals.first(), participant("Ute"), "Guter Entwurf")
    out = tmp_path / "ergebnisse.csv"
    call_command("consultation_results", draft.slug, "--format", "csv", "--out", str(out))
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {"record": "comment", "text": "Guter Entwurf"}.items() <= next(
        r for r in rows if r["record"] == "comment").items()
    with pytest.raises(CommandError, match="Known: .*musterstadt-2027"):
        call_command("consultation_results", "gibt-es-nicht")
