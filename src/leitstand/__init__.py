"""Leitstand: a public strategy as a measurable, transparent monitoring."""

__version__ = "0.1.0"
