"""Spreadsheet cells that no spreadsheet runs as a formula.

A text cell that starts with =, +, -, @, a tab or a carriage return is prefixed with an
apostrophe (OWASP's advice against CSV injection); numbers stay numbers. Every CSV and XLSX
the site writes (open data, consultation results) and the bulk upload's check use this.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from leitstand.core.text import printable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _is_number(value) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def plain_number(value: int | float | Decimal) -> int | str:
    """A number as a person writes it – 50, 41000, 0.5 – never 5E+1 or 1e-07."""
    if isinstance(value, int):
        return value
    number = (value if isinstance(value, Decimal) else Decimal(repr(value))).normalize()
    if number == number.to_integral_value():
        return int(number)
    return format(number, "f")


def safe_cell(value):
    """A cell for a workbook: numbers stay numbers (integral ones as int)."""
    if value is None:
        return ""
    if _is_number(value):
        number = plain_number(value)
        return number if isinstance(number, int) else value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = printable(str(value))  # no control character breaks a spreadsheet file
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_cell(value):
    """A cell for a CSV file: numbers in plain notation, texts safe from formulas."""
    return plain_number(value) if _is_number(value) else safe_cell(value)
