"""Time horizons and the due dates they imply (pure functions).

The NRW strategy defines "kurzfristig" as within two years and
"mittelfristig" as within five years of adoption; "langfristig" has no date.
An explicit deadline in the text always wins over the horizon.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

SHORT, MEDIUM, LONG = "short", "medium", "long"
CHOICES = [(SHORT, _("short term (2 years)")), (MEDIUM, _("medium term (5 years)")),
           (LONG, _("long term (beyond 5 years)"))]
YEARS = {SHORT: 2, MEDIUM: 5}


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def due_date(adopted_on: dt.date | None, horizon: str | None,
             deadline: dt.date | None) -> dt.date | None:
    if deadline:
        return deadline
    if adopted_on and horizon in YEARS:
        return add_years(adopted_on, YEARS[horizon])
    return None
