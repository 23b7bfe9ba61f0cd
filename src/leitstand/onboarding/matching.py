"""Which of a strategy's units an organisation named in a document is: pure functions.

A name matches a unit by its exact name (case and spacing folded), by an alias (the unit's
short name equals one of the document's forms, or the document's name equals the unit's short
name) or by an acronym (the initials of the unit's name are one of the document's forms, or
the other way round). Anything else is offered as a new unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SMALL = {"für", "und", "der", "die", "das", "des", "den", "dem", "von", "vom", "zur", "zum",
          "in", "im", "am", "an", "auf", "mit", "for", "and", "of", "the"}


@dataclass(frozen=True)
class Unit:
    id: int
    name: str
    short_name: str = ""


def fold(text: str) -> str:
    return re.sub(r"[\s.\-–]+", " ", text).strip().casefold()


def acronym(name: str) -> str:
    """Initials of the significant words, with the capitals inside compounds
    ("Ministerium für Wirtschaft, Innovation, Digitalisierung und Energie" -> "MWIDE")."""
    letters = []
    for word in re.findall(r"[\wÄÖÜäöüß]+", name):
        if word.casefold() in _SMALL:
            continue
        letters.append(word[0].upper())
    return "".join(letters)


def match(name: str, aliases: list[str], units: list[Unit]) -> tuple[Unit | None, str]:
    """The unit `name` refers to and how it was matched ("exact", "alias", "acronym"),
    or (None, "none")."""
    forms = {fold(name)} | {fold(a) for a in aliases if a}
    for unit in units:
        if fold(unit.name) == fold(name):
            return unit, "exact"
    for unit in units:
        if (unit.short_name and fold(unit.short_name) in forms) or fold(unit.name) in forms:
            return unit, "alias"
    initials = fold(acronym(name))
    for unit in units:
        unit_initials = fold(acronym(unit.name))
        if len(unit_initials) >= 2 and unit_initials in forms:
            return unit, "acronym"
        if len(initials) >= 2 and unit.short_name and fold(unit.short_name) == initials:
            return unit, "acronym"
    return None, "none"
