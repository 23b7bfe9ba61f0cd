"""A participant's own data ("Meine Daten"): see it, download it as JSON, delete the account."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from leitstand.participation import identity, privacy, services
from leitstand.participation.views.common import refusing


@never_cache  # personal data: no browser or proxy keeps a copy (Cache-Control: no-store)
@refusing
def my_data(request):
    participant = services.require_verified(identity.current(request))
    data = privacy.export(participant)
    labels = {"comments": _("Comments"), "proposals": _("Proposals"), "supports": _("Supports"),
              "comment_supports": _("Supports of comments"), "reports": _("Reports"),
              "disputes": _("Disputes"), "subscriptions": _("Subscriptions"),
              "notifications": _("Notifications"),
              "notification_choices": _("Choice of notifications")}
    return render(request, "participation/my_data.html", {
        "participant": participant, "data": data, "verified": True,
        "sections": [(key, labels.get(key, key), data[key]) for key in data
                     if isinstance(data[key], list)]})


@never_cache
@refusing
def my_data_export(request):
    participant = services.require_verified(identity.current(request))
    response = HttpResponse(json.dumps(privacy.export(participant), ensure_ascii=False,
                                       indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="meine-daten-leitstand.json"'
    return response


@never_cache
@refusing
@require_POST
def delete_account(request):
    participant = services.require_verified(identity.current(request))
    if request.POST.get("confirm") != "yes":
        raise services.Refused(_("Please tick the box to confirm the deletion."))
    privacy.delete_account(participant)
    identity.sign_out(request)
    return render(request, "participation/deleted.html")

