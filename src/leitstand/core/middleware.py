"""One language per address: German pages keep their addresses, English ones live under /en/.

Django's LocaleMiddleware would also follow the browser's Accept-Language header and a
cookie on addresses outside the language prefix; a German public site is German by default
and an English page must be linkable, so here the address alone decides. Pages outside
`i18n_patterns` (the editors' areas, the API) are German.
"""

from django.conf import settings
from django.utils import translation


def language_of(path: str) -> str:
    """The language an address is in: its prefix, else the default (German)."""
    return translation.get_language_from_path(path) or settings.LANGUAGE_CODE


def without_language(path: str) -> str:
    """The address as German has it: "/en/nrw/2019/" -> "/nrw/2019/"."""
    prefix = translation.get_language_from_path(path)
    if prefix and prefix != settings.LANGUAGE_CODE:
        return path[len(prefix) + 1:] or "/"
    return path


class PathLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_of(request.path_info)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
        return response
