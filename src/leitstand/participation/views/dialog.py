"""The dialog itself: consultations, the draft and its discussions, proposals and
supports, editing, deleting and reporting one's comments. Every state change is a POST."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from leitstand.core import rate_limits
from leitstand.core.redirects import safe_next
from leitstand.participation import forms, identity, services, windows
from leitstand.participation.models import (
    Comment,
    CommentSupport,
    Consultation,
    Content,
    Proposal,
)
from leitstand.participation.queries import count_per
from leitstand.participation.views.common import refusing
from leitstand.register.models import Goal, Measure, Paragraph, Section

# The kinds of part that can be discussed, by their German path segment.
PARTS = {"abschnitt": Section, "absatz": Paragraph, "ziel": Goal, "massnahme": Measure,
         "vorschlag": Proposal}


SORTS = {"unterstuetzung": ("-support_count", "-created_at"), "neu": ("-created_at",),
         "alt": ("created_at",)}


def consultations(request):
    items = Consultation.objects.select_related("edition__strategy").prefetch_related("phases")
    now = timezone.now()
    rows = []
    for c in items:
        phases = services.phase_windows(c)
        rows.append({"consultation": c, "open": windows.open_actions(phases, now),
                     "phase": windows.current(phases, now)})
    return render(request, "participation/consultations.html", {"rows": rows})


def _consultation(slug, count_proposals=False) -> Consultation:
    consultations = Consultation.objects.select_related("edition__strategy").prefetch_related(
        "phases")
    if count_proposals:
        consultations = consultations.annotate(proposal_count=count_per(
            Proposal.objects.filter(state=Content.VISIBLE), "consultation"))
    return get_object_or_404(consultations, slug=slug)


def _context(request, consultation, **extra):
    now = timezone.now()
    phases = services.phase_windows(consultation)
    participant = identity.current(request)
    return {"consultation": consultation, "open": windows.open_actions(phases, now),
            "phase": windows.current(phases, now), "participant": participant,
            "verified": participant is not None and not participant.is_guest, **extra}


def consultation(request, slug):
    consultation = _consultation(slug, count_proposals=True)
    context = _context(request, consultation)
    if "read" not in context["open"]:
        return render(request, "participation/not_yet.html", context)
    edition = consultation.edition
    counts = {}
    for row in (Comment.objects.counted().filter(consultation=consultation)
                .values("section", "paragraph", "goal", "measure").annotate(n=Count("id"))):
        for field in ("section", "paragraph", "goal", "measure"):
            if row[field]:
                counts[(field, row[field])] = counts.get((field, row[field]), 0) + row["n"]
    sections = list(Section.objects.filter(edition=edition).prefetch_related(
        "paragraphs", "goals", "measures"))
    for s in sections:
        s.comment_count = counts.get(("section", s.pk), 0)
        for p in s.paragraphs.all():
            p.comment_count = counts.get(("paragraph", p.pk), 0)
        for g in s.goals.all():
            g.comment_count = counts.get(("goal", g.pk), 0)
        for m in s.measures.all():
            m.comment_count = counts.get(("measure", m.pk), 0)
    taken_up = Proposal.objects.visible().filter(consultation=consultation,
                                                 taken_up_goal__isnull=False).select_related(
        "taken_up_goal__edition__strategy")
    return render(request, "participation/consultation.html", {
        **context, "sections": sections, "taken_up": taken_up,
        "proposal_count": consultation.proposal_count or 0})


def _part(consultation, kind, pk):
    model = PARTS.get(kind)
    if model is None:
        raise Http404("No such part.")
    part = get_object_or_404(model, pk=pk)
    if services.target_edition_id(part) != consultation.edition_id:
        raise Http404("This part belongs to another edition.")
    return part


COMMENT_SORTS = {"alt": lambda c: (c.created_at, c.pk),
                 "neu": lambda c: (-c.created_at.timestamp(), -c.pk),
                 "unterstuetzung": lambda c: (-c.n_supports, c.created_at, c.pk)}


def _thread(comments, sort: str, mine: set):
    """Top comments in the chosen order; replies under their parent, oldest first, to the
    depth that windows.MAX_REPLY_DEPTH allows."""
    replies: dict[int, list] = {}
    for c in comments:
        if c.parent_id:
            replies.setdefault(c.parent_id, []).append(c)
    now = timezone.now()
    for c in comments:
        c.editable_until_ok = windows.may_edit(c.created_at, now)
        c.supported_by_me = c.pk in mine
        c.thread = sorted(replies.get(c.pk, []), key=COMMENT_SORTS["alt"])
    # A reply below a comment this visitor does not see (held) is not shown either.
    top = [c for c in comments if c.parent_id is None]
    return sorted(top, key=COMMENT_SORTS[sort])


def _counted(comments) -> int:
    """As Comment.objects.counted(), on the listed comments: visible ones, not below a held
    comment (a reply whose parent is not listed is below someone else's held comment)."""
    shown = {c.pk: c for c in comments}
    return sum(1 for c in comments if c.state == Content.VISIBLE and (
        c.parent_id is None or (c.parent_id in shown
                                and shown[c.parent_id].state != Content.HELD)))


@refusing
@require_http_methods(["GET", "POST"])
def discussion(request, slug, kind, pk):
    consultation = _consultation(slug)
    context = _context(request, consultation)
    if "read" not in context["open"]:
        raise Http404("This consultation has not begun.")
    part = _part(consultation, kind, pk)
    if isinstance(part, Paragraph):  # its place as readers count: the n-th of its section
        part.place = Paragraph.objects.filter(section=part.section_id).filter(
            Q(order__lt=part.order) | Q(order=part.order, pk__lt=part.pk)).count() + 1
    if isinstance(part, Proposal) and not part.readable_by(context["participant"]):
        raise Http404("This proposal waits for moderation.")
    form = forms.CommentForm(request.POST or None)
    if request.method == "POST":
        participant = context["participant"]
        if participant is None and consultation.allow_anonymous:
            participant = identity.guest(request)
        if participant is None:
            raise services.Refused(_("Please sign in with your e-mail address first."))
        if form.is_valid():
            rate_limits.check_request(request, "post", participant)
            parent = None
            if form.cleaned_data["parent"]:
                parent = get_object_or_404(Comment, pk=form.cleaned_data["parent"])
            comment = services.post_comment(consultation, participant, part,
                                            form.cleaned_data["body"], parent)
            if comment.state == Content.HELD:
                messages.info(request, _("Thank you. Your comment will appear once a "
                                         "moderator has seen it."))
            else:
                messages.success(request, _("Thank you. Your comment is published."))
            return redirect(request.path + f"#c{comment.pk}")
    sort = request.GET.get("sortierung", "alt")
    if sort not in COMMENT_SORTS or set(request.GET) - {"sortierung"}:
        return HttpResponseBadRequest(_("Unknown sorting. Allowed: sortierung=alt, neu or "
                                        "unterstuetzung."))
    field = "proposal" if kind == "vorschlag" else PARTS[kind].__name__.lower()
    me = context["participant"]
    comments = list(Comment.objects.listed_for(me)
                    .filter(consultation=consultation, **{field: part})
                    .select_related("participant").annotate(n_supports=Count("supports")))
    mine = set(CommentSupport.objects.filter(participant=me, comment__in=comments)
               .values_list("comment_id", flat=True)) if context["verified"] else set()
    support_count = supported = None
    if kind == "vorschlag":
        support_count = part.supports.count()
        supported = context["verified"] and part.supports.filter(participant=me).exists()
    return render(request, "participation/discussion.html", {
        **context, "part": part, "kind": kind, "comments": _thread(comments, sort, mine),
        "form": form, "support_count": support_count, "supported": supported,
        "allow_guest": consultation.allow_anonymous, "sort": sort,
        "comment_count": _counted(comments)})


@refusing
@require_http_methods(["GET", "POST"])
def proposals(request, slug):
    consultation = _consultation(slug)
    context = _context(request, consultation)
    if "read" not in context["open"]:
        raise Http404("This consultation has not begun.")
    sort = request.GET.get("sortierung", "unterstuetzung")
    if sort not in SORTS or set(request.GET) - {"sortierung"}:
        return HttpResponseBadRequest(_("Unknown sorting or filter. Allowed: sortierung="
                                        "unterstuetzung, neu or alt."))
    goals = list(Goal.objects.filter(edition=consultation.edition))
    form = forms.ProposalForm(request.POST or None, goals=goals)
    preview = None
    if request.method == "POST":
        participant = services.require_verified(context["participant"])
        if form.is_valid() and request.POST.get("preview"):
            preview = {**form.cleaned_data, "goal": next(
                (g for g in goals if str(g.pk) == form.cleaned_data["goal"]), None)}
        elif form.is_valid():
            rate_limits.check_request(request, "post", participant)
            goal = next((g for g in goals if str(g.pk) == form.cleaned_data["goal"]), None)
            proposal = services.propose(consultation, participant, form.cleaned_data["kind"],
                                        form.cleaned_data["title"], form.cleaned_data["body"],
                                        goal=goal)
            return redirect("participation:discussion", consultation.slug, "vorschlag",
                            proposal.pk)
    items = (Proposal.objects.listed_for(None).filter(consultation=consultation)
             .select_related("participant", "goal",
                                                         "taken_up_goal__edition__strategy")
             .annotate(support_count=Count("supports"), comment_count=Count(
                 "comments", filter=Q(comments__in=Comment.objects.counted()), distinct=True))
             .order_by(*SORTS[sort]))
    return render(request, "participation/proposals.html", {
        **context, "proposals": items, "form": form, "sort": sort, "sorts": list(SORTS),
        "preview": preview})


@refusing
@require_POST
def support(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("consultation"), pk=pk)
    participant = services.require_verified(identity.current(request))
    rate_limits.check_request(request, "support", participant)
    if services.support(proposal, participant):
        messages.success(request, _("Thank you for your support. You can withdraw it as long "
                                    "as supporting is open."))
    else:
        messages.info(request, _("You support this proposal already."))
    return redirect("participation:discussion", proposal.consultation.slug, "vorschlag", pk)


@refusing
@require_POST
def withdraw_support(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("consultation"), pk=pk)
    participant = services.require_verified(identity.current(request))
    if services.withdraw_support(proposal, participant):
        messages.success(request, _("Your support is withdrawn."))
    return redirect(safe_next(request, reverse("participation:discussion", args=[
        proposal.consultation.slug, "vorschlag", pk])))


@refusing
@require_POST
def support_comment(request, pk):
    """Adds the support of a comment, or takes it back (`withdraw=1`)."""
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    participant = services.require_verified(identity.current(request))
    rate_limits.check_request(request, "support", participant)
    if request.POST.get("withdraw"):
        services.withdraw_comment_support(comment, participant)
    else:
        services.support_comment(comment, participant)
    return redirect(_comment_url(comment))


_comment_url = services.comment_url


@refusing
@require_http_methods(["GET", "POST"])
def edit_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    participant = identity.current(request)
    form = forms.TextForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        services.edit_comment(pk, participant, form.cleaned_data["body"])
        return redirect(_comment_url(comment))
    services.check_own_and_recent(comment, participant)
    return render(request, "participation/edit_comment.html", {"comment": comment,
                                                               "form": form})


@refusing
@require_POST
def delete_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("consultation"), pk=pk)
    services.delete_comment(pk, identity.current(request))
    return redirect(_comment_url(comment))


@refusing
@require_http_methods(["GET", "POST"])
def report(request, kind, pk):
    model = {"kommentar": Comment, "vorschlag": Proposal}.get(kind)
    if model is None:
        raise Http404("Nothing to report.")
    item = get_object_or_404(model.objects.select_related("consultation"), pk=pk)
    participant = identity.current(request)
    if not item.readable_by(participant):
        raise Http404("This post waits for moderation.")
    form = forms.ReasonForm(request.POST or None)
    if request.method == "POST":
        services.require_verified(participant)
        if form.is_valid():
            rate_limits.check_request(request, "report", participant)
            services.report(item, participant, form.cleaned_data["reason"])
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect(_comment_url(item) if model is Comment else reverse(
                "participation:discussion", args=[item.consultation.slug, "vorschlag", pk]))
    return render(request, "participation/report.html", {"item": item, "form": form,
                                                         "participant": participant})

