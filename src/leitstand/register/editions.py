"""Finding an edition: by its address (404 for an unpublished one, except for staff) and a
strategy's current edition. Every surface looks editions up this way."""

from __future__ import annotations

import datetime as dt

from django.http import Http404

from leitstand.register.models import Edition


def edition_or_404(strategy_slug: str, edition_slug: str, user=None) -> Edition:
    editions = Edition.objects.select_related("strategy").filter(
        strategy__slug=strategy_slug, slug=edition_slug)
    if not (user and user.is_staff):
        editions = editions.filter(status=Edition.PUBLISHED)
    edition = editions.first()
    if edition is None:
        raise Http404("No such edition.")
    return edition


def _recency(edition: Edition) -> tuple:
    """Which of a strategy's published editions is current: the latest year, then adoption."""
    return edition.year, edition.adopted_on or dt.date.min


def current_edition(strategy) -> Edition | None:
    published = [e for e in strategy.editions.all() if e.status == Edition.PUBLISHED]
    return max(published, key=_recency, default=None)


def current_editions() -> list[Edition]:
    """The current edition of every strategy that has a published one, with its strategy, in
    the strategies' order: one query (the home page of an instance with many strategies)."""
    from leitstand.register.models import Strategy

    order = [f"strategy__{f}" for f in Strategy._meta.ordering or ["slug"]]
    current: dict[int, Edition] = {}
    for edition in Edition.objects.filter(status=Edition.PUBLISHED).select_related(
            "strategy").order_by(*order, "strategy_id"):
        best = current.get(edition.strategy_id)
        if best is None or _recency(edition) > _recency(best):
            current[edition.strategy_id] = edition
    return list(current.values())
