"""The DCAT-AP.de catalogue of the downloads (`dcat.jsonld`), for portals such as GovData.

GovData harvests a catalogue only when it passes the SHACL shapes of DCAT-AP.de 3.0 and 2.0
with GovData's conventions. Those shapes ask for typed dates, a registered contributor ID, a
licence from GovData's list, titles and descriptions in German, and addresses that answer.
Who publishes, under which licence and for which contributor are deployment settings
(`catalogue_settings`); everything else follows from the published register, so the site's
`/daten/dcat.jsonld` and `leitstand export --format datapackage` write the same catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext_noop

from leitstand import config

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
DEFAULT_LICENSE = "http://dcat-ap.de/def/licenses/dl-by-de/2.0"
LICENSE_PREFIX = "http://dcat-ap.de/def/licenses/"
CONTRIBUTOR_PREFIX = "http://dcat-ap.de/def/contributors/"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "dcatde": "http://dcat-ap.de/def/dcatde/",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "vcard": "http://www.w3.org/2006/vcard/ns#",
}

# The downloads that hold every table: (file, EU file type, IANA media type, title).
WHOLE_REGISTER = (
    ("leitstand.json", "JSON", "application/json", "Alle Tabellen als ein JSON-Dokument"),
    ("leitstand.xlsx", "XLSX",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
     "Alle Tabellen als Arbeitsmappe (XLSX)"),
)


@dataclass(frozen=True)
class CatalogueSettings:
    publisher_name: str
    publisher_url: str
    contributor_id: str
    license: str
    contact_email: str


def catalogue_settings() -> CatalogueSettings:
    """The catalogue's deployment settings, with the defaults the README documents."""
    site = config.get("LEITSTAND_SITE_URL").rstrip("/")
    return CatalogueSettings(
        publisher_name=config.get("LEITSTAND_DCAT_PUBLISHER_NAME")
        or urlsplit(site).hostname or site,
        publisher_url=config.get("LEITSTAND_DCAT_PUBLISHER_URL") or site + "/",
        contributor_id=config.get("LEITSTAND_DCAT_CONTRIBUTOR_ID"),
        license=config.get("LEITSTAND_DCAT_LICENSE") or DEFAULT_LICENSE,
        contact_email=config.get("LEITSTAND_DCAT_CONTACT_EMAIL")
        or config.get("LEITSTAND_MAIL_FROM"),
    )


def settings_problems() -> list[str]:
    """What makes the catalogue fail GovData's rules, one sentence each (for `serve`)."""
    s = catalogue_settings()
    problems = []
    if s.contributor_id and not s.contributor_id.startswith(CONTRIBUTOR_PREFIX):
        problems.append(f"LEITSTAND_DCAT_CONTRIBUTOR_ID must be a registered IRI under "
                        f"{CONTRIBUTOR_PREFIX} (e.g. {CONTRIBUTOR_PREFIX}openNRW).")
    if not s.license.startswith(LICENSE_PREFIX):
        problems.append(f"LEITSTAND_DCAT_LICENSE must be a licence IRI under {LICENSE_PREFIX}.")
    return problems


def _date(day: dt.date) -> dict:
    return {"@value": day.isoformat(), "@type": "xsd:date"}


def _both(msgid: str) -> list[dict]:
    """A text in German (from the translation catalogue) and in English (the msgid)."""
    texts = []
    for language in ("de", "en"):
        with translation.override(language):
            texts.append({"@value": str(translation.gettext(msgid)), "@language": language})
    return texts


@dataclass(frozen=True)
class Coverage:
    """What the data cover: first and last day, the jurisdictions and their IRIs."""
    issued: dt.date | None
    start: dt.date | None
    end: dt.date | None
    places: tuple[str, ...]
    place_iris: tuple[str, ...]
    strategies: tuple[str, ...]


def coverage(editions, last_day: dt.date | None) -> Coverage:
    """The period and places of the published editions: from the first edition's year (or
    adoption) to the latest of `last_day` and the editions' horizons."""
    adopted = [e.adopted_on for e in editions if e.adopted_on]
    starts = adopted + [dt.date(e.year, 1, 1) for e in editions]
    strategies = {e.strategy_id: e.strategy for e in editions}
    return Coverage(
        issued=min(adopted) if adopted else None,
        start=min(starts) if starts else None,
        end=last_day,
        places=tuple(sorted({s.jurisdiction for s in strategies.values() if s.jurisdiction})),
        place_iris=tuple(sorted({s.spatial_uri for s in strategies.values()
                                 if s.spatial_uri})),
        strategies=tuple(sorted(s.name for s in strategies.values())),
    )


def for_tables(tables, base_url: str, as_of: dt.date | None = None) -> dict:
    """The catalogue of these register tables: coverage from the published editions and the
    goals' due dates."""
    from leitstand.api.tables import published_editions

    goals = next((t for t in tables if t.name == "goals"), None)
    dues = [r["due_date"] for r in goals.records() if r.get("due_date")] if goals else []
    last = max([*dues, as_of or dt.date.today()])
    return build(tables, base_url, coverage(published_editions(), last), as_of)


def build(tables, base_url: str, cover: Coverage, as_of: dt.date | None = None,
          settings: CatalogueSettings | None = None) -> dict:
    """The catalogue as JSON-LD: one dataset per table, each with its CSV file and the two
    files that hold every table. `base_url` is the address of the downloads folder."""
    s = settings or catalogue_settings()
    day = as_of or dt.date.today()
    base_url = base_url.rstrip("/") + "/"
    publisher = {"@id": s.publisher_url, "@type": "foaf:Organization",
                 "foaf:name": s.publisher_name, "foaf:homepage": {"@id": s.publisher_url}}
    catalogue = {
        "@context": CONTEXT,
        "@id": base_url + "dcat.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": _both(gettext_noop("Leitstand – open data of the strategy monitoring")),
        "dct:description": _both(gettext_noop(
            "Goals, targets, indicators, observations and status assessments of the "
            "strategies monitored on this site, with every goal's published status and the "
            "rule that gave it.")),
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": base_url},
        "dct:language": {"@id": EU + "language/DEU"},
        "dct:modified": _date(day),
        "dcat:dataset": [_dataset(table, base_url, cover, day, s, publisher)
                         for table in tables],
    }
    if cover.issued:
        catalogue["dct:issued"] = _date(cover.issued)
    return catalogue


def _dataset(table, base_url, cover: Coverage, day, s: CatalogueSettings, publisher) -> dict:
    iri = f"{base_url}#{table.name}"
    dataset = {
        "@id": iri,
        "@type": "dcat:Dataset",
        "dct:identifier": iri,
        "dct:title": _both(table.title),
        "dct:description": _both(table.description),
        "dcat:keyword": [{"@value": k, "@language": "de"} for k in
                         ("Strategie", "Monitoring", "Ziele", "Zielerreichung",
                          *cover.strategies)],
        "dct:publisher": publisher,
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": s.publisher_name,
                              "vcard:hasEmail": {"@id": "mailto:" + s.contact_email}},
        "dcat:theme": {"@id": EU + "data-theme/GOVE"},
        "dct:language": {"@id": EU + "language/DEU"},
        "dcat:landingPage": {"@id": base_url},
        "dct:modified": _date(day),
        "dct:accrualPeriodicity": {"@id": EU + "frequency/IRREG"},
        "dct:license": {"@id": s.license},
        "dcat:distribution": [
            _distribution(f"{base_url}{table.name}.csv", "CSV", "text/csv",
                          f"{table.name}.csv", day, s, cover),
            *(_distribution(base_url + name, kind, media, title, day, s, cover)
              for name, kind, media, title in WHOLE_REGISTER)],
    }
    if s.contributor_id:
        dataset["dcatde:contributorID"] = {"@id": s.contributor_id}
    if cover.issued:
        dataset["dct:issued"] = _date(cover.issued)
    if cover.start and cover.end and cover.start <= cover.end:
        dataset["dct:temporal"] = {"@type": "dct:PeriodOfTime",
                                   "dcat:startDate": _date(cover.start),
                                   "dcat:endDate": _date(cover.end)}
    if cover.place_iris:
        # the jurisdiction as an IRI of a controlled vocabulary (DCAT-AP.de's political
        # geocoding), stated to be a dct:Location as DCAT-AP 3 asks
        dataset["dct:spatial"] = [{"@id": iri, "@type": "dct:Location"}
                                  for iri in cover.place_iris]
    return dataset


def _distribution(url, kind, media, title, day, s: CatalogueSettings, cover) -> dict:
    distribution = {
        "@type": "dcat:Distribution",
        "dct:title": {"@value": title, "@language": "de"},
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dct:format": {"@id": f"{EU}file-type/{kind}"},
        "dcat:mediaType": {"@id": IANA + media},
        "dct:license": {"@id": s.license},
        "dct:modified": _date(day),
    }
    if cover.issued:
        distribution["dct:issued"] = _date(cover.issued)
    return distribution
