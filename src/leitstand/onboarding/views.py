"""The editors' pages for bringing in a document: upload, progress, side-by-side review.

Reading pages are open to the strategy's admins and to the editors of the units responsible
for one of the draft's goals; every POST names its rule (`view.permission`) and the service
checks it again per object.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from leitstand.onboarding import files, forms, pages, services
from leitstand.onboarding.models import Finding, UnitMatch, Upload
from leitstand.register import models as m
from leitstand.register.actors import actor_for
from leitstand.register.permissions import allowed


def _admin_strategies(user):
    actor = actor_for(user)
    strategies = m.Strategy.objects.all()
    return strategies if actor.superuser else strategies.filter(id__in=actor.admin_strategy_ids)


def _visible_uploads(user):
    actor = actor_for(user)
    if actor.superuser:
        return Upload.objects.all()
    return Upload.objects.filter(
        Q(strategy__in=actor.admin_strategy_ids)
        | Q(edition__goals__responsible_units__in=actor.unit_ids)).distinct()


def _upload_or_403(request, pk) -> Upload:
    upload = get_object_or_404(Upload.objects.select_related("strategy", "edition"), pk=pk)
    if not _visible_uploads(request.user).filter(pk=pk).exists():
        raise PermissionDenied
    return upload


def _is_admin(user, upload) -> bool:
    return allowed(actor_for(user), "upload_document", services.scope_of(upload.strategy))


@csrf_exempt
def uploads(request):
    """The list of documents in review and the upload form. The upload handler is set before
    the body is read; the CSRF token, then the login are checked after that, in this order."""
    if request.method == "POST":
        if files.announced_too_large(request):
            return render(request, "onboarding/uploads.html", {
                "refused": files.too_large_message(), "form": None}, status=413)
        request.upload_handlers = [files.LimitedUploadHandler(request)]
    return _uploads(request)


@csrf_protect
@staff_member_required
def _uploads(request):
    strategies = _admin_strategies(request.user)
    may_upload = strategies.exists() or actor_for(request.user).superuser
    form = forms.UploadForm(strategies=strategies)
    refused = None
    if request.method == "POST" and not may_upload:
        raise PermissionDenied
    if request.method == "POST":
        if getattr(request, "upload_refused", None):
            refused = files.too_large_message()
        else:
            form = forms.UploadForm(request.POST, request.FILES, strategies=strategies)
            if form.is_valid():
                data = form.cleaned_data
                try:
                    upload = services.create_upload(request.user, data["file"], data["strategy"],
                                                    data["edition_label"],
                                                    data["new_strategy"])
                except files.Refused as exc:
                    refused = str(exc)
                except ValidationError as exc:
                    refused = " ".join(exc.messages)
                else:
                    return redirect("onboarding:progress", upload.pk)
    listed = _visible_uploads(request.user).select_related("strategy", "edition").annotate(
        open_count=Count("findings", filter=Q(findings__decision=Finding.PENDING)))[:50]
    return render(request, "onboarding/uploads.html", {
        "form": form, "refused": refused, "uploads": listed, "may_upload": may_upload,
        "max_mb": files.max_bytes() // 2**20})


uploads.permission = "upload_document"


@staff_member_required
def progress(request, pk):
    upload = _upload_or_403(request, pk)
    if upload.state == Upload.DONE:
        return redirect("onboarding:review", upload.pk)
    # The ingest's one-line reasons are English (it knows no Django); the catalogue has them.
    reason = _(upload.error) if upload.error else ""  # noqa: INT001
    return render(request, "onboarding/progress.html", {"upload": upload, "reason": reason})


def _finding_rows(upload, user):
    actor = actor_for(user)
    rows = []
    for f in upload.findings.select_related("goal__section").prefetch_related(
            "goal__targets", "goal__responsible_units"):
        action = "change_goal" if f.kind == Finding.GOAL else "add_goal"
        scope = services.scope_of(f.goal if f.goal_id else upload.strategy)
        rows.append({"f": f, "may": allowed(actor, action, scope),
                     "targets": list(f.goal.targets.all()) if f.goal_id else
                     [_dated(t) for t in f.data.get("targets") or []]})
    return rows


def _dated(target: dict) -> dict:
    """A target of the document model with its deadline as a date, as a Target has it."""
    import datetime as dt

    deadline = target.get("deadline")
    try:
        return {**target, "deadline": dt.date.fromisoformat(deadline) if deadline else None}
    except ValueError:
        return target


@staff_member_required
def review(request, pk):
    upload = _upload_or_403(request, pk)
    if upload.in_progress:
        return redirect("onboarding:progress", upload.pk)
    text = upload.text or ""
    total = pages.page_count(text)
    marked = None
    line = request.GET.get("zeile", "")
    if line.isdigit():
        marked = pages.passage(text, int(line))
        page = pages.page_of_line(text, int(line))
    else:
        page = int(request.GET["seite"]) if request.GET.get("seite", "").isdigit() else 1
        page = min(max(page, 1), total)
    doc = upload.document or {}
    counts = {d: upload.findings.filter(decision=d).count() for d, _ in Finding.DECISIONS}
    links = m.GoalLink.objects.filter(edition=upload.edition).select_related(
        "goal", "previous") if upload.edition_id else []
    return render(request, "onboarding/review.html", {
        "upload": upload, "page": page, "pages": range(1, total + 1), "total": total,
        "lines": pages.page_lines(text, page, marked), "rows": _finding_rows(upload, request.user),
        "sections": doc.get("sections", []), "measures": doc.get("measures", []),
        "matches": upload.unit_matches.select_related("organisation"),
        "units": m.Organisation.objects.order_by("name"), "counts": counts, "links": links,
        "is_admin": _is_admin(request.user, upload), "warnings": doc.get("warnings") or [],
        "editable": upload.state == Upload.DONE})


def _back(upload, anchor=""):
    return HttpResponseRedirect(reverse("onboarding:review", args=[upload.pk]) + anchor)


def _run(request, action, success):
    """Runs a service; its refusal is a message on the review page (a permission refusal
    stays a 403)."""
    try:
        result = action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return None
    messages.success(request, success(result) if callable(success) else success)
    return result


@require_POST
@staff_member_required
def decide(request, pk):
    upload = _upload_or_403(request, pk)
    ids = [int(i) for i in request.POST.getlist("finding") if i.isdigit()]
    decision = request.POST.get("decision", "")
    _run(request, lambda: services.decide(request.user, upload, ids, decision),
         lambda n: _("%(n)s decisions recorded.") % {"n": n})
    return _back(upload, "#befunde")


decide.permission = "change_goal (goals), add_goal (candidates)"


@require_POST
@staff_member_required
def accept_confident(request, pk):
    upload = _upload_or_403(request, pk)
    try:
        threshold = float(request.POST.get("threshold", "0.9").replace(",", "."))
    except ValueError:
        threshold = 2.0
    if not 0 <= threshold <= 1:
        messages.error(request, _("The confidence is a number between 0 and 1."))
        return _back(upload)
    _run(request, lambda: services.accept_confident(request.user, upload, threshold),
         lambda n: _("%(n)s findings accepted.") % {"n": n})
    return _back(upload, "#befunde")


accept_confident.permission = "change_goal (goals), add_goal (candidates)"


@staff_member_required
def edit(request, pk, finding):
    upload = _upload_or_403(request, pk)
    finding = get_object_or_404(Finding, pk=finding, upload=upload)
    if finding.goal is None:
        messages.error(request, _("Accept the candidate first."))
        return _back(upload)
    goal = finding.goal
    units_editable = allowed(actor_for(request.user), "add_goal",
                             services.scope_of(upload.strategy))
    form = forms.GoalForm(request.POST or None, instance=goal, units_editable=units_editable)
    targets = forms.TargetFormSet(request.POST or None, queryset=goal.targets.all(),
                                  prefix="targets")
    if request.method == "POST" and form.is_valid() and targets.is_valid():
        changes = {k: v for k, v in form.cleaned_data.items() if k != "responsible_units"}
        units = form.cleaned_data["responsible_units"] if units_editable else None
        changed = [(t.instance if t.instance.pk else None,
                    {k: v for k, v in t.cleaned_data.items() if k not in ("id", "DELETE")})
                   for t in targets.forms if t.has_changed() and t.cleaned_data]
        done = _run(request, lambda: services.edit_goal(request.user, finding, changes, units,
                                                         changed),
                    _("The goal is saved."))
        if done is not None:
            return _back(upload, f"#befund-{finding.pk}")
    return render(request, "onboarding/edit.html", {
        "upload": upload, "finding": finding, "form": form, "targets": targets})


edit.permission = "change_goal"


@require_POST
@staff_member_required
def passage(request, pk):
    upload = _upload_or_403(request, pk)
    line = request.POST.get("line", "")
    page = request.POST.get("page", "")
    _run(request, lambda: services.goal_from_passage(
        request.user, upload, request.POST.get("text", ""),
        int(line) if line.isdigit() else None, int(page) if page.isdigit() else None),
        _("The passage is a goal now."))
    return _back(upload, "#befunde")


passage.permission = "add_goal"


@require_POST
@staff_member_required
def unit(request, pk, match):
    upload = _upload_or_403(request, pk)
    match = get_object_or_404(UnitMatch, pk=match, upload=upload)
    choice = request.POST.get("organisation", "")
    organisation = m.Organisation.objects.filter(pk=choice).first() if choice.isdigit() else None
    _run(request, lambda: services.resolve_unit(request.user, match, organisation,
                                                create=choice == "new"),
         _("The unit is recorded."))
    return _back(upload, "#einheiten")


unit.permission = "upload_document"


@require_POST
@staff_member_required
def publish(request, pk):
    upload = _upload_or_403(request, pk)
    edition = _run(request, lambda: services.publish(request.user, upload),
                   _("The edition is published with the accepted goals."))
    if edition is not None:
        return redirect(edition.get_absolute_url())
    return _back(upload)


publish.permission = "publish_edition"


@require_POST
@staff_member_required
def discard(request, pk):
    upload = _upload_or_403(request, pk)
    _run(request, lambda: services.discard(request.user, upload),
         _("The draft and the uploaded file are removed."))
    return redirect("onboarding:uploads")


discard.permission = "upload_document"
