"""Where a post lives in its discussion: one place that the pages, the moderation desk
and the mails ask for the address of a comment or a proposal."""

from __future__ import annotations

from django.urls import reverse

# The kinds of part that can be discussed, by their German path segment, and the field of
# a comment that points at each.
PART_FIELDS = {"abschnitt": "section", "absatz": "paragraph", "ziel": "goal",
               "massnahme": "measure", "vorschlag": "proposal"}


def discussion_path(item) -> str:
    """The path of a comment (with its anchor) or of a proposal's own page."""
    from leitstand.participation.models import Proposal

    if isinstance(item, Proposal):
        return reverse("participation:discussion",
                       args=[item.consultation.slug, "vorschlag", item.pk])
    kind, part = next((k, getattr(item, f"{f}_id")) for k, f in PART_FIELDS.items()
                      if getattr(item, f"{f}_id"))
    return reverse("participation:discussion",
                   args=[item.consultation.slug, kind, part]) + f"#c{item.pk}"
