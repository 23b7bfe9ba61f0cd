"""Write use cases of bringing in a document: one function per decision, each in a
transaction, checked against the permission rules, recorded in the history with the role.

Nothing the editors have not accepted becomes public: publishing removes the draft goals whose
finding is open or rejected, then publishes the edition.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from leitstand.onboarding import files, matching
from leitstand.onboarding.models import Finding, UnitMatch, Upload
from leitstand.register import models as m
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.doc_import import ImportRefused, create_goal, import_document
from leitstand.register.permissions import Scope, allowed


class ImportProblem(ValueError):
    pass


def _require(user, action: str, obj_or_scope) -> None:
    scope = obj_or_scope if isinstance(obj_or_scope, Scope) else scope_of(obj_or_scope)
    if not allowed(actor_for(user), action, scope):
        raise PermissionDenied(_("You may not do this."))


def strategy_units(strategy: m.Strategy) -> list[m.Organisation]:
    """The units a strategy already works with: the owner and those of its goals, measures
    and indicators."""
    ids = set(m.Organisation.objects.filter(goals__edition__strategy=strategy)
              .values_list("id", flat=True))
    ids |= set(m.Organisation.objects.filter(measures__edition__strategy=strategy)
               .values_list("id", flat=True))
    ids |= set(m.Organisation.objects.filter(indicators__strategy=strategy)
               .values_list("id", flat=True))
    if strategy.owner_id:
        ids.add(strategy.owner_id)
    return list(m.Organisation.objects.filter(id__in=ids))


# ---- upload and import -------------------------------------------------------------------

@transaction.atomic
def create_upload(user, uploaded, strategy: m.Strategy | None, label: str,
                  new_strategy_name: str = "") -> Upload:
    label = label.strip()[:40]
    if strategy is None:
        _require(user, "create_strategy", Scope(None))
        slug = slugify(new_strategy_name)[:50]
        if not slug:
            raise ValidationError(_("Name the new strategy."))
        if m.Strategy.objects.filter(slug=slug).exists():
            raise ValidationError(_("A strategy with this address exists; choose it instead."))
        strategy = m.Strategy(slug=slug, name=new_strategy_name.strip()[:300],
                              jurisdiction="–")
        strategy.full_clean()
        strategy._history_user = user
        strategy.save()
        strategy.admins.add(user)
        user.__dict__.pop("_leitstand_actor", None)  # the user's roles changed
    _require(user, "upload_document", strategy)
    edition_slug = slugify(label.replace(".", "-"))
    if not edition_slug:
        raise ValidationError(_("Give the edition a label, e.g. 2026."))
    # A revised document of the draft in review replaces it (import_upload); anything else
    # with this label is refused.
    in_review = list(Upload.objects.filter(strategy=strategy, edition_label=label,
                                           state=Upload.DONE).values_list("edition_id", flat=True))
    if m.Edition.objects.filter(strategy=strategy, slug=edition_slug).exclude(
            id__in=in_review).exists() or Upload.objects.filter(
            strategy=strategy, edition_label=label,
            state__in=[Upload.QUEUED, Upload.RUNNING]).exists():
        raise ValidationError(_("This strategy already has an edition %(label)s.")
                              % {"label": label})
    stored, kind, size, pages = files.store(uploaded)
    return Upload.objects.create(
        strategy=strategy, edition_label=label, original_name=files.display_name(uploaded.name),
        stored_name=stored, kind=kind, size=size, pages_total=pages, created_by=user)


@transaction.atomic
def import_upload(upload: Upload, doc: dict, text: str) -> Upload:
    """The ingest's result becomes a draft edition with one finding per goal and candidate."""
    doc["source"]["path"] = upload.original_name
    revised = Upload.objects.filter(strategy=upload.strategy, edition_label=upload.edition_label,
                                    state=Upload.DONE).exclude(pk=upload.pk).first()
    decided = {}
    if revised is not None:  # a revised document of the draft in review replaces it
        decided = {_norm(f.text): f for f in revised.findings.exclude(decision=Finding.PENDING)}
        _retire(revised)
    units = strategy_units(upload.strategy)
    known = [matching.Unit(u.id, u.name, u.short_name) for u in units]
    by_id = {u.id: u for u in units}
    matches = {}
    for org in doc.get("organisations", []):
        unit, how = matching.match(org["name"], org.get("aliases") or [], known)
        matches[org["name"]] = by_id[unit.id] if unit else None
        UnitMatch.objects.create(upload=upload, name=org["name"][:300],
                                 aliases=org.get("aliases") or [], lines=org.get("lines") or [],
                                 organisation=matches[org["name"]], how=how)
    try:
        result = import_document(doc, upload.strategy.slug, upload.edition_label, units=matches)
    except ImportRefused as exc:
        raise ImportProblem(str(exc)) from None
    if not result.created:
        raise ImportProblem(_("This document is already edition %(label)s of the strategy.")
                            % {"label": result.edition.label})
    edition = result.edition
    goals = list(edition.goals.order_by("order"))
    for goal, g in zip(goals, doc["goals"], strict=True):
        _finding(upload, Finding.GOAL, g, goal)
        goal.responsible_units.set(_units_named(g["text"], doc, matches))
    for c in doc.get("candidates") or []:
        _finding(upload, Finding.CANDIDATE, c, None)
    upload.document, upload.text, upload.edition = doc, text, edition
    for finding in upload.findings.all():
        _carry_over(finding, decided.get(_norm(finding.text)))
    upload.state, upload.stage, upload.finished_at = Upload.DONE, "", timezone.now()
    upload.save()
    _suggest_lineage(edition)
    return upload


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _retire(upload: Upload) -> None:
    if upload.edition is not None and upload.edition.status == m.Edition.DRAFT:
        upload.edition.delete()
    upload.edition = None
    upload.state, upload.file_removed_at = Upload.DISCARDED, timezone.now()
    upload.save(update_fields=["state", "file_removed_at", "edition"])
    files.remove(upload.stored_name)


def _carry_over(finding: Finding, earlier: Finding | None) -> None:
    """A goal of the revised document with the same text keeps the decision made on it."""
    if earlier is None:
        return
    if earlier.decision == Finding.ACCEPTED and finding.goal is None:
        finding.goal = _goal_from(finding)
    finding.decision, finding.decided_at = earlier.decision, earlier.decided_at
    finding.decided_by = earlier.decided_by
    finding._history_user = earlier.decided_by
    finding._change_reason = f"kept from the review of upload {earlier.upload_id}"
    finding.save()


def _units_named(text: str, doc: dict, matches: dict) -> list[m.Organisation]:
    """The matched units whose name or alias the goal's own text names."""
    found = []
    lowered = text.casefold()
    for org in doc.get("organisations", []):
        unit = matches.get(org["name"])
        forms = [org["name"], *(org.get("aliases") or [])]
        if unit and any(f and f.casefold() in lowered for f in forms) and unit not in found:
            found.append(unit)
    return found


def _finding(upload, kind, g: dict, goal) -> Finding:
    default = 1.0 if kind == Finding.GOAL else 0.5  # version 1 of the model has no confidence
    return Finding.objects.create(
        upload=upload, kind=kind, goal=goal, data=g, text=g.get("text", ""),
        confidence=float(g.get("confidence", default)), found_by=g.get("found_by") or "",
        reason=(g.get("reason") or "")[:300], line=g.get("line"), page=g.get("page"))


def _suggest_lineage(edition: m.Edition) -> None:
    """A revised document continues the strategy's latest published edition: its goals are
    offered as continuations (register.lineage) instead of duplicates."""
    from leitstand.register.editions import current_edition
    from leitstand.register.services import suggest_lineage

    previous = current_edition(edition.strategy)
    if previous is not None and previous.pk != edition.pk:
        edition.previous = previous
        edition.save(update_fields=["previous"])
        suggest_lineage(edition)


# ---- decisions ---------------------------------------------------------------------------

def _decide(user, finding: Finding, decision: str) -> None:
    if finding.kind == Finding.GOAL:
        _require(user, "change_goal", finding.goal or finding.upload.strategy)
    else:
        _require(user, "add_goal", finding.upload.strategy)
    if decision == Finding.ACCEPTED and finding.goal is None:
        finding.goal = _goal_from(finding)
    finding.decision, finding.decided_by, finding.decided_at = decision, user, timezone.now()
    finding._history_user = user
    finding._change_reason = decision
    finding.save()


def _goal_from(finding: Finding) -> m.Goal:
    edition = finding.upload.edition
    code = _next_code(edition)
    section = m.Section.objects.filter(edition=edition, slug=finding.data.get("section")).first()
    order = (edition.goals.order_by("-order").values_list("order", flat=True).first() or 0) + 1
    return create_goal(edition, finding.data, code, order, section)


def _next_code(edition) -> str:
    n = edition.goals.count() + 1
    while edition.goals.filter(code=f"z{n:02d}").exists():
        n += 1
    return f"z{n:02d}"


@transaction.atomic
def decide(user, upload: Upload, finding_ids, decision: str) -> int:
    """Accepts or rejects several findings; refused as a whole if one is not the user's."""
    if decision not in (Finding.ACCEPTED, Finding.REJECTED, Finding.PENDING):
        raise ValidationError(_("Unknown decision."))
    _open(upload)
    found = list(upload.findings.select_for_update(of=("self",)).filter(pk__in=finding_ids)
                 .select_related("goal__edition", "upload__strategy"))
    for finding in found:
        _decide(user, finding, decision)
    return len(found)


@transaction.atomic
def accept_confident(user, upload: Upload, threshold: float) -> int:
    """Accepts every open finding with at least `threshold` confidence that the user may
    decide on; the others stay open."""
    _open(upload)
    actor = actor_for(user)
    done = 0
    for finding in upload.findings.select_for_update(of=("self",)).filter(
            decision=Finding.PENDING, confidence__gte=threshold) \
            .select_related("goal__edition", "upload__strategy"):
        action = "change_goal" if finding.kind == Finding.GOAL else "add_goal"
        if allowed(actor, action, scope_of(finding.goal or upload.strategy)):
            _decide(user, finding, Finding.ACCEPTED)
            done += 1
    return done


@transaction.atomic
def edit_goal(user, finding: Finding, changes: dict, units=None,
              targets: list[tuple] = ()) -> m.Goal:
    """Changes a finding's goal and its targets: `targets` holds (target or None for a new
    one, its changed fields). Responsible units are set by the strategy's admins."""
    _open(finding.upload)
    goal = finding.goal
    if goal is None:
        raise ValidationError(_("Accept the candidate first."))
    _require(user, "change_goal", goal)
    if units is not None and set(units) != set(goal.responsible_units.all()):
        _require(user, "add_goal", finding.upload.strategy)
        goal.responsible_units.set(units)
    for field, value in changes.items():
        setattr(goal, field, value)
    if goal.edition.goals.filter(code=goal.code).exclude(pk=goal.pk).exists():
        raise ValidationError(_("Another goal of this edition has the code %(code)s.")
                              % {"code": goal.code})
    goal._history_user = user
    goal._change_reason = "edited in review"
    goal.save()
    order = goal.targets.count()
    for target, values in targets:
        if target is None:
            target = m.Target(goal=goal, order=order, metric=goal.title[:300])
            order += 1
        for field, value in values.items():
            setattr(target, field, value if value is not None or field in (
                "value", "deadline", "baseline_year") else "")
        target._history_user = user
        target.save()
    deadlines = [t.deadline for t in goal.targets.all() if t.deadline]
    if deadlines and goal.deadline != max(deadlines):
        goal.deadline = max(deadlines)
        goal.save(update_fields=["deadline"])
    return goal


@transaction.atomic
def goal_from_passage(user, upload: Upload, text: str, line: int | None,
                      page: int | None) -> Finding:
    """A goal the ingest missed: the editor marked its passage in the text."""
    from leitstand.ingest.targets import horizon, parse_target

    _require(user, "add_goal", upload.strategy)
    _open(upload)
    text = " ".join(text.split())[:2000]
    if len(text) < 10:
        raise ValidationError(_("Mark the passage of the goal (at least a few words)."))
    target = parse_target(text, (upload.document or {}).get("year"))
    section = _section_at(upload, line)
    data = {"text": text, "line": line, "page": page, "horizon": horizon(text),
            "section": section, "targets": [target] if target else []}
    finding = Finding.objects.create(upload=upload, kind=Finding.PASSAGE, data=data, text=text,
                                     confidence=1.0, found_by="editor", line=line, page=page)
    _decide(user, finding, Finding.ACCEPTED)
    return finding


def _section_at(upload: Upload, line: int | None) -> str | None:
    section = None
    for s in (upload.document or {}).get("sections", []):
        if line is not None and s["line"] <= line:
            section = s["id"]
    return section


# ---- units -------------------------------------------------------------------------------

@transaction.atomic
def resolve_unit(user, match: UnitMatch, organisation: m.Organisation | None,
                 create: bool = False) -> UnitMatch:
    """Confirms a match, chooses another unit, or creates the unit the document names."""
    _require(user, "upload_document", match.upload.strategy)
    _open(match.upload)
    if create:
        slug = slugify(match.name)[:50] or f"unit-{match.pk}"
        base, n = slug, 2
        while m.Organisation.objects.filter(slug=slug).exists():
            slug, n = f"{base[:46]}-{n}", n + 1
        organisation = m.Organisation(slug=slug, name=match.name,
                                      short_name=(match.aliases or [""])[0][:60], kind="other")
        organisation._history_user = user
        organisation.save()
    match.organisation, match.confirmed = organisation, organisation is not None or create
    match.how = match.how if organisation is None or not create else "none"
    match._history_user = user
    match.save()
    edition = match.upload.edition
    if organisation is not None and edition is not None:
        for measure in edition.measures.all():
            if match.name in (measure.text or "") or any(a and a in measure.text
                                                         for a in match.aliases):
                measure.responsible_units.add(organisation)
    return match


# ---- publish -----------------------------------------------------------------------------

def _open(upload: Upload) -> None:
    if upload.state != Upload.DONE:
        raise ValidationError(_("This document is no longer in review."))


@transaction.atomic
def publish(user, upload: Upload) -> m.Edition:
    """Publishes the accepted goals; open and rejected ones are removed from the draft."""
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    _open(upload)
    _require(user, "publish_edition", upload.strategy)
    edition = upload.edition
    accepted = set(upload.findings.filter(decision=Finding.ACCEPTED, goal__isnull=False)
                   .values_list("goal_id", flat=True))
    if not accepted:
        raise ValidationError(_("Accept at least one goal before publishing."))
    for goal in edition.goals.exclude(pk__in=accepted):
        goal._history_user = user
        goal._change_reason = "not accepted in review"
        goal.delete()
    edition.status = m.Edition.PUBLISHED
    edition._history_user = user
    edition._change_reason = "published after review"
    edition.save()
    upload.state, upload.file_removed_at = Upload.PUBLISHED, timezone.now()
    upload.save(update_fields=["state", "file_removed_at"])
    files.remove(upload.stored_name)
    return edition


@transaction.atomic
def discard(user, upload: Upload) -> None:
    """Drops the draft edition and the stored file; the findings stay as the record."""
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    _require(user, "upload_document", upload.strategy)
    if upload.state in (Upload.PUBLISHED, Upload.DISCARDED):
        raise ValidationError(_("This document is no longer in review."))
    if upload.edition is not None and upload.edition.status == m.Edition.DRAFT:
        upload.edition._history_user = user
        upload.edition.delete()
    upload.edition = None
    upload.state, upload.file_removed_at = Upload.DISCARDED, timezone.now()
    upload.save(update_fields=["state", "file_removed_at", "edition"])
    files.remove(upload.stored_name)
