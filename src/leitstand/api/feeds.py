"""Change feeds (Atom and JSON Feed 1.1) per strategy and per goal: every assessment as it
became public, saying when it changed the published status.

Built from the same public assessments and the same status rule as the pages, so a feed
reader sees exactly what the site shows.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from leitstand.core.site import site_url
from leitstand.core.text import printable
from leitstand.monitoring.models import Assessment
from leitstand.monitoring.status import RULE, published_status
from leitstand.monitoring.vocabulary import label
from leitstand.register.models import Edition, Goal, Strategy

MAX_ITEMS = 100


def public_since(a: Assessment) -> dt.datetime:
    """When an assessment became public: its approval, or its publication day if later."""
    if a.publish_on:
        day = timezone.make_aware(dt.datetime.combine(a.publish_on, dt.time()))
        return max(day, a.approved_at)
    return a.approved_at


def items_for(assessments, absolute=lambda path: path) -> list[dict]:
    """Feed items, newest first; each says whether it changed its goal's published status.
    `absolute` makes a path into the site's address: ids are IRIs (RFC 4287, 4.2.6)."""
    by_goal: dict[int, list] = {}
    for a in sorted(assessments, key=lambda a: (public_since(a), a.id)):
        by_goal.setdefault(a.goal_id, []).append(a)
    items = []
    for goal_items in by_goal.values():
        before = "not_assessed"
        for n, a in enumerate(goal_items):
            after = published_status(goal_items[: n + 1]).code
            goal = a.goal
            change = (_("The assessed status (rule %(rule)s) changed from “%(old)s” to "
                        "“%(new)s”.") % {"rule": RULE, "old": label(before), "new": label(after)}
                      if after != before else
                      _("The assessed status (rule %(rule)s) stays “%(status)s”.") % {
                          "rule": RULE, "status": label(after)})
            items.append({
                "id": absolute(f"{goal.get_absolute_url()}#assessment-{a.id}"),
                "url": goal.get_absolute_url() + "#assessments-section",
                # printable: one control character must never break a feed (XML 1.0)
                "author": printable(a.assessor),
                "title": printable(f"{goal.code} {goal.title}: {label(a.status)} "
                                   f"({a.assessor})"),
                "text": printable(f"{change}\n{a.evidence}"),
                "published": public_since(a),
                "changed": after != before,
            })
            before = after
    items.sort(key=lambda i: i["published"], reverse=True)
    return items[:MAX_ITEMS]


def _assessments(strategy: Strategy, goal: Goal | None = None):
    known = Assessment.objects.public().filter(
        goal__edition__strategy=strategy, goal__edition__status=Edition.PUBLISHED
    ).select_related("goal__edition__strategy")
    return list(known.filter(goal=goal) if goal is not None else known)


def _subject(kwargs):
    strategy = get_object_or_404(Strategy, slug=kwargs["strategy"])
    goal = None
    if "code" in kwargs:
        goal = get_object_or_404(Goal.objects.select_related("edition__strategy"),
                                 edition__strategy=strategy, edition__slug=kwargs["edition"],
                                 code=kwargs["code"], edition__status=Edition.PUBLISHED)
    return strategy, goal


def feed_author(strategy: Strategy) -> str:
    """Who answers for a feed: the strategy's owner, else the site's publisher."""
    if strategy.owner_id:
        return strategy.owner.name
    from leitstand.api.catalogue import catalogue_settings

    return catalogue_settings().publisher_name


class AtomFeed(Feed):
    """RFC 4287: every entry has an IRI id, an author and `updated`; the feed has an author."""
    feed_type = Atom1Feed

    def get_object(self, request, **kwargs):
        return _subject(kwargs), request.path

    def feed_url(self, obj):
        return site_url(obj[1])

    def author_name(self, obj):
        return feed_author(obj[0][0])

    def title(self, obj):
        strategy, goal = obj[0]
        return printable(f"{goal.code} {goal.title}" if goal else strategy.name)

    def subtitle(self, obj):
        return _("New assessments and changes of the published status")

    def link(self, obj):
        strategy, goal = obj[0]
        return site_url(goal.get_absolute_url() if goal else f"/{strategy.slug}/")

    def items(self, obj):
        return items_for(_assessments(*obj[0]), site_url)

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["text"]

    def item_link(self, item):
        return site_url(item["url"])

    def item_guid(self, item):
        return item["id"]

    def item_pubdate(self, item):
        return item["published"]

    def item_updateddate(self, item):
        return item["published"]  # an approved assessment never changes (corrections are new)

    def item_author_name(self, item):
        return item["author"]


def json_feed(request, **kwargs):
    strategy, goal = _subject(kwargs)
    home = site_url(goal.get_absolute_url() if goal else f"/{strategy.slug}/")
    items = items_for(_assessments(strategy, goal), site_url)
    return JsonResponse({
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{goal.code} {goal.title}" if goal else strategy.name,
        "description": _("New assessments and changes of the published status"),
        "home_page_url": home,
        "feed_url": site_url(request.path),
        "language": translation.get_language() or strategy.language,
        "authors": [{"name": feed_author(strategy)}],
        "items": [{"id": i["id"], "url": site_url(i["url"]),
                   "title": i["title"], "content_text": i["text"],
                   "date_published": i["published"].isoformat(),
                   "date_modified": i["published"].isoformat(),
                   "authors": [{"name": i["author"]}],
                   "tags": ["status-change"] if i["changed"] else []}
                  for i in items],
    }, json_dumps_params={"ensure_ascii": False}, content_type="application/feed+json")
