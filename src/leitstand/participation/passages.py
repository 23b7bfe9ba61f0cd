"""The passages of the draft that participants commented on, located in the paragraphs'
current text for the pages: the marked pieces with their comments, and for each comment
whether its passage was found again (anchoring does the finding)."""

from __future__ import annotations

from dataclasses import dataclass

from leitstand.participation import anchoring


def anchor_of(comment) -> anchoring.Anchor:
    return anchoring.Anchor(comment.quote, comment.quote_before, comment.quote_after)


def mark(paragraph, comments) -> list[anchoring.Segment]:
    """The paragraph's text in pieces, the commented passages marked; sets `passage_found`
    on every comment that quotes a passage."""
    located = []
    for c in comments:
        if not c.quote:
            continue
        span = anchoring.locate(paragraph.text, anchor_of(c))
        c.passage_found = span is not None
        if span is not None:
            located.append((span, c))
    return anchoring.segments(paragraph.text, located)


@dataclass
class Quoted:
    """Comments of the same passage counted together (the consultation page's one query
    over all comments): `pk` is the first of them, `n` how many."""

    quote: str
    quote_before: str
    quote_after: str
    first: int
    n: int
    section: int | None = None
    paragraph: int | None = None
    goal: int | None = None
    measure: int | None = None
    parent: int | None = None

    @property
    def pk(self) -> int:
        return self.first
