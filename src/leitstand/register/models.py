"""The register of a strategy: what was promised, by whom, where it stands in the text."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from leitstand.core import text as typed
from leitstand.register import horizons
from leitstand.register.history import record_history


class Organisation(models.Model):
    """A responsible unit: ministry, agency, bank, city office."""

    KINDS = [("ministry", _("ministry")), ("agency", _("agency")), ("bank", _("bank")),
             ("office", _("office")), ("other", _("other"))]
    slug = models.SlugField(unique=True, verbose_name=_("slug"))
    name = models.CharField(max_length=300, verbose_name=_("name"),
                            validators=[typed.validate_line])
    short_name = models.CharField(max_length=60, blank=True, verbose_name=_("short name"),
                                  validators=[typed.validate_line])
    kind = models.CharField(max_length=20, choices=KINDS, default="ministry",
                            verbose_name=_("kind"))
    url = models.URLField(blank=True, verbose_name=_("url"))
    note = models.TextField(blank=True, verbose_name=_("note"),
                            validators=typed.text_validators)
    history = record_history()

    class Meta:
        verbose_name = _("responsible unit")
        verbose_name_plural = _("responsible units")
        ordering = ["short_name", "name"]

    def __str__(self):
        return self.short_name or self.name


class Membership(models.Model):
    """An editor's place in a unit; heads may approve the unit's assessments."""

    ROLES = [("editor", _("editor")), ("head", _("head of unit"))]
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="memberships", verbose_name=_("user"))
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="memberships", verbose_name=_("organisation"))
    role = models.CharField(max_length=10, choices=ROLES, default="editor", verbose_name=_("role"))
    history = record_history()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"],
                                               name="one_membership_per_unit")]

    def __str__(self):
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Strategy(models.Model):
    slug = models.SlugField(unique=True, verbose_name=_("slug"))
    name = models.CharField(max_length=300, verbose_name=_("name"),
                            validators=[typed.validate_line])
    jurisdiction = models.CharField(max_length=200, verbose_name=_("jurisdiction"),
                                    validators=[typed.validate_line])
    spatial_uri = models.URLField(
        blank=True, verbose_name=_("jurisdiction's address (IRI)"),
        help_text=_("The jurisdiction in a controlled vocabulary, for open-data portals, e.g. "
                    "http://dcat-ap.de/def/politicalGeocoding/stateKey/05 for North "
                    "Rhine-Westphalia."))
    owner = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="owned_strategies", verbose_name=_("owner"))
    description = models.TextField(blank=True, verbose_name=_("description"),
                                   validators=typed.text_validators)
    language = models.CharField(max_length=10, default="de", verbose_name=_("language"),
                                validators=[typed.validate_line])
    admins = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                    related_name="administered_strategies",
                                    verbose_name=_("admins"))
    loaded_sha256 = models.CharField(max_length=64, blank=True, editable=False,
                                     verbose_name=_("loaded sha256"))
    history = record_history(excluded_fields=["loaded_sha256"])

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["name"]

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
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="editions",
                                 verbose_name=_("strategy"))
    label = models.CharField(max_length=40, verbose_name=_("label"),
                             validators=[typed.validate_line])
    slug = models.SlugField(verbose_name=_("slug"))
    year = models.PositiveIntegerField(verbose_name=_("year"))
    adopted_on = models.DateField(null=True, blank=True, verbose_name=_("adopted on"))
    source_title = models.CharField(max_length=300, blank=True, verbose_name=_("source title"),
                                    validators=[typed.validate_line])
    source_url = models.URLField(blank=True, max_length=500, verbose_name=_("source url"))
    source_sha256 = models.CharField(max_length=64, blank=True, verbose_name=_("source sha256"),
                                     validators=[typed.validate_line])
    status = models.CharField(max_length=10, choices=STATES, default=DRAFT,
                              verbose_name=_("status"))
    previous = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="next_editions", verbose_name=_("previous"))
    declared_goal_count = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("How many goals the document itself has."),
                                                      verbose_name=_("declared goal count"))
    coverage_note = models.TextField(blank=True, help_text=_(
        "Which part of the document this register holds, and where the rest can be read."),
                                     verbose_name=_("coverage note"),
                                     validators=typed.text_validators)
    history = record_history()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
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
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sections",
                                verbose_name=_("edition"))
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE,
                               related_name="children", verbose_name=_("parent"))
    slug = models.SlugField(verbose_name=_("slug"))
    number = models.CharField(max_length=20, blank=True, verbose_name=_("number"),
                              validators=[typed.validate_line])
    title = models.CharField(max_length=300, verbose_name=_("title"),
                             validators=[typed.validate_line])
    kind = models.CharField(max_length=20, choices=KINDS, default="chapter", verbose_name=_("kind"))
    is_field_of_action = models.BooleanField(default=False, verbose_name=_("is field of action"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    source_page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source page"))
    source_line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source line"))
    history = record_history()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
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

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="paragraphs",
                                verbose_name=_("section"))
    text = models.TextField(verbose_name=_("text"),
                            validators=typed.text_validators)
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    source_page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source page"))
    source_line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source line"))
    history = record_history()

    class Meta:
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        ordering = ["section", "order"]

    def __str__(self):
        return self.text[:80]


def _section_of_the_edition(obj) -> None:
    """A goal's or measure's section is one of its edition's (or none)."""
    if obj.section_id and obj.edition_id and obj.section.edition_id != obj.edition_id:
        from django.core.exceptions import ValidationError

        raise ValidationError({"section": _("The section must belong to the same edition.")})


class Goal(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="goals",
                                verbose_name=_("edition"))
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="goals", verbose_name=_("section"))
    code = models.SlugField(max_length=40, verbose_name=_("code"))
    title = models.CharField(max_length=300, verbose_name=_("title"),
                             validators=[typed.validate_line])
    text = models.TextField(blank=True, verbose_name=_("text"),
                            validators=typed.text_validators)
    horizon = models.CharField(max_length=10, choices=horizons.CHOICES, blank=True,
                               verbose_name=_("horizon"))
    horizon_inferred = models.BooleanField(default=False, help_text=_(
        "The horizon was derived from a deadline, not stated by the document."),
                                           verbose_name=_("horizon inferred"))
    deadline = models.DateField(null=True, blank=True, verbose_name=_("deadline"))
    responsible_units = models.ManyToManyField(Organisation, blank=True, related_name="goals",
                                               verbose_name=_("responsible units"))
    source_page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source page"))
    source_line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source line"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["edition", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["edition", "code"],
                                               name="goal_code_per_edition")]

    def __str__(self):
        return f"{self.code} {self.title}"

    def clean(self):
        _section_of_the_edition(self)

    @property
    def due_date(self):
        return horizons.due_date(self.edition.adopted_on, self.horizon, self.deadline)

    def get_absolute_url(self):
        return reverse("dashboard:goal", args=[self.edition.strategy.slug, self.edition.slug,
                                               self.code])


class Indicator(models.Model):
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="indicators",
                                 verbose_name=_("strategy"))
    slug = models.SlugField(verbose_name=_("slug"))
    name = models.CharField(max_length=300, verbose_name=_("name"),
                            validators=[typed.validate_line])
    unit = models.CharField(max_length=40, verbose_name=_("unit"),
                            validators=[typed.validate_line])
    definition = models.TextField(help_text=_("What exactly counts, e.g. when a household is "
                                              "'versorgt'."), verbose_name=_("definition"),
                                  validators=typed.text_validators)
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"),
                                 validators=[typed.validate_line])
    source_url = models.URLField(blank=True, max_length=500, verbose_name=_("source url"))
    update_frequency = models.CharField(max_length=60, blank=True,
                                        verbose_name=_("update frequency"),
                                        validators=[typed.validate_line])
    responsible_units = models.ManyToManyField(Organisation, blank=True,
                                               related_name="indicators",
                                               verbose_name=_("responsible units"))
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
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
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="targets",
                             verbose_name=_("goal"))
    metric = models.CharField(max_length=300, verbose_name=_("metric"),
                              validators=[typed.validate_line])
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True,
                                verbose_name=_("value"))
    unit = models.CharField(max_length=40, blank=True, verbose_name=_("unit"),
                            validators=[typed.validate_line])
    comparator = models.CharField(max_length=10, choices=COMPARATORS, blank=True,
                                  verbose_name=_("comparator"))
    deadline = models.DateField(null=True, blank=True, verbose_name=_("deadline"))
    per = models.CharField(max_length=10, blank=True, help_text=_("'year' for a yearly amount"),
                           verbose_name=_("per"),
                           validators=[typed.validate_line])
    baseline_year = models.PositiveIntegerField(null=True, blank=True,
                                                verbose_name=_("baseline year"))
    baseline_value = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True,
                                         verbose_name=_("baseline value"))
    factor = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True,
                                 verbose_name=_("factor"))
    rank = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("rank"))
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="targets",
                                        verbose_name=_("indicators"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    history = record_history(m2m_fields=[indicators])

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["goal", "order", "id"]

    def __str__(self):
        return self.metric


class Measure(models.Model):
    STATES = [("planned", _("planned")), ("in_progress", _("in progress")), ("done", _("done"))]
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="measures",
                                verbose_name=_("edition"))
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="measures", verbose_name=_("section"))
    label = models.CharField(max_length=20, blank=True, verbose_name=_("label"),
                             validators=[typed.validate_line])
    group = models.CharField(max_length=300, blank=True, verbose_name=_("group"),
                             validators=[typed.validate_line])
    text = models.TextField(verbose_name=_("text"),
                            validators=typed.text_validators)
    status = models.CharField(max_length=12, choices=STATES, default="planned",
                              verbose_name=_("status"))
    responsible_units = models.ManyToManyField(Organisation, blank=True, related_name="measures",
                                               verbose_name=_("responsible units"))
    source_page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source page"))
    source_line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source line"))
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    history = record_history(m2m_fields=[responsible_units])

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["edition", "order"]

    def __str__(self):
        return f"{self.group} {self.label}. {self.text[:60]}".strip()

    def clean(self):
        _section_of_the_edition(self)


class Guideline(models.Model):
    """A guiding principle (Leitlinie) of an edition and the goals it serves."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="guidelines",
                                verbose_name=_("edition"))
    text = models.TextField(verbose_name=_("text"),
                            validators=typed.text_validators)
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    goals = models.ManyToManyField(Goal, blank=True, related_name="guidelines",
                                   verbose_name=_("goals"))
    source_page = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source page"))
    source_line = models.PositiveIntegerField(null=True, blank=True, verbose_name=_("source line"))
    history = record_history(m2m_fields=[goals])

    class Meta:
        verbose_name = _("guideline")
        verbose_name_plural = _("guidelines")
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
    stems = models.TextField(validators=typed.text_validators)

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
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="goal_links",
                                verbose_name=_("edition"))
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="origins", verbose_name=_("goal"))
    previous = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="successors", verbose_name=_("previous"))
    kind = models.CharField(max_length=10, choices=KINDS, verbose_name=_("kind"))
    similarity = models.FloatField(default=0, verbose_name=_("similarity"))
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+",
                                     verbose_name=_("confirmed by"))
    confirmed_at = models.DateTimeField(null=True, blank=True, verbose_name=_("confirmed at"))
    history = record_history()

    class Meta:
        verbose_name = _("goal lineage")
        verbose_name_plural = _("goal lineages")
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
