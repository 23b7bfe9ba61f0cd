"""Staff who gave only their password are anonymous until they give the one-time code.

Runs after django-otp's OTPMiddleware (which adds `user.is_verified()`). The editors'
pages and the admin send such a session to the code step; public pages treat it as a
visitor, so a password alone never shows a draft.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse

from leitstand.accounts.second_factor import needs_second_factor

STAFF_AREAS = ("/admin/", "/redaktion/")


class SecondFactorRequired:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if needs_second_factor(user) and not user.is_verified():
            path = request.path
            if path.startswith("/konto/") or path in (reverse("admin:login"),
                                                      reverse("admin:logout")):
                return self.get_response(request)
            if path.startswith(STAFF_AREAS):
                return redirect(reverse("account_verify") + "?" + urlencode(
                    {"next": request.get_full_path()}))
            request.user = AnonymousUser()
        return self.get_response(request)
