"""API tokens in the admin: everyone on the staff makes and revokes their own, a superuser
anyone's. The token is shown once, right after it is made; revoked tokens stay listed
(when they were made, last used and revoked is part of the record)."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from leitstand.api import tokens
from leitstand.api.models import ApiToken


class ApiTokenForm(forms.ModelForm):
    revoke = forms.BooleanField(label=gettext_lazy("Revoke this token"), required=False)

    class Meta:
        model = ApiToken
        fields = ["name"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    readonly_fields = ["user", "prefix", "created_at", "last_used_at", "revoked_at"]
    actions = ["revoke_selected"]

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("user")
        return queryset if request.user.is_superuser else queryset.filter(user=request.user)

    def get_fields(self, request, obj=None):
        return ["name"] if obj is None else ["name", "revoke", *self.readonly_fields]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request) and (
            obj is None or request.user.is_superuser or obj.user_id == request.user.pk)

    def has_delete_permission(self, request, obj=None):
        return False  # revoke instead: the record stays

    def save_model(self, request, obj, form, change):
        if not change:
            obj.user = request.user
            secret = tokens.new_key(obj)
            obj.save()
            self.message_user(request, _("Your new token – copy it now, it is not shown "
                                         "again: %(token)s") % {"token": secret},
                              messages.WARNING)
            return
        if form.cleaned_data.get("revoke") and obj.revoked_at is None:
            obj.revoked_at = timezone.now()
        obj.save()

    @admin.action(description=gettext_lazy("Revoke the selected tokens"),
                  permissions=["change"])
    def revoke_selected(self, request, queryset):
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        self.message_user(request, _("%(n)d revoked.") % {"n": count})
