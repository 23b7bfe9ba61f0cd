"""Editors' actions outside the admin: approving an assessment (POST only)."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from leitstand.monitoring import services
from leitstand.monitoring.models import Assessment


@require_POST
@staff_member_required
def approve(request, pk):
    get_object_or_404(Assessment, pk=pk)
    try:
        services.approve_assessment(request.user, pk)
    except PermissionDenied:
        raise
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The assessment is approved."))
    return redirect(reverse("admin:monitoring_assessment_change", args=[pk]))


approve.permission = "approve_assessment"
