"""Finds goals, measures and indicators for a query with one query to the search entries."""

from __future__ import annotations

from django.db.models import Q

from leitstand.ingest.stemming import query_stems
from leitstand.register.models import SearchEntry


def matching_ids(query: str, strategy_id: int, edition_id: int | None) -> dict[str, set[int]]:
    """Ids per kind whose stemmed text contains every stem of the query."""
    found: dict[str, set[int]] = {"goal": set(), "measure": set(), "indicator": set()}
    stems = query_stems(query)
    if not stems:
        return found
    condition = Q(strategy_id=strategy_id) & (Q(edition_id=edition_id) | Q(edition__isnull=True))
    for s in stems:
        condition &= Q(stems__contains=s)
    for kind, object_id in SearchEntry.objects.filter(condition).values_list("kind", "object_id"):
        found[kind].add(object_id)
    return found


def goals_everywhere_query(query: str):
    """The ids of the goals of every published edition, of every strategy, matching the
    query, as a query to use inside another (`id__in=`): a query that matches most goals
    then need not travel to Python and back as 100,000 numbers."""
    from leitstand.register.models import Edition

    stems = query_stems(query)
    condition = Q(kind="goal", edition__status=Edition.PUBLISHED)
    for s in stems:
        condition &= Q(stems__contains=s)
    found = SearchEntry.objects.filter(condition) if stems else SearchEntry.objects.none()
    return found.values("object_id")
