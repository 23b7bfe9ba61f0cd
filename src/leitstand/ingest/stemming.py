"""German-aware search: words are folded and stemmed, then matched as substrings.

Snowball's German stemmer folds umlauts and inflection ("Schulen" -> "schul");
matching a query stem inside the stored stems finds compounds
("Glasfaser" in "Glasfaserausbau"). Latin plurals in -ien/-ium, which Snowball
leaves apart ("Stipendium"/"Stipendien"), are joined by one extra rule.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

_stemmer = snowballstemmer.stemmer("german")
_WORD = re.compile(r"\w+")
_MIN_STEM = 3


def stem(word: str) -> str:
    word = unicodedata.normalize("NFC", word.lower()).replace("ß", "ss")
    stemmed = _stemmer.stemWord(word)
    stemmed = unicodedata.normalize("NFKD", stemmed)
    stemmed = "".join(c for c in stemmed if not unicodedata.combining(c))
    if stemmed.endswith("ium") and len(stemmed) > 6:
        stemmed = stemmed[:-2]
    return stemmed


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text or "")]


def index_text(*parts: str) -> str:
    """The stored form: stems separated and framed by spaces."""
    return " " + " ".join(stems(" ".join(p for p in parts if p))) + " "


def query_stems(query: str) -> list[str]:
    return [s for s in dict.fromkeys(stems(query)) if len(s) >= _MIN_STEM][:8]
