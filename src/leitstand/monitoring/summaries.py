"""The edition summary: counts with their denominator, as the overview shows them."""

from __future__ import annotations

from django.utils import timezone

from leitstand.monitoring.aggregates import count_by
from leitstand.monitoring.models import known_day
from leitstand.monitoring.rows import goal_rows
from leitstand.register.models import Edition


def field_of_action(section) -> str:
    """The slug of the field of action a goal's section belongs to; "" for none."""
    return section.field_of_action.slug if section is not None else ""


def edition_summary(edition: Edition, rows=None, today=None) -> dict:
    today = known_day(today)
    rows = rows if rows is not None else goal_rows(edition, today=today)

    def tally(keys_of):
        return {c.key: c.n for c in sorted(count_by(rows, keys_of, str), key=lambda c: c.key)}

    return {
        "edition": edition.id,
        "as_of": (today or timezone.localdate()).isoformat(),
        "denominator": len(rows),
        "by_status": tally(lambda r: r.status),
        "by_horizon": tally(lambda r: r.goal.horizon or "none"),
        "by_section": tally(lambda r: field_of_action(r.goal.section)),
        "by_unit": tally(lambda r: r.unit_slugs),
    }
