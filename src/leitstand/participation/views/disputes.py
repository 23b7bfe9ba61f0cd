"""Disputes of a published goal's status, written from the goal's public page."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from leitstand.core import rate_limits
from leitstand.participation import forms, identity, services
from leitstand.participation.views.common import refusing
from leitstand.register.models import Edition, Goal


@refusing
@require_http_methods(["GET", "POST"])
def dispute(request, goal_id):
    goal = get_object_or_404(Goal.objects.select_related("edition__strategy"), pk=goal_id,
                             edition__status=Edition.PUBLISHED)
    participant = identity.current(request)
    form = forms.DisputeForm(request.POST or None)
    if request.method == "POST":
        services.require_verified(participant)
        if form.is_valid():
            rate_limits.check_request(request, "dispute", participant)
            item = services.dispute(goal, participant, form.cleaned_data["body"],
                                    form.cleaned_data["links"])
            return redirect(goal.get_absolute_url() + f"#dispute-{item.pk}")
    return render(request, "participation/dispute.html", {
        "goal": goal, "form": form, "participant": participant,
        "verified": participant is not None and not participant.is_guest,
        "status": services.published_status_of(goal)})

