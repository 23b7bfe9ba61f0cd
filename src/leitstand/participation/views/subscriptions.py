"""Subscriptions to a goal or a consultation: asked for, confirmed and cancelled by mail links."""

from __future__ import annotations

from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from leitstand.core import rate_limits
from leitstand.core.site import site_url
from leitstand.participation import forms, subscriptions
from leitstand.participation.models import Consultation
from leitstand.participation.views.common import refusing
from leitstand.register.models import Edition, Goal


def _base(request) -> str:
    return site_url(reverse("participation:consultations"))


@refusing
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET shows the form for `?goal=ID` (linked from the cached goal page, which carries no
    form); POST asks for the confirmation."""
    params = request.POST if request.method == "POST" else request.GET
    goal = consultation = None
    if params.get("goal", "").isdigit():
        goal = get_object_or_404(Goal.objects.select_related("edition__strategy"),
                                 pk=params["goal"], edition__status=Edition.PUBLISHED)
    elif params.get("consultation", "").isdigit():
        consultation = get_object_or_404(Consultation, pk=params["consultation"])
    else:
        return HttpResponseBadRequest(_("Nothing to subscribe to."))
    if request.method == "GET":
        return render(request, "participation/subscribe.html", {
            "goal": goal, "consultation": consultation})
    form = forms.EmailForm(request.POST)
    if not form.is_valid():
        return render(request, "participation/refused.html", {
            "message": _("Please enter a valid e-mail address.")}, status=400)
    email = form.cleaned_data["email"].strip().lower()
    rate_limits.hit("subscribe", rate_limits.key_of("a", rate_limits.client_address(request)))
    if rate_limits.allow("subscribe-mail", rate_limits.key_of("e", email)):  # never 429
        subscriptions.subscribe(email, _base(request) + "abo/", goal=goal,
                                consultation=consultation)
    return render(request, "participation/subscribe_sent.html", {"email": email})


@require_http_methods(["GET", "POST"])
def confirm_subscription(request, token):
    if request.method == "POST":
        subscription = subscriptions.confirm(token)
        return render(request, "participation/subscription_done.html", {
            "subscription": subscription, "confirmed": subscription is not None},
            status=200 if subscription else 400)
    subscription = subscriptions.from_token(token, subscriptions.CONFIRM_SALT)
    return render(request, "participation/subscription_confirm.html", {
        "subscription": subscription})


@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        done = subscriptions.unsubscribe(token)
        return render(request, "participation/subscription_done.html", {
            "unsubscribed": done}, status=200 if done else 400)
    subscription = subscriptions.from_token(token, subscriptions.UNSUBSCRIBE_SALT)
    return render(request, "participation/unsubscribe.html", {"subscription": subscription})

