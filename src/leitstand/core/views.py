"""Health check and the legal pages every German public site must have."""

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # any database failure means "unhealthy", whatever its type
        database = "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", "database": database},
                        status=status)


def imprint(request):
    return render(request, "core/imprint.html")


def privacy(request):
    return render(request, "core/privacy.html")


def accessibility(request):
    return render(request, "core/accessibility.html")


def easy_read(request):
    return render(request, "core/easy_read.html")


@require_GET
def switch_language(request, code):
    """Earlier addresses of the language switch: the same page in the language asked for.
    The switch itself is now a plain link to that page's address (/en/… or without prefix)."""
    from django.conf import settings
    from django.http import Http404, HttpResponseRedirect
    from django.urls import translate_url
    from django.utils import translation

    from leitstand.core.middleware import language_of
    from leitstand.core.redirects import safe_next

    if code not in dict(settings.LANGUAGES):
        raise Http404("No such language.")
    target = safe_next(request, "/")
    with translation.override(language_of(target)):
        return HttpResponseRedirect(translate_url(target, code))


def favicon(request):
    """Browsers ask for /favicon.ico whatever a page's `<link rel="icon">` says."""
    from django.shortcuts import redirect
    from django.templatetags.static import static

    return redirect(static("leitstand/favicon.svg"), permanent=True)
