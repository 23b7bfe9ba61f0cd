"""Bulk update by editors: a CSV or XLSX file of observations, assessments, goals or targets
for their units. Every row is checked – types, references, permission – before anything is
written; errors are listed by row and column; a file is applied whole, in one transaction,
or not at all.

The columns are those of the export (`leitstand export`), so an exported file can be edited
and uploaded again; the apostrophe the export puts before formula-like text is removed.
"""

from __future__ import annotations

import csv
import io
import itertools
import time
import zipfile
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from leitstand.core import text as typed
from leitstand.core.cells import FORMULA_START
from leitstand.monitoring import services, vocabulary
from leitstand.monitoring.models import Assessment
from leitstand.register import horizons
from leitstand.register import services as register
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.models import Goal, Indicator, Target
from leitstand.register.permissions import allowed

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# A workbook is a zip: 5 MB of it can unpack to gigabytes. Its parts together may unpack to
# at most this much, a row may have at most this many columns, and reading may take at most
# this long – the row limit alone is reached only after the work is done.
MAX_UNPACKED_BYTES = 25 * 1024 * 1024
MAX_COLUMNS = 50
MAX_SECONDS = 10.0


# One form per kind of file: a line of the file, checked like a form the editor filled in.
class ObservationLine(forms.Form):
    strategy = forms.SlugField()
    indicator = forms.SlugField()
    date = forms.DateField()
    value = forms.DecimalField(max_digits=20, decimal_places=4)
    source_url = forms.URLField(max_length=500, assume_scheme="https")
    note = forms.CharField(required=False, max_length=typed.TEXT,
                           validators=[typed.validate_text])


class AssessmentLine(forms.Form):
    strategy = forms.SlugField()
    edition = forms.CharField(max_length=40)
    goal = forms.SlugField(max_length=40)
    status = forms.ChoiceField(choices=vocabulary.CHOICES)
    as_of = forms.DateField()
    assessor = forms.CharField(max_length=200, validators=[typed.validate_line])
    assessor_kind = forms.ChoiceField(choices=Assessment.KINDS)
    evidence = forms.CharField(max_length=typed.TEXT, validators=[typed.validate_text])
    links = forms.CharField(required=False, max_length=5000, validators=[typed.validate_text])


class GoalLine(forms.Form):
    strategy = forms.SlugField()
    edition = forms.CharField(max_length=40)
    code = forms.SlugField(max_length=40)
    title = forms.CharField(max_length=300, validators=[typed.validate_line])
    text = forms.CharField(required=False, max_length=typed.TEXT,
                           validators=[typed.validate_text])
    horizon = forms.ChoiceField(required=False, choices=[("", "")] + [
        (h, h) for h, _label in horizons.CHOICES])
    deadline = forms.DateField(required=False)


class TargetLine(forms.Form):
    strategy = forms.SlugField()
    edition = forms.CharField(max_length=40)
    goal = forms.SlugField(max_length=40)
    metric = forms.CharField(max_length=300, validators=[typed.validate_line])
    value = forms.DecimalField(required=False, max_digits=20, decimal_places=4)
    unit = forms.CharField(required=False, max_length=40, validators=[typed.validate_line])
    comparator = forms.ChoiceField(required=False, choices=[("", "")] + Target.COMPARATORS)
    deadline = forms.DateField(required=False)


KINDS = {"observations": ObservationLine, "assessments": AssessmentLine,
         "goals": GoalLine, "targets": TargetLine}


@dataclass
class Problem:
    row: int  # as in a spreadsheet: the header is row 1
    column: str
    message: str


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)
    applied: int = 0


class FileRefused(ValueError):
    """The file as a whole cannot be read."""


def read_table(name: str, data: bytes) -> list[dict]:
    """Rows of a CSV (UTF-8) or XLSX file as dicts; the file is judged by its content."""
    if len(data) > MAX_BYTES:
        raise FileRefused(_("The file is larger than 5 MB."))
    if data.startswith(b"PK\x03\x04"):
        return _read_xlsx(data)
    if b"\x00" in data:
        raise FileRefused(_("This is neither a CSV nor an XLSX file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRefused(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8”.")) from None
    return _at_most(csv.DictReader(io.StringIO(text)))


def _at_most(rows) -> list[dict]:
    """The rows, read one by one and refused as soon as there are too many."""
    taken = list(itertools.islice(rows, MAX_ROWS + 1))
    if len(taken) > MAX_ROWS:
        raise FileRefused(_("More than 10,000 rows."))
    return taken


def _read_xlsx(data: bytes) -> list[dict]:
    """The first sheet, streamed (openpyxl's read-only mode) row by row: refused once it
    has more rows than allowed, unpacks to too much or takes too long."""
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError):
        raise FileRefused(_("The XLSX file cannot be read.")) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise FileRefused(_("The XLSX file unpacks to more than 25 MB."))
    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        values = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        header = [str(h or "").strip() for h in next(values, [])]
        return _at_most(_within_time(
            {h: ("" if v is None else v) for h, v in zip(header, row, strict=False)}
            for row in values))
    except FileRefused:
        raise
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise FileRefused(_("The XLSX file cannot be read.")) from None


def _within_time(rows):
    deadline = time.monotonic() + MAX_SECONDS
    for row in rows:
        if time.monotonic() > deadline:
            raise FileRefused(_("The file takes too long to read."))
        yield row


def _unneutralise(value):
    if isinstance(value, str) and value.startswith("'") and value[1:2] and \
            value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def check_and_apply(user, kind: str, rows: list[dict]) -> Outcome:
    form_class = KINDS[kind]
    outcome = Outcome()
    if not rows:
        outcome.problems.append(Problem(1, "", _("The file has no rows.")))
        return outcome
    if len(rows) > MAX_ROWS:
        outcome.problems.append(Problem(1, "", _("More than 10,000 rows.")))
        return outcome
    missing = [c for c, f in form_class.base_fields.items() if f.required and c not in rows[0]]
    if missing:
        outcome.problems += [Problem(1, c, _("This column is missing.")) for c in missing]
        return outcome
    actor = actor_for(user)
    changes = []
    for number, raw in enumerate(rows, start=2):
        form = form_class({k: _unneutralise(v) for k, v in raw.items() if k})
        if not form.is_valid():
            outcome.problems += [Problem(number, column, " ".join(errors))
                                 for column, errors in form.errors.items()]
            continue
        given = {k: v for k, v in form.cleaned_data.items() if k in rows[0]}
        change = _resolve(kind, given, actor)
        if isinstance(change, Problem):
            change.row = number
            outcome.problems.append(change)
        else:
            changes.append((number, change))
    if outcome.problems:
        return outcome
    try:
        with transaction.atomic():
            for number, change in changes:
                current = number
                change(user)
    except ValidationError as exc:  # a model check the row forms cannot see; nothing stays
        outcome.problems.append(Problem(current, "", " ".join(exc.messages)))
        return outcome
    outcome.applied = len(changes)
    return outcome


def _goal(data) -> Goal | None:
    return Goal.objects.filter(edition__strategy__slug=data["strategy"],
                               edition__label=data["edition"],
                               code=data.get("goal") or data.get("code")).first()


def _resolve(kind: str, data: dict, actor):
    """What one valid row will do, or the Problem that stops it."""
    if kind == "observations":
        indicator = Indicator.objects.filter(strategy__slug=data["strategy"],
                                             slug=data["indicator"]).first()
        if indicator is None:
            return Problem(0, "indicator", _("No such indicator in this strategy."))
        if not allowed(actor, "change_observation", scope_of(indicator)):
            return Problem(0, "indicator", _("Your units do not report this indicator."))

        def apply(user, indicator=indicator, data=data):
            services.record_observation(user, indicator, data["date"], value=data["value"],
                                        source_url=data["source_url"], note=data.get("note"))
        return apply
    goal = _goal(data)
    if goal is None:
        return Problem(0, "goal" if kind != "goals" else "code", _("No such goal."))
    action = {"assessments": "record_assessment", "goals": "change_goal",
              "targets": "change_target"}[kind]
    if not allowed(actor, action, scope_of(goal)):
        return Problem(0, "goal" if kind != "goals" else "code",
                       _("Your units are not responsible for this goal."))
    if kind == "assessments":
        def apply(user, goal=goal, data=data):
            services.record_assessment(user, goal, status=data["status"], as_of=data["as_of"],
                              assessor=data["assessor"], assessor_kind=data["assessor_kind"],
                              evidence=data["evidence"],
                              evidence_links="\n".join(data.get("links", "").split()))
        return apply
    if kind == "goals":
        def apply(user, goal=goal, data=data):
            register.save_goal(user, _given(goal, data, ("title", "text", "horizon", "deadline")))
        return apply

    def apply(user, goal=goal, data=data):
        target = Target.objects.filter(goal=goal, metric=data["metric"]).first() or Target(
            goal=goal, metric=data["metric"], order=goal.targets.count())
        register.save_target(user, _given(target, data, ("value", "unit", "comparator",
                                                          "deadline")))
    return apply


def _given(obj, data: dict, names):
    """Change only the fields whose column the file has: a missing column keeps the value."""
    for name in names:
        if name in data:
            setattr(obj, name, data[name])
    return obj
