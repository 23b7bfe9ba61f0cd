"""The format of a strategy data file (YAML or JSON) and its validation.

`leitstand load FILE` and the demo read this format. Validation happens
before anything is written, and every error names its place in the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from leitstand.core import text as typed

DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
OPT_DATE = {"anyOf": [DATE, {"type": "null"}]}
NUM = {"type": ["number", "null"]}
URL = {"type": "string", "pattern": r"^https?://\S+$"}
STR = {"type": "string", "maxLength": typed.TEXT, "pattern": typed.TEXT_PATTERN}
KEYS = {"type": "array", "items": STR}
STATUS_CODES = ["not_assessed", "no_evidence", "not_started", "in_progress", "on_track",
                "at_risk", "achieved", "missed", "dropped"]


def _obj(required, **props):
    return {"type": "object", "required": list(required), "additionalProperties": False,
            "properties": props}


SOURCE_REF = {"page": {"type": ["integer", "null"]}, "line": {"type": ["integer", "null"]}}

PARAGRAPH = _obj(["text"], text=STR, **SOURCE_REF)
SECTION = _obj(["key", "title"], key=STR, number=STR, title=STR,
               paragraphs={"type": "array", "items": PARAGRAPH},
               kind={"enum": ["preface", "chapter", "review", "next_steps", "other"]},
               field_of_action={"type": "boolean"}, parent=STR, **SOURCE_REF)
TARGET = _obj(["metric"], metric=STR, value=NUM, unit={"type": ["string", "null"]},
              comparator={"enum": ["at_least", "at_most", "exactly", None]},
              deadline=OPT_DATE, per={"enum": ["year", None]},
              baseline_year={"type": ["integer", "null"]}, baseline_value=NUM, factor=NUM,
              rank={"type": ["integer", "null"]}, indicators=KEYS)
ASSESSMENT = _obj(["status", "as_of", "assessor", "kind", "evidence", "links"],
                  status={"enum": STATUS_CODES}, as_of=DATE, assessor=STR,
                  kind={"enum": ["government", "independent", "third_party"]},
                  evidence=STR, links={"type": "array", "minItems": 1, "items": URL})
GOAL = _obj(["code", "title", "section"], code={"type": "string", "pattern": r"^[\w-]+$"},
            title=STR, text=STR, section=STR,
            horizon={"enum": ["short", "medium", "long", None]},
            horizon_inferred={"type": "boolean"}, deadline=OPT_DATE, units=KEYS,
            targets={"type": "array", "items": TARGET},
            assessments={"type": "array", "items": ASSESSMENT},
            sources={"type": "array", "items": URL}, **SOURCE_REF)
MEASURE = _obj(["section", "text"], section=STR, label=STR, group=STR, text=STR,
               status={"enum": ["planned", "in_progress", "done"]}, units=KEYS, **SOURCE_REF)
GUIDELINE = _obj(["text"], text=STR, goals=KEYS, **SOURCE_REF)
DATETIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"}
PHASE = _obj(["name", "starts", "ends", "actions"], name=STR, starts=DATETIME, ends=DATETIME,
             actions={"type": "array", "uniqueItems": True,
                      "items": {"enum": ["read", "comment", "propose", "support"]}})
# Phase times are local time in Europe/Berlin, as the consultation announces them.
CONSULTATION = _obj(["slug", "title", "phases"], slug={"type": "string", "pattern": r"^[\w-]+$"},
                    title=STR, description=STR, allow_anonymous={"type": "boolean"},
                    on_account_deletion={"enum": ["anonymise", "remove"]},
                    phases={"type": "array", "minItems": 1, "items": PHASE})
EDITION = _obj(["label", "slug", "year", "status", "sections", "goals"],
               label=STR, slug={"type": "string", "pattern": r"^[\w-]+$"},
               year={"type": "integer"}, adopted_on=OPT_DATE, previous=STR,
               status={"enum": ["draft", "published"]},
               source=_obj([], title=STR, url=URL, sha256=STR),
               declared_goal_count={"type": ["integer", "null"]}, coverage=STR,
               sections={"type": "array", "items": SECTION},
               guidelines={"type": "array", "items": GUIDELINE},
               goals={"type": "array", "items": GOAL},
               measures={"type": "array", "items": MEASURE},
               consultation=CONSULTATION)
OBSERVATION = _obj(["date", "value", "source_url"], date=DATE, value={"type": "number"},
                   source_url=URL, note=STR)
INDICATOR = _obj(["key", "name", "unit", "definition"], key=STR, name=STR, unit=STR,
                 definition=STR, publisher=STR, source_url=URL, update_frequency=STR,
                 units=KEYS, observations={"type": "array", "items": OBSERVATION})
ORGANISATION = _obj(["key", "name"], key=STR, name=STR, short_name=STR,
                    kind={"enum": ["ministry", "agency", "bank", "office", "other"]},
                    url=URL, note=STR)
SCHEMA = _obj(["strategy", "editions"],
              strategy=_obj(["slug", "name", "jurisdiction"],
                            slug={"type": "string", "pattern": r"^[\w-]+$"}, name=STR,
                            jurisdiction=STR, spatial_uri=URL, owner=STR, description=STR,
                            language=STR),
              organisations={"type": "array", "items": ORGANISATION},
              indicators={"type": "array", "items": INDICATOR},
              editions={"type": "array", "minItems": 1, "items": EDITION})


class StrategyFileError(ValueError):
    """A data file that cannot be loaded; the message lists every problem found."""


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise StrategyFileError(f"{path}: cannot be read ({exc.strerror}).") from None


def read(path: Path, raw: bytes | None = None) -> dict:
    """The validated content of a data file; `raw` where the caller has read it already."""
    raw = read_bytes(path) if raw is None else raw
    try:
        text = raw.decode("utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except UnicodeDecodeError:
        raise StrategyFileError(f"{path}: is not UTF-8 text.") from None
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise StrategyFileError(f"{path}: is not valid YAML/JSON: {exc}") from None
    data = _dates_to_text(data)
    problems = validate(data)
    if problems:
        raise StrategyFileError(f"{path}: " + "; ".join(problems[:20]))
    return data


def _dates_to_text(value):
    """YAML reads 2019-04-10 as a date; the schema and the loader want ISO text."""
    import datetime as dt

    if isinstance(value, dict):
        return {k: _dates_to_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_to_text(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def validate(data) -> list[str]:
    validator = jsonschema.Draft202012Validator(SCHEMA,
                                                format_checker=jsonschema.FormatChecker())
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
        problems.append(f"{where.lstrip('.') or 'top level'}: {error.message}")
    if not problems:
        problems = _check_references(data)
    return problems


# First path segments the site uses itself; a strategy with such a slug would be unreachable.
RESERVED_SLUGS = frozenset({"admin", "status", "impressum", "datenschutz", "sprache",
                            "redaktion", "healthz", "static", "beteiligung", "api",
                            "methodik", "daten", "barrierefreiheit", "leichte-sprache",
                            "vergleich", "konto"})


def _check_references(data) -> list[str]:  # noqa: C901
    problems = []
    if data["strategy"]["slug"].lower() in RESERVED_SLUGS:
        problems.append(f"strategy.slug: '{data['strategy']['slug']}' is a path the site uses "
                        "itself; choose another slug")
    orgs = {o["key"] for o in data.get("organisations", [])}
    indicators = {i["key"] for i in data.get("indicators", [])}
    editions = {e["slug"] for e in data["editions"]}
    owner = data["strategy"].get("owner")
    if owner and owner not in orgs:
        problems.append(f"strategy.owner: unknown organisation '{owner}'")
    for i, ind in enumerate(data.get("indicators", [])):
        problems += [f"indicators[{i}].units: unknown organisation '{u}'"
                     for u in ind.get("units", []) if u not in orgs]
    for e, ed in enumerate(data["editions"]):
        where = f"editions[{e}]"
        if ed.get("previous") and ed["previous"] not in editions:
            problems.append(f"{where}.previous: unknown edition '{ed['previous']}'")
        sections = {s["key"] for s in ed["sections"]}
        codes = [g["code"] for g in ed["goals"]]
        problems += [f"{where}.goals: code '{c}' appears twice"
                     for c in sorted({c for c in codes if codes.count(c) > 1})]
        for s, sec in enumerate(ed["sections"]):
            if sec.get("parent") and sec["parent"] not in sections:
                problems.append(f"{where}.sections[{s}].parent: unknown section '{sec['parent']}'")
        for kind in ("goals", "measures"):
            for g, item in enumerate(ed.get(kind, [])):
                if item["section"] not in sections:
                    problems.append(f"{where}.{kind}[{g}].section: unknown section "
                                    f"'{item['section']}'")
                problems += [f"{where}.{kind}[{g}].units: unknown organisation '{u}'"
                             for u in item.get("units", []) if u not in orgs]
                for t, target in enumerate(item.get("targets", [])):
                    problems += [f"{where}.{kind}[{g}].targets[{t}].indicators: unknown "
                                 f"indicator '{k}'" for k in target.get("indicators", [])
                                 if k not in indicators]
        for n, gl in enumerate(ed.get("guidelines", [])):
            problems += [f"{where}.guidelines[{n}].goals: unknown goal '{c}'"
                         for c in gl.get("goals", []) if c not in codes]
    return problems
