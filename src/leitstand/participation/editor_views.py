"""The strategy team's side of the dialog: moderation queue, answers to disputes, results
export, and which proposals were taken up. Permissions come from register.permissions."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from leitstand.core.redirects import safe_next
from leitstand.participation import answers, desk, desk_queue, forms, results, services
from leitstand.participation.models import (
    Block,
    Comment,
    Consultation,
    Content,
    Dispute,
    ModerationAction,
    Participant,
    Proposal,
    ProposalAnswer,
    Report,
)
from leitstand.participation.paths import discussion_path
from leitstand.participation.views.common import refusing
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.models import Goal, Organisation
from leitstand.register.permissions import allowed, answering_units

MODERATED = {"kommentar": Comment, "vorschlag": Proposal, "einwand": Dispute}


def _moderated_consultation(request, slug, action="moderate_consultation") -> Consultation:
    consultation = get_object_or_404(Consultation.objects.select_related("edition__strategy"),
                                     slug=slug)
    if not allowed(actor_for(request.user), action, scope_of(consultation)):
        raise PermissionDenied
    return consultation


@staff_member_required
def queue(request, slug):
    consultation = _moderated_consultation(request, slug)
    reports = list(Report.objects.filter(resolved_at__isnull=True).filter(
        comment__consultation=consultation).select_related(
        "comment__participant", "comment__consultation")) + list(
        Report.objects.filter(resolved_at__isnull=True, proposal__consultation=consultation)
        .select_related("proposal__participant"))
    for r in reports:
        r.comment_url = discussion_path(r.comment) if r.comment_id else ""
    held = {"comments": Comment.objects.filter(consultation=consultation, state=Content.HELD)
            .select_related("participant"),
            "proposals": Proposal.objects.filter(consultation=consultation, state=Content.HELD)
            .select_related("participant")}
    hidden = {"comments": Comment.objects.filter(consultation=consultation,
                                                 state=Content.HIDDEN),
              "proposals": Proposal.objects.filter(consultation=consultation,
                                                   state=Content.HIDDEN)}
    disputes = Dispute.objects.filter(goal__edition__strategy=consultation.edition.strategy_id,
                                      state__in=[Content.VISIBLE, Content.HIDDEN]) \
        .select_related("goal__edition")
    # every step of this queue, disputes included (their hiding was missing, issue 20)
    log = ModerationAction.objects.filter(
        Q(comment__consultation=consultation) | Q(proposal__consultation=consultation)
        | Q(dispute__in=disputes)).select_related("moderator")
    return render(request, "participation/moderation_queue.html", {
        "consultation": consultation, "reports": reports, "held": held, "hidden": hidden,
        "disputes": disputes, "log": log.order_by("-created_at")[:100],
        "consultation_proposals": Proposal.objects.filter(
            consultation=consultation, state=Content.VISIBLE).select_related("taken_up_goal"),
        "form": forms.ModerationForm()})


@staff_member_required
@refusing
@require_POST
def moderate(request, kind, pk, action):
    model = MODERATED.get(kind)
    if model is None or action not in dict(ModerationAction.ACTIONS):
        raise Http404("Unknown moderation.")
    item = get_object_or_404(model, pk=pk)
    form = forms.ModerationForm(request.POST)
    form.is_valid()
    services.moderate(request.user, item, action, form.cleaned_data.get("reason", ""))
    messages.success(request, _("Done: %(action)s.") % {
        "action": dict(ModerationAction.ACTIONS)[action]})
    slug = (item.consultation.slug if model is not Dispute else
            Consultation.objects.filter(edition__strategy=item.goal.edition.strategy_id)
            .values_list("slug", flat=True).first())
    fallback = reverse("moderation:queue", args=[slug]) if slug else \
        item.goal.get_absolute_url()
    return redirect(safe_next(request, fallback))


@staff_member_required
def export_results(request, slug, fmt):
    consultation = _moderated_consultation(request, slug, "export_results")
    data = results.collect(consultation)
    if fmt == "json":
        response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                                content_type="application/json")
    else:
        response = HttpResponse(results.to_csv(data), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{consultation.slug}-ergebnisse.{fmt}"'
    return response


def _proposal_and_goals(request, pk):
    """A proposal the user may take up or answer, and the goals of its strategy to link."""
    proposal = get_object_or_404(Proposal.objects.select_related("consultation__edition"),
                                 pk=pk)
    _moderated_consultation(request, proposal.consultation.slug, "take_up_proposal")
    goals = list(Goal.objects.filter(edition__strategy=proposal.consultation.edition
                                     .strategy_id).select_related("edition"))
    return proposal, goals


@staff_member_required
@refusing
@require_http_methods(["GET", "POST"])
def take_up(request, pk):
    proposal, goals = _proposal_and_goals(request, pk)
    form = forms.TakeUpForm(request.POST or None, goals=goals)
    if request.method == "POST" and form.is_valid():
        goal = next(g for g in goals if str(g.pk) == form.cleaned_data["goal"])
        services.take_up(request.user, pk, goal, form.cleaned_data["note"])
        messages.success(request, _("Recorded."))
        return redirect("moderation:queue", proposal.consultation.slug)
    return render(request, "participation/take_up.html", {"proposal": proposal, "form": form})


@staff_member_required
def disputes(request):
    """The disputes of the goals this editor answers for."""
    actor = actor_for(request.user)
    items = [d for d in Dispute.objects.select_related("goal__edition__strategy")
             .prefetch_related("answers", "goal__responsible_units")
             if allowed(actor, "answer_dispute", scope_of(d.goal))]
    return render(request, "participation/editor_disputes.html", {"disputes": items})


@staff_member_required
@refusing
@require_http_methods(["GET", "POST"])
def answer(request, pk):
    item = get_object_or_404(Dispute.objects.select_related("goal__edition__strategy"), pk=pk)
    actor = actor_for(request.user)
    scope = scope_of(item.goal)
    if not allowed(actor, "answer_dispute", scope):
        raise PermissionDenied
    units = Organisation.objects.filter(pk__in=answering_units(actor, scope))
    form = forms.AnswerForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        organisation = units.get(pk=form.cleaned_data["organisation"])
        services.answer_dispute(request.user, pk, organisation, form.cleaned_data["body"])
        messages.success(request, _("The answer is published on the goal page."))
        return redirect(item.goal.get_absolute_url() + f"#dispute-{pk}")
    return render(request, "participation/answer.html", {"dispute": item, "form": form})


def _moderated_consultations(user) -> list[Consultation]:
    actor = actor_for(user)
    return [c for c in Consultation.objects.select_related("edition__strategy")
            if allowed(actor, "moderate_consultation", scope_of(c))]


@staff_member_required
def desk_view(request):
    """One queue across every consultation this editor moderates, with filters."""
    consultations = _moderated_consultations(request.user)
    if not consultations:
        raise PermissionDenied
    chosen = request.GET.get("beteiligung", "")
    show = request.GET.get("anzeigen", desk_queue.SHOW[0])
    kind = request.GET.get("art", "")
    category = request.GET.get("kategorie", "")
    if show not in desk_queue.SHOW or kind not in ("", *desk_queue.KINDS) or (
            category not in ("", *dict(Report.CATEGORIES))) or (
            chosen and chosen not in {c.slug for c in consultations}):
        return HttpResponseBadRequest(_("Unknown filter."))
    ids = [c.pk for c in consultations if not chosen or c.slug == chosen]
    strategies = {c.edition.strategy_id for c in consultations}
    return render(request, "participation/moderation_desk.html", {
        "consultations": consultations, "entries": desk_queue.entries(ids, show, kind, category),
        "filters": {"beteiligung": chosen, "anzeigen": show, "art": kind,
                    "kategorie": category},
        "shows": desk_queue.SHOW, "categories": Report.CATEGORIES,
        "blocks": Block.objects.filter(strategy__in=strategies).select_related(
            "participant", "strategy", "blocked_by", "lifted_by")[:100],
        "form": forms.ModerationForm()})


@staff_member_required
@refusing
@require_http_methods(["GET", "POST"])
def answer_proposal(request, pk):
    """The strategy team's official answer to a proposal."""
    proposal, goals = _proposal_and_goals(request, pk)
    form = forms.ProposalAnswerForm(request.POST or None, states=ProposalAnswer.STATES,
                                    goals=goals)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        goal = next((g for g in goals if str(g.pk) == data["goal"]), None)
        answers.answer_proposal(request.user, pk, data["state"], data["body"], goal)
        messages.success(request, _("The answer is published on the proposal and mailed to "
                                    "its author and supporters."))
        return redirect(safe_next(request, reverse("moderation:queue",
                                                   args=[proposal.consultation.slug])))
    return render(request, "participation/answer_proposal.html", {
        "proposal": proposal, "form": form, "answers": proposal.answers.all()})


@staff_member_required
@refusing
@require_http_methods(["GET", "POST"])
def block(request, slug, participant_id):
    """Block a participant in the consultations of this consultation's strategy."""
    consultation = _moderated_consultation(request, slug)
    participant = get_object_or_404(Participant, pk=participant_id)
    form = forms.BlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        desk.block(request.user, participant, consultation.edition.strategy_id,
                   form.cleaned_data["reason"])
        messages.success(request, _("Blocked: their new posts wait for a moderator."))
        return redirect(safe_next(request, reverse("moderation:desk")))
    return render(request, "participation/block.html", {
        "consultation": consultation, "participant": participant, "form": form})


@staff_member_required
@refusing
@require_POST
def unblock(request, pk):
    desk.unblock(request.user, get_object_or_404(Block, pk=pk).pk)
    messages.success(request, _("The block is lifted."))
    return redirect(safe_next(request, reverse("moderation:desk")))
