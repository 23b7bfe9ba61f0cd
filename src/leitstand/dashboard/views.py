"""Public pages: fetch (queries.py), compute (aggregates, charts, status), render."""

from __future__ import annotations

from collections import Counter

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.dashboard import charts, summary, wording
from leitstand.dashboard.render import stand_query
from leitstand.monitoring import aggregates, status_rules, vocabulary
from leitstand.monitoring import status as status_rule
from leitstand.monitoring.asof import stand_of
from leitstand.monitoring.filters import GoalFilter
from leitstand.monitoring.known import known_observations
from leitstand.monitoring.models import Assessment
from leitstand.monitoring.rows import goal_rows
from leitstand.monitoring.summaries import field_of_action, latest_assessments, status_counts
from leitstand.participation.queries import (
    goal_disputes,
    open_consultations,
    with_dispute_count,
)
from leitstand.register import horizons
from leitstand.register.editions import current_edition, current_editions, edition_or_404
from leitstand.register.models import (
    Edition,
    Goal,
    GoalLink,
    Indicator,
    Measure,
    Organisation,
    Section,
    Strategy,
    Target,
)

HORIZON_LABELS = dict(horizons.CHOICES)
ACROSS_LIMIT = 200  # goals compared on one page; a narrower subject shows the rest
HOME_PER_PAGE = 50  # strategies on one page of the home page (a federal instance has 1,000)


def home(request):
    current = current_editions()
    card_of = {e.id: {"strategy": e.strategy, "edition": e} for e in current}
    page = Paginator(current, HOME_PER_PAGE).get_page(request.GET.get("seite"))
    cards = [card_of[e.id] for e in page]
    editions = {card["edition"].id: card["edition"] for card in cards}
    stand = stand_of(request)
    # counted by the database from the day's snapshots; computed only where they are missing
    counts = status_counts(editions, stand) if editions else {}
    missing = {k: e for k, e in editions.items() if k not in counts}
    rows = goal_rows(None, editions=missing, today=stand, brief=True) if missing else []
    for row in rows:
        counts.setdefault(row.goal.edition_id, Counter())[row.status] += 1
    for card in cards:
        found = counts.get(card["edition"].id, Counter())
        card["total"] = found.total()
        card["bar"] = summary.published_bar(card["edition"], found, card["total"], stand)
    if len(missing) == len(current):  # all computed: the rows hold the latest already
        latest = sorted((a for r in rows for a in r.latest_by_assessor.values()),
                        key=lambda a: (a.as_of, a.created_at), reverse=True)
    else:  # of every strategy, not only those on this page
        latest = latest_assessments([e.id for e in current], stand)
    latest = [(a, card_of[a.goal.edition_id]) for a in latest[:6]]
    query = request.GET.copy()
    query.pop("seite", None)
    return render(request, "dashboard/home.html", {
        "cards": cards, "page": page, "query": query.urlencode(), "stand": stand,
        "as_of": stand or timezone.localdate(),
        "consultations": open_consultations(), "latest": latest})


def strategy(request, strategy):
    obj = get_object_or_404(Strategy.objects.prefetch_related("editions"), slug=strategy)
    edition = current_edition(obj)
    if edition is None:
        return render(request, "dashboard/no_edition.html", {"strategy": obj}, status=404)
    return redirect("dashboard:overview", obj.slug, edition.slug)


def overview(request, strategy, edition):
    edition = edition_or_404(strategy, edition, request.user)
    stand = stand_of(request)
    rows = goal_rows(edition, today=stand, brief=True)
    status_order = [s.code for s in vocabulary.STATUSES]
    fields = {s.field_of_action.slug: s.field_of_action
              for s in (r.goal.section for r in rows) if s is not None}
    units = {u.slug: u for r in rows for u in r.units}
    assessors = aggregates.assessor_table(rows, status_order)
    context = {
        "edition": edition,
        "strategy": edition.strategy,
        "rows": rows,
        "total": len(rows),
        "as_of": stand or timezone.localdate(),
        "stand": stand,
        # the day as the counts tables' links carry it, "&stand=…" (once, not once per row)
        "stand_param": stand_query(stand, first=False),
        "by_status": aggregates.count_by(rows, lambda r: r.status, vocabulary.label,
                                         order=status_order),
        "by_horizon": aggregates.count_by(
            rows, lambda r: r.goal.horizon or "none",
            lambda k: HORIZON_LABELS.get(k, _("no horizon stated")) if k != "none" else None,
            order=[h for h, _ in horizons.CHOICES]),
        "by_section": aggregates.count_by(
            rows, lambda r: field_of_action(r.goal.section),
            lambda k: str(fields[k]) if k else ""),
        "by_unit": aggregates.count_by(rows, lambda r: r.unit_slugs,
                                       lambda k: str(units[k])),
        "overdue": [r for r in rows if r.overdue],
        "assessors": assessors,
        "latest": sorted((a for r in rows for a in r.latest_by_assessor.values()),
                         key=lambda a: (a.as_of, a.created_at), reverse=True)[:6],
        "guidelines": edition.guidelines.prefetch_related("goals"),
        "statuses": vocabulary.STATUSES,
        **summary.overview_summary(edition, rows, stand, fields, units, assessors),
    }
    # the assessors' table shows only the statuses someone gave (zero columns folded away)
    context["assessor_columns"] = [c for c in status_order if c != "not_assessed" and any(
        a["counts"][c] for a in context["assessors"])]
    for a in context["assessors"]:
        a["cells"] = [a["counts"][c] for c in context["assessor_columns"]]
    return render(request, "dashboard/overview.html", context)


def goal_list(request, strategy, edition):
    edition = edition_or_404(strategy, edition, request.user)
    if request.GET.get("format") == "csv":  # older links: the CSV is an open-data download
        params = request.GET.copy()
        del params["format"]
        return redirect(reverse("api:goals_csv", args=[edition.strategy.slug, edition.slug])
                        + (f"?{params.urlencode()}" if params else ""))
    flt = GoalFilter.from_params(request.GET)
    stand = stand_of(request)
    rows = goal_rows(edition, today=stand, brief=not flt.measurable)  # the table counts
    shown, found = flt.apply(rows, edition)
    extra = {}
    if found:
        extra["measures"] = Measure.objects.filter(id__in=found["measure"]).select_related(
            "section")
        extra["indicators"] = Indicator.objects.filter(id__in=found["indicator"])
    sections = sorted({r.goal.section for r in rows if r.goal.section},
                      key=lambda s: s.order)
    units = sorted({u for r in rows for u in r.units}, key=str)
    return render(request, "dashboard/goal_list.html", {
        "edition": edition, "strategy": edition.strategy, "rows": shown, "total": len(rows),
        "filter": flt, "sections": sections, "units": units, "statuses": vocabulary.STATUSES,
        "horizons": horizons.CHOICES, "as_of": stand or timezone.localdate(), "stand": stand,
        **extra})


def goal_detail(request, strategy, edition, code):
    goal = get_object_or_404(
        Goal.objects.select_related("edition__strategy", "section__parent").prefetch_related(
            Prefetch("responsible_units", queryset=Organisation.objects.order_by("short_name")))
        .annotate(dispute_count=with_dispute_count()),
        edition__strategy__slug=strategy, edition__slug=edition, code=code)
    if goal.edition.status != Edition.PUBLISHED and not request.user.is_staff:
        raise Http404("No such goal.")
    edition = goal.edition
    stand = stand_of(request)
    origins = list(GoalLink.objects.filter(goal=goal, previous__isnull=False).select_related(
        "previous__edition"))
    # this goal's assessments and those of the goals it continues, in one query
    known = list(Assessment.objects.public(stand).filter(
        goal__in=[goal.id] + [o.previous_id for o in origins]).order_by("as_of", "created_at"))
    row = goal_rows(edition, [goal], today=stand, with_observations=True,
                    known_assessments=[a for a in known if a.goal_id == goal.id])[0]
    indicator_views = []
    seen = set()
    for target in row.targets:
        for indicator in target.indicator_list:
            if indicator.id in seen:
                continue
            seen.add(indicator.id)
            observations = row.observations[indicator.id]
            shown = next((t for t in row.targets if indicator in t.indicator_list
                          and t.value is not None and t.unit == indicator.unit), None)
            indicator_views.append({
                "indicator": indicator,
                "observations": observations,
                "target": shown,
                "chart": charts.line_chart([(o["date"], float(o["value"]))
                                            for o in observations],
                                           float(shown.value) if shown else None)})
    assessments = sorted(row.assessments, key=lambda a: (a.as_of, a.created_at), reverse=True)
    by_id = {a.id: a for a in assessments}
    for a in assessments:
        a.replaced = by_id.get(a.replaces_id)
    history = goal.history.all()
    if stand:
        from leitstand.monitoring.models import end_of_day

        history = history.filter(history_date__lt=end_of_day(stand))
    history = list(history.order_by("history_date").prefetch_related(
        "historicalgoal_responsible_units_set"))
    differing = sorted({a.assessor for a in row.latest_by_assessor.values()
                        if a.status != row.status})
    previous = {o.previous_id: o.previous for o in origins}
    earlier = sorted((a for a in known if a.goal_id in previous), key=lambda a: a.as_of,
                     reverse=True)
    for a in earlier:
        a.goal = previous[a.goal_id]
    return render(request, "dashboard/goal_detail.html", {
        "edition": edition, "strategy": edition.strategy, "goal": goal, "row": row,
        "targets": row.targets, "indicator_views": indicator_views, "assessments": assessments,
        "differing": differing, "origins": origins, "earlier": earlier,
        "measures": Measure.objects.filter(section=goal.section_id).order_by("order")
        if goal.section_id else [],
        "history": _history_entries(history),
        "disputes": goal_disputes(goal, stand) if goal.dispute_count else [],
        "horizon_label": HORIZON_LABELS.get(goal.horizon), "stand": stand,
        "as_of": stand or timezone.localdate()})


HISTORY_FIELDS = ["code", "title", "text", "section_id", "horizon", "deadline", "source_page",
                  "source_line"]


def _history_entries(records) -> list[dict]:
    """Each change with the fields it changed and the role that made it.

    Compared here rather than with simple_history's diff_against, which asks
    the database once per record for the many-to-many fields.
    """
    entries, previous = [], None
    for record in records:
        changed = []
        if previous is not None:
            changed = [f for f in HISTORY_FIELDS if getattr(record, f) != getattr(previous, f)]
            units = {u.organisation_id for u in record.historicalgoal_responsible_units_set.all()}
            if units != {u.organisation_id
                         for u in previous.historicalgoal_responsible_units_set.all()}:
                changed.append("responsible_units")
        entries.append({"date": record.history_date, "type": record.history_type,
                        "role": record.actor_role or "Datenimport",
                        "fields": [wording.field_name(Goal, f) for f in changed]})
        previous = record
    return list(reversed(entries))


def section_detail(request, strategy, edition, section):
    edition = edition_or_404(strategy, edition, request.user)
    stand = stand_of(request)
    section = get_object_or_404(Section.objects.select_related("parent"), edition=edition,
                                slug=section)
    in_section = Goal.objects.filter(edition=edition).filter(
        section__in=Section.objects.filter(edition=edition).filter(
            slug=section.slug) | Section.objects.filter(edition=edition, parent=section))
    return render(request, "dashboard/section_detail.html", {
        "edition": edition, "strategy": edition.strategy, "section": section,
        "rows": goal_rows(edition, in_section, today=stand, brief=True),
        "stand": stand,
        "measures": Measure.objects.filter(edition=edition).filter(
            section__in=Section.objects.filter(edition=edition, parent=section)
            | Section.objects.filter(pk=section.pk)).order_by("order"),
        "as_of": timezone.localdate()})


def unit_detail(request, strategy, edition, unit):
    edition = edition_or_404(strategy, edition, request.user)
    unit = get_object_or_404(Organisation, slug=unit)
    stand = stand_of(request)
    return render(request, "dashboard/unit_detail.html", {
        "edition": edition, "strategy": edition.strategy, "unit": unit,
        "rows": goal_rows(edition, Goal.objects.filter(edition=edition, responsible_units=unit),
                          today=stand, brief=True),
        "stand": stand,
        "measures": Measure.objects.filter(edition=edition, responsible_units=unit),
        "indicators": Indicator.objects.filter(strategy=edition.strategy,
                                               responsible_units=unit),
        "as_of": timezone.localdate()})


def measure_list(request, strategy, edition):
    edition = edition_or_404(strategy, edition, request.user)
    state = request.GET.get("status", "")
    measures = Measure.objects.filter(edition=edition).select_related("section").prefetch_related(
        "responsible_units").order_by("order")
    if state in dict(Measure.STATES):
        measures = measures.filter(status=state)
    return render(request, "dashboard/measure_list.html", {
        "edition": edition, "strategy": edition.strategy, "measures": measures,
        "states": Measure.STATES, "state": state})


def indicator_detail(request, strategy, indicator):
    indicator = get_object_or_404(
        Indicator.objects.select_related("strategy").prefetch_related(
            "responsible_units",
            Prefetch("targets", queryset=Target.objects.select_related("goal__edition"))),
        strategy__slug=strategy, slug=indicator)
    stand = stand_of(request)
    observations = list(known_observations(stand, order=("date",), indicator=indicator))
    return render(request, "dashboard/indicator_detail.html", {
        "stand": stand,
        "strategy": indicator.strategy, "indicator": indicator, "observations": observations,
        "chart": charts.line_chart([(o.date, float(o.value)) for o in observations]),
        "targets": [t for t in indicator.targets.all()
                    if t.goal.edition.status == Edition.PUBLISHED]})


def statuses(request):
    return render(request, "dashboard/statuses.html", {"statuses": vocabulary.STATUSES})


def method(request):
    """The Methodik page: the text comes from the rule set itself (monitoring.status_rules)."""
    return render(request, "dashboard/method.html", {
        "ruleset": status_rules.RULESET, "rules": status_rules.RULES,
        "statuses": vocabulary.STATUSES, "assessment_rule": status_rule.RULE})


def comparison(request, strategy, edition):
    """Both editions side by side: how each goal continues, with counts of each kind."""
    edition = edition_or_404(strategy, edition, request.user)
    links = list(GoalLink.objects.filter(edition=edition).select_related("goal", "previous")
                 .order_by("previous__order", "goal__order"))
    kinds = dict(GoalLink.KINDS)
    counts = [{"kind": k, "label": kinds[k],
               "confirmed": sum(1 for x in links if x.kind == k and x.confirmed_at),
               "suggested": sum(1 for x in links if x.kind == k and not x.confirmed_at)}
              for k in kinds]
    return render(request, "dashboard/comparison.html", {
        "edition": edition, "strategy": edition.strategy, "previous": edition.previous,
        "links": links, "counts": counts})


def across_strategies(request):
    """Goals of all strategies on one subject side by side, with their targets' values and
    deadlines (e.g. every fibre or 5G target)."""
    from django.http import HttpResponseBadRequest

    from leitstand.register.models import Edition, Goal
    from leitstand.register.search import goals_everywhere_query

    if set(request.GET) - {"q"}:
        return HttpResponseBadRequest(_("Only the parameter q is understood here."))
    query = request.GET.get("q", "").replace("\x00", "")[:200].strip()
    found = Goal.objects.filter(id__in=goals_everywhere_query(query)) if query \
        else Goal.objects.none()
    # the first ACROSS_LIMIT in the table's order, chosen by the database: a word every goal
    # has would otherwise compute 100,000 statuses for one request
    ids = list(found.order_by("edition__strategy__name", "-edition__year", "code")
               .values_list("id", flat=True)[:ACROSS_LIMIT + 1])
    more = len(ids) > ACROSS_LIMIT
    ids = ids[:ACROSS_LIMIT]
    editions = {e.id: e for e in Edition.objects.filter(
        goals__in=ids, status=Edition.PUBLISHED).select_related("strategy").distinct()}
    rows = goal_rows(None, Goal.objects.filter(id__in=ids), editions=editions) if ids else []
    rows.sort(key=lambda r: (r.goal.edition.strategy.name, -r.goal.edition.year, r.goal.code))
    return render(request, "dashboard/across.html", {
        "q": query, "rows": rows, "total": found.count() if more else len(rows)})
