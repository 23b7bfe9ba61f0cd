"""The review report renders in all three formats, with the numbers the dashboard shows."""

import io

import pypdfium2 as pdfium
import pytest
from django.core.management import call_command
from django.urls import reverse

from leitstand.register.models import Edition
from leitstand.reports.content import build
from leitstand.reports.render import render_report


@pytest.fixture
def edition(db):
    return Edition.objects.get(strategy__slug="nrw", slug="2019")


def test_markdown_has_the_per_ministry_table_and_every_goal(edition):
    text = render_report(edition, "md").decode()
    assert "## Ziele je Ministerium bzw. verantwortlicher Stelle" in text
    assert "| MWIDE |" in text and "von 27 |" in text
    for code in ("19-01", "19-12", "19-27"):
        assert f"**{code} " in text
    assert "## Nicht messbare Ziele" in text and "leitstand-status/2" in text


def test_html_report_counts_match_the_overview(client, edition):
    html = render_report(edition, "html").decode()
    assert '<html lang="de">' in html and "<th scope=\"col\">" in html
    overview = client.get(reverse("dashboard:overview", args=["nrw", "2019"])).context
    content = build(edition)
    mwide = next(g for g in content["by_unit"] if g.key == "mwide")
    assert len(mwide.rows) == next(c.n for c in overview["by_unit"] if c.key == "mwide")


@pytest.mark.slow
def test_pdf_report_is_a_readable_pdf(edition):
    data = render_report(edition, "pdf")
    assert data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(io.BytesIO(data))
    text = "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    assert "Ziel für Ziel" in text and "19-07" in text
    import pypdfium2.raw as pdfium_c

    assert pdfium_c.FPDFCatalog_IsTagged(pdf.raw)  # tagged (PDF/UA) for screen readers


@pytest.mark.slow
def test_report_command_and_page(client, edition, tmp_path):
    out = tmp_path / "bilanz.pdf"
    call_command("report", "--edition", "nrw/2019", "--format", "pdf", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    page = client.get(reverse("reports:report", args=["nrw", "2019"]))
    assert page.status_code == 200 and "Ziel für Ziel" in page.content.decode()
    md = client.get(reverse("reports:report", args=["nrw", "2019"]), {"format": "md"})
    assert md["Content-Disposition"].endswith('.md"')


def test_report_as_of_a_past_day(edition):
    text = render_report(edition, "md", __import__("datetime").date(2020, 1, 1)).decode()
    assert "Stand: 01.01.2020" in text
    assert "**19-18 Kompetenzplattform KI.NRW** – nicht bewertet" in text


def _pages_and_sizes(data: bytes):
    """Each page's text and the smallest font size (pt) of its characters."""
    import pypdfium2.raw as pdfium_c

    pdf = pdfium.PdfDocument(io.BytesIO(data))
    pages = []
    for page in pdf:
        textpage = page.get_textpage()
        sizes = [pdfium_c.FPDFText_GetFontSize(textpage.raw, i)
                 for i in range(textpage.count_chars())
                 if not textpage.get_text_range(i, 1).isspace()]
        pages.append((textpage.get_text_range(), min(sizes)))
    return pages


def test_pdf_report_sets_no_text_below_9_pt_and_keeps_each_row_on_one_page(edition):
    from leitstand.reports.content import build

    pages = _pages_and_sizes(render_report(edition, "pdf"))
    assert min(size for _, size in pages) >= 9 - 0.01
    total = build(edition)["total"]
    for group in build(edition)["by_section"]:
        number = group.label.split()[0]  # "4.2 Bildung …": the row starts with its number
        row_end = f"{len(group.rows)} von {total}"
        assert any(number in text and row_end in text.split(number, 1)[1][:400]
                   for text, _ in pages), group.label
