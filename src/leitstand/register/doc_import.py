"""Imports a document model (the output of `leitstand ingest`) as a draft edition.

Editors then review, correct and publish it. One transaction: a failure leaves
nothing behind. The same document (same sha256) imported twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils.text import slugify

from leitstand.register import models as m


class ImportRefused(ValueError):
    pass


@dataclass
class ImportResult:
    edition: m.Edition
    created: bool
    counts: dict


def _dec(value):
    return None if value is None else Decimal(str(value))


def _date(value):
    return dt.date.fromisoformat(value) if value else None


@transaction.atomic
def import_document(doc: dict, strategy_slug: str, edition_label: str | None = None,
                    units: dict | None = None) -> ImportResult:
    """`units` maps an organisation's name in the document to an existing unit (or None);
    given, no unit is created: the editors decide about the others (leitstand.onboarding)."""
    from leitstand.ingest.validate import problems

    found = problems(doc)
    if found:
        raise ImportRefused("not a valid document model: " + "; ".join(found[:5]))
    sha = doc["source"]["sha256"]
    strategy, _ = m.Strategy.objects.get_or_create(slug=strategy_slug, defaults={
        "name": (doc.get("title") or strategy_slug)[:300], "jurisdiction": "–"})
    existing = m.Edition.objects.filter(strategy=strategy, source_sha256=sha).first()
    if existing:
        return ImportResult(existing, False, {})
    label = edition_label or str(doc.get("year") or "import")
    slug = slugify(label.replace(".", "-")) or "import"
    if m.Edition.objects.filter(strategy=strategy, slug=slug).exists():
        raise ImportRefused(f"edition '{label}' of '{strategy_slug}' exists with another "
                            "document; choose another --edition")
    edition = m.Edition.objects.create(
        strategy=strategy, label=label, slug=slug, year=doc.get("year") or dt.date.today().year,
        source_title=(doc.get("title") or doc["source"]["path"])[:300], source_sha256=sha,
        status=m.Edition.DRAFT)
    counts = {"sections": 0, "goals": 0, "targets": 0, "measures": 0, "guidelines": 0,
              "organisations": 0}
    sections = {}
    for order, s in enumerate(doc["sections"]):
        sections[s["id"]] = m.Section.objects.create(
            edition=edition, slug=s["id"], number=s["number"] or "", title=s["title"][:300],
            kind=s["kind"], parent=sections.get(s["parent"]), order=order,
            is_field_of_action=s["level"] == 1 and s["kind"] == "chapter",
            source_line=s["line"], source_page=s["page"])
        counts["sections"] += 1
    organisations = {name: unit for name, unit in (units or {}).items() if unit is not None}
    for o in doc["organisations"] if units is None else []:
        slug_o = slugify(o["name"])[:50] or f"org-{len(organisations) + 1}"
        org, created = m.Organisation.objects.get_or_create(slug=slug_o, defaults={
            "name": o["name"][:300], "short_name": (o.get("aliases") or [""])[0][:60],
            "kind": "other"})
        organisations[o["name"]] = org
        counts["organisations"] += created
    for n, g in enumerate(doc["goals"], start=1):
        goal = create_goal(edition, g, f"z{n:02d}", n, sections.get(g["section"]))
        counts["goals"] += 1
        counts["targets"] += goal.targets.count()
    for n, ms in enumerate(doc["measures"]):
        measure = m.Measure.objects.create(
            edition=edition, section=sections.get(ms["section"]), label=ms["label"] or "",
            group=(ms["group"] or "")[:300], text=ms["text"], order=n,
            status={"done": "done", "planned": "planned"}.get(ms["status"], "planned"),
            source_line=ms["line"], source_page=ms["page"])
        measure.responsible_units.set([organisations[name] for name in ms["organisations"]
                                       if name in organisations])
        counts["measures"] += 1
    for lst in doc["lists"]:
        if "leitlinie" in (lst["title"] or "").lower():
            for n, item in enumerate(lst["items"]):
                m.Guideline.objects.create(edition=edition, text=item["text"], order=n,
                                           source_line=item["line"], source_page=lst["page"])
                counts["guidelines"] += 1
    return ImportResult(edition, True, counts)


def create_goal(edition: m.Edition, g: dict, code: str, order: int,
                section: m.Section | None) -> m.Goal:
    """A goal with its targets from a goal (or candidate) of the document model."""
    targets = g.get("targets") or []
    deadlines = [t["deadline"] for t in targets if t.get("deadline")]
    goal = m.Goal.objects.create(
        edition=edition, section=section, code=code, title=_title(g["text"]), text=g["text"],
        horizon=g.get("horizon") or "", deadline=_date(max(deadlines)) if deadlines else None,
        order=order, source_line=g.get("line"), source_page=g.get("page"))
    for k, t in enumerate(targets):
        m.Target.objects.create(
            goal=goal, order=k, metric=(t.get("metric") or "")[:300], value=_dec(t.get("value")),
            unit=(t.get("unit") or "")[:40], comparator=t.get("comparator") or "",
            deadline=_date(t.get("deadline")), per=t.get("per") or "",
            baseline_year=t.get("baseline_year"), factor=_dec(t.get("factor")),
            rank=t.get("rank"))
    return goal


def _title(text: str) -> str:
    first = text.split(". ")[0]
    return first if len(first) <= 140 else first[:137].rsplit(" ", 1)[0] + " …"
