"""The long repeated parts of the dashboard pages, drawn in Python.

Why: the template engine pays some 5-10 microseconds for every variable lookup, filter and
tag; a table of 100 goals (about ten lookups a row) and an overview's twenty stacked bars
(an include each, with loops over segments for the SVG and the legend) took 15-18 ms of a
page's rendering, as much as reading its data. Here the same markup is built with
format_html / format_html_join, whose escaping is Django's own, at a fraction of the cost.
The templates keep the page's structure (headings, table heads, captions); only the loops
over rows and segments come from here, through the tags in templatetags/leitstand.py.

The output is the markup the templates drew before, character for character: the same
elements, attributes, classes, texts, links and translated words.
"""

from __future__ import annotations

from django.template.defaultfilters import date as date_filter
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from leitstand.monitoring import vocabulary


def status_badge(code) -> SafeString:
    """A status as a badge: its symbol (so colour never carries it alone) and its label; also
    the template filter `status_badge`, for the tables that draw one per row."""
    known = vocabulary.BY_CODE.get(code)
    return format_html('<span class="status status-{}"><span aria-hidden="true">{}</span> {}'
                       '</span>', code, known.symbol if known else "",
                       vocabulary.label(code) if known else code)


def stand_query(stand, first: bool) -> str:
    """The "Stand am" day as a link parameter, "" for today: `?stand=…` if it is the first
    parameter, else `&stand=…` (escaped to `&amp;` where it is put into the page)."""
    if not stand:
        return ""
    return ("?" if first else "&") + "stand=" + date_filter(stand, "Y-m-d")


def goal_rows(rows, goals_url: str, stand, language: str) -> SafeString:
    """The rows of a goal table (dashboard/_goal_table.html): the goal linked to its page on
    the same "Stand am" day, its responsible units, its due date with the overdue marker and
    its status; one row saying so if there are none."""
    if not rows:
        return format_html('  <tr><td colspan="4">{}</td></tr>\n', _("No goals match."))
    suffix = stand_query(stand, first=True)
    overdue = format_html(' <strong class="overdue">{}</strong>', _("overdue"))
    none = "–"
    return format_html_join("", (
        '  <tr>\n'
        '    <td><a href="{}{}/{}"><span class="code">{}</span> '
        '<span lang="{}">{}</span></a></td>\n'
        '    <td>{}</td>\n'
        '    <td>{}{}</td>\n'
        '    <td>{}</td>\n'
        '  </tr>\n'), (
        (goals_url, row.goal.code, suffix, row.goal.code, language, row.goal.title,
         mark_safe(", ".join(conditional_escape(u) for u in row.units)) if row.units else none,
         date_filter(row.due, "SHORT_DATE_FORMAT") if row.due else none,
         overdue if row.overdue else "", status_badge(row.status))
        for row in rows))


def stacked_bar(bar, language: str, small: bool = False) -> SafeString:
    """One stacked status bar (charts.Bar): its label (linked to the group's page if it has
    one), its note, the SVG with a linked rectangle per segment (and the count inside where
    the segment is wide enough, except in small bars) and the legend with counts and shares."""
    lang = format_html(' lang="{}"', language) if bar.content else ""
    if bar.href:
        label = format_html('<a href="{}"{}>{}</a>', bar.href, lang, bar.label)
    else:
        label = format_html("<strong{}>{}</strong>", lang, bar.label)
    rects = format_html_join("", '<a href="{}" tabindex="-1"><rect class="seg-{}" x="{}%" y="0" '
                             'width="{}%" height="100%"/>{}</a>', (
        (s.href, s.code, str(s.x), str(s.width), format_html(
            '<text class="seg-text seg-text-{}" x="{}%" y="19" text-anchor="middle">{}</text>',
            s.code, str(s.middle), localize(s.n)) if s.shows_count and not small else "")
        for s in bar.segments))
    legend = format_html_join("", '<li><a href="{}"><span class="swatch seg-{}"></span>{}: {}'
                              '&nbsp;({}&nbsp;%)</a></li>', (
        (s.href, s.code, s.label, localize(s.n), localize(s.share)) for s in bar.segments))
    return format_html(
        '<div class="bar{}">\n<p class="bar-label">{} <span class="note">{}</span></p>\n'
        '<svg class="stack" width="100%" height="{}" aria-hidden="true" focusable="false">{}'
        '</svg>\n<ul class="legend">{}</ul>\n</div>\n',
        mark_safe(" bar-small") if small else "", label, bar.note, "16" if small else "28",
        rects, legend)
