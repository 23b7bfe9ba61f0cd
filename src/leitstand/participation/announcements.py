"""Mails to participants about what became of their own posts: a post hidden by the
moderation (and why, and how to ask for a review), an official answer to a proposal they
wrote or support.

They go through the mail queue (core.mail_queue) in the transaction of the decision; the
official answer goes through `participation.notifications.notify`, so each person's choice
of notifications (page, mail) holds.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand import config
from leitstand.core import mail_queue
from leitstand.participation import notifications
from leitstand.participation.models import Notification
from leitstand.participation.paths import discussion_path


def _site() -> str:
    return config.get("LEITSTAND_SITE_URL").rstrip("/")


def _address(participant) -> str | None:
    if participant is None or participant.is_guest or participant.verified_at is None:
        return None
    return participant.email


def tell_author_hidden(item) -> bool:
    """Tells the author of a hidden comment or proposal that it was hidden, why, and where
    to ask for a review. False if the author has no address (a guest, a deleted account)."""
    to = _address(item.participant)
    if to is None:
        return False
    kind = "vorschlag" if type(item).__name__ == "Proposal" else "kommentar"
    review = _site() + reverse("participation:request_review", args=[kind, item.pk])
    mail_queue.queue(to, _("Your post was hidden by the moderation"), "\n\n".join([
        _("The moderation of “%(consultation)s” hid your post.") % {
            "consultation": item.consultation.title},
        _("Reason: %(reason)s") % {"reason": item.hidden_reason},
        _site() + discussion_path(item),
        _("If you think this was wrong, you can ask once for a review: %(link)s") % {
            "link": review}]))
    return True


def announce_answer(answer) -> int:
    """Tells the proposal's author and every supporter of the official answer, once each,
    through their notifications (on the page, by mail as each chose); returns how many
    people were told."""
    proposal = answer.proposal
    people = [proposal.participant] + [s.participant for s in
                                       proposal.supports.select_related("participant")]
    unique = list({p.pk: p for p in people if p is not None}.values())
    path = discussion_path(proposal)
    detail = "\n\n".join(filter(None, [
        _("The strategy team answered the proposal “%(title)s”: %(state)s.") % {
            "title": proposal.title, "state": answer.get_state_display()}, answer.body]))
    told = 0
    for person in unique:
        notifications.notify(person, Notification.PROPOSAL_ANSWER, proposal.title, path,
                             detail=detail)
        told += 1
    return told
