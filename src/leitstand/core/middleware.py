"""German unless the visitor chose otherwise with the language switch.

Django's LocaleMiddleware follows the browser's Accept-Language header; a
German public site is German by default, so only the switch's cookie counts.
"""

from django.conf import settings
from django.utils import translation


class CookieLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.known = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.known else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch = response.headers.get("Vary", "")
        if "Cookie" not in patch:
            response.headers["Vary"] = f"{patch}, Cookie".lstrip(", ")
        translation.deactivate()
        return response
