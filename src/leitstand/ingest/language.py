"""The language of a document, from the share of each language's most common words.

Why stop words and not a language-identification library: the ingest only needs to know
whether a document is German (its goal grammar is German) and, if not, to name what it is.
The most frequent function words of a language make up a third to a half of any running
text in it and almost none of a text in another; counting them over a sample of the
document decides reliably within a millisecond, needs no model file and no new
dependency, and gives the same answer on every machine. Libraries such as lingua or
fastText's lid model are more accurate on single sentences, which we never have to judge.
"""

from __future__ import annotations

import re
from collections import Counter

STOP_WORDS = {
    "de": "der die das und in zu den von mit für ist im auf nicht dem des sich eine ein als "
          "auch es an werden aus er hat dass sie nach wird bei einer um noch wie einem über "
          "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sind "
          "wir unsere ihre diese können soll sollen wollen",
    "en": "the of and to in a is that for it as with was on be by this are or from at an "
          "which have not has will we our their its been were can more also should would "
          "these into than they all",
    "fr": "le la les de des et en un une du est que pour dans qui par sur au pas plus ne "
          "sont avec ce se aux ou nous leur cette été être",
    "es": "el la de que y en los las del se por un una con para es al lo como más pero sus "
          "le ya o fue este ha son entre cuando muy sin sobre también",
    "it": "il di che la e per un una in del della non sono le si con dei da al gli alla "
          "anche come più nel delle questo ha essere",
    "nl": "de het een en van in is dat op te zijn voor met die niet aan er ook als door "
          "wordt worden bij om maar nog naar ze we onze",
    "pl": "i w na z do się nie że to jest o jak po są od przez dla oraz jego ich czy jako "
          "ale być może już",
}
_WORDS = {lang: set(words.split()) for lang, words in STOP_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
NAMES = {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "it": "Italian",
         "nl": "Dutch", "pl": "Polish"}


def detect(text: str, sample: int = 60000) -> str | None:
    """ISO 639-1 code of the language most of the text is written in, or None when there
    are too few words to tell."""
    tokens = [t.lower() for t in _TOKEN.findall(text[:sample])]
    if len(tokens) < 20:
        return None
    hits = Counter()
    for token in tokens:
        for lang, words in _WORDS.items():
            if token in words:
                hits[lang] += 1
    if not hits:
        return None
    lang, count = hits.most_common(1)[0]
    # A real text in a language has at least about one word in eight among its stop words.
    return lang if count >= 0.08 * len(tokens) else None


def warning(lang: str | None) -> str | None:
    """The sentence for the person running the ingest when the text is not German."""
    if lang == "de":
        return None
    if lang is None:
        return "the language of the text could not be recognised: goals are extracted " \
               "from German text only"
    return f"reads as {NAMES.get(lang, lang)}: goals are extracted from German text only"
