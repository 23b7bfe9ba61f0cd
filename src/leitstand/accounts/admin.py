"""The user list gets two actions – invite, reset the second factor – and a column showing
who has one. Devices themselves are not edited in the admin: a key shown there could be
copied, so a reset removes the device and the person sets up a new one."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from leitstand.accounts import invitations, second_factor
from leitstand.core.site import site_url

admin.site.unregister(TOTPDevice)
User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = [*UserAdmin.list_display, "has_second_factor"]
    actions = ["send_invitation", "reset_second_factor"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(second_factor=Exists(
            TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)))

    @admin.display(boolean=True, description=_("second factor"),
                   ordering="second_factor")
    def has_second_factor(self, user):
        return user.second_factor

    def _invite(self, request, users) -> None:
        sent = 0
        for user in users:
            try:
                invitations.invite(user, site_url("/"))
                sent += 1
            except invitations.InvitationError as exc:
                self.message_user(request, str(exc), messages.WARNING)
        self.message_user(request, ngettext("%(n)d invitation queued.",
                                            "%(n)d invitations queued.", sent) % {"n": sent})

    @admin.action(description=_("Send an invitation (a link to choose a password)"),
                  permissions=["change"])
    def send_invitation(self, request, queryset):
        self._invite(request, queryset)

    @admin.action(description=_("Reset the second factor (lost phone): removes the device "
                                "and the password and sends a new invitation"),
                  permissions=["change"])
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            second_factor.reset(user)
        self._invite(request, queryset)
