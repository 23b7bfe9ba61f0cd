"""The overview's answer at a glance: stacked status bars per assessor, per field of action
and per responsible unit, each segment linking to exactly the goals it counts.

Built from the goal rows and the counting functions the overview already uses
(monitoring.aggregates); the geometry is charts.stacked_bar's, the markup dashboard.render's.
"""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand.dashboard import charts
from leitstand.monitoring import vocabulary
from leitstand.monitoring.summaries import field_of_action


def _labels() -> dict:
    return {s.code: vocabulary.label(s.code) for s in vocabulary.STATUSES}


def _goals_link(base: str, stand, **params) -> str:
    """A link to the goal list with these filters; `base` is the list's address, resolved
    once per page (a bar has up to eleven segments, an overview some twenty bars)."""
    if stand:
        params["stand"] = stand.isoformat()
    return base + "?" + urlencode(params)


def _goals_url(edition) -> str:
    return reverse("dashboard:goals", args=[edition.strategy.slug, edition.slug])


def published_bar(edition, counts, total: int, stand) -> charts.Bar:
    """The published status over all `total` goals of the edition (`counts` by status)."""
    base = _goals_url(edition)
    return charts.stacked_bar(
        _("Published status"), counts, total, lambda code: _goals_link(base, stand, status=code),
        _labels(), note=_("all %(n)s goals") % {"n": total})


def assessor_bars(edition, rows, stand, assessors) -> list[charts.Bar]:
    """The published status over all goals, then each assessor over the goals they assessed
    (`assessors`: the overview's aggregates.assessor_table)."""
    labels, base = _labels(), _goals_url(edition)
    bars = [published_bar(edition, Counter(r.status for r in rows), len(rows), stand)]
    for entry in assessors:
        name = entry["assessor"]
        bars.append(charts.stacked_bar(
            name, entry["counts"], entry["denominator"],
            lambda code, name=name: _goals_link(base, stand, assessor=name, assessed=code),
            labels, note=_("%(n)s of %(total)s goals assessed · %(kind)s") % {
                "n": entry["denominator"], "total": len(rows), "kind": entry["kind"]},
            content=True))
    return bars


def group_bars(edition, rows, stand, key_of, label_of, page_of, param: str) -> list[charts.Bar]:
    """One small bar per group (field of action, unit) over the goals in it; a goal in
    several groups counts in each. Groups without goals do not appear."""
    labels, base = _labels(), _goals_url(edition)
    groups: dict[str, list] = {}
    for row in rows:
        keys = key_of(row)
        for key in keys if isinstance(keys, (list, tuple, set)) else [keys]:
            if key:
                groups.setdefault(key, []).append(row)
    return [charts.stacked_bar(
        label_of(key), Counter(r.status for r in members), len(members),
        lambda code, key=key: _goals_link(base, stand, **{param: key, "status": code}),
        labels, href=page_of(key), content=True,
        note=_("%(n)s goals") % {"n": len(members)} if len(members) != 1 else _("1 goal"))
        for key, members in groups.items()]


def overview_summary(edition, rows, stand, fields, units, assessors) -> dict:
    """The overview's bars, from what its tables count: `fields` and `units` by slug,
    `assessors` the assessor table."""
    slug, label = edition.strategy.slug, edition.slug
    return {
        "assessor_bars": assessor_bars(edition, rows, stand, assessors),
        "section_bars": group_bars(
            edition, rows, stand, lambda r: field_of_action(r.goal.section),
            lambda k: str(fields[k]),
            lambda k: reverse("dashboard:section", args=[slug, label, k]), "section"),
        "unit_bars": group_bars(
            edition, rows, stand, lambda r: r.unit_slugs, lambda k: str(units[k]),
            lambda k: reverse("dashboard:unit", args=[slug, label, k]), "unit"),
    }
