"""Official answers to proposals: under review, accepted, taken up into a goal, rejected
with a reason. Each answer is added (the newest counts, the older ones stay as history),
shown on the proposal, mailed to its author and supporters and counted in the results."""

from __future__ import annotations

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext as _

from leitstand.participation import announcements
from leitstand.participation.models import Proposal, ProposalAnswer
from leitstand.participation.services import Refused
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.permissions import allowed

STATES = [state for state, _label in ProposalAnswer.STATES]


@transaction.atomic
def answer_proposal(user, proposal_id: int, state: str, body: str = "",
                    goal=None) -> ProposalAnswer:
    proposal = Proposal.objects.select_for_update().select_related(
        "consultation__edition").get(pk=proposal_id)
    scope = scope_of(proposal.consultation)
    if not allowed(actor_for(user), "take_up_proposal", scope):
        raise Refused(_("Only the strategy team answers proposals."))
    body = body.strip()
    if state not in STATES:
        raise Refused(_("Unknown answer."))
    if state == ProposalAnswer.REJECTED and not body:
        raise Refused(_("A rejection needs a reason."))
    if state == ProposalAnswer.TAKEN_UP:
        if goal is None or goal.edition.strategy_id != scope.strategy_id:
            raise Refused(_("Name the goal of this strategy that takes the proposal up."))
    else:
        goal = None
    answer = ProposalAnswer.objects.create(proposal=proposal, state=state, body=body,
                                           goal=goal, answered_by=user)
    # The proposal's own record of where it was taken up follows its newest answer.
    proposal.taken_up_goal, proposal.taken_up_note = goal, body if goal else ""
    proposal.taken_up_at = answer.answered_at if goal else None
    proposal.save(update_fields=["taken_up_goal", "taken_up_note", "taken_up_at"])
    announcements.announce_answer(answer)
    return answer


def latest_answer() -> Subquery:
    """For a proposal query: the state of its newest official answer (None: unanswered)."""
    return Subquery(ProposalAnswer.objects.filter(proposal=OuterRef("pk"))
                    .order_by("-answered_at", "-id").values("state")[:1])


def count_states(states) -> dict[str, int]:
    """How many of the answer states there are of each (None: unanswered; "withdrawn" for a
    proposal its author withdrew, whatever its answer)."""
    counts = dict.fromkeys(STATES, 0)
    counts["unanswered"] = counts["withdrawn"] = 0
    for state in states:
        counts[state or "unanswered"] += 1
    return counts


def tally(proposals) -> dict[str, int]:
    """How many of the proposals have each answer, and how many none."""
    return count_states("withdrawn" if withdrawn else answer for answer, withdrawn in
                        proposals.annotate(answer=latest_answer())
                        .values_list("answer", "withdrawn_at"))
