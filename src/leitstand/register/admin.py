"""Editors' pages for the register, permission-checked by permissions.py; goals, targets and
measures are written by the register's services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from leitstand.register import models as m
from leitstand.register import services
from leitstand.register.admin_permissions import RuleAdminMixin

admin.site.site_header = "Leitstand – Redaktion"
admin.site.site_title = "Leitstand"


class TargetInline(admin.StackedInline):
    model = m.Target
    extra = 0
    filter_horizontal = ["indicators"]


@admin.register(m.Strategy)
class StrategyAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_strategy"
    strategy_path = "id"
    list_display = ["name", "jurisdiction"]
    filter_horizontal = ["admins"]


@admin.register(m.Edition)
class EditionAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_edition"
    strategy_path = "strategy"
    list_display = ["strategy", "label", "year", "status"]
    list_filter = ["status"]


@admin.register(m.Section)
class SectionAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_section"
    strategy_path = "edition__strategy"
    list_display = ["edition", "number", "title", "kind"]
    list_filter = ["edition"]


@admin.register(m.Guideline)
class GuidelineAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_guideline"
    strategy_path = "edition__strategy"
    filter_horizontal = ["goals"]


@admin.register(m.Goal)
class GoalAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_goal"
    add_action = "add_goal"
    delete_action = "delete_goal"
    strategy_path = "edition__strategy"
    unit_path = "responsible_units"
    list_display = ["code", "title", "edition", "horizon", "deadline"]
    list_filter = ["edition", "horizon", "responsible_units"]
    search_fields = ["code", "title", "text"]
    filter_horizontal = ["responsible_units"]
    inlines = [TargetInline]
    service = staticmethod(services.save_goal)

    def save_formset(self, request, form, formset, change):
        if formset.model is not m.Target:
            return super().save_formset(request, form, formset, change)
        targets = formset.save(commit=False)
        for target in formset.deleted_objects:
            target._history_user = request.user
            target.delete()
        for target in targets:
            services.save_target(request.user, target)
        formset.save_m2m()


@admin.register(m.Measure)
class MeasureAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_measure"
    strategy_path = "edition__strategy"
    unit_path = "responsible_units"
    list_display = ["__str__", "edition", "status"]
    list_filter = ["edition", "status"]
    filter_horizontal = ["responsible_units"]
    service = staticmethod(services.save_measure)


@admin.register(m.Indicator)
class IndicatorAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_indicator"
    strategy_path = "strategy"
    unit_path = "responsible_units"
    list_display = ["name", "strategy", "unit", "publisher"]
    filter_horizontal = ["responsible_units"]


@admin.register(m.Organisation)
class OrganisationAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_organisation"
    list_display = ["short_name", "name", "kind"]

    def get_queryset(self, request):
        # Unit names are public; every editor may see the list, only superusers change it.
        return admin.ModelAdmin.get_queryset(self, request)


@admin.register(m.Membership)
class MembershipAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    change_action = "change_membership"
    list_display = ["user", "organisation", "role"]


@admin.register(m.GoalLink)
class GoalLinkAdmin(RuleAdminMixin, SimpleHistoryAdmin):
    """Editors confirm or correct the suggested lineage; the action records who and when."""

    change_action = "confirm_lineage"
    strategy_path = "edition__strategy"
    unit_path = "goal__responsible_units"
    list_display = ["__str__", "edition", "kind", "similarity", "confirmed_at"]
    list_filter = ["edition", "kind"]
    readonly_fields = ["similarity", "confirmed_by", "confirmed_at"]
    actions = ["confirm"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        from leitstand.register.services import confirm_link

        confirm_link(request.user, obj.pk)  # saving a link in the form confirms it

    @admin.action(description="Ausgewählte Verknüpfungen bestätigen")
    def confirm(self, request, queryset):
        from django.contrib import messages
        from django.core.exceptions import PermissionDenied

        from leitstand.register.services import confirm_link

        done = 0
        for pk in queryset.values_list("pk", flat=True):
            try:
                confirm_link(request.user, pk)
                done += 1
            except PermissionDenied:
                messages.warning(request, f"#{pk}: keine Berechtigung")
        messages.success(request, f"{done} bestätigt.")
