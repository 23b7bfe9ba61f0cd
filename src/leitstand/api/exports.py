"""Bulk downloads of the published register: CSV files, one JSON document, an XLSX
workbook, and a Frictionless data package with DCAT-AP.de metadata.

CSV is comma-separated UTF-8 without BOM. In CSV and XLSX, a text cell that starts with =,
+, -, @, a tab or a carriage return is prefixed with an apostrophe so that no spreadsheet
runs it as a formula; numbers stay numbers. JSON, read by programs, keeps every text exactly.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from decimal import Decimal
from pathlib import Path

from leitstand.api import tables as t
from leitstand.core.cells import safe_cell

FORMATS = ("csv", "datapackage", "json", "xlsx")
LICENSE = {"name": "dl-de/by-2-0", "title": "Datenlizenz Deutschland – Namensnennung – 2.0",
           "path": "https://www.govdata.de/dl-de/by-2-0"}


def write_goal_csv(handle, edition, rows) -> None:
    """The goals.csv columns for some goals of one edition, e.g. those an overview count counts."""
    writer = csv.writer(handle)
    writer.writerow([c.name for c in t.GOAL_COLUMNS])
    for row in rows:
        writer.writerow([safe_cell(v) for v in t.goal_line(edition, row)])


def table_csv(table: t.Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def json_document(tables: list[t.Table], as_of=None) -> dict:
    return {"format": "leitstand.register/1",
            "as_of": (as_of or dt.date.today()).isoformat(),
            "license": LICENSE,
            **{table.name: [{k: t.plain(v) for k, v in r.items()} for r in table.records()]
               for table in tables}}


def xlsx_bytes(tables: list[t.Table]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.name)
        sheet.append([c.name for c in table.columns])
        for row in table.rows:
            sheet.append([_xlsx_cell(v) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(value):
    if isinstance(value, dt.datetime):
        return value.isoformat()  # Excel has no time zones: ISO text keeps the offset
    if isinstance(value, (dt.date, bool)) or value is None:
        return value
    if isinstance(value, Decimal):
        return float(value)
    return safe_cell(value)


def datapackage(tables: list[t.Table], base: str = "", as_of=None) -> dict:
    """A Frictionless data package describing the CSV files (resource paths relative to
    `base`, which is empty when the files lie beside datapackage.json)."""
    return {
        "name": "leitstand-register",
        "title": "Leitstand: goals, targets, indicators and status assessments",
        "description": "The published register of the strategies monitored by this site, "
                       "with every goal's published status and the rule that gave it.",
        "version": (as_of or dt.date.today()).isoformat(),
        "licenses": [LICENSE],
        "resources": [{
            "name": table.name, "title": table.title, "path": f"{base}{table.name}.csv",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": {"fields": [{"name": c.name, "type": c.type} for c in table.columns]},
        } for table in tables],
    }


def dcat(tables: list[t.Table], base_url: str, publisher: str, as_of=None) -> dict:
    """DCAT-AP.de metadata (JSON-LD) of the downloads, for harvesting by open-data portals
    such as GovData. `base_url` is where the files can be fetched."""
    day = (as_of or dt.date.today()).isoformat()
    base_url = base_url.rstrip("/") + "/"
    return {
        "@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                     "foaf": "http://xmlns.com/foaf/0.1/",
                     "dcatde": "http://dcat-ap.de/def/dcatde/"},
        "@id": base_url + "dcat.jsonld",
        "@type": "dcat:Catalog",
        "dct:title": "Leitstand – offene Daten",
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": publisher},
        "dcat:dataset": [{
            "@id": f"{base_url}#{table.name}",
            "@type": "dcat:Dataset",
            "dct:title": table.title,
            "dct:description": table.title + ": " + ", ".join(c.name for c in table.columns),
            "dct:modified": day,
            "dct:publisher": {"@type": "foaf:Organization", "foaf:name": publisher},
            "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/GOVE"},
            "dcatde:contributorID": {"@id": "http://dcat-ap.de/def/contributors/leitstand"},
            "dcat:distribution": [{
                "@type": "dcat:Distribution",
                "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
                "dct:format": {"@id": "http://publications.europa.eu/resource/authority/"
                                      f"file-type/{fmt.upper()}"},
                "dct:license": {"@id": "http://dcat-ap.de/def/licenses/dl-by-de/2.0"},
            } for fmt, url in (("csv", f"{base_url}{table.name}.csv"),
                               ("json", f"{base_url}leitstand.json"),
                               ("xlsx", f"{base_url}leitstand.xlsx"))],
        } for table in tables],
    }


def export(folder: Path, fmt: str, as_of=None, base_url: str = "") -> dict[str, int]:
    """Write the downloads of one format into `folder`; returns file name -> rows."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = t.register_tables(as_of)
    written: dict[str, int] = {}
    if fmt in ("csv", "datapackage"):
        for table in tables:
            (folder / f"{table.name}.csv").write_text(table_csv(table), encoding="utf-8")
            written[f"{table.name}.csv"] = len(table.rows)
    if fmt == "datapackage":
        (folder / "datapackage.json").write_text(json.dumps(
            datapackage(tables, as_of=as_of), ensure_ascii=False, indent=2), encoding="utf-8")
        (folder / "dcat.jsonld").write_text(json.dumps(
            dcat(tables, base_url or folder.resolve().as_uri(), "Leitstand", as_of),
            ensure_ascii=False, indent=2), encoding="utf-8")
        written["datapackage.json"] = written["dcat.jsonld"] = len(tables)
    if fmt == "json":
        (folder / "leitstand.json").write_text(json.dumps(
            json_document(tables, as_of), ensure_ascii=False, indent=1), encoding="utf-8")
        written["leitstand.json"] = sum(len(x.rows) for x in tables)
    if fmt == "xlsx":
        (folder / "leitstand.xlsx").write_bytes(xlsx_bytes(tables))
        written["leitstand.xlsx"] = sum(len(x.rows) for x in tables)
    return written
