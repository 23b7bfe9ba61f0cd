"""Loads a validated strategy file into the register and the monitoring, in one transaction.

Loading is idempotent: records are matched by their natural keys (slugs,
codes, dates), so loading the same file again changes nothing, and a file
whose sha256 was already loaded is skipped at once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from leitstand.monitoring import services as monitoring
from leitstand.monitoring.models import Assessment
from leitstand.register import models as m
from leitstand.register import services as register
from leitstand.register import strategy_file


@dataclass
class LoadResult:
    strategy: str
    skipped: bool = False
    created: dict = field(default_factory=dict)

    def count(self, kind: str, created: bool) -> None:
        if created:
            self.created[kind] = self.created.get(kind, 0) + 1


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def _published(day: str):
    """Data from public sources counts as known from the day the source gives."""
    return timezone.make_aware(dt.datetime.combine(_date(day), dt.time(12)))


def _dec(value):
    return None if value is None else Decimal(str(value))


def load_file(path: Path) -> LoadResult:
    raw = strategy_file.read_bytes(Path(path))
    data = strategy_file.read(Path(path), raw)
    return load(data, hashlib.sha256(raw).hexdigest())


@transaction.atomic
def load(data: dict, sha256: str = "") -> LoadResult:
    info = data["strategy"]
    result = LoadResult(info["slug"])
    existing = m.Strategy.objects.filter(slug=info["slug"]).first()
    if existing and sha256 and existing.loaded_sha256 == sha256:
        result.skipped = True
        return result
    orgs = {}
    for o in data.get("organisations", []):
        orgs[o["key"]], created = m.Organisation.objects.update_or_create(
            slug=o["key"].lower(), defaults=dict(
                name=o["name"], short_name=o.get("short_name", ""), kind=o.get("kind", "other"),
                url=o.get("url", ""), note=o.get("note", "")))
        result.count("organisations", created)
    strategy, created = m.Strategy.objects.update_or_create(slug=info["slug"], defaults=dict(
        name=info["name"], jurisdiction=info["jurisdiction"],
        spatial_uri=info.get("spatial_uri", ""),
        owner=orgs.get(info.get("owner")), description=info.get("description", ""),
        language=info.get("language", "de")))
    result.count("strategies", created)
    indicators = {key: _load_indicator(strategy, ind, orgs, result)
                  for key, ind in ((i["key"], i) for i in data.get("indicators", []))}
    editions = {}
    for ed in data["editions"]:
        editions[ed["slug"]] = _load_edition(strategy, ed, orgs, indicators, editions, result)
    strategy.loaded_sha256 = sha256
    strategy.save()
    return result


def _write(save, model, key: dict, values: dict):
    """Like update_or_create, through the model's write service (validated, in the history
    as "Datenimport"); a row that would not change is not written again."""
    obj = model.objects.filter(**key).first()
    created = obj is None
    if created:
        obj = model(**key)
    elif all(getattr(obj, k) == v for k, v in values.items()):
        return obj, False
    for k, v in values.items():
        setattr(obj, k, v)
    save(register.SYSTEM, obj)
    return obj, created


def _load_indicator(strategy, ind, orgs, result):
    indicator, created = m.Indicator.objects.update_or_create(
        strategy=strategy, slug=ind["key"], defaults=dict(
            name=ind["name"], unit=ind["unit"], definition=ind["definition"],
            publisher=ind.get("publisher", ""), source_url=ind.get("source_url", ""),
            update_frequency=ind.get("update_frequency", "")))
    result.count("indicators", created)
    indicator.responsible_units.set([orgs[u] for u in ind.get("units", [])])
    for obs in ind.get("observations", []):
        _, created = monitoring.record_observation(
            monitoring.SYSTEM, indicator, _date(obs["date"]), value=_dec(obs["value"]),
            source_url=obs["source_url"], note=obs.get("note", ""),
            known_since=_published(obs["date"]))
        result.count("observations", created)
    return indicator


def _load_edition(strategy, ed, orgs, indicators, editions, result):
    source = ed.get("source", {})
    edition, created = m.Edition.objects.update_or_create(
        strategy=strategy, slug=ed["slug"], defaults=dict(
            label=ed["label"], year=ed["year"], adopted_on=_date(ed.get("adopted_on")),
            status=ed["status"], previous=editions.get(ed.get("previous")),
            source_title=source.get("title", ""), source_url=source.get("url", ""),
            source_sha256=source.get("sha256", ""),
            declared_goal_count=ed.get("declared_goal_count"),
            coverage_note=ed.get("coverage", "")))
    result.count("editions", created)
    sections = {}
    for order, s in enumerate(ed["sections"]):
        sections[s["key"]], created = m.Section.objects.update_or_create(
            edition=edition, slug=s["key"], defaults=dict(
                parent=sections.get(s.get("parent")), number=s.get("number", ""),
                title=s["title"], kind=s.get("kind", "chapter"),
                is_field_of_action=s.get("field_of_action", False), order=order,
                source_page=s.get("page"), source_line=s.get("line")))
        result.count("sections", created)
        for p_order, par in enumerate(s.get("paragraphs", [])):
            _, created = m.Paragraph.objects.update_or_create(
                section=sections[s["key"]], order=p_order, defaults=dict(
                    text=par["text"], source_page=par.get("page"),
                    source_line=par.get("line")))
            result.count("paragraphs", created)
    goals = {}
    for order, g in enumerate(ed["goals"]):
        goals[g["code"]] = _load_goal(edition, g, order, sections, orgs, indicators, result)
    for order, ms in enumerate(ed.get("measures", [])):
        measure, created = _write(
            register.save_measure, m.Measure, dict(edition=edition, order=order), dict(
                section=sections[ms["section"]], label=ms.get("label", ""),
                group=ms.get("group", ""), text=ms["text"],
                status=ms.get("status", "planned"), source_page=ms.get("page"),
                source_line=ms.get("line")))
        measure.responsible_units.set([orgs[u] for u in ms.get("units", [])])
        result.count("measures", created)
    for order, gl in enumerate(ed.get("guidelines", [])):
        guideline, created = m.Guideline.objects.update_or_create(
            edition=edition, order=order, defaults=dict(
                text=gl["text"], source_page=gl.get("page"), source_line=gl.get("line")))
        guideline.goals.set([goals[c] for c in gl.get("goals", [])])
        result.count("guidelines", created)
    if ed.get("consultation"):
        from leitstand.operations.consultation_loader import load_consultation

        result.count("consultations", load_consultation(edition, ed["consultation"]))
    return edition


def _load_goal(edition, g, order, sections, orgs, indicators, result):
    goal, created = _write(register.save_goal, m.Goal, dict(edition=edition, code=g["code"]), dict(
        section=sections[g["section"]], title=g["title"], text=g.get("text", ""),
        horizon=g.get("horizon") or "", horizon_inferred=g.get("horizon_inferred", False),
        deadline=_date(g.get("deadline")), source_page=g.get("page"),
        source_line=g.get("line"), order=order))
    result.count("goals", created)
    goal.responsible_units.set([orgs[u] for u in g.get("units", [])])
    for t_order, t in enumerate(g.get("targets", [])):
        values = dict(
            metric=t["metric"], value=_dec(t.get("value")), unit=t.get("unit") or "",
            comparator=t.get("comparator") or "", deadline=_date(t.get("deadline")),
            per=t.get("per") or "", baseline_year=t.get("baseline_year"),
            baseline_value=_dec(t.get("baseline_value")), factor=_dec(t.get("factor")),
            rank=t.get("rank"))
        target, created = _write(register.save_target, m.Target,
                                 dict(goal=goal, order=t_order), values)
        target.indicators.set([indicators[k] for k in t.get("indicators", [])])
        result.count("targets", created)
    _load_assessments(goal, g.get("assessments", []), result)
    return goal


def _load_assessments(goal, items, result):
    """Published assessments from public sources: recorded as approved, never duplicated."""
    for a in items:
        key = dict(goal=goal, assessor=a["assessor"], as_of=_date(a["as_of"]), status=a["status"])
        if Assessment.objects.filter(**key).exists():
            continue
        monitoring.record_published_assessment(
            published_at=_published(a["as_of"]), **key, assessor_kind=a["kind"],
            evidence=a["evidence"], evidence_links="\n".join(a["links"]), rule="manual")
        result.count("assessments", True)
