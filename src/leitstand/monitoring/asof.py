"""The "Stand am" parameter: every page can show what was known on a past day.

The day comes as ?stand=YYYY-MM-DD."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

EARLIEST = dt.date(2000, 1, 1)


def stand_of(request) -> dt.date | None:
    """The requested day, or None for today; a malformed or future day is ignored."""
    raw = request.GET.get("stand", "")[:10]
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return None
    today = timezone.localdate()
    return day if EARLIEST <= day < today else None
