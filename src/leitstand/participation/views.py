"""The public side of the dialog: the draft, its discussions, proposals, disputes, sign-in,
subscriptions and the participant's own data. Every state change is a POST."""

from __future__ import annotations

import functools
import json

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from leitstand.core.redirects import safe_next
from leitstand.participation import (
    forms,
    identity,
    limits,
    mail,
    privacy,
    services,
    subscriptions,
    windows,
)
from leitstand.participation.models import (
    Comment,
    Consultation,
    Content,
    Proposal,
)
from leitstand.participation.queries import count_per
from leitstand.register.models import Edition, Goal, Measure, Paragraph, Section

# The kinds of part that can be discussed, by their German path segment.
PARTS = {"abschnitt": Section, "absatz": Paragraph, "ziel": Goal, "massnahme": Measure,
         "vorschlag": Proposal}
SORTS = {"unterstuetzung": ("-support_count", "-created_at"), "neu": ("-created_at",),
         "alt": ("created_at",)}


def refusing(view):
    """Turns a refusal into a 403 page and a rate limit into a 429 page, both saying why."""
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except services.Refused as exc:
            return render(request, "participation/refused.html", {"message": str(exc)},
                          status=403)
        except limits.RateLimited as exc:
            response = render(request, "participation/refused.html",
                              {"message": exc.message()}, status=429)
            response["Retry-After"] = str(exc.retry_after)
            return response
    return wrapper


def _base(request) -> str:
    return request.build_absolute_uri(reverse("participation:consultations"))


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


def _thread(comments):
    top = [c for c in comments if c.parent_id is None]
    replies: dict[int, list] = {}
    for c in comments:
        if c.parent_id:
            replies.setdefault(c.parent_id, []).append(c)
    now = timezone.now()
    for c in comments:
        c.editable_until_ok = windows.may_edit(c.created_at, now)
    for c in top:
        c.thread = replies.get(c.pk, [])
    return top


@refusing
@require_http_methods(["GET", "POST"])
def discussion(request, slug, kind, pk):
    consultation = _consultation(slug)
    context = _context(request, consultation)
    if "read" not in context["open"]:
        raise Http404("This consultation has not begun.")
    part = _part(consultation, kind, pk)
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
            limits.check_request(request, "post", participant)
            parent = None
            if form.cleaned_data["parent"]:
                parent = get_object_or_404(Comment, pk=form.cleaned_data["parent"])
            comment = services.post_comment(consultation, participant, part,
                                            form.cleaned_data["body"], parent)
            if comment.state == Content.HELD:
                messages.info(request, _("Thank you. Your comment will appear once a "
                                         "moderator has seen it."))
            return redirect(request.path + f"#c{comment.pk}")
    field = "proposal" if kind == "vorschlag" else PARTS[kind].__name__.lower()
    comments = list(Comment.objects.listed_for(context["participant"])
                    .filter(consultation=consultation, **{field: part})
                    .select_related("participant"))
    support_count = part.supports.count() if kind == "vorschlag" else None
    return render(request, "participation/discussion.html", {
        **context, "part": part, "kind": kind, "comments": _thread(comments), "form": form,
        "support_count": support_count, "allow_guest": consultation.allow_anonymous})


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
    if request.method == "POST":
        participant = services.require_verified(context["participant"])
        if form.is_valid():
            limits.check_request(request, "post", participant)
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
        **context, "proposals": items, "form": form, "sort": sort, "sorts": list(SORTS)})


@refusing
@require_POST
def support(request, pk):
    proposal = get_object_or_404(Proposal.objects.select_related("consultation"), pk=pk)
    participant = services.require_verified(identity.current(request))
    limits.check_request(request, "support", participant)
    if services.support(proposal, participant):
        messages.success(request, _("Thank you for your support."))
    else:
        messages.info(request, _("You support this proposal already."))
    return redirect("participation:discussion", proposal.consultation.slug, "vorschlag", pk)


def _comment_url(comment: Comment) -> str:
    kind, part = next((k, getattr(comment, f"{m.__name__.lower()}_id")) for k, m in PARTS.items()
                      if getattr(comment, f"{m.__name__.lower()}_id"))
    return reverse("participation:discussion", args=[comment.consultation.slug, kind, part]) \
        + f"#c{comment.pk}"


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
            limits.check_request(request, "report", participant)
            services.report(item, participant, form.cleaned_data["reason"])
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect(_comment_url(item) if model is Comment else reverse(
                "participation:discussion", args=[item.consultation.slug, "vorschlag", pk]))
    return render(request, "participation/report.html", {"item": item, "form": form,
                                                         "participant": participant})


@refusing
@require_http_methods(["GET", "POST"])
def sign_in(request):
    form = forms.EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        limits.hit("signin", limits.key_of("e", email),
                   limits.key_of("a", limits.client_address(request)))
        token = identity.new_link(email)
        request.session["leitstand_next"] = safe_next(request, "")
        link = request.build_absolute_uri(reverse("participation:sign_in_link", args=[token]))
        mail.queue(email, _("Your sign-in link for Leitstand"), _(
            "Open this link to sign in (it works once, for 30 minutes):\n%(link)s\n\n"
            "If you did not ask for it, ignore this mail.") % {"link": link})
        # The same answer for every address: nobody learns whether it is registered.
        return render(request, "participation/sign_in_sent.html", {"email": email})
    return render(request, "participation/sign_in.html", {
        "form": form, "next": safe_next(request, "")})


@refusing
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token):
    """GET shows a button (mail scanners that follow links use nothing up); POST signs in."""
    if request.method == "POST":
        limits.hit("signin-use", limits.key_of("a", limits.client_address(request)))
        participant = identity.use_link(token)
        if participant is None:
            return render(request, "participation/sign_in_link.html", {"invalid": True},
                          status=400)
        next_url = request.session.get("leitstand_next", "")
        identity.sign_in(request, participant)
        if not participant.display_name:
            return redirect(reverse("participation:display_name") + (
                f"?next={next_url}" if next_url else ""))
        return redirect(next_url or "participation:consultations")
    return render(request, "participation/sign_in_link.html", {
        "invalid": not identity.link_is_usable(token)})


@refusing
@require_http_methods(["GET", "POST"])
def display_name(request):
    participant = services.require_verified(identity.current(request))
    form = forms.NameForm(request.POST or None,
                          initial={"display_name": participant.display_name})
    if request.method == "POST" and form.is_valid():
        participant.display_name = form.cleaned_data["display_name"]
        participant.save(update_fields=["display_name"])
        return redirect(safe_next(request, reverse("participation:consultations")))
    return render(request, "participation/display_name.html", {
        "form": form, "next": safe_next(request, "")})


@require_POST
def sign_out(request):
    identity.sign_out(request)
    return redirect("participation:consultations")


@refusing
def my_data(request):
    participant = services.require_verified(identity.current(request))
    return render(request, "participation/my_data.html", {
        "participant": participant, "data": privacy.export(participant)})


@refusing
def my_data_export(request):
    participant = services.require_verified(identity.current(request))
    response = HttpResponse(json.dumps(privacy.export(participant), ensure_ascii=False,
                                       indent=2), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="meine-daten-leitstand.json"'
    return response


@refusing
@require_POST
def delete_account(request):
    participant = services.require_verified(identity.current(request))
    if request.POST.get("confirm") != "yes":
        raise services.Refused(_("Please tick the box to confirm the deletion."))
    privacy.delete_account(participant)
    identity.sign_out(request)
    return render(request, "participation/deleted.html")


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
    limits.hit("subscribe", limits.key_of("e", email),
               limits.key_of("a", limits.client_address(request)))
    subscriptions.subscribe(email, _base(request) + "abo/", goal=goal, consultation=consultation)
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
            limits.check_request(request, "dispute", participant)
            item = services.dispute(goal, participant, form.cleaned_data["body"],
                                    form.cleaned_data["links"])
            return redirect(goal.get_absolute_url() + f"#dispute-{item.pk}")
    return render(request, "participation/dispute.html", {
        "goal": goal, "form": form, "participant": participant,
        "verified": participant is not None and not participant.is_guest,
        "status": services.published_status_of(goal)})

