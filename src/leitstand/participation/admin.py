"""Strategy admins set up a consultation for a draft edition and its phases in the admin,
and see its results there; everything that participants write is moderated on the team's
own pages (/redaktion/beteiligung/), which the change page and the admin's start page link.
"""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from leitstand.participation import results
from leitstand.participation.models import ACTIONS, Consultation, Phase
from leitstand.register.actors import actor_for, scope_of
from leitstand.register.admin_permissions import RuleAdminMixin
from leitstand.register.models import Edition
from leitstand.register.permissions import allowed

ACTION_LABELS = {"read": _("reading the draft"), "comment": _("comments"),
                 "propose": _("proposals"), "support": _("supporting proposals")}


class PhaseForm(forms.ModelForm):
    """The actions as checkboxes: a comment phase opens reading and comments, a results
    phase only reading."""

    actions = forms.MultipleChoiceField(
        label=_("open for"), choices=[(a, ACTION_LABELS[a]) for a in ACTIONS],
        widget=forms.CheckboxSelectMultiple, initial=["read"])

    class Meta:
        model = Phase
        fields = ["name", "starts_at", "ends_at", "actions"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["actions"] = self.instance.action_list
        # A table row's fields have their column head, not a label: name them for screen
        # readers (the date and the time of a moment separately).
        self.fields["name"].widget.attrs["aria-label"] = _("name of the phase")
        for field, label in (("starts_at", _("starts at")), ("ends_at", _("ends at"))):
            widgets = getattr(self.fields[field].widget, "widgets", [])
            for widget, part in zip(widgets, (_("date"), _("time")), strict=False):
                widget.attrs["aria-label"] = f"{label} ({part})"

    def clean_actions(self):
        return ",".join(a for a in ACTIONS if a in self.cleaned_data["actions"])

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error("ends_at", _("A phase ends after it starts."))
        return data


class PhaseInline(admin.TabularInline):
    """Phases belong to their consultation: whoever may change it sets its phases."""

    model = Phase
    form = PhaseForm
    extra = 1

    def _may(self, request, obj):
        actor = actor_for(request.user)
        if obj is None:
            return actor.superuser or bool(actor.admin_strategy_ids)
        return allowed(actor, "moderate_consultation", scope_of(obj))

    def has_view_permission(self, request, obj=None):
        return self._may(request, obj)

    def has_add_permission(self, request, obj=None):
        return self._may(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._may(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request, obj)


@admin.register(Consultation)
class ConsultationAdmin(RuleAdminMixin, admin.ModelAdmin):
    change_action = "moderate_consultation"
    strategy_path = "edition__strategy"
    list_display = ["title", "edition", "phase_dates", "allow_anonymous", "on_account_deletion"]
    inlines = [PhaseInline]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["results"]
    fields = ["edition", "title", "slug", "description", "allow_anonymous",
              "on_account_deletion", "results"]

    def has_delete_permission(self, request, obj=None):
        # What participants wrote stays with its consultation; nobody deletes it wholesale.
        return False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        """A consultation is on a draft edition of a strategy the person administers."""
        if db_field.name == "edition":
            actor = actor_for(request.user)
            editions = Edition.objects.select_related("strategy")
            if not actor.superuser:
                editions = editions.filter(strategy__in=actor.admin_strategy_ids)
            current = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = editions.filter(
                Q(status=Edition.DRAFT) | Q(consultations__pk=current or 0)).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("phases"))
    def phase_dates(self, obj):
        def day(moment):
            return date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")

        return format_html_join(", ", "{} ({}–{})", (
            (p.name, day(p.starts_at), day(p.ends_at)) for p in obj.phases.all()))

    @admin.display(description=_("results"))
    def results(self, obj):
        if obj is None or obj.pk is None:
            return _("Shown once the consultation is saved.")
        data = results.collect(obj)
        visible = [c for c in data["comments"] if c["state"] == "visible"]
        proposals = [p for p in data["proposals"] if p["state"] == "visible"]
        top = format_html_join("", "<li>{} – {} {}</li>", (
            (p["title"], p["supports"], _("supports")) for p in proposals[:5]))
        return format_html(
            "<p>{} {} · {} {} · {} {}</p>{}<p><a href=\"{}\">{}</a> · <a href=\"{}\">{}</a> · "
            "<a href=\"{}\">{}</a></p>",
            len(visible), _("comments"), len(proposals), _("proposals"),
            sum(p["supports"] for p in data["proposals"]), _("supports"),
            format_html("<p>{}</p><ol>{}</ol>", _("Most supported proposals:"), top)
            if proposals else "",
            reverse("moderation:queue", args=[obj.slug]), _("Moderation queue"),
            reverse("moderation:results_csv", args=[obj.slug]), _("Results as CSV"),
            reverse("moderation:results_json", args=[obj.slug]), _("Results as JSON"))

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("phases")
