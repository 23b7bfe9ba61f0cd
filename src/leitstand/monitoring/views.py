"""Editors' actions outside the admin: approving an assessment (POST only)."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
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
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The assessment is approved."))
    return redirect(reverse("admin:monitoring_assessment_change", args=[pk]))


approve.permission = "approve_assessment"


MAX_DRAFT = 5000


@staff_member_required
def measurability_tool(request):
    """Editors paste a draft goal; the ingest grammar parses it and the checks run at once.
    Nothing is stored."""
    from django.shortcuts import render
    from django.utils import timezone

    from leitstand.ingest.targets import horizon, parse_target
    from leitstand.monitoring.measurability import assess

    text = request.POST.get("text", "")[:MAX_DRAFT].replace("\x00", "") \
        if request.method == "POST" else ""
    result = target = None
    if text.strip():
        target = parse_target(text, timezone.localdate().year)
        result = assess([target] if target else [], responsible=False,
                        indicators_with_source=0, due=None)
    return render(request, "monitoring/measurability_tool.html", {
        "text": text, "target": target, "result": result,
        "horizon": horizon(text) if text else None})


@staff_member_required
def stale_goals(request):
    """The goals of the editor's units (all of a strategy for its admins) whose next
    assessment is overdue."""
    from django.shortcuts import render

    from leitstand.monitoring.rows import goal_rows
    from leitstand.register.actors import actor_for, within_reach
    from leitstand.register.models import Edition, Goal

    actor = actor_for(request.user)
    editions = {e.id: e for e in Edition.objects.filter(status=Edition.PUBLISHED)
                .select_related("strategy")}
    goals = within_reach(Goal.objects.filter(edition__in=list(editions)), actor,
                         "edition__strategy", "responsible_units")
    rows = [r for r in goal_rows(None, goals, editions=editions) if r.stale]
    rows.sort(key=lambda r: (r.next_review, r.goal.code))
    return render(request, "monitoring/stale_goals.html", {"rows": rows})

@staff_member_required
def bulk_update(request):
    """Editors upload a CSV or XLSX file; it is checked whole, then applied whole."""
    from django.shortcuts import render

    from leitstand.monitoring import bulk

    outcome = refused = None
    kind = request.POST.get("kind", "observations")
    if request.method == "POST":
        upload = request.FILES.get("file")
        if kind not in bulk.KINDS or upload is None:
            refused = _("Choose what the file holds and the file.")
        elif upload.size > bulk.MAX_BYTES:
            refused = _("The file is larger than 5 MB.")
        else:
            try:
                rows = bulk.read_table(upload.name, upload.read(bulk.MAX_BYTES + 1))
            except bulk.FileRefused as exc:
                refused = str(exc)
            else:
                outcome = bulk.check_and_apply(request.user, kind, rows)
    return render(request, "monitoring/bulk_update.html", {
        "kinds": list(bulk.KINDS), "kind": kind, "outcome": outcome, "refused": refused,
        "columns": {k: list(f.base_fields) for k, f in bulk.KINDS.items()}})


bulk_update.permission = "per row: change_observation, record_assessment, change_goal, " \
    "change_target"
