"""Observations of indicators and assessments of goals, kept with their full history.

Assessments are append-only once approved: a correction is a new assessment
that names the one it replaces and why.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from leitstand.core import text as typed
from leitstand.core import web_links
from leitstand.core.web_links import validate_web_links
from leitstand.monitoring import vocabulary
from leitstand.register.history import record_history
from leitstand.register.models import Goal, Indicator


class Observation(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE,
                                  related_name="observations", verbose_name=_("indicator"))
    date = models.DateField(verbose_name=_("date"))
    value = models.DecimalField(max_digits=20, decimal_places=4, verbose_name=_("value"))
    source_url = models.URLField(max_length=500, verbose_name=_("source url"))
    note = models.TextField(blank=True, verbose_name=_("note"),
                            validators=typed.text_validators)
    recorded_at = models.DateTimeField(default=timezone.now, help_text=_(
        "When the value became known; pages 'as of' a day show only values known by then."),
                                       verbose_name=_("recorded at"))
    history = record_history()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ["indicator", "date"]
        constraints = [models.UniqueConstraint(fields=["indicator", "date"],
                                               name="one_observation_per_day")]

    def scope_owner(self):
        """Permissions: an observation belongs where its indicator belongs."""
        return self.indicator

    def __str__(self):
        return f"{self.indicator} {self.date}: {self.value}"


class KnownValue(models.Model):
    """An observation's value over the stretch of time the site showed it: from when it became
    known until a correction or deletion replaced it (None: it still holds).

    The history keeps every version; which one a past day showed is a choice among them
    (monitoring.known). Made once per version and kept here, that choice is a range an index
    answers, so "Stand am" reads a few points per indicator instead of sorting every version.
    Derived from the history and nothing else: written with each version
    (known.keep_known_value) and rebuilt from the history by known.rebuild_known_values."""

    leaves_pages_unchanged = True  # written with the observation, whose write is the change

    observation_id = models.BigIntegerField()
    version_id = models.IntegerField(unique=True)  # the history's version (its history_id)
    indicator_id = models.BigIntegerField(null=True)
    date = models.DateField()
    value = models.FloatField()
    known_from = models.DateTimeField()
    known_until = models.DateTimeField(null=True)

    class Meta:
        indexes = [
            models.Index(fields=["indicator_id", "date"], name="known_value_by_date",
                         include=["value", "known_from", "known_until"]),
            models.Index(fields=["observation_id"], name="known_value_open",
                         condition=models.Q(known_until=None)),
        ]


def end_of_day(day):
    """The first moment after `day` in the site's time zone."""
    import datetime as dt

    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time()))


def known_day(day=None):
    """The day whose knowledge to show: `day` if it lies in the past, else None (today).

    A day after today means today everywhere (pages, API, exports, feeds, report): what is
    held until a publication day must not be readable by asking for that day."""
    if day is None or day >= timezone.localdate():
        return None
    return day


class AppendOnlyError(ValidationError):
    pass


class AssessmentQuerySet(models.QuerySet):
    def public(self, today=None):
        """Approved and published by `today`; for a past day, only what was approved by then."""
        today = known_day(today) or timezone.localdate()
        known = self.filter(state=Assessment.APPROVED).filter(
            models.Q(publish_on__isnull=True) | models.Q(publish_on__lte=today))
        if today < timezone.localdate():
            known = known.filter(approved_at__lt=end_of_day(today))
        return known


class Assessment(models.Model):
    DRAFT, APPROVED = "draft", "approved"
    STATES = [(DRAFT, _("draft")), (APPROVED, _("approved"))]
    KINDS = [("government", _("government")), ("independent", _("independent reviewer")),
             ("third_party", _("third party"))]
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="assessments",
                             verbose_name=_("goal"))
    status = models.CharField(max_length=20, choices=vocabulary.CHOICES, verbose_name=_("status"))
    as_of = models.DateField(help_text=_("The date the assessment describes."),
                             verbose_name=_("as of"))
    assessor = models.CharField(max_length=200, help_text=_("Who published the assessment."),
                                verbose_name=_("assessor"),
                                validators=[typed.validate_line])
    assessor_kind = models.CharField(max_length=20, choices=KINDS, verbose_name=_("assessor kind"))
    evidence = models.TextField(help_text=_("What the assessment rests on."),
                                verbose_name=_("evidence"),
                                validators=typed.text_validators)
    evidence_links = models.TextField(blank=True, help_text=_("One URL per line."),
                                      validators=[*typed.text_validators, validate_web_links],
                                      verbose_name=_("evidence links"))
    rule = models.CharField(max_length=100, default="manual", help_text=_(
        "The rule that produced the status; 'manual' for a person's judgement."),
                            verbose_name=_("rule"),
                            validators=[typed.validate_line])
    replaces = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="corrections", verbose_name=_("replaces"))
    correction_reason = models.TextField(blank=True, verbose_name=_("correction reason"),
                                         validators=typed.text_validators)
    state = models.CharField(max_length=10, choices=STATES, default=DRAFT, verbose_name=_("state"))
    publish_on = models.DateField(null=True, blank=True, help_text=_(
        "Hold an approved assessment back until this day."), verbose_name=_("publish on"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("created by"))
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+",
                                    verbose_name=_("approved by"))
    approved_at = models.DateTimeField(null=True, blank=True, verbose_name=_("approved at"))
    created_at = models.DateTimeField(default=timezone.now, editable=False,
                                      verbose_name=_("created at"))
    history = record_history()

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["goal", "as_of", "created_at"]
        # the latest changes of every strategy (home page): read in this order, stopping early
        indexes = [models.Index(fields=["-as_of", "-created_at"], name="assessment_latest_first")]

    def scope_owner(self):
        """Permissions: an assessment belongs where its goal belongs."""
        return self.goal

    def __str__(self):
        return f"{self.goal.code}: {vocabulary.label(self.status)} ({self.assessor}, {self.as_of})"

    def clean(self):
        if self.replaces_id and not self.correction_reason.strip():
            raise ValidationError({"correction_reason": _("Say why the assessment is corrected.")})
        if self.replaces_id and self.replaces.goal_id != self.goal_id:
            raise ValidationError({"replaces": _("A correction must concern the same goal.")})

    def save(self, *args, **kwargs):
        if self.pk:
            stored = Assessment.objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == self.APPROVED:
                raise AppendOnlyError(_("An approved assessment cannot be changed; record a "
                                        "correction that replaces it."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.state == self.APPROVED:
            raise AppendOnlyError(_("An approved assessment cannot be deleted."))
        return super().delete(*args, **kwargs)

    @property
    def links(self):
        # Checked again on the way out: rows written before the validator, or by hand.
        return [a for a in web_links.split(self.evidence_links) if web_links.is_web_link(a)]


class StatusSnapshot(models.Model):
    """The computed part of a goal's status from one day through another, stored so that large
    overviews need not read every observation on every request.

    Written by `leitstand snapshot` (nightly): where a goal's status, reason and inputs are the
    same as the night before, the snapshot's `until` moves on a day instead of a new row being
    written, so the table grows with the changes, not with goals × days (100,000 goals would
    add 100,000 rows a night). Dropped whenever the data behind the goal change (and today's
    written anew); pages compute live wherever a day has no snapshot, so a snapshot can only
    ever save time, never show something else."""

    leaves_pages_unchanged = True  # recomputable: writing one changes no page (core.page_cache)

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="snapshots")
    day = models.DateField(verbose_name=_("from"))
    until = models.DateField(verbose_name=_("until"), help_text=_("The last day it holds for."))
    computed_status = models.CharField(max_length=20, blank=True,
                                       validators=[typed.validate_line])
    reason = models.TextField(blank=True,
                              validators=typed.text_validators)
    inputs = models.JSONField(default=dict)
    checks = models.JSONField(default=list)  # [[key, ok], ...] of the measurability check
    met_before_set = models.BooleanField(null=True)
    last_observed = models.DateField(null=True)
    ruleset = models.CharField(max_length=40,
                               validators=[typed.validate_line])
    # The published status that day (computed, else from the assessments): what the home page
    # and the API's status filter count in the database instead of computing every goal.
    status = models.CharField(max_length=20, blank=True, verbose_name=_("published status"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["goal", "day"],
                                               name="one_snapshot_per_goal_and_day")]

    @staticmethod
    def holding_on(day, path: str = "") -> models.Q:
        """The snapshots that hold for `day`; `path` leads to them from another model
        ("snapshots__" from Goal)."""
        return models.Q(**{f"{path}day__lte": day, f"{path}until__gte": day})
