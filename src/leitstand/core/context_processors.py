"""The same page in the other languages, for the language switch and the `hreflang` links."""

from django.conf import settings
from django.urls import translate_url


def languages(request) -> dict:
    """`alternates`: (code, name, path) of this page in every language, the current one
    included (hreflang links go both ways); a page without a translated address (an
    editors' page) links to itself."""
    here = request.get_full_path()
    return {"alternates": [(code, name, translate_url(here, code))
                           for code, name in settings.LANGUAGES]}
