"""What the software itself writes on a page – computed reasons, the rule's inputs, roles,
changed fields, measurability criteria – in the page's language, with its number, money
and date formats ("letzter Wert 566 Mio. € erfüllt den Zielwert 500 Mio. €").

The rules (monitoring.status_rules) keep an English reason for the API and the CSV; pages
word the verdict here from its case and inputs.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy


def number(value) -> str:
    """Grouped in the page's format, without needless decimals: 1.234,5 / 1,234.5."""
    if value is None or value == "":
        return "–"
    return floatformat(Decimal(str(value)), "-2g")


def compact(value) -> str:
    """Large numbers in words: 566 Mio. / 566 million, 1,2 Mrd. / 1.2 billion."""
    if value is None or value == "":
        return "–"
    size = abs(float(value))
    if size >= 1e9:
        return pgettext("number", "%(n)s billion") % {"n": number(round(float(value) / 1e9, 2))}
    if size >= 1e6:
        return pgettext("number", "%(n)s million") % {"n": number(round(float(value) / 1e6, 2))}
    return number(value)


UNIT_SUFFIX = {"percent": " %", "EUR": " €", "count": "", "rank": ""}


def quantity(value, unit: str) -> str:
    """A value with its unit: "566 Mio. €", "40 %", "Rang 3"."""
    if value is None:
        return "–"
    if unit == "rank":
        return _("rank %(n)s") % {"n": number(value)}
    suffix = UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")
    return f"{compact(value)}{suffix}"


def day(value) -> str:
    if isinstance(value, str):
        value = dt.date.fromisoformat(value[:10])
    return format_date(value, "DATE_FORMAT")


def reason(verdict, unit: str) -> str | None:
    """Why the computed status is what it is, in the page's language; None for a verdict
    stored before the cases existed (the page then shows the English reason)."""
    i = verdict.inputs
    unit = unit or i.get("unit", "")
    q = lambda key: quantity(i.get(key), unit)  # noqa: E731
    texts = {
        "no_value": lambda: _("the target states no value"),
        "no_indicator": lambda: _("no indicator measures this target"),
        "no_deadline": lambda: _("neither the target nor its goal has a deadline"),
        "unit_mismatch": lambda: _("the indicator “%(name)s” is measured in another unit "
                                   "than the target") % {"name": i.get("indicator", "")},
        "no_observation": lambda: _("no value up to the as-of date"),
        "met": lambda: _("latest value %(latest)s meets the target %(target)s") % {
            "latest": q("latest"), "target": q("target")},
        "met_at_deadline": lambda: _(
            "value %(value)s met the target %(target)s by the deadline %(deadline)s") % {
            "value": q("at_deadline"), "target": q("target"), "deadline": day(i["deadline"])},
        "missed": lambda: _("deadline %(deadline)s passed, target %(target)s not met") % {
            "deadline": day(i["deadline"]), "target": q("target")},
        "too_few": lambda: _("only one value: no trend yet"),
        "on_track": lambda: _("the trend reaches %(projected)s by %(deadline)s") % {
            "projected": q("projected"), "deadline": day(i["deadline"])},
        "at_risk": lambda: _("the trend reaches only %(projected)s by %(deadline)s") % {
            "projected": q("projected"), "deadline": day(i["deadline"])},
    }
    text = texts.get(verdict.case)
    return text() if text else None


DIRECTIONS = {"up": gettext_lazy("at least (rising)"), "down": gettext_lazy("at most (falling)"),
              "exact": gettext_lazy("exactly")}


def inputs(verdict, unit: str) -> list[tuple[str, str]]:
    """The rule's inputs as (label, value) in the page's language and formats."""
    i = verdict.inputs
    unit = unit or i.get("unit", "")
    shown = [
        ("indicator", _("indicator"), lambda v: v),
        ("target", _("target value"), lambda v: quantity(v, unit)),
        ("direction", _("direction"), lambda v: str(DIRECTIONS.get(v, v))),
        ("deadline", _("deadline"), day),
        ("observations", _("values up to the as-of date"), number),
        ("latest", _("latest value"), lambda v: quantity(v, unit)),
        ("latest_date", _("date of the latest value"), day),
        ("at_deadline", _("last value by the deadline"), lambda v: quantity(v, unit)),
        ("projected", _("projection to the deadline"), lambda v: quantity(v, unit)),
    ]
    return [(label, show(i[key])) for key, label, show in shown if key in i]


ROLES = {
    "Datenimport": gettext_lazy("data import"),
    "Administration": gettext_lazy("administration"),
    "Strategie-Administration": gettext_lazy("strategy administration"),
    "Redaktion": gettext_lazy("editorial team"),
}


def role(stored: str) -> str:
    """The acting role as stored in the history (German) in the page's language."""
    stored = stored or "Datenimport"
    if stored in ROLES:
        return str(ROLES[stored])
    if stored.startswith("Redaktion "):
        return _("editorial team %(units)s") % {"units": stored[len("Redaktion "):]}
    return stored


CRITERIA = {
    "metric": gettext_lazy("what is measured is named"),
    "value": gettext_lazy("target value stated"),
    "unit": pgettext_lazy("measurability", "unit of measurement stated"),
    "deadline": gettext_lazy("deadline stated"),
    "baseline": gettext_lazy("baseline stated"),
    "unit_responsible": gettext_lazy("responsible unit named"),
    "indicator": gettext_lazy("indicator with a data source"),
}


def criterion(key: str, label: str) -> str:
    return str(CRITERIA.get(key, label))


def field_name(model, name: str) -> str:
    """A model field's translated name ("section_id" -> "Abschnitt")."""
    if name.endswith("_id"):
        name = name[:-3]
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a name that is no field (any lookup error): show it as it is
        return name
