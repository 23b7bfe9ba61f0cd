"""Editors' pages for observations and assessments.

Approved assessments are read-only here; a correction is a new assessment.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from simple_history.admin import SimpleHistoryAdmin

from leitstand.monitoring import services
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.actors import actor_for, scope_of, within_reach
from leitstand.register.admin_permissions import RuleAdminMixin
from leitstand.register.models import Goal
from leitstand.register.permissions import allowed


@admin.register(Observation)
class ObservationAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_observation"
    strategy_path = "indicator__strategy"
    unit_path = "indicator__responsible_units"
    list_display = ["indicator", "date", "value"]
    list_filter = ["indicator"]
    readonly_fields = ["recorded_at"]  # stamped by the service: when the value became known
    service = staticmethod(services.save_observation)


@admin.register(Assessment)
class AssessmentAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "record_assessment"
    strategy_path = "goal__edition__strategy"
    unit_path = "goal__responsible_units"
    list_display = ["goal", "status", "as_of", "assessor", "assessor_kind", "state"]
    list_filter = ["state", "status", "assessor_kind"]
    fields = ["goal", "status", "as_of", "assessor", "assessor_kind", "evidence",
              "evidence_links", "rule", "replaces", "correction_reason", "publish_on", "state",
              "approved_by", "approved_at"]
    readonly_fields = ["state", "approved_by", "approved_at"]
    actions = ["approve"]
    change_form_template = "monitoring/assessment_change_form.html"

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.state == Assessment.APPROVED:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.state == Assessment.APPROVED:
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("goal", "replaces"):
            actor = actor_for(request.user)
            if not actor.superuser:
                goals = within_reach(Goal.objects.all(), actor, "edition__strategy",
                                     "responsible_units")
                kwargs["queryset"] = (goals if db_field.name == "goal" else
                                      Assessment.objects.filter(goal__in=goals))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    service = staticmethod(services.save_assessment)  # a new one is a draft: the model's default

    def render_change_form(self, request, context, obj=None, **kwargs):
        context["can_approve"] = bool(
            obj and obj.state == Assessment.DRAFT
            and allowed(actor_for(request.user), "approve_assessment", scope_of(obj)))
        return super().render_change_form(request, context, obj=obj, **kwargs)

    @admin.action(description="Ausgewählte Entwürfe freigeben")
    def approve(self, request, queryset):
        done = 0
        for pk in queryset.values_list("pk", flat=True):
            try:
                services.approve_assessment(request.user, pk)
                done += 1
            except (PermissionDenied, ValidationError) as exc:
                messages.warning(request, f"#{pk}: {exc}")
        messages.success(request, f"{done} freigegeben.")
