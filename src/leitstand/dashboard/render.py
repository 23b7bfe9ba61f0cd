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
from django.utils.html import conditional_escape, format_html
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


ROW = ('  <tr>\n'
       '    <td><a href="{}{}/{}"><span class="code">{}</span> <span lang="{}">{}</span></a></td>\n'
       '    <td>{}</td>\n'
       '    <td>{}{}</td>\n'
       '    <td>{}</td>\n'
       '  </tr>\n')
SEGMENT = ('<a href="{}" tabindex="-1"><rect class="seg-{}" x="{}%" y="0" width="{}%" '
           'height="100%"/>{}</a>')
COUNT = '<text class="seg-text seg-text-{}" x="{}%" y="19" text-anchor="middle">{}</text>'
LEGEND = '<li><a href="{}"><span class="swatch seg-{}"></span>{}: {}&nbsp;({}&nbsp;%)</a></li>'
BAR = ('<div class="bar{}">\n<p class="bar-label">{} <span class="note">{}</span></p>\n'
       '<svg class="stack" width="100%" height="{}" aria-hidden="true" focusable="false">{}</svg>\n'
       '<ul class="legend">{}</ul>\n</div>\n')


def goal_rows(rows, goals_url: str, stand, language: str) -> SafeString:
    """The rows of a goal table (dashboard/_goal_table.html): the goal linked to its page on
    the same "Stand am" day, its responsible units, its due date with the overdue marker and
    its status; one row saying so if there are none."""
    if not rows:
        return format_html('  <tr><td colspan="4">{}</td></tr>\n', _("No goals match."))
    # what every row shares, escaped and drawn once per table rather than once per row
    url, lang = conditional_escape(goals_url), conditional_escape(language)
    suffix = conditional_escape(stand_query(stand, first=True))
    overdue = format_html(' <strong class="overdue">{}</strong>', _("overdue"))
    badges, dates = {}, {}
    html = []
    for row in rows:
        code = conditional_escape(row.goal.code)
        if row.status not in badges:
            badges[row.status] = status_badge(row.status)
        if row.due not in dates:
            dates[row.due] = date_filter(row.due, "SHORT_DATE_FORMAT") if row.due else "–"
        html.append(format_html(
            ROW, url, code, suffix, code, lang, row.goal.title,
            mark_safe(", ".join(conditional_escape(u) for u in row.units)) if row.units else "–",
            dates[row.due], overdue if row.overdue else "", badges[row.status]))
    return mark_safe("".join(html))


def stacked_bar(bar, language: str, small: bool = False) -> SafeString:
    """One stacked status bar (charts.Bar): its label (linked to the group's page if it has
    one), its note, the SVG with a linked rectangle per segment (and the count inside where
    the segment is wide enough, except in small bars) and the legend with counts and shares."""
    lang = format_html(' lang="{}"', language) if bar.content else ""
    if bar.href:
        label = format_html('<a href="{}"{}>{}</a>', bar.href, lang, bar.label)
    else:
        label = format_html("<strong{}>{}</strong>", lang, bar.label)
    rects, legend = [], []
    for s in bar.segments:  # the link, the code and the count serve twice: escaped once
        href, code, n = conditional_escape(s.href), conditional_escape(s.code), localize(s.n)
        count = format_html(COUNT, code, str(s.middle), n) if s.shows_count and not small else ""
        rects.append(format_html(SEGMENT, href, code, str(s.x), str(s.width), count))
        legend.append(format_html(LEGEND, href, code, s.label, n, localize(s.share)))
    return format_html(BAR, mark_safe(" bar-small") if small else "", label, bar.note,
                       "16" if small else "28", mark_safe("".join(rects)),
                       mark_safe("".join(legend)))
