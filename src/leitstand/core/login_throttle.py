"""Limits password attempts on the editors' login (Django's admin has no limit of its own):
per user name and per address, counted like the dialog's rate rate_limits."""

from django.urls import reverse

from leitstand.core import rate_limits


class StaffLoginThrottle:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path == reverse("admin:login"):
            name = request.POST.get("username", "")[:150].strip().lower()
            try:
                rate_limits.hit("staff-login", rate_limits.key_of("u", name),
                           rate_limits.key_of("a", rate_limits.client_address(request)))
            except rate_limits.RateLimited as exc:
                return exc.plain_response()
        return self.get_response(request)
