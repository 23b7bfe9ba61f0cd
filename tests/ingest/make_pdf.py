"""Writes strategy-like PDFs with reportlab, for the ingest tests and benchmarks.

Each page has a running header, a page number at the bottom, headings in a
larger bold font and body lines broken with hyphens, as real strategies are.
"""

from __future__ import annotations

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

HEADER = "Digitalstrategie Musterland 2030"
BODY = [
    "Die Landesregierung baut die digitale Verwal-",
    "tung konsequent aus. Bürgerinnen und Bürger",
    "erledigen Anträge online, Unternehmen melden",
    "ihre Daten nur noch einmal. Die Zusammen-",
    "arbeit mit den Kommunen wird gestärkt.",
]


def page_lines(n: int) -> list[tuple[str, str]]:
    """(style, text) lines of page n: a chapter on every page, a review with measures and a
    goal line on every third page."""
    lines = [("h1", f"{n}. Handlungsfeld Nummer {n}")]
    lines += [("body", text) for text in BODY]
    if n % 3 == 0:
        lines += [("h2", f"{n}.1 Bilanz"), ("body", "Folgende Maßnahmen wurden umgesetzt:"),
                  ("body", f"a. Das Landesamt für Digitales stellte {n * 10} Server bereit."),
                  ("body", f"b. Die Förderung betrug {n},5 Mio. Euro im Jahr {2020 + n % 5}."),
                  ("h2", f"{n}.2 Nächste Schritte"),
                  ("body", f"Ziel: Bis Ende {2026 + n % 4} sollen mindestens {50 + n % 40} "
                           "Prozent der"),
                  ("body", "Anträge digital gestellt werden.")]
    return lines


def write_pdf(path, pages: int = 3, encrypt: str | None = None) -> None:
    c = canvas.Canvas(str(path), pagesize=A4, encrypt=encrypt)
    width, height = A4
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(60, height - 40, HEADER)
        y = height - 80
        for style, text in page_lines(n):
            if style == "h1":
                c.setFont("Helvetica-Bold", 16)
                y -= 10
            elif style == "h2":
                c.setFont("Helvetica-Bold", 13)
                y -= 6
            else:
                c.setFont("Helvetica", 10)
            c.drawString(60, y, text)
            y -= 20 if style != "body" else 14
        c.setFont("Helvetica", 8)
        c.drawString(width / 2, 30, str(n))
        c.showPage()
    c.save()


def write_scanned_pdf(path) -> None:
    """A page with a picture only: no text layer."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(50, 50, 400, 600, fill=1)
    c.showPage()
    c.save()
