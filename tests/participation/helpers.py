"""Building blocks for the dialog's tests: a consultation open now, participants."""

import datetime as dt

from django.utils import timezone

from leitstand.participation.identity import SESSION_KEY
from leitstand.participation.models import Comment, Consultation, Participant, Phase

ALL_ACTIONS = "read,comment,propose,support"


def open_consultation(edition, slug="test-dialog", actions=ALL_ACTIONS, starts=None, ends=None,
                      **fields):
    now = timezone.now()
    consultation, _ = Consultation.objects.get_or_create(
        slug=slug, defaults=dict(edition=edition, title="Testdialog", **fields))
    Phase.objects.create(consultation=consultation, name="Offen",
                         starts_at=starts or now - dt.timedelta(days=1),
                         ends_at=ends or now + dt.timedelta(days=1), actions=actions)
    return consultation


def participant(name, email=None):
    return Participant.objects.create(email=email or f"{name}@example.org", display_name=name,
                                      verified_at=timezone.now())


def comment_on(consultation, target, who, body="Ein Kommentar."):
    return Comment.objects.create(consultation=consultation, participant=who, body=body,
                                  **{type(target).__name__.lower(): target})


def sign_in(client, who):
    session = client.session
    session[SESSION_KEY] = who.pk
    session.save()
    return client
