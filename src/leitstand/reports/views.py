"""The review report as a web page, and as downloads in the other formats.

A PDF costs up to 1.4 s of CPU to render. Each download is therefore rendered once per data
version, day, "Stand am", language and edition and then served from the cache – whatever
else the address carries, so that extra parameters or a cookie cannot force a new rendering
– and renderings are rate-limited per client address (issue 20)."""

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from leitstand.core import page_cache, rate_limits
from leitstand.monitoring.asof import stand_of
from leitstand.register.editions import edition_or_404
from leitstand.reports.render import render_report

TYPES = {"html": "text/html; charset=utf-8", "md": "text/markdown; charset=utf-8",
         "pdf": "application/pdf"}
KEEP_SECONDS = 24 * 3600


def _rendered(request, edition, fmt: str) -> bytes:
    stand = stand_of(request)
    if fmt == "html":  # a page like the others: the page cache serves it
        return render_report(edition, fmt, stand)
    key = "report:" + "|".join(str(part) for part in (
        page_cache.version(), timezone.localdate(), request.LANGUAGE_CODE, edition.pk, fmt,
        stand))
    content = cache.get(key)
    if content is None:
        rate_limits.hit("report-render",
                        rate_limits.key_of("a", rate_limits.client_address(request)))
        content = render_report(edition, fmt, stand)
        cache.set(key, content, KEEP_SECONDS)
    return content


def report(request, strategy, edition):
    edition = edition_or_404(strategy, edition, request.user)
    fmt = request.GET.get("format", "html")
    fmt = fmt if fmt in TYPES else "html"
    try:
        content = _rendered(request, edition, fmt)
    except rate_limits.RateLimited as exc:
        return exc.page(request)
    response = HttpResponse(content, content_type=TYPES[fmt])
    if fmt != "html":
        response["Content-Disposition"] = (
            f'attachment; filename="bilanz-{edition.strategy.slug}-{edition.slug}.{fmt}"')
    return response
