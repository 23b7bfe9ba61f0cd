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


def current_edition(strategy) -> Edition | None:
    published = [e for e in strategy.editions.all() if e.status == Edition.PUBLISHED]
    return max(published, key=lambda e: (e.year, e.adopted_on or dt.date.min), default=None)
