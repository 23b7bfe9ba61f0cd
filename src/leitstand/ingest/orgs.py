"""Named bodies: ministries, agencies, banks, institutes, hubs, councils, programmes' operators.

Found by the shape of German institution names (a head word such as
"Ministerium", "Landesbetrieb", "Beirat", "Institut" with what follows it),
by the ".NRW" naming style ("NRW.BANK", "KI.NRW"), and by acronyms given in
brackets after a name. Generic words alone ("Landesregierung", "Bund") are no names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

HEADS = (r"Amt(?=\s+für)|Ministerium|Staatskanzlei|Landesbetrieb|Bezirksregierung|Landesamt|"
         r"Bundesamt|"
         r"Bundesministerium|Bundesagentur|Agentur|Institut|Fraunhofer-Institut|Stiftung|Beirat|"
         r"Netzwerk|Kompetenzzentrum|Kompetenzplattform|Center|Kammer|Verband|Hubs?|Campus|"
         r"Gremium|Landesanstalt|Stadtwerke|Geschäftsstelle|Kommission|Akademie|"
         r"Universität|Landesrat")
# Compound words that end in an institution word: "Digitalministerium", "Gründerfonds",
# "Medienstiftung", "Liegenschaftsbetrieb", "Startercenter", "Mediennetzwerk".
SUFFIXES = (r"ministerium|stiftung|fonds|center|netzwerk|betrieb|institut|zentrum|agentur|"
            r"kammer|verband|bank|rat|hochschule|amt")
# Offices are named alone: "Ordnungsamt", "Bürgeramt", "Landesamt".
_OFFICE = re.compile(r"^[A-ZÄÖÜ]\w{4,}amt$")
_NAME_WORD = r"(?:[A-ZÄÖÜ][\w.-]*|NRW|IT|GmbH|AöR|e\.\s?V\.)"
_INSTITUTION = re.compile(
    rf"(?<![\w-])(?:[A-ZÄÖÜ][\w-]*-\s+und\s+)?(?:(?:[A-ZÄÖÜ][\w-]*\s+){{0,2}})?"
    rf"(?:(?:{HEADS})\b|[A-ZÄÖÜ][\w-]*(?i:{SUFFIXES})s?\b)"
    rf"(?:\s+(?:für|der|des)\s+(?:[A-ZÄÖÜ][\w-]*(?:,\s+|\s+und\s+|\s+)?){{1,6}}"
    rf"|(?:\s+{_NAME_WORD}){{1,3}})?")
_DOT_NRW = re.compile(r"(?<![\w.])(?:[A-ZÄÖÜ][\w-]*\.NRW|NRW\.[A-ZÄÖÜ][\w]*)(?![\w])")
_ACRONYM = re.compile(r"\((?P<acr>[A-ZÄÖÜ][\wÄÖÜäöüß]*(?:[ .-][A-Z]{2,})?)\)")
# A body named in quotes after what it is: Gremium „Venture Circle“, Rheinlandfonds „neotech“.
_QUOTED = re.compile(r"(?P<head>Gremium|Beirat|Netzwerk|Rat|Fonds|Verein|[A-ZÄÖÜ]\w*fonds)\s+"
                     r"„(?P<name>[^“]{2,60})“")
NOT_BODIES = re.compile(r"(?:strategie|stipendium|preis|gesetz|programm|summit)(?:\.NRW)?$",
                        re.I)
GENERIC = {"Landesregierung", "Zentrum", "Zentren", "Fonds", "Bank", "Bund", "Land",
           "Bundesregierung", "Rat", "Netzwerk",
           "Hub", "Hubs", "Center", "Institut", "Verband", "Kommission", "Akademie",
           "Hochschule", "Universität", "Stiftung", "Agentur", "Kammer", "Beirat",
           "Geschäftsstelle", "Ministerium", "Landesbetrieb"}
_STOP_TAIL = re.compile(r"\s+(?:und|für|der|des|von|in|im|am|an|NRW|Nordrhein-Westfalen)?\s*$")


@dataclass
class Organisation:
    name: str
    lines: list = field(default_factory=list)
    aliases: list = field(default_factory=list)


def _clean(name: str) -> str:
    name = re.sub(r"[,.;:\s]+$", "", name)
    previous = None
    while previous != name:
        previous = name
        name = re.sub(r"\s+(?:und|für|der|des|von|in|im|am|an|sowie)$", "", name).strip()
    return name


_HINT = re.compile(rf"(?:{HEADS})|(?i:{SUFFIXES})s?\b|\.NRW|NRW\.|„")


def find_names(text: str) -> list[tuple[int, str, str | None]]:
    """(offset, name, alias) for every body named in the text."""
    found = []
    if not _HINT.search(text):
        return found
    for match in _INSTITUTION.finditer(text):
        name = _clean(match.group(0))
        words = name.split()
        if NOT_BODIES.search(words[-1]) or NOT_BODIES.search(name):
            continue
        while words and (words[0] in ("Die", "Der", "Das", "Den", "Dem", "Des", "Ein", "Eine",
                                      "Mit", "Im", "Zwei", "Drei", "Vier", "Fünf", "Sechs",
                                      "Unter", "Über", "Beim", "Vom", "Zum")
                         or words[0].lower() in ("neue", "neuen", "neuer")):
            words = words[1:]
        name = " ".join(words)
        # A lone common compound ("Regelbetrieb", "Drittfonds") is no name; a hyphenated
        # one ("BIM-Competence-Center") is.
        if not words or name in GENERIC or (len(words) < 2 and name != "Staatskanzlei"
                                            and "-" not in name.strip("-")
                                            and not _OFFICE.match(name)):
            continue
        alias = None
        after = _ACRONYM.match(text, match.end() + (1 if text[match.end():match.end() + 1] == " "
                                                    else 0))
        if after:
            alias = after.group("acr")
        found.append((match.start(), name, alias))
    for match in _QUOTED.finditer(text):
        head = match.group("head")
        name = match.group("name") if head[0].isupper() and head in (
            "Gremium", "Beirat", "Netzwerk", "Rat", "Verein") else f"{head} {match.group('name')}"
        found.append((match.start(), name, None))
    for match in _DOT_NRW.finditer(text):
        before = text[max(0, match.start() - 8):match.start()]
        if re.search(r"(?:[A-Z]{2,}\s|Marke\s)$", before):
            continue  # part of an all-caps title ("OUT OF THE BOX.NRW") or a brand
        if not NOT_BODIES.search(match.group(0)) and \
                not any(s <= match.start() < s + len(n) for s, n, _ in found):
            found.append((match.start(), match.group(0), None))
    return found


def collect(blocks_with_offsets) -> list[Organisation]:
    """Merges the names found in every block into one entry per body, with all its lines."""
    by_key: dict[str, Organisation] = {}
    order: list[str] = []
    for text, line_of in blocks_with_offsets:
        for offset, name, alias in find_names(text):
            key = _key(name)
            line = line_of(offset)
            existing = next((k for k in by_key if k == key or (alias and _key(alias) == k)), None)
            if existing is None and alias:
                existing = next((k for k, o in by_key.items()
                                 if alias in o.aliases or _key(alias) in k), None)
            if existing is None:
                by_key[key] = Organisation(name)
                order.append(key)
                existing = key
            org = by_key[existing]
            if len(name) > len(org.name) and _key(org.name) in key:
                org.name = name
            if alias and alias not in org.aliases:
                org.aliases.append(alias)
            if line not in org.lines:
                org.lines.append(line)
    return [by_key[k] for k in order]


def _key(name: str) -> str:
    name = name.replace("Nordrhein-Westfalen", "NRW")
    return re.sub(r"[^\wäöüß]", "", name.lower())
