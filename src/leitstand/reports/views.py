"""The review report as a web page, and as downloads in the other formats."""

from django.http import HttpResponse

from leitstand.monitoring.asof import stand_of
from leitstand.register.editions import edition_or_404
from leitstand.reports.render import render_report

TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "pdf": "application/pdf"}


def report(request, strategy, edition):
    edition = edition_or_404(strategy, edition, request.user)
    fmt = request.GET.get("format", "html")
    fmt = fmt if fmt in TYPES else "html"
    response = HttpResponse(render_report(edition, fmt, stand_of(request)),
                            content_type=TYPES[fmt])
    if fmt != "html":
        response["Content-Disposition"] = (
            f'attachment; filename="bilanz-{edition.strategy.slug}-{edition.slug}.{fmt}"')
    return response
