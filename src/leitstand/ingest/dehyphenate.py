"""Joins words broken at the end of a line, and keeps real hyphens.

"Digitalisie-" + "rung" -> "Digitalisierung"; "Duisburg-" + "Essen" and
"Start-up-" + "Ökosystem" keep the hyphen (a capital follows); "barriere-" +
"und" is a suspended hyphen ("barriere- und"); "freiheitlich-" +
"demokratischen" keeps it because the joined word is unknown while both
halves are known adjectives (word frequencies from wordfreq).
"""

from __future__ import annotations

import re
from functools import lru_cache

CONJUNCTIONS = {"und", "oder", "bzw.", "sowie", "bis", "als", "wie"}
ENGLISH_TAILS = {"up", "ups", "out", "outs", "off", "offs", "in", "ins", "how", "on", "down"}
_ADJECTIVE = re.compile(r"(?:isch|lich|ig|al|ell|iv|bar)(?:e|en|er|es|em)?$")
JOIN, KEEP, SUSPEND = "join", "keep", "suspend"


@lru_cache(maxsize=65536)
def _zipf(word: str) -> float:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # without the word list every break is joined: still a usable default
        return 0.0
    return zipf_frequency(word, "de")


def decide(left: str, right: str) -> str:
    """How a line ending in `left-` continues with the word `right`."""
    left = left.rstrip("-")
    bare_right = right.strip("„“\"'(),.;:!?")
    if not left or not bare_right:
        return KEEP
    if bare_right in CONJUNCTIONS:
        return SUSPEND
    if bare_right[0].isupper() or bare_right[0].isdigit() or not left[-1].isalpha():
        return KEEP
    last = re.split(r"[-/]", left)[-1]
    if bare_right.lower() in ENGLISH_TAILS and _zipf(last.lower()) >= 3:
        return KEEP  # "Start-" + "ups", but not "Implementati-" + "on"
    joined = (last + bare_right).lower()
    if (_zipf(joined) < 1.0 and _zipf(last.lower()) >= 2.0 and len(bare_right) >= 7
            and _zipf(bare_right.lower()) >= 2.0 and _ADJECTIVE.search(bare_right.lower())):
        return KEEP  # "freiheitlich-" + "demokratischen": two known words, no known compound
    return JOIN


def join_lines(lines: list[str]) -> str:
    """Joins the lines of one block into clean text with single spaces."""
    return join_with_offsets(lines)[0]


def join_with_offsets(lines: list[str]) -> tuple[str, list[int]]:
    """The joined text and, for each input line, the offset where its text begins."""
    out = ""
    starts = []
    for line in lines:
        text = " ".join(line.split())
        starts.append(len(out) + (1 if out else 0))
        if not text:
            continue
        if out.endswith("\u00ad"):  # a soft hyphen ends the line: the word goes on
            out = out[:-1] + text.replace("\u00ad", "")
            continue
        if not text.endswith("\u00ad"):
            text = text.replace("\u00ad", "")
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha():
            head, _, left = out.rpartition(" ")
            first = text.split(" ", 1)[0]
            how = decide(left, first)
            if how == JOIN:
                out = out[:-1] + text
            elif how == KEEP:
                out = out + text
            else:
                out = out + " " + text
        else:
            out = f"{out} {text}" if out else text
    return out, starts
