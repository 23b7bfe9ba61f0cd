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

from leitstand import config
from leitstand.api import catalogue
from leitstand.api import tables as t
from leitstand.core.cells import csv_cell, safe_cell
from leitstand.monitoring.models import known_day

FORMATS = ("csv", "datapackage", "json", "xlsx")
LICENSE = {"name": "dl-de/by-2-0", "title": "Datenlizenz Deutschland – Namensnennung – 2.0",
           "path": "https://www.govdata.de/dl-de/by-2-0"}


def write_goal_csv(handle, edition, rows) -> None:
    """The goals.csv columns for some goals of one edition, e.g. those an overview count counts."""
    writer = csv.writer(handle)
    writer.writerow([c.name for c in t.GOAL_COLUMNS])
    for row in rows:
        writer.writerow([csv_cell(v) for v in t.goal_line(edition, row)])


def table_csv(table: t.Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(v) for v in row])
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
            "name": table.name, "title": table.title, "description": table.description,
            "path": f"{base}{table.name}.csv",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": table_schema(table),
        } for table in tables],
    }


def table_schema(table: t.Table) -> dict:
    """A Table Schema with each column's meaning, the coded columns' values, the primary key
    and the references to other tables, so that frictionless checks them."""
    fields = []
    for c in table.columns:
        spec = {"name": c.name, "type": c.type,
                "description": t.column_meaning(table.name, c.name)}
        values = t.column_values(table.name, c.name)
        if values:
            spec["constraints"] = {"enum": values}
        fields.append(spec)
    schema = {"fields": fields, "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    if table.foreign_keys:
        schema["foreignKeys"] = [{"fields": list(own),
                                  "reference": {"resource": other, "fields": list(theirs)}}
                                 for own, other, theirs in table.foreign_keys]
    return schema


def default_base_url() -> str:
    """Where the site serves the downloads: the addresses an exported catalogue names."""
    return config.get("LEITSTAND_SITE_URL").rstrip("/") + "/daten/"


def export(folder: Path, fmt: str, as_of=None, base_url: str = "") -> dict[str, int]:
    """Write the downloads of one format into `folder`; returns file name -> rows."""
    folder.mkdir(parents=True, exist_ok=True)
    as_of = known_day(as_of)
    tables = t.register_tables(as_of)
    written: dict[str, int] = {}
    if fmt == "datapackage":  # the catalogue lists every download: write them all
        for other in ("json", "xlsx"):
            written.update(export(folder, other, as_of, base_url))
    if fmt in ("csv", "datapackage"):
        for table in tables:
            (folder / f"{table.name}.csv").write_text(table_csv(table), encoding="utf-8")
            written[f"{table.name}.csv"] = len(table.rows)
    if fmt == "datapackage":
        (folder / "datapackage.json").write_text(json.dumps(
            datapackage(tables, as_of=as_of), ensure_ascii=False, indent=2), encoding="utf-8")
        (folder / "dcat.jsonld").write_text(json.dumps(
            catalogue.for_tables(tables, base_url or default_base_url(), as_of),
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
