"""Finding proposals: German-aware search (the stems of ingest.stemming, as the register's
search), filters by answer and section, and the proposals similar to a title being written
– so that people support an existing proposal instead of writing it twice."""

from __future__ import annotations

from django.db.models import Q

from leitstand.ingest.stemming import query_stems
from leitstand.participation.answers import latest_answer
from leitstand.participation.models import Proposal, ProposalAnswer

# The filter by what became of a proposal, by its German query value.
STATE_FILTERS = {
    "offen": Q(answer__isnull=True, withdrawn_at__isnull=True),
    "in-pruefung": Q(answer=ProposalAnswer.UNDER_REVIEW, withdrawn_at__isnull=True),
    "angenommen": Q(answer=ProposalAnswer.ACCEPTED),
    "uebernommen": Q(answer=ProposalAnswer.TAKEN_UP),
    "abgelehnt": Q(answer=ProposalAnswer.REJECTED),
    "zurueckgezogen": Q(withdrawn_at__isnull=False),
}
SIMILAR_LIMIT = 5
SIMILAR_MIN_SHARE = 0.5  # at least half of the title's words


def matching(proposals, query: str):
    """The proposals whose title or text contains every stem of the query."""
    for stem in query_stems(query):
        proposals = proposals.filter(search_text__contains=stem)
    return proposals


def listed(consultation, query="", state="", section=None):
    """The proposals shown in the list, with the state of their newest official answer;
    withdrawn ones only when asked for."""
    items = Proposal.objects.listed_for(None).filter(consultation=consultation).annotate(
        answer=latest_answer())
    items = matching(items, query)
    if state:
        items = items.filter(STATE_FILTERS[state])
    elif not query:
        items = items.filter(withdrawn_at__isnull=True)
    if section is not None:
        items = items.filter(Q(section=section) | Q(goal__section=section))
    return items


def similar(consultation, title: str, limit: int = SIMILAR_LIMIT) -> list[Proposal]:
    """Visible, open proposals sharing at least half of the title's words (stemmed), the
    most shared first, then the most supported."""
    stems = query_stems(title)
    if not stems:
        return []
    any_stem = Q()
    for stem in stems:
        any_stem |= Q(search_text__contains=stem)
    candidates = (Proposal.objects.visible().filter(consultation=consultation,
                                                    withdrawn_at__isnull=True).filter(any_stem)
                  .only("pk", "title", "search_text", "consultation_id")[:500])
    scored = []
    for p in candidates:
        share = sum(stem in p.search_text for stem in stems) / len(stems)
        if share >= SIMILAR_MIN_SHARE:
            scored.append((share, p))
    scored.sort(key=lambda pair: (-pair[0], -pair[1].pk))
    return [p for _share, p in scored[:limit]]
