"""Template context for every page: the signed-in participant, for the header's link to
"My activity". The session is read only when the browser sends a session cookie, so
anonymous visitors' pages stay cacheable."""

from __future__ import annotations

from django.conf import settings

from leitstand.participation import identity


def participant(request) -> dict:
    def signed_in():
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        person = identity.current(request)
        return person if person is not None and not person.is_guest else None
    return {"dialog_participant": signed_in}
