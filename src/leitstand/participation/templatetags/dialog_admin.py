"""The admin's start page links the team's own pages: the moderation queue of each
consultation the person may moderate, the disputes to answer and the bulk upload."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from leitstand.participation.models import Consultation
from leitstand.register.actors import actor_for

register = template.Library()


@register.simple_tag
def editor_links(user) -> dict:
    actor = actor_for(user)
    if not actor.is_staff_role:
        return {}
    consultations = Consultation.objects.select_related("edition__strategy")
    if not actor.superuser:
        consultations = consultations.filter(edition__strategy__in=actor.admin_strategy_ids)
    return {
        "may_set_up": actor.superuser or bool(actor.admin_strategy_ids),
        "moderation": [(_("Moderation queue: %(title)s") % {"title": c.title},
                        reverse("moderation:queue", args=[c.slug])) for c in consultations],
        "work": [(_("Disputes to answer"), reverse("moderation:disputes")),
                 (_("Bulk upload (CSV, XLSX)"), reverse("monitoring:bulk_update")),
                 (_("Goals whose assessment is due"), reverse("monitoring:stale_goals"))],
    }
