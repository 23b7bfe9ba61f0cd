"""A participant's rights over their data: everything stored about them as one JSON
document, and deleting their account as each consultation's policy says."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from leitstand.participation.models import (
    Comment,
    CommentSupport,
    Consultation,
    Content,
    Dispute,
    Notification,
    NotificationChoice,
    Participant,
    Proposal,
    Report,
    SignInLink,
    Subscription,
    Support,
)

# What the privacy page promises; tests check the code keeps these promises.
RETENTION = {
    "sign_in_links_minutes": 30,
    "rate_limit_hours": 24,
    "unconfirmed_subscription_days": 7,
}


def _iso(value):
    return value.isoformat() if value else None


def export(participant: Participant) -> dict:
    me = participant.pk
    return {
        "format": "leitstand.participant-data/1",
        "exported_at": _iso(timezone.now()),
        "participant": {"email": participant.email, "display_name": participant.display_name,
                        "created_at": _iso(participant.created_at),
                        "verified_at": _iso(participant.verified_at),
                        "privacy_notice_acknowledged_at": _iso(participant.acknowledged_at)},
        "comments": [{"id": c.pk, "consultation": c.consultation.slug, "body": c.body,
                      "state": c.state, "created_at": _iso(c.created_at),
                      "edited_at": _iso(c.edited_at), "reply_to": c.parent_id}
                     for c in Comment.objects.filter(participant=me)
                     .select_related("consultation")],
        "proposals": [{"id": p.pk, "consultation": p.consultation.slug, "kind": p.kind,
                       "title": p.title, "body": p.body, "state": p.state,
                       "created_at": _iso(p.created_at)}
                      for p in Proposal.objects.filter(participant=me)
                      .select_related("consultation")],
        "supports": [{"proposal": s.proposal_id, "created_at": _iso(s.created_at)}
                     for s in Support.objects.filter(participant=me)],
        "comment_supports": [{"comment": s.comment_id, "created_at": _iso(s.created_at)}
                             for s in CommentSupport.objects.filter(participant=me)],
        "reports": [{"comment": r.comment_id, "proposal": r.proposal_id, "reason": r.reason,
                     "created_at": _iso(r.created_at)}
                    for r in Report.objects.filter(reporter=me)],
        "disputes": [{"id": d.pk, "goal": d.goal.code, "body": d.body, "links": d.link_list,
                      "created_at": _iso(d.created_at)}
                     for d in Dispute.objects.filter(participant=me).select_related("goal")],
        "subscriptions": [{"goal": s.goal_id, "consultation": s.consultation_id,
                           "confirmed_at": _iso(s.confirmed_at)}
                          for s in Subscription.objects.filter(email=participant.email)]
        if participant.email else [],
        "notifications": [{"kind": n.kind, "text": n.text, "url": n.url,
                           "created_at": _iso(n.created_at), "read_at": _iso(n.read_at)}
                          for n in Notification.objects.filter(participant=me)],
        "notification_choices": [{"kind": c.kind, "by_mail": c.by_mail, "on_page": c.on_page}
                                 for c in NotificationChoice.objects.filter(participant=me)],
    }


@transaction.atomic
def delete_account(participant: Participant) -> None:
    """Per consultation: "anonymise" keeps the texts without a name, "remove" removes them.
    Disputes of a status stay (they carry an official answer) without a name."""
    removing = list(Consultation.objects.filter(on_account_deletion=Consultation.REMOVE)
                    .values_list("pk", flat=True))
    Comment.objects.filter(participant=participant, consultation__in=removing).update(
        body="", state=Content.REMOVED)
    Proposal.objects.filter(participant=participant, consultation__in=removing).update(
        title="", body="", state=Content.REMOVED)
    Support.objects.filter(participant=participant,
                           proposal__consultation__in=removing).delete()
    CommentSupport.objects.filter(participant=participant,
                                  comment__consultation__in=removing).delete()
    if participant.email:
        Subscription.objects.filter(email=participant.email).delete()
        SignInLink.objects.filter(email=participant.email).delete()
    # Notifications and notification choices go with the participant (on_delete CASCADE);
    # the remaining texts, supports and reports keep no link to them.
    participant.delete()
