"""The moderation desk's queue: one list across every consultation a moderator may
moderate – reported posts, posts held for a moderator and hidden posts whose author asked
for a review – each with its reports, its review request and the way to its discussion."""

from __future__ import annotations

from dataclasses import dataclass, field

from leitstand.participation import trust
from leitstand.participation.models import Comment, Content, Proposal, Report, ReviewRequest
from leitstand.participation.paths import discussion_path

# What the desk shows, by its German query value; the first is the default.
SHOW = ["offen", "gemeldet", "zurueckgehalten", "pruefung", "ausgeblendet"]
KINDS = {"kommentar": Comment, "vorschlag": Proposal}


@dataclass
class Entry:
    kind: str  # "kommentar" or "vorschlag"
    item: object
    reports: list = field(default_factory=list)
    review: ReviewRequest | None = None
    url: str = ""
    block: object = None

    @property
    def waiting_since(self):
        dates = [r.created_at for r in self.reports]
        if self.review:
            dates.append(self.review.created_at)
        return min(dates) if dates else self.item.created_at


def _items(model, consultation_ids, show: str):
    base = model.objects.filter(consultation__in=consultation_ids).select_related(
        "participant", "consultation__edition")
    # "isnull=False" too: a post without any report must not pass as one with an open one.
    reported = base.filter(reports__isnull=False, reports__resolved_at__isnull=True)
    held = base.filter(state=Content.HELD)
    review = base.filter(state=Content.HIDDEN, review_requests__isnull=False,
                         review_requests__decided_at__isnull=True)
    chosen = {"gemeldet": [reported], "zurueckgehalten": [held], "pruefung": [review],
              "ausgeblendet": [base.filter(state=Content.HIDDEN)],
              "offen": [reported, held, review]}[show]
    found = {}
    for query in chosen:
        for item in query.distinct():
            found[item.pk] = item
    return list(found.values())


def entries(consultation_ids, show: str = "offen", kind: str = "",
            category: str = "") -> list[Entry]:
    """The desk's entries, the longest waiting first."""
    result = []
    for name, model in KINDS.items():
        if kind and kind != name:
            continue
        items = _items(model, consultation_ids, show)
        field_name = model.__name__.lower()
        reports: dict[int, list] = {}
        for r in Report.objects.filter(**{f"{field_name}__in": items}, resolved_at__isnull=True) \
                .select_related("reporter"):
            reports.setdefault(getattr(r, f"{field_name}_id"), []).append(r)
        reviews = {getattr(r, f"{field_name}_id"): r for r in ReviewRequest.objects.filter(
            **{f"{field_name}__in": items}, decided_at__isnull=True)}
        for item in items:
            entry = Entry(name, item, reports.get(item.pk, []), reviews.get(item.pk),
                          discussion_path(item), trust.active_block(
                              item.participant, item.consultation.edition.strategy_id))
            if category and not any(r.category == category for r in entry.reports):
                continue
            result.append(entry)
    return sorted(result, key=lambda e: e.waiting_since)
