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


def safe_cell(value):
    if value is None:
        return ""
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return value.normalize() if isinstance(value, Decimal) else value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    text = printable(str(value))  # no control character breaks a spreadsheet file
    return "'" + text if text.startswith(FORMULA_START) else text
