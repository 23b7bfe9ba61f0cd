"""My activity ("Meine Beteiligung"): what I wrote, supported, disputed and follow, what I
was told, and my choice of notifications; plus the one-click stop link of notification
mails (which mail programs POST without a form, RFC 8058)."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from leitstand.participation import activity, identity, notifications, services
from leitstand.participation.models import Notification, Proposal
from leitstand.participation.views.common import refusing


@refusing
def my_activity(request):
    person = services.require_verified(identity.current(request))
    mine = activity.of(person)
    choices = notifications.choices_of(person)
    response = render(request, "participation/my_activity.html", {
        "participant": person, "verified": True, "activity": mine,
        "choices": [(kind, label, choices[kind]) for kind, label in Notification.KINDS]})
    activity.mark_read(person)
    return response


@refusing
@require_POST
def notification_choices(request):
    person = services.require_verified(identity.current(request))
    notifications.set_choices(person, {
        kind: (f"{kind}-mail" in request.POST, f"{kind}-page" in request.POST)
        for kind in notifications.KINDS})
    messages.success(request, _("Your choice of notifications is saved."))
    return redirect("participation:my_activity")


@refusing
@require_POST
def withdraw_proposal(request, pk):
    get_object_or_404(Proposal, pk=pk)
    services.withdraw_proposal(pk, identity.current(request))
    messages.success(request, _("Your proposal is withdrawn."))
    return redirect("participation:my_activity")


@refusing
@require_POST
def end_subscription(request, pk):
    if services.end_subscription(identity.current(request), pk):
        messages.success(request, _("You are unsubscribed. No more mails will be sent."))
    return redirect("participation:my_activity")


@csrf_exempt  # the signed token is the proof; mail programs send the one-click POST bare
@require_http_methods(["GET", "POST"])
def stop_notifications(request, token):
    if request.method == "POST":
        stopped = notifications.stop_by_token(token)
        return render(request, "participation/stop_notifications.html", {
            "done": stopped is not None,
            "kind": dict(Notification.KINDS).get(stopped[1]) if stopped else None},
            status=200 if stopped else 400)
    return render(request, "participation/stop_notifications.html", {"token": token})
