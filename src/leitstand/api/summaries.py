"""The edition summary: counts with their denominator, as the overview shows them."""

from __future__ import annotations

from django.utils import timezone

from leitstand.dashboard.queries import goal_rows
from leitstand.register.models import Edition


def field_of_action(section):
    if section is None:
        return ""
    if section.parent is not None and not section.is_field_of_action:
        return section.parent.slug
    return section.slug


def edition_summary(edition: Edition, rows=None, today=None) -> dict:
    rows = rows if rows is not None else goal_rows(edition, today=today)

    def tally(keys_of):
        counts: dict[str, int] = {}
        for row in rows:
            keys = keys_of(row)
            for key in keys if isinstance(keys, list) else [keys]:
                counts[key] = counts.get(key, 0) + 1
        return dict(sorted(counts.items()))

    return {
        "edition": edition.id,
        "as_of": (today or timezone.localdate()).isoformat(),
        "denominator": len(rows),
        "by_status": tally(lambda r: r.status),
        "by_horizon": tally(lambda r: r.goal.horizon or "none"),
        "by_section": tally(lambda r: field_of_action(r.goal.section)),
        "by_unit": tally(lambda r: r.unit_slugs),
    }
