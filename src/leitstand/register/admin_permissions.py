"""Makes the Django admin ask permissions.py: editors see and change only what their units own."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from leitstand.register.actors import actor_for, scope_of, within_reach
from leitstand.register.admin_conflicts import ConflictCheckMixin
from leitstand.register.permissions import allowed


class RuleAdminMixin(ConflictCheckMixin):
    """`change_action` names the rule for add, change and delete of this model.

    `scope_filter(actor)` returns the Q that limits the list to objects the
    actor may see; the rule itself is still asked for every object.
    """

    change_action: str = ""
    add_action: str | None = None
    delete_action: str | None = None
    unit_path: str = ""  # lookup to the responsible units, e.g. "goal__responsible_units"
    strategy_path: str = ""  # lookup to the strategy id, e.g. "edition__strategy"

    def _actor(self, request):
        return actor_for(request.user)

    def has_module_permission(self, request):
        return self._actor(request).is_staff_role

    def has_view_permission(self, request, obj=None):
        actor = self._actor(request)
        if obj is None:
            return actor.is_staff_role
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_change_permission(self, request, obj=None):
        actor = self._actor(request)
        if obj is None:
            return actor.is_staff_role
        return allowed(actor, self.change_action, scope_of(obj))

    def has_add_permission(self, request, obj=None):
        actor = self._actor(request)
        action = self.add_action or self.change_action
        if actor.superuser:
            return True
        if action in ("change_organisation", "change_membership"):
            return False
        # The object does not exist yet: the form limits its choices, save_model checks again.
        return actor.is_staff_role and (bool(actor.admin_strategy_ids) or action not in (
            "add_goal", "change_strategy", "change_edition", "change_section",
            "change_guideline", "moderate_consultation"))

    def has_delete_permission(self, request, obj=None):
        actor = self._actor(request)
        if obj is None:
            return actor.is_staff_role
        return allowed(actor, self.delete_action or self.change_action, scope_of(obj))

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if not self.strategy_path:  # users and memberships: superusers only
            return qs if self._actor(request).superuser else qs.none()
        return within_reach(qs, self._actor(request), self.strategy_path, self.unit_path)

    service = None  # the write service of the model, where it has one: (user, obj) -> obj

    def save_model(self, request, obj, form, change):
        if self.service is not None:  # it checks the permission itself
            units = form.cleaned_data.get("responsible_units")
            self.service(request.user, obj, **({"units": units} if units is not None else {}))
            return
        if change and not allowed(self._actor(request), self.change_action, scope_of(obj)):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Units are many-to-many and set after the object, so the saved state is checked
        # here; the admin's transaction undoes the save when the check fails.
        action = self.change_action if change else (self.add_action or self.change_action)
        if not allowed(self._actor(request), action, scope_of(form.instance)):
            raise PermissionDenied
