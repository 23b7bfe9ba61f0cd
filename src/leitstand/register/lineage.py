"""Suggests how the goals of an edition continue those of the previous one (pure functions).

Similarity of two goals = 0.7 × overlap of their stemmed words (Jaccard, the same German
stems as the search) + 0.3 × agreement of their targets (same units, then same values and
deadlines); the word overlap alone where neither goal has a target. A new goal's best match
above THRESHOLD continues it: "kept" where text and
targets agree closely, else "sharpened". One previous goal continued by several new goals
is "split"; a new goal continuing several previous goals is "merged"; new goals without a
match are "new", previous goals without one "dropped". Editors confirm or correct.
"""

from __future__ import annotations

from dataclasses import dataclass

from leitstand.ingest.stemming import stems

THRESHOLD = 0.35
KEPT = 0.8
STOP = frozenset({"die", "der", "das", "und", "in", "im", "fur", "von", "zu", "den", "mit",
                  "auf", "an", "bis", "sol", "soll", "sollen", "werd", "ein", "eine", "des",
                  "dem", "sich", "bei", "alle", "all", "nrw"})


@dataclass(frozen=True)
class GoalText:
    id: int
    text: str
    targets: tuple = ()  # ((unit, value, deadline), ...)


@dataclass(frozen=True)
class Suggestion:
    goal: int | None
    previous: int | None
    kind: str
    similarity: float


def _words(text: str) -> set[str]:
    return {s for s in stems(text) if len(s) > 2 and s not in STOP}


def _target_agreement(a: tuple, b: tuple) -> float:
    if not a or not b:
        return 0.0
    units_a, units_b = {t[0] for t in a}, {t[0] for t in b}
    if not units_a & units_b:
        return 0.0
    same = len(set(a) & set(b)) / max(len(a), len(b))
    return 0.5 + 0.5 * same


def similarity(a: GoalText, b: GoalText) -> float:
    wa, wb = _words(a.text), _words(b.text)
    jaccard = len(wa & wb) / len(wa | wb) if wa | wb else 0.0
    if not a.targets and not b.targets:
        return round(jaccard, 3)  # nothing to compare but the words
    return round(0.7 * jaccard + 0.3 * _target_agreement(a.targets, b.targets), 3)


def suggest(new: list[GoalText], previous: list[GoalText]) -> list[Suggestion]:  # noqa: C901
    scored = {(n.id, p.id): similarity(n, p) for n in new for p in previous}
    matches: dict[int, list[tuple[int, float]]] = {}
    for n in new:
        best = sorted(((p.id, scored[n.id, p.id]) for p in previous), key=lambda x: -x[1])
        matches[n.id] = [(p, s) for p, s in best if s >= THRESHOLD][:2]
        if len(matches[n.id]) == 2 and matches[n.id][1][1] < matches[n.id][0][1] * 0.9:
            matches[n.id] = matches[n.id][:1]  # a clear best match is one, not a merger
    continued: dict[int, list[int]] = {}
    for n_id, found in matches.items():
        for p_id, _ in found:
            continued.setdefault(p_id, []).append(n_id)
    out: list[Suggestion] = []
    by_id = {n.id: n for n in new} | {p.id: p for p in previous}
    for n in new:
        found = matches[n.id]
        if not found:
            out.append(Suggestion(n.id, None, "new", 0.0))
            continue
        for p_id, score in found:
            if len(found) > 1:
                kind = "merged"
            elif len(continued[p_id]) > 1:
                kind = "split"
            elif score >= KEPT or set(by_id[p_id].targets) == set(n.targets) and n.targets:
                kind = "kept"
            else:
                kind = "sharpened"
            out.append(Suggestion(n.id, p_id, kind, score))
    for p in previous:
        if p.id not in continued:
            out.append(Suggestion(None, p.id, "dropped", 0.0))
    return out
