"""The moderation desk's writes beyond hiding and releasing: the author's one request for
a review of a hidden post, and blocking a participant in a strategy's consultations (their
new posts are held, never hidden), each logged with who, when and why."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.participation import trust
from leitstand.participation.models import Block, Comment, Content, ReviewRequest
from leitstand.participation.services import Refused, require_verified
from leitstand.register.actors import actor_for
from leitstand.register.permissions import Scope, allowed


def request_review(item, participant, body: str) -> ReviewRequest:
    """The author of a hidden comment or proposal asks once for the decision to be looked
    at again; the unique constraint refuses a second request for the same post."""
    require_verified(participant)
    if item.participant_id != participant.pk:
        raise Refused(_("Only the author can ask for a review."))
    if item.state != Content.HIDDEN:
        raise Refused(_("Only a hidden post can be reviewed."))
    field = "comment" if isinstance(item, Comment) else "proposal"
    try:
        with transaction.atomic():
            return ReviewRequest.objects.create(**{field: item}, participant=participant,
                                                body=body.strip())
    except IntegrityError:
        raise Refused(_("You asked for a review of this post already.")) from None


def _require_moderator(user, strategy_id: int) -> None:
    if not allowed(actor_for(user), "moderate_consultation", Scope(strategy_id)):
        raise Refused(_("You may not moderate this consultation."))


@transaction.atomic
def block(user, participant, strategy_id: int, reason: str) -> Block:
    _require_moderator(user, strategy_id)
    if not reason.strip():
        raise Refused(_("Blocking needs a reason."))
    if trust.active_block(participant, strategy_id):
        raise Refused(_("This participant is blocked already."))
    return Block.objects.create(participant=participant, strategy_id=strategy_id,
                                reason=reason.strip(), blocked_by=user)


@transaction.atomic
def unblock(user, block_id: int) -> Block:
    item = Block.objects.select_for_update().get(pk=block_id)
    _require_moderator(user, item.strategy_id)
    if item.lifted_at:
        raise Refused(_("This block was lifted already."))
    item.lifted_at, item.lifted_by = timezone.now(), user
    item.save(update_fields=["lifted_at", "lifted_by"])
    return item
