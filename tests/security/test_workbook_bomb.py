"""Finding 7 of issue 20: a small workbook that unpacks to a million rows is refused at once
(the bulk upload streams the sheet, stops at the row limit and bounds the unpacked size and
the time) instead of being read whole before "more than 10,000 rows"."""

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from leitstand.monitoring import bulk
from tests.conftest import staff_login
from tests.monitoring.test_bulk_update import upload

HEADER = ["strategy", "indicator", "date", "value", "source_url", "note"]


def workbook_with_rows(n: int) -> bytes:
    """A valid XLSX whose first sheet holds `n` rows, written straight into the zip (as an
    attacker would: it compresses to a few hundred KB)."""
    book = Workbook()
    book.active.append(HEADER)
    small = io.BytesIO()
    book.save(small)
    out = io.BytesIO()
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED,
                                                   compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                head, _, tail = data.decode().partition("<sheetData>")
                rows = '<row><c t="inlineStr"><is><t>nrw</t></is></c><c><v>1</v></c></row>' * n
                tail = tail.split("</sheetData>", 1)[1]
                head = head.replace('ref="A1:F1"', f'ref="A1:F{n + 1}"')
                data = (head + "<sheetData>" + rows + "</sheetData>" + tail).encode()
            dst.writestr(info.filename, data)
    return out.getvalue()


def test_a_million_row_workbook_is_refused_at_once(client, roles):
    bomb = workbook_with_rows(1_000_000)
    assert len(bomb) < bulk.MAX_BYTES  # within the upload limit
    staff_login(client, roles["editor_a"])
    started = time.monotonic()
    page = upload(client, "observations", bomb, "bombe.xlsx").content.decode()
    assert time.monotonic() - started < 5  # 98 s before
    assert "entpackt mehr als 25 MB" in page


def test_a_sheet_is_streamed_and_reading_stops_after_the_row_limit(monkeypatch):
    data = workbook_with_rows(100_000)  # under the unpacked limit, ten times the rows
    read = []
    real = bulk._within_time

    def counting(rows):
        for row in real(rows):
            read.append(1)
            yield row
    monkeypatch.setattr(bulk, "_within_time", counting)
    with pytest.raises(bulk.FileRefused, match="10"):
        bulk.read_table("viele.xlsx", data)
    assert len(read) == bulk.MAX_ROWS + 1


def test_reading_a_workbook_has_a_time_limit(monkeypatch):
    monkeypatch.setattr(bulk, "MAX_SECONDS", 0)
    data = workbook_with_rows(50)
    with pytest.raises(bulk.FileRefused):
        bulk.read_table("langsam.xlsx", data)
