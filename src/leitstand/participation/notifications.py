"""What subscribers are told, collected by `leitstand notify` (run it hourly from cron).

A goal's subscribers hear of assessments that became public (a held assessment on its
publication day, not before) and of official answers to disputes; a consultation's
subscribers hear of phases that began and of proposals that were taken up. Each
subscription remembers up to when it was told, so nothing is sent twice.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.core import mail_queue
from leitstand.monitoring.models import Assessment
from leitstand.monitoring.vocabulary import label
from leitstand.participation.models import DisputeAnswer, Phase, Proposal, Subscription
from leitstand.participation.subscriptions import subject_of, unsubscribe_token


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
    number of mails queued."""
    now = now or timezone.now()
    base = site_url.rstrip("/") + "/beteiligung/abo/"
    sent = 0
    for s in Subscription.objects.filter(confirmed_at__isnull=False).select_related(
            "goal__edition__strategy", "consultation"):
        since = s.notified_up_to or s.confirmed_at
        lines = (goal_news(s.goal_id, since, now) if s.goal_id
                 else consultation_news(s.consultation_id, since, now))
        if lines:
            link = site_url.rstrip("/") + (s.goal.get_absolute_url() if s.goal_id else
                                           f"/beteiligung/{s.consultation.slug}/")
            mail_queue.queue(s.email, _("News: %(subject)s") % {"subject": subject_of(s)},
                       "\n".join(f"– {line}" for line in lines) + f"\n\n{link}\n\n"
                       + _("Unsubscribe: %(link)s") % {
                           "link": f"{base}abbestellen/{unsubscribe_token(s)}/"})
            sent += 1
        Subscription.objects.filter(pk=s.pk).update(notified_up_to=now)
    return sent
