"""The site's public address (LEITSTAND_SITE_URL) for every absolute link: in mails (sign-in
links, subscriptions, invitations, password resets, news), feeds and the hreflang links.

Why not the request's host: a mail sent while the site is reached at another address
(a proxy, a port, a forged Host header that slipped through) would link there; the invitation
mail linked to port 8000 whatever the server's address was. `leitstand demo` sets the
variable to its own address."""

from __future__ import annotations

from urllib.parse import urlsplit

from leitstand import config


def site_url(path: str = "/") -> str:
    """`path` as an absolute address on the site."""
    return config.get("LEITSTAND_SITE_URL").rstrip("/") + "/" + path.lstrip("/")


def protocol_and_domain() -> tuple[str, str]:
    """For Django's mail templates that build links from `protocol` and `domain`."""
    parts = urlsplit(config.get("LEITSTAND_SITE_URL"))
    return parts.scheme or "https", parts.netloc + parts.path.rstrip("/")


def site_url_context(request) -> dict:
    """`site_url`: the site's address without a trailing slash, for templates."""
    return {"site_url": config.get("LEITSTAND_SITE_URL").rstrip("/")}
