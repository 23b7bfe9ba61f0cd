"""How well comments on a passage find their words again after the paragraph is edited.

Paragraphs: the NRW seed (../shared/seeds/), its lines joined, four sentences each. In every
paragraph, passages of 3 to 10 words within a sentence are quoted (fixed random seed) and the
paragraph is
edited in four ways a strategy team edits a draft between phases:

- before:  a clause inserted at the start and a word changed before the passage
- inside:  one word of the passage changed a little (a letter, an ending)
- other:   another sentence of the paragraph deleted
- gone:    the sentence holding the passage rewritten (the passage must NOT be found)

For each edit it counts: found at exactly the right words, close (at least 80 % of them,
e.g. without a trailing comma), found at wrong words, not found; and, for comparison, how
often the stored character offsets would still point at the passage.

    python bench/passage_anchoring.py
"""

from __future__ import annotations

import pathlib
import random
import re
import sys

from leitstand.participation import anchoring

SEED = pathlib.Path(__file__).resolve().parents[2] / "shared/seeds/000_496e719280b7dfe2.txt"


def paragraphs(text: str) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    joined = ""
    for line in lines:
        if joined.endswith("-") and line[:1].islower():
            joined = joined[:-1] + line
        else:
            joined = f"{joined} {line}" if joined else line
    sentences = [s for s in anchoring.sentences(joined) if len(s.split()) >= 6]
    return [" ".join(sentences[i:i + 4]) for i in range(0, len(sentences) - 3, 4)]


def _vary(word: str) -> str:
    """Another ending: "Strategie" -> "Strategien", "Land" -> "Lande"."""
    return word + ("n" if word.endswith("e") else "e")


def edits(rng, text: str, start: int, end: int):
    """(name, edited text, the passage's words in it or None if it is gone)."""
    quote = text[start:end]
    before_words = text[:start].split(" ")
    if len(before_words) > 2:
        i = rng.randrange(len(before_words) - 1)
        before_words[i] = _vary(before_words[i]) if before_words[i] else before_words[i]
    yield "before", "Nach dem Beschluss des Rates gilt: " + " ".join(before_words) + \
        text[start:], quote
    words = quote.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    if candidates and len(quote) >= anchoring.FUZZY_MIN_LENGTH:
        i = rng.choice(candidates)
        words[i] = _vary(words[i])
        changed = " ".join(words)
        yield "inside", text[:start] + changed + text[end:], changed
    sentences = anchoring.sentences(text)
    own = next(s for s in sentences if quote in s)  # quotes lie within one sentence
    others = [s for s in sentences if s != own]
    if others:
        dropped = rng.choice(others)
        yield "other", " ".join(s for s in sentences if s != dropped), quote
    rewritten = "Dieser Satz wurde in der Fortschreibung vollständig neu gefasst."
    yield "gone", " ".join(rewritten if s == own else s for s in sentences), None


def main() -> int:
    if not SEED.exists():
        print(f"the seed is expected at {SEED}", file=sys.stderr)
        return 1
    rng = random.Random(16)
    counts: dict[str, dict[str, int]] = {}
    for text in paragraphs(SEED.read_text(encoding="utf-8")):
        sentences = anchoring.sentences(text)
        for _ in range(5):
            sentence = rng.choice(sentences)
            offset = text.index(sentence)
            words = [m.span() for m in re.finditer(r"\S+", sentence)]
            n = rng.randint(3, 10)
            if len(words) <= n:
                continue
            i = rng.randrange(len(words) - n)
            start, end = offset + words[i][0], offset + words[i + n - 1][1]
            anchor = anchoring.make_anchor(text, text[start:end], hint=start)
            for name, edited, expected in edits(rng, text, start, end):
                row = counts.setdefault(name, {"cases": 0, "right": 0, "close": 0, "wrong": 0,
                                               "not found": 0, "offsets right": 0})
                row["cases"] += 1
                span = anchoring.locate(edited, anchor)
                if expected is None:
                    row["right" if span is None else "wrong"] += 1
                    if span is not None and "-v" in sys.argv:
                        print("found though gone:", anchor.quote, "->",
                              edited[span[0]:span[1]])
                elif span is None:
                    row["not found"] += 1
                else:
                    at = edited.find(expected, max(0, span[0] - len(expected)))
                    overlap = min(span[1], at + len(expected)) - max(span[0], at)
                    row["right" if edited[span[0]:span[1]] == expected else "close"
                        if at >= 0 and overlap >= 0.8 * len(expected) else "wrong"] += 1
                if expected is not None and edited[start:end] == expected:
                    row["offsets right"] += 1
    print(f"{'edit':8} {'cases':>6} {'right':>12} {'close':>6} {'wrong':>6} {'not found':>9} "
          f"{'offsets right':>13}")
    for name, row in counts.items():
        share = row["right"] / row["cases"]
        print(f"{name:8} {row['cases']:6} {row['right']:5} ({share:4.0%}) {row['close']:6} "
              f"{row['wrong']:6} {row['not found']:9} {row['offsets right']:13}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
