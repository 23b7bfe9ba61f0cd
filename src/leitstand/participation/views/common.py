"""What every public view of the dialog shares: a refusal or a rate limit becomes a page
that says why (403, 429 with Retry-After)."""

from __future__ import annotations

import functools

from django.shortcuts import render

from leitstand.core import rate_limits
from leitstand.participation import services


def refusing(view):
    """Turns a refusal into a 403 page and a rate limit into a 429 page, both saying why."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.Refused as exc:
            return render(request, "participation/refused.html", {"message": str(exc)},
                          status=403)
        except rate_limits.RateLimited as exc:
            return exc.page(request)
    return wrapper

