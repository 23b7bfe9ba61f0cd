"""What participants and subscribers are told.

`notify(person, kind, obj, url)` tells a signed-up participant of something that concerns
them – a reply to their comment, an answer to their dispute, an official answer to their
proposal, a status change of a goal they follow – on their activity page and by mail, as
they chose (`NotificationChoice`; both channels without a choice). Every such mail carries a
one-click unsubscribe link for its kind and the `List-Unsubscribe` headers (RFC 2369/8058).
Other features call `notify` with their event (the official answer to a proposal emits
`Notification.PROPOSAL_ANSWER`).

`send_news` is what `leitstand notify` (run it hourly from cron) mails subscribers. A
goal's subscribers hear of assessments that became public (a held assessment on its
publication day, not before) and of official answers to disputes; a consultation's
subscribers hear of phases that began and of proposals that were taken up. Each
subscription remembers up to when it was told, so nothing is sent twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from leitstand import config
from leitstand.core import mail_queue
from leitstand.monitoring.models import Assessment
from leitstand.monitoring.vocabulary import label
from leitstand.participation.models import (
    DisputeAnswer,
    Notification,
    NotificationChoice,
    Participant,
    Phase,
    Proposal,
    Subscription,
)
from leitstand.participation.subscriptions import subject_of, unsubscribe_token

KINDS = [k for k, _label in Notification.KINDS]
STOP_SALT = "leitstand.notification.stop"


def _texts() -> dict:
    return {Notification.REPLY: _("New reply to your comment: %(what)s"),
            Notification.DISPUTE_ANSWER: _("Official answer to your dispute on goal %(what)s"),
            Notification.PROPOSAL_ANSWER: _("Official answer to your proposal “%(what)s”"),
            Notification.GOAL_STATUS: _("News on goal %(what)s, which you follow")}


def choices_of(person: Participant) -> dict[str, NotificationChoice]:
    """The person's choice per kind; kinds without a stored choice have both channels on."""
    stored = {c.kind: c for c in person.notification_choices.all()}
    return {kind: stored.get(kind) or NotificationChoice(participant=person, kind=kind)
            for kind in KINDS}


def set_choices(person: Participant, wanted: dict[str, tuple[bool, bool]]) -> None:
    """`wanted`: kind → (by mail, on page)."""
    for kind, (by_mail, on_page) in wanted.items():
        if kind in KINDS:
            NotificationChoice.objects.update_or_create(
                participant=person, kind=kind, defaults={"by_mail": by_mail, "on_page": on_page})


def stop_token(person: Participant, kind: str) -> str:
    return signing.dumps([person.pk, kind], salt=STOP_SALT)


def stop_by_token(token: str) -> tuple[Participant, str] | None:
    """The one-click unsubscribe of a notification mail: no more mails of its kind."""
    try:
        pk, kind = signing.loads(token, salt=STOP_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    person = Participant.objects.filter(pk=pk).first()
    if person is None or kind not in KINDS:
        return None
    NotificationChoice.objects.update_or_create(participant=person, kind=kind,
                                                defaults={"by_mail": False})
    return person, kind


def _absolute(url: str) -> str:
    return config.get("LEITSTAND_SITE_URL").rstrip("/") + url if url.startswith("/") else url


def notify(person: Participant | None, kind: str, obj, url: str, *,
           mail: bool = True, detail: str = "") -> Notification | None:
    """Tell `person` of an event of `kind` about `obj` (its text names it), linking to `url`
    (a path on the site or an absolute address). Nothing for a deleted or guest participant
    or for a kind the person switched off; returns the notification shown on the page.
    `mail=False` when the caller mails the event itself (the subscription news); `detail`
    is added to the mail's text (an official answer's state and reason)."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    if person is None or person.is_guest:
        return None
    choice = choices_of(person)[kind]
    text = (_texts()[kind] % {"what": str(obj)})[:300]
    shown = None
    if choice.on_page:
        shown = Notification.objects.create(participant=person, kind=kind, text=text, url=url)
    if choice.by_mail and mail:
        stop = _absolute(reverse("participation:stop_notifications",
                                 args=[stop_token(person, kind)]))
        with translation.override(settings.LANGUAGE_CODE):
            mail_queue.queue(person.email, text, "\n\n".join([
                *filter(None, [text, detail]), _absolute(url),
                _("You receive this mail because you chose to be told of this by mail. "
                  "Stop these mails with one click: %(link)s") % {"link": stop},
                _("All your choices: %(link)s") % {
                    "link": _absolute(reverse("participation:my_activity"))}]),
                headers={"List-Unsubscribe": f"<{stop}>",
                         "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
    return shown


def goal_news(goal_id: int, since: dt.datetime, now: dt.datetime) -> list[str]:
    today = timezone.localdate(now)
    became_public = Q(approved_at__gt=since) | Q(publish_on__gt=timezone.localdate(since))
    lines = [_("New assessment: %(status)s (as of %(day)s, by %(who)s)") % {
        "status": label(a.status), "day": a.as_of.isoformat(),
        "who": a.assessor}
        for a in Assessment.objects.public(today).filter(goal=goal_id).filter(became_public)
        .filter(approved_at__lte=now).order_by("as_of")]
    lines += [_("Official answer of %(unit)s to a dispute") % {"unit": a.organisation.name}
              for a in DisputeAnswer.objects.filter(dispute__goal=goal_id, answered_at__gt=since,
                                                    answered_at__lte=now)
              .select_related("organisation")]
    return lines


def consultation_news(consultation_id: int, since: dt.datetime, now: dt.datetime) -> list[str]:
    lines = [_("A new phase began: %(name)s") % {"name": p.name}
             for p in Phase.objects.filter(consultation=consultation_id, starts_at__gt=since,
                                           starts_at__lte=now)]
    lines += [_("Proposal “%(title)s” was taken up in goal %(goal)s") % {
        "title": p.title, "goal": str(p.taken_up_goal)}
        for p in Proposal.objects.visible().filter(
            consultation=consultation_id, taken_up_at__gt=since, taken_up_at__lte=now)
        .select_related("taken_up_goal")]
    return lines


def send_news(site_url: str, now: dt.datetime | None = None) -> int:
    """Mail each confirmed subscriber what is new since they were last told; returns the
    number of mails queued. A subscriber who signed up to the dialog with the same address
    also sees a goal's news on their activity page, and is mailed only if they want it."""
    now = now or timezone.now()
    base = site_url.rstrip("/") + "/beteiligung/abo/"
    sent = 0
    people = {p.email: p for p in Participant.objects.filter(
        email__in=Subscription.objects.filter(confirmed_at__isnull=False).values("email"))}
    for s in Subscription.objects.filter(confirmed_at__isnull=False).select_related(
            "goal__edition__strategy", "consultation"):
        since = s.notified_up_to or s.confirmed_at
        lines = (goal_news(s.goal_id, since, now) if s.goal_id
                 else consultation_news(s.consultation_id, since, now))
        person = people.get(s.email)
        wants_mail = True
        if lines and s.goal_id and person is not None:
            notify(person, Notification.GOAL_STATUS, s.goal, s.goal.get_absolute_url(),
                   mail=False)
            wants_mail = choices_of(person)[Notification.GOAL_STATUS].by_mail
        if lines and wants_mail:
            link = site_url.rstrip("/") + (s.goal.get_absolute_url() if s.goal_id else
                                           f"/beteiligung/{s.consultation.slug}/")
            stop = f"{base}abbestellen/{unsubscribe_token(s)}/"
            mail_queue.queue(s.email, _("News: %(subject)s") % {"subject": subject_of(s)},
                             "\n".join(f"– {line}" for line in lines) + f"\n\n{link}\n\n"
                             + _("Unsubscribe: %(link)s") % {"link": stop},
                             headers={"List-Unsubscribe": f"<{stop}>",
                                      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
            sent += 1
        Subscription.objects.filter(pk=s.pk).update(notified_up_to=now)
    return sent
