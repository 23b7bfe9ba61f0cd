"""Line charts as plain SVG geometry (pure functions).

Drawn on the server so that the page needs no JavaScript; the template adds
title, description and the data table beside every chart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

WIDTH, HEIGHT = 640, 260
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 64, 16, 28, 32


@dataclass
class Chart:
    points: list  # (x, y, date, value)
    path: str
    y_ticks: list  # (y, value, scaled value)
    scale_label: str  # "" or "Mio." when the axis shows millions
    x_ticks: list  # (x, year)
    target_y: float | None
    width: int = WIDTH
    height: int = HEIGHT


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def line_chart(series: list[tuple[dt.date, float]], target: float | None = None) -> Chart | None:
    if not series:
        return None
    series = sorted(series)
    top = _nice_max(max([v for _, v in series] + ([target] if target is not None else [])))
    first, last = series[0][0].toordinal(), series[-1][0].toordinal()
    span = max(last - first, 1)
    inner_w = WIDTH - PAD_LEFT - PAD_RIGHT
    inner_h = HEIGHT - PAD_TOP - PAD_BOTTOM

    def x(day: dt.date) -> float:
        if len(series) == 1:
            return PAD_LEFT + inner_w / 2
        return round(PAD_LEFT + (day.toordinal() - first) / span * inner_w, 1)

    def y(value: float) -> float:
        return round(PAD_TOP + inner_h - value / top * inner_h, 1)

    points = [(x(d), y(v), d, v) for d, v in series]
    path = "M " + " L ".join(f"{px} {py}" for px, py, _, _ in points)
    scale, scale_label = (1e6, "Mio.") if top >= 1e6 else (1, "")
    y_ticks = [(y(top * i / 4), top * i / 4, top * i / 4 / scale) for i in range(5)]
    years = range(series[0][0].year, series[-1][0].year + 1)
    x_ticks = [(x(dt.date(year, 1, 1)), year) for year in years
               if series[0][0] <= dt.date(year, 1, 1) <= series[-1][0]]
    target_y = y(target) if target is not None else None
    return Chart(points, path, y_ticks, scale_label, x_ticks, target_y)


# Stacked status bars: the answer at a glance (who counts how many goals in which status).

# status order in a bar: done first, then under way, then not (yet) judged
BAR_ORDER = ["achieved", "on_track", "in_progress", "at_risk", "not_started", "missed",
             "dropped", "no_evidence", "not_measurable", "no_data", "not_assessed"]
MIN_SHARE_FOR_COUNT = 8  # % of the bar: below, the count stands only in the legend


@dataclass
class Segment:
    code: str
    label: str
    n: int
    share: int  # whole percent of the bar's denominator
    x: float  # left edge, percent of the bar's width
    width: float
    href: str

    @property
    def middle(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def shows_count(self) -> bool:
        return self.width >= MIN_SHARE_FOR_COUNT


@dataclass
class Bar:
    label: str
    denominator: int
    segments: list
    href: str = ""  # where the label links (the group's page), if anywhere
    note: str = ""
    content: bool = False  # the label is the strategy's own text (its language), not the UI's


def stacked_bar(label: str, counts: dict, denominator: int, href_of, labels: dict,
                href: str = "", note: str = "", content: bool = False) -> Bar:
    """One bar: `counts` maps a status to its number of goals; zero statuses are left out;
    each segment's width is its share of `denominator`; `href_of(status)` links the
    segment to exactly those goals."""
    segments, x = [], 0.0
    for code in BAR_ORDER:
        n = counts.get(code, 0)
        if not n:
            continue
        width = round(100 * n / denominator, 2) if denominator else 0
        segments.append(Segment(code, labels[code], n, round(100 * n / denominator)
                                if denominator else 0, round(x, 2), width, href_of(code)))
        x += width
    return Bar(label, denominator, segments, href, note, content)
