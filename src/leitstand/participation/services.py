"""Every write of the dialog, each in one transaction, with its checks.

Views call these and turn `Refused` into a 403 page and `RateLimited` into a
429; the checks themselves (time window, authorship, edit window, permission)
live here so that no entry point can skip them.
"""

from __future__ import annotations

import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.participation import notifications, windows
from leitstand.participation.models import (
    Comment,
    CommentSupport,
    Consultation,
    Content,
    Dispute,
    DisputeAnswer,
    ModerationAction,
    Notification,
    Participant,
    Proposal,
    Report,
    Subscription,
    Support,
)
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.models import Edition, Paragraph
from leitstand.register.permissions import Scope, allowed, answering_units

MAX_LINKS_BEFORE_HOLD = 2
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


class Refused(Exception):
    """An action this participant or editor may not take now; the message says why."""


def phase_windows(consultation: Consultation) -> list[windows.Window]:
    return [windows.Window(p.name, p.starts_at, p.ends_at, frozenset(p.action_list))
            for p in consultation.phases.all()]


def open_actions(consultation: Consultation, now=None) -> frozenset:
    return windows.open_actions(phase_windows(consultation), now or timezone.now())


def require_open(consultation: Consultation, action: str) -> None:
    if action not in open_actions(consultation):
        raise Refused(_("This consultation does not accept this now: the phase for it has not "
                        "begun or has ended."))


def require_verified(participant: Participant | None) -> Participant:
    if participant is None or participant.is_guest or participant.verified_at is None:
        raise Refused(_("Please sign in with your e-mail address first."))
    return participant


def _initial_state(participant: Participant, body: str) -> str:
    """Guests' posts and posts full of links wait for a moderator."""
    if participant.is_guest or len(LINK.findall(body)) > MAX_LINKS_BEFORE_HOLD:
        return Content.HELD
    return Content.VISIBLE


def target_edition_id(target) -> int:
    """The edition a commented part belongs to."""
    if isinstance(target, Paragraph):
        return target.section.edition_id
    if isinstance(target, Proposal):
        return target.consultation.edition_id
    return target.edition_id


@transaction.atomic
def post_comment(consultation, participant, target, body, parent=None) -> Comment:
    require_open(consultation, "comment")
    if participant.is_guest and not consultation.allow_anonymous:
        raise Refused(_("Please sign in with your e-mail address first."))
    if target_edition_id(target) != consultation.edition_id or (
            isinstance(target, Proposal) and (target.consultation_id != consultation.id
                                              or target.state != Content.VISIBLE)):
        raise Refused(_("This part does not belong to the draft of this consultation."))
    parent = windows.thread_parent(parent)
    if parent is not None and (parent.consultation_id != consultation.id
                               or _target_of(parent) != target):
        raise Refused(_("A reply must belong to the same discussion."))
    if parent is not None and parent.state != Content.VISIBLE:
        raise Refused(_("This comment cannot be answered."))
    field = target.__class__.__name__.lower()
    comment = _created(Comment(consultation=consultation, participant=participant, body=body,
                               parent=parent, **{field: target},
                               state=_initial_state(participant, body)))
    if comment.state == Content.VISIBLE:
        _tell_parent_author(comment)
    return comment


def _created(item):
    """Validated like every write (lengths, choices, the model's constraints), then saved."""
    item.full_clean()
    item.save()
    return item


def _tell_parent_author(reply: Comment) -> None:
    """A visible reply is announced to the author of the comment it answers (not to
    themselves)."""
    parent = reply.parent
    if parent is None or parent.participant_id in (None, reply.participant_id) \
            or parent.state != Content.VISIBLE:
        return
    notifications.notify(parent.participant, Notification.REPLY, parent, comment_url(reply))


def comment_url(comment: Comment) -> str:
    """The place of a comment in its discussion."""
    from django.urls import reverse

    kinds = {"section": "abschnitt", "paragraph": "absatz", "goal": "ziel",
             "measure": "massnahme", "proposal": "vorschlag"}
    field = next(f for f in kinds if getattr(comment, f"{f}_id"))
    return reverse("participation:discussion", args=[
        comment.consultation.slug, kinds[field], getattr(comment, f"{field}_id")]) \
        + f"#c{comment.pk}"


def _target_of(comment: Comment):
    return (comment.section or comment.paragraph or comment.goal or comment.measure
            or comment.proposal)


def check_own_and_recent(comment: Comment, participant) -> None:
    if participant is None or comment.participant_id != participant.pk:
        raise Refused(_("Only the author can change this comment."))
    if comment.state in (Content.HIDDEN, Content.REMOVED):
        raise Refused(_("This comment can no longer be changed."))
    if not windows.may_edit(comment.created_at, timezone.now()):
        raise Refused(_("Comments can be changed only in the first 15 minutes."))


@transaction.atomic
def edit_comment(comment_id: int, participant, body: str) -> Comment:
    comment = Comment.objects.select_for_update().select_related("consultation").get(
        pk=comment_id)
    check_own_and_recent(comment, participant)
    require_open(comment.consultation, "comment")
    comment.body = body
    comment.edited_at = timezone.now()
    if comment.state == Content.VISIBLE:
        comment.state = _initial_state(participant, body)
    comment.full_clean()
    comment.save(update_fields=["body", "edited_at", "state"])
    return comment


@transaction.atomic
def delete_comment(comment_id: int, participant) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment_id)
    check_own_and_recent(comment, participant)
    comment.body = ""
    comment.state = Content.REMOVED
    comment.save(update_fields=["body", "state"])
    return comment


@transaction.atomic
def propose(consultation, participant, kind, title, body, goal=None, section=None) -> Proposal:
    require_open(consultation, "propose")
    require_verified(participant)
    for part in (goal, section):
        if part is not None and part.edition_id != consultation.edition_id:
            raise Refused(_("This part does not belong to the draft of this consultation."))
    if kind == Proposal.CHANGE_GOAL and goal is None:
        raise Refused(_("Choose the goal you want to change."))
    return _created(Proposal(consultation=consultation, participant=participant, kind=kind,
                             title=title, body=body, goal=goal, section=section,
                             state=_initial_state(participant, body)))


def support(proposal: Proposal, participant) -> bool:
    """Adds the participant's support; False if they supported it already. The database's
    unique constraint decides between parallel requests. Authors do not support their own."""
    require_open(proposal.consultation, "support")
    require_verified(participant)
    if proposal.state != Content.VISIBLE:
        raise Refused(_("This proposal cannot be supported."))
    if proposal.participant_id == participant.pk:
        raise Refused(_("You cannot support your own proposal."))
    try:
        with transaction.atomic():
            # The unique constraint is left to the database: it decides between parallel clicks.
            support = Support(proposal=proposal, participant=participant)
            support.full_clean(validate_constraints=False)
            support.save()
    except IntegrityError:
        return False
    return True


@transaction.atomic
def withdraw_support(proposal: Proposal, participant) -> bool:
    """Takes the participant's support back while supporting is open; False if there was
    none."""
    require_open(proposal.consultation, "support")
    require_verified(participant)
    deleted, _rows = Support.objects.filter(proposal=proposal, participant=participant).delete()
    return bool(deleted)


def support_comment(comment: Comment, participant) -> bool:
    """"I agree" with a visible comment of someone else, while comments are open; False if
    given already (the unique constraint decides between parallel clicks)."""
    require_open(comment.consultation, "comment")
    require_verified(participant)
    if comment.state != Content.VISIBLE:
        raise Refused(_("This comment cannot be supported."))
    if comment.participant_id == participant.pk:
        raise Refused(_("You cannot support your own comment."))
    try:
        with transaction.atomic():
            CommentSupport.objects.create(comment=comment, participant=participant)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def withdraw_comment_support(comment: Comment, participant) -> bool:
    require_open(comment.consultation, "comment")
    require_verified(participant)
    deleted, _rows = CommentSupport.objects.filter(comment=comment,
                                                   participant=participant).delete()
    return bool(deleted)


@transaction.atomic
def withdraw_proposal(proposal_id: int, participant) -> Proposal:
    """The author takes their proposal back while proposals are open and before it was
    taken up; its title and text are removed, as after a deletion."""
    proposal = Proposal.objects.select_for_update().select_related("consultation").get(
        pk=proposal_id)
    if participant is None or proposal.participant_id != participant.pk:
        raise Refused(_("Only the author can withdraw this proposal."))
    if proposal.taken_up_goal_id or proposal.state == Content.REMOVED:
        raise Refused(_("This proposal can no longer be withdrawn."))
    require_open(proposal.consultation, "propose")
    proposal.title, proposal.body, proposal.state = "", "", Content.REMOVED
    proposal.save(update_fields=["title", "body", "state"])
    return proposal


@transaction.atomic
def end_subscription(participant, subscription_id: int) -> bool:
    """A signed-in participant ends a subscription of their own address."""
    require_verified(participant)
    deleted, _rows = Subscription.objects.filter(pk=subscription_id,
                                                 email=participant.email).delete()
    return bool(deleted)


def report(item, participant, reason: str) -> bool:
    """Puts a comment or proposal into the moderation queue; False if already reported."""
    require_verified(participant)
    field = "comment" if isinstance(item, Comment) else "proposal"
    try:
        with transaction.atomic():
            Report.objects.create(**{field: item}, reporter=participant, reason=reason)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def moderate(user, item, action: str, reason: str = "") -> ModerationAction:
    """Hide, restore or release a comment, proposal or dispute, or dismiss its reports.
    Every step is logged; hiding needs a reason, which is shown in place of the text."""
    item = type(item).objects.select_for_update().get(pk=item.pk)
    strategy_id = (item.goal.edition.strategy_id if isinstance(item, Dispute)
                   else item.consultation.edition.strategy_id)
    if not allowed(actor_for(user), "moderate_consultation", Scope(strategy_id)):
        raise Refused(_("You may not moderate this consultation."))
    reason = reason.strip()
    before = item.state
    if action == ModerationAction.HIDE:
        if not reason:
            raise Refused(_("Hiding needs a reason; it is shown in place of the text."))
        if before in (Content.HIDDEN, Content.REMOVED):
            raise Refused(_("This is not visible."))
        item.state, item.hidden_reason = Content.HIDDEN, reason
    elif action == ModerationAction.RESTORE:
        last_hide = item.moderation.filter(action=ModerationAction.HIDE).first()
        if before != Content.HIDDEN or last_hide is None:
            raise Refused(_("Only hidden posts can be restored."))
        item.state, item.hidden_reason = last_hide.previous_state, ""
    elif action == ModerationAction.RELEASE:
        if before != Content.HELD:
            raise Refused(_("Only held posts can be released."))
        item.state = Content.VISIBLE
        if isinstance(item, Comment):
            transaction.on_commit(lambda: _tell_parent_author(item))
    elif action != ModerationAction.DISMISS:
        raise Refused(_("Unknown moderation action."))
    item.save()
    if not isinstance(item, Dispute):
        item.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())
    field = type(item).__name__.lower()
    return ModerationAction.objects.create(**{field: item}, action=action, reason=reason,
                                           moderator=user, previous_state=before)


def published_status_of(goal) -> str:
    from leitstand.monitoring.rows import goal_rows
    from leitstand.register.models import Goal

    return goal_rows(goal.edition, Goal.objects.filter(pk=goal.pk), live=True)[0].status


@transaction.atomic
def dispute(goal, participant, body: str, links: list[str]) -> Dispute:
    require_verified(participant)
    if goal.edition.status != Edition.PUBLISHED:
        raise Refused(_("Only the status of a published goal can be disputed."))
    return Dispute.objects.create(goal=goal, participant=participant, body=body,
                                  links="\n".join(links),
                                  disputed_status=published_status_of(goal))


@transaction.atomic
def answer_dispute(user, dispute_id: int, organisation, body: str) -> DisputeAnswer:
    item = Dispute.objects.select_related("goal__edition").get(pk=dispute_id)
    actor = actor_for(user)
    scope = scope_of(item.goal)
    if not allowed(actor, "answer_dispute", scope):
        raise Refused(_("Only the goal's responsible units answer a dispute."))
    if organisation.pk not in scope.unit_ids:
        raise Refused(_("Answer in the name of one of the goal's responsible units."))
    if organisation.pk not in answering_units(actor, scope):
        raise Refused(_("You may answer only in the name of your own unit."))
    answer = DisputeAnswer.objects.create(dispute=item, organisation=organisation, body=body,
                                          answered_by=user)
    notifications.notify(item.participant, Notification.DISPUTE_ANSWER, item.goal.code,
                         item.goal.get_absolute_url() + f"#dispute-{item.pk}")
    return answer


@transaction.atomic
def take_up(user, proposal_id: int, goal, note: str) -> Proposal:
    """Record that a proposal was taken up into a goal of the strategy (usually of the
    edition that follows the consultation's draft)."""
    proposal = Proposal.objects.select_for_update().select_related(
        "consultation__edition").get(pk=proposal_id)
    scope = scope_of(proposal.consultation)
    if not allowed(actor_for(user), "take_up_proposal", scope):
        raise Refused(_("Only the strategy team records which proposals were taken up."))
    if goal.edition.strategy_id != scope.strategy_id:
        raise Refused(_("The goal must belong to the same strategy."))
    proposal.taken_up_goal, proposal.taken_up_note = goal, note
    proposal.taken_up_at = timezone.now()
    proposal.save(update_fields=["taken_up_goal", "taken_up_note", "taken_up_at"])
    return proposal
