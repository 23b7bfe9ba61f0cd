"""The report as HTML, Markdown or PDF (WeasyPrint, tagged as PDF/UA where it can)."""

from __future__ import annotations

from django.template.loader import render_to_string

from leitstand.reports.content import build

FORMATS = ("html", "md", "pdf")


def render_report(edition, fmt: str, as_of=None) -> bytes:
    context = build(edition, as_of)
    if fmt == "md":
        return render_to_string("reports/report.md", context).encode("utf-8")
    html = render_to_string("reports/report.html", context)
    if fmt == "html":
        return html.encode("utf-8")
    from weasyprint import HTML

    document = HTML(string=html, base_url=None)
    try:
        return document.write_pdf(pdf_variant="pdf/ua-1")
    except (TypeError, ValueError):  # older WeasyPrint without PDF/UA support
        return document.write_pdf()
