"""The register of a strategy: what was promised, by whom, where it stands in the text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.register import horizons
from leitstand.register.history import record_history


class Organisation(models.Model):
    """A responsible unit: ministry, agency, bank, city office."""

    KINDS = [("ministry", _("ministry")), ("agency", _("agency")), ("bank", _("bank")),
             ("office", _("office")), ("other", _("other"))]
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=300)
    short_name = models.CharField(max_length=60, blank=True)
    kind = models.CharField(max_length=20, choices=KINDS, default="ministry")
    url = models.URLField(blank=True)
    note = models.TextField(blank=True)
    history = record_history()

    class Meta:
        ordering = ["short_name", "name"]

    def __str__(self):
        return self.short_name or self.name


class Membership(models.Model):
    """An editor's place in a unit; heads may approve the unit's assessments."""

    ROLES = [("editor", _("editor")), ("head", _("head of unit"))]
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships")
    role = models.CharField(max_length=10, choices=ROLES, default="editor")
    history = record_history()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "organisation"],
                                               name="one_membership_per_unit")]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Strategy(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=300)
    jurisdiction = models.CharField(max_length=200)
    owner = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="owned_strategies")
    description = models.TextField(blank=True)
    language = models.CharField(max_length=10, default="de")
    admins = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                    related_name="administered_strategies")
    loaded_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    history = record_history(excluded_fields=["loaded_sha256"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "strategies"

    def __str__(self):
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        from leitstand.register.strategy_file import RESERVED_SLUGS

        if self.slug.lower() in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is used by the site itself.")})


class Edition(models.Model):
    DRAFT, PUBLISHED = "draft", "published"
    STATES = [(DRAFT, _("draft")), (PUBLISHED, _("published"))]
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="editions")
    label = models.CharField(max_length=40)
    slug = models.SlugField()
    year = models.PositiveIntegerField()
    adopted_on = models.DateField(null=True, blank=True)
    source_title = models.CharField(max_length=300, blank=True)
    source_url = models.URLField(blank=True, max_length=500)
    source_sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=10, choices=STATES, default=DRAFT)
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="next_editions")
    declared_goal_count = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("How many goals the document itself has."))
    coverage_note = models.TextField(blank=True, help_text=_(
        "Which part of the document this register holds, and where the rest can be read."))
    history = record_history()

    class Meta:
        ordering = ["strategy", "-year"]
        constraints = [models.UniqueConstraint(fields=["strategy", "slug"],
                                               name="edition_slug_per_strategy")]

    def __str__(self):
        return f"{self.strategy.name} {self.label}"

    def get_absolute_url(self):
        return reverse("dashboard:overview", args=[self.strategy.slug, self.slug])


class Section(models.Model):
    """A chapter or field of action; `kind` follows the document model."""

    KINDS = [("preface", _("preface")), ("chapter", _("chapter")), ("review", _("review")),
             ("next_steps", _("next steps")), ("other", _("other"))]
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sections")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children")
    slug = models.SlugField()
    number = models.CharField(max_length=20, blank=True)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=KINDS, default="chapter")
    is_field_of_action = models.BooleanField(default=False)
    order = models.PositiveIntegerField(default=0)
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    history = record_history()

    class Meta:
        ordering = ["edition", "order"]
        constraints = [models.UniqueConstraint(fields=["edition", "slug"],
                                               name="section_slug_per_edition")]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    @property
    def field_of_action(self) -> Section:
        """The field of action this section belongs to: itself, or the chapter above it."""
        if self.parent is not None and not self.is_field_of_action:
            return self.parent
        return self


class Paragraph(models.Model):
    """A paragraph of an edition's text, kept for the online dialog on a draft:
    participants comment on it, anchored to its line in the source."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="paragraphs")
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    history = record_history()

    class Meta:
        ordering = ["section", "order"]

    def __str__(self):
        return self.text[:80]


class Goal(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="goals")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="goals")
    code = models.SlugField(max_length=40)
    title = models.CharField(max_length=300)
    text = models.TextField(blank=True)
    horizon = models.CharField(max_length=10, choices=horizons.CHOICES, blank=True)
    horizon_inferred = models.BooleanField(default=False, help_text=_(
        "The horizon was derived from a deadline, not stated by the document."))
    deadline = models.DateField(null=True, blank=True)
    responsible_units = models.ManyToManyField(Organisation, blank=True, related_name="goals")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        ordering = ["edition", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"],
                                               name="goal_code_per_edition")]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def due_date(self):
        return horizons.due_date(self.edition.adopted_on, self.horizon, self.deadline)

    def get_absolute_url(self):
        return reverse("dashboard:goal", args=[self.edition.strategy.slug, self.edition.slug,
                                               self.code])


class Indicator(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="indicators")
    slug = models.SlugField()
    name = models.CharField(max_length=300)
    unit = models.CharField(max_length=40)
    definition = models.TextField(help_text=_("What exactly counts, e.g. when a household is "
                                              "'versorgt'."))
    publisher = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(blank=True, max_length=500)
    update_frequency = models.CharField(max_length=60, blank=True)
    responsible_units = models.ManyToManyField(Organisation, blank=True,
                                               related_name="indicators")
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        ordering = ["strategy", "name"]
        constraints = [models.UniqueConstraint(fields=["strategy", "slug"],
                                               name="indicator_slug_per_strategy")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("dashboard:indicator", args=[self.strategy.slug, self.slug])


class Target(models.Model):
    """One measurable promise inside a goal (the document model's target fields)."""

    COMPARATORS = [("at_least", _("at least")), ("at_most", _("at most")),
                   ("exactly", _("exactly"))]
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets")
    metric = models.CharField(max_length=300)
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    comparator = models.CharField(max_length=10, choices=COMPARATORS, blank=True)
    deadline = models.DateField(null=True, blank=True)
    per = models.CharField(max_length=10, blank=True, help_text=_("'year' for a yearly amount"))
    baseline_year = models.PositiveIntegerField(null=True, blank=True)
    baseline_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    factor = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    rank = models.PositiveIntegerField(null=True, blank=True)
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="targets")
    order = models.PositiveIntegerField(default=0)
    history = record_history(m2m_fields=[indicators])

    class Meta:
        ordering = ["goal", "order", "id"]

    def __str__(self):
        return self.metric


class Measure(models.Model):
    STATES = [("planned", _("planned")), ("in_progress", _("in progress")), ("done", _("done"))]
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="measures")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="measures")
    label = models.CharField(max_length=20, blank=True)
    group = models.CharField(max_length=300, blank=True)
    text = models.TextField()
    status = models.CharField(max_length=12, choices=STATES, default="planned")
    responsible_units = models.ManyToManyField(Organisation, blank=True, related_name="measures")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    order = models.PositiveIntegerField(default=0)
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        ordering = ["edition", "order"]

    def __str__(self):
        return f"{self.group} {self.label}. {self.text[:60]}".strip()


class Guideline(models.Model):
    """A guiding principle (Leitlinie) of an edition and the goals it serves."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="guidelines")
    text = models.TextField()
    order = models.PositiveIntegerField(default=0)
    goals = models.ManyToManyField(Goal, blank=True, related_name="guidelines")
    source_page = models.PositiveIntegerField(null=True, blank=True)
    source_line = models.PositiveIntegerField(null=True, blank=True)
    history = record_history(m2m_fields=[goals])

    class Meta:
        ordering = ["edition", "order"]

    def __str__(self):
        return self.text[:80]


class SearchEntry(models.Model):
    """Stemmed text of a goal, measure or indicator, for German-aware search.

    Kept up to date by signals; rebuilt by `leitstand reindex`.
    """

    KINDS = [("goal", "goal"), ("measure", "measure"), ("indicator", "indicator")]
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, null=True, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=KINDS)
    object_id = models.PositiveBigIntegerField()
    stems = models.TextField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"],
                                               name="one_entry_per_object")]


class GoalLink(models.Model):
    """How a goal of an edition continues one of the previous edition.

    Suggested by text and target similarity (register.lineage), confirmed by an editor.
    A "new" link has no previous goal; a "dropped" link has no goal in the new edition.
    """

    KINDS = [("kept", _("kept")), ("sharpened", _("sharpened")), ("split", _("split")),
             ("merged", _("merged")), ("new", _("new")), ("dropped", _("dropped"))]
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="origins")
    previous = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="successors")
    kind = models.CharField(max_length=10, choices=KINDS)
    similarity = models.FloatField(default=0)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)
    history = record_history()

    class Meta:
        ordering = ["edition", "kind", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(goal__isnull=False)
                                   | models.Q(previous__isnull=False),
                                   name="link_has_a_goal"),
            models.UniqueConstraint(fields=["edition", "goal", "previous"],
                                    name="one_link_per_pair"),
        ]

    def __str__(self):
        return f"{self.previous.code if self.previous else '–'} → " \
               f"{self.goal.code if self.goal else '–'} ({self.kind})"
