"""What was known on a day: the observations as the site showed them then.

"Stand am" promises that a past day shows only what was known by its end. An observation's
`recorded_at` says when its current value became known; a correction gets a new one
(monitoring.services), and the history keeps every earlier version with its own
`recorded_at`. So for a past day the value of each observation is its latest version recorded
by the end of that day – the old value, not the correction nobody knew yet.
"""

from __future__ import annotations

import datetime as dt

from leitstand.monitoring.models import Observation, end_of_day, known_day


def known_observations(day: dt.date | None, order=("indicator_id", "date"), related=(),
                       **lookups):
    """The observations matching `lookups` as known at the end of `day`, in `order`.

    Today (no day, or a day after today: monitoring.models.known_day): a queryset of
    Observation. A past day: a list of historical versions
    (same fields: id, indicator, date, value, source_url, note, recorded_at), one per
    observation, none for an observation deleted by then."""
    if known_day(day) is None:
        current = Observation.objects.filter(**lookups).order_by(*order)
        return current.select_related(*related) if related else current
    end = end_of_day(day)
    versions = Observation.history.filter(recorded_at__lt=end, **lookups).order_by(
        *order, "id", "history_date", "history_id")
    if related:
        versions = versions.select_related(*related)
    latest: dict[int, object] = {}  # keeps the order of each observation's first version
    for version in versions:
        # A version written by the end of the day wins over any written later; a value
        # loaded later but backdated to before the day (a published figure) counts if nothing
        # was written by then, in its first version.
        if version.history_date < end or version.id not in latest:
            latest[version.id] = version
    return [v for v in latest.values() if not (v.history_type == "-" and v.history_date < end)]
