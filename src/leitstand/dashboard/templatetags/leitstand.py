"""Template filters for statuses and quantities, so templates hold no logic of their own, and
the tags that draw the long repeated parts of the pages (goal table rows, stacked bars) in
Python (dashboard.render says why)."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _

from leitstand.dashboard import render, wording
from leitstand.monitoring import vocabulary

register = template.Library()

@register.filter
def status_label(code):
    return vocabulary.label(code) if code in vocabulary.BY_CODE else code


@register.filter
def status_symbol(code):
    return vocabulary.BY_CODE[code].symbol if code in vocabulary.BY_CODE else ""


# A status badge (dashboard.render); a filter, not an include, for the long tables (an include
# per row was a fifth of an overview's rendering). dashboard/_status.html wraps it for the
# templates that do not load this library.
register.filter("status_badge", render.status_badge)


@register.simple_tag
def goal_table_rows(rows, goals_url, stand, language):
    """The body rows of dashboard/_goal_table.html."""
    return render.goal_rows(rows, goals_url, stand, language)


@register.simple_tag
def stacked_bar(bar, language, small=False):
    """One stacked status bar (charts.Bar), `small` in the overview's small multiples."""
    return render.stacked_bar(bar, language, small)


@register.filter
def number(value):
    """German or English number formatting with grouping and no needless decimals."""
    if value is None or value == "":
        return "–"
    return floatformat(Decimal(str(value)), "-2g")


@register.filter
def quantity(value, unit):
    return wording.quantity(value, unit)


@register.filter
def verdict_reason(verdict, unit=""):
    """The computed status's reason in the page's language (see dashboard.wording)."""
    return wording.reason(verdict, unit) or verdict.reason


@register.filter
def rule_inputs(verdict, unit=""):
    return wording.inputs(verdict, unit)


@register.filter
def role_label(stored):
    return wording.role(stored)


@register.filter
def criterion(check):
    return wording.criterion(check.key, check.label)


@register.filter
def unit_label(unit):
    return {"percent": "%", "EUR": "€", "count": _("count"), "rank": _("rank")}.get(unit, unit)


@register.filter
def percent_of(n, total):
    return round(100 * n / total) if total else 0
