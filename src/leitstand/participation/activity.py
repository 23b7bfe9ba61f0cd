"""A participant's own activity in one place: what they wrote, supported, disputed and
follow, each with its state and what they may still do with it, and what they were told.

A read model for the page "Meine Beteiligung"; every change it offers is a service call.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from leitstand.participation import services, windows
from leitstand.participation.models import (
    Comment,
    Consultation,
    Content,
    Dispute,
    DisputeAnswer,
    Notification,
    Participant,
    Proposal,
    Subscription,
    Support,
)


@dataclass
class Activity:
    comments: list = field(default_factory=list)
    proposals: list = field(default_factory=list)
    supports: list = field(default_factory=list)
    disputes: list = field(default_factory=list)
    subscriptions: list = field(default_factory=list)
    notifications: list = field(default_factory=list)
    unread: int = 0


def _open_by_consultation(consultation_ids) -> dict[int, frozenset]:
    now = timezone.now()
    return {c.pk: services.open_actions(c, now) for c in Consultation.objects.filter(
        pk__in=set(consultation_ids)).prefetch_related("phases")}


def of(person: Participant) -> Activity:
    """Everything of `person`, newest first, with `may_edit` / `may_withdraw` flags."""
    now = timezone.now()
    comments = list(Comment.objects.filter(participant=person).exclude(state=Content.REMOVED)
                    .select_related("consultation").annotate(n_supports=Count("supports"))
                    .order_by("-created_at"))
    proposals = list(Proposal.objects.filter(participant=person).exclude(state=Content.REMOVED)
                     .select_related("consultation", "taken_up_goal__edition")
                     .annotate(n_supports=Count("supports")).order_by("-created_at"))
    supports = list(Support.objects.filter(participant=person)
                    .select_related("proposal__consultation").order_by("-created_at"))
    open_by = _open_by_consultation([c.consultation_id for c in comments]
                                    + [p.consultation_id for p in proposals]
                                    + [s.proposal.consultation_id for s in supports])
    for c in comments:
        c.url = services.comment_url(c)
        c.may_edit = (c.state in (Content.VISIBLE, Content.HELD)
                      and windows.may_edit(c.created_at, now)
                      and "comment" in open_by.get(c.consultation_id, ()))
    for p in proposals:
        p.may_withdraw = (p.taken_up_goal_id is None
                          and "propose" in open_by.get(p.consultation_id, ()))
    for s in supports:
        s.may_withdraw = "support" in open_by.get(s.proposal.consultation_id, ())
    disputes = list(Dispute.objects.filter(participant=person).select_related(
        "goal__edition__strategy").prefetch_related(Prefetch(
            "answers", queryset=DisputeAnswer.objects.select_related("organisation"))))
    subscriptions = list(Subscription.objects.filter(email=person.email).select_related(
        "goal__edition__strategy", "consultation")) if person.email else []
    notifications = list(Notification.objects.filter(participant=person)[:50])
    return Activity(comments=comments, proposals=proposals, supports=supports,
                    disputes=disputes, subscriptions=subscriptions, notifications=notifications,
                    unread=sum(1 for n in notifications if n.read_at is None))


def mark_read(person: Participant) -> None:
    Notification.objects.filter(Q(participant=person) & Q(read_at__isnull=True)).update(
        read_at=timezone.now())
