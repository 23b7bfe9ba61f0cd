"""The feeds a page announces in its head (`<link rel="alternate">`), so that a feed reader
finds the changes of a strategy or goal from the page a person is reading."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

FEED_TYPES = (("feed_atom", "application/atom+xml", "Atom"),
              ("feed_json", "application/feed+json", "JSON Feed"))


def feed_links(request) -> dict:
    """Context processor: the strategy's feeds on its pages, and the goal's on a goal page."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.app_name != "dashboard" or "strategy" not in match.kwargs:
        return {}
    kwargs = match.kwargs
    links = []
    try:
        if "code" in kwargs and "edition" in kwargs:
            for name, kind, label in FEED_TYPES:
                links.append({"type": kind, "title": _("Changes of this goal (%(format)s)")
                              % {"format": label},
                              "href": reverse("goal_" + name, args=[
                                  kwargs["strategy"], kwargs["edition"], kwargs["code"]])})
        for name, kind, label in FEED_TYPES:
            links.append({"type": kind, "title": _("Changes of this strategy (%(format)s)")
                          % {"format": label},
                          "href": reverse(name, args=[kwargs["strategy"]])})
    except NoReverseMatch:
        return {}
    return {"feed_links": links}
