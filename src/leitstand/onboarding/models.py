"""A strategy document on its way into the register: the upload with its ingest job, what the
ingest found and the editors' decision on each finding.

The upload row is also the job: `leitstand serve` and `leitstand demo` run a worker that claims
queued rows (onboarding.jobs), so the ingest never runs inside a web request.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from leitstand.register.history import record_history
from leitstand.register.models import Edition, Goal, Organisation, Strategy


class Upload(models.Model):
    QUEUED, RUNNING, DONE, FAILED, PUBLISHED, DISCARDED = (
        "queued", "running", "done", "failed", "published", "discarded")
    STATES = [(QUEUED, _("waiting")), (RUNNING, _("being read")), (DONE, _("in review")),
              (FAILED, _("refused")), (PUBLISHED, _("published")), (DISCARDED, _("discarded"))]
    KINDS = [("pdf", "PDF"), ("text", _("text")), ("markdown", "Markdown")]

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="uploads",
                                 verbose_name=_("strategy"))
    edition_label = models.CharField(max_length=40, verbose_name=_("edition label"))
    original_name = models.CharField(max_length=120, verbose_name=_("file name"))
    stored_name = models.CharField(max_length=80, blank=True, verbose_name=_("stored as"))
    kind = models.CharField(max_length=10, choices=KINDS, verbose_name=_("kind"))
    size = models.PositiveBigIntegerField(default=0, verbose_name=_("size in bytes"))
    state = models.CharField(max_length=10, choices=STATES, default=QUEUED,
                             verbose_name=_("state"))
    pages_done = models.PositiveIntegerField(default=0, verbose_name=_("pages read"))
    pages_total = models.PositiveIntegerField(null=True, blank=True,
                                              verbose_name=_("pages in total"))
    stage = models.CharField(max_length=40, blank=True, verbose_name=_("stage"))
    error = models.TextField(blank=True, verbose_name=_("reason"))
    text = models.TextField(blank=True, verbose_name=_("document text"))
    document = models.JSONField(null=True, blank=True, verbose_name=_("document model"))
    edition = models.ForeignKey(Edition, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="uploads", verbose_name=_("edition"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("uploaded by"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("uploaded at"))
    started_at = models.DateTimeField(null=True, blank=True, verbose_name=_("started at"))
    finished_at = models.DateTimeField(null=True, blank=True, verbose_name=_("finished at"))
    file_removed_at = models.DateTimeField(null=True, blank=True,
                                           verbose_name=_("file removed at"))

    class Meta:
        verbose_name = _("uploaded document")
        verbose_name_plural = _("uploaded documents")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.strategy.slug}/{self.edition_label}: {self.original_name}"

    @property
    def in_progress(self) -> bool:
        return self.state in (self.QUEUED, self.RUNNING)

    def scope_owner(self):
        return self.strategy


class Finding(models.Model):
    """One goal, candidate or marked passage of the document and the decision on it."""

    GOAL, CANDIDATE, PASSAGE = "goal", "candidate", "passage"
    KINDS = [(GOAL, _("goal")), (CANDIDATE, _("candidate")), (PASSAGE, _("marked passage"))]
    PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
    DECISIONS = [(PENDING, _("open")), (ACCEPTED, _("accepted")), (REJECTED, _("rejected"))]

    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="findings",
                               verbose_name=_("uploaded document"))
    kind = models.CharField(max_length=10, choices=KINDS, verbose_name=_("kind"))
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="findings", verbose_name=_("goal"))
    data = models.JSONField(verbose_name=_("as found"))
    text = models.TextField(verbose_name=_("text"))
    confidence = models.FloatField(default=1.0, verbose_name=_("confidence"))
    found_by = models.CharField(max_length=40, blank=True, verbose_name=_("found by"))
    reason = models.CharField(max_length=300, blank=True, verbose_name=_("why not taken"))
    line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("line"))
    page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("page"))
    decision = models.CharField(max_length=10, choices=DECISIONS, default=PENDING,
                                verbose_name=_("decision"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+",
                                   verbose_name=_("decided by"))
    decided_at = models.DateTimeField(null=True, blank=True, verbose_name=_("decided at"))
    history = record_history()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["upload", "-confidence", "line", "id"]

    def __str__(self):
        return self.text[:80]

    def scope_owner(self):
        return self.goal if self.goal_id else self.upload.strategy


class UnitMatch(models.Model):
    """An organisation named in the document and the strategy's unit it is (or a new one)."""

    HOW = [("exact", _("same name")), ("alias", _("alias")), ("acronym", _("acronym")),
           ("none", _("no match"))]
    upload = models.ForeignKey(Upload, on_delete=models.CASCADE, related_name="unit_matches",
                               verbose_name=_("uploaded document"))
    name = models.CharField(max_length=300, verbose_name=_("name in the document"))
    aliases = models.JSONField(default=list, verbose_name=_("aliases"))
    lines = models.JSONField(default=list, verbose_name=_("lines"))
    organisation = models.ForeignKey(Organisation, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("responsible unit"))
    how = models.CharField(max_length=10, choices=HOW, default="none", verbose_name=_("matched by"))
    confirmed = models.BooleanField(default=False, verbose_name=_("confirmed"))
    history = record_history()

    class Meta:
        verbose_name = _("unit match")
        verbose_name_plural = _("unit matches")
        ordering = ["upload", "name"]

    def __str__(self):
        return self.name

    def scope_owner(self):
        return self.upload.strategy
