"""Where a comment on a passage belongs in a paragraph that may have changed since.

A passage comment stores the words it quotes and a little of the text on either side –
never offsets, which the smallest edit before the passage would break. To find the passage
again: the quote itself (any run of white space matching any other), the occurrence whose
surroundings fit best if it occurs more than once; failing that, the closest approximate
match (rapidfuzz) if it is close enough; failing that, nothing, and the comment stays on
the paragraph with its quote shown. Pure functions, no database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

CONTEXT = 32  # characters kept on either side of the quote
FUZZY_MIN_LENGTH = 12  # shorter quotes must be found exactly: a few letters match anywhere
FUZZY_MIN_SCORE = 85
_SENTENCE_END = re.compile(r"(?<=[.!?…:;])\s+(?=[\"„“»(]?[A-ZÄÖÜ0-9])")


@dataclass(frozen=True)
class Anchor:
    quote: str
    before: str
    after: str


def normalise(quote: str) -> str:
    return " ".join((quote or "").split())


def _pattern(quote: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(word) for word in quote.split()))


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    quote = normalise(quote)
    if not quote:
        return []
    return [(m.start(), m.end()) for m in _pattern(quote).finditer(text)]


def make_anchor(text: str, quote: str, hint: int | None = None) -> Anchor | None:
    """The anchor of `quote` in `text` (the occurrence nearest to `hint`, a character
    offset the browser saw, when it occurs more than once), or None if it is not there."""
    found = occurrences(text, quote)
    if not found:
        return None
    start, end = min(found, key=lambda span: abs(span[0] - hint)) if hint is not None \
        else found[0]
    return Anchor(normalise(quote), text[max(0, start - CONTEXT):start], text[end:end + CONTEXT])


def _context_score(text: str, span: tuple[int, int], anchor: Anchor) -> float:
    start, end = span
    before = text[max(0, start - len(anchor.before)):start]
    after = text[end:end + len(anchor.after)]
    return fuzz.ratio(before, anchor.before) + fuzz.ratio(after, anchor.after)


def _snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _whole_words(text: str, spans, anchor: Anchor) -> list[tuple[int, int]]:
    """Where the quote began or ended at a word's edge, an occurrence must too: "gemeinsam"
    is not found inside "gemeinsame" after an edit of that word."""
    starts_clean = not anchor.before[-1:].isalnum() or not anchor.quote[:1].isalnum()
    ends_clean = not anchor.after[:1].isalnum() or not anchor.quote[-1:].isalnum()
    return [(start, end) for start, end in spans
            if (not starts_clean or start == 0 or not text[start - 1].isalnum())
            and (not ends_clean or end == len(text) or not text[end].isalnum())]


def locate(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where the anchored passage is in `text` now: (start, end), or None if it is gone."""
    found = _whole_words(text, occurrences(text, anchor.quote), anchor)
    if len(found) == 1:
        return found[0]
    if found:
        return max(found, key=lambda span: _context_score(text, span, anchor))
    if len(anchor.quote) < FUZZY_MIN_LENGTH:
        return None
    match = fuzz.partial_ratio_alignment(anchor.quote, text, score_cutoff=FUZZY_MIN_SCORE)
    if match is None or match.dest_end <= match.dest_start:
        return None
    return _snap_to_words(text, match.dest_start, match.dest_end)


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, offered to choose from where a mouse cannot mark."""
    return [s for s in (part.strip() for part in _SENTENCE_END.split(text)) if s]


@dataclass
class Segment:
    """A piece of a paragraph's text; `items` are what is anchored on it (none: plain)."""

    text: str
    items: list

    @property
    def count(self) -> int:
        """How many comments: an item may stand for several (`n`)."""
        return sum(getattr(item, "n", 1) for item in self.items)


def segments(text: str, anchored: list[tuple[tuple[int, int], object]]) -> list[Segment]:
    """The text cut into plain and marked pieces; overlapping passages are marked as one
    piece that carries all their items (so a mark never nests in another)."""
    spans = sorted(anchored, key=lambda a: a[0])
    pieces: list[Segment] = []
    position = 0
    cluster_start = cluster_end = None
    cluster: list = []
    for (start, end), item in spans:
        if cluster_end is not None and start < cluster_end:
            cluster.append(item)
            cluster_end = max(cluster_end, end)
            continue
        if cluster_end is not None:
            pieces.append(Segment(text[cluster_start:cluster_end], cluster))
            position = cluster_end
        if start > position:
            pieces.append(Segment(text[position:start], []))
        cluster_start, cluster_end, cluster = start, end, [item]
    if cluster_end is not None:
        pieces.append(Segment(text[cluster_start:cluster_end], cluster))
        position = cluster_end
    if position < len(text):
        pieces.append(Segment(text[position:], []))
    return pieces
