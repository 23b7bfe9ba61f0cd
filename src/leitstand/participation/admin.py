"""Strategy admins set up a consultation and its phases in the admin; everything that
participants write is moderated on the team's own pages (/redaktion/beteiligung/)."""

from django.contrib import admin

from leitstand.participation.models import Consultation, Phase
from leitstand.register.admin_permissions import RuleAdminMixin


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 1


@admin.register(Consultation)
class ConsultationAdmin(RuleAdminMixin, admin.ModelAdmin):
    change_action = "moderate_consultation"
    strategy_path = "edition__strategy"
    list_display = ["title", "edition", "allow_anonymous", "on_account_deletion"]
    inlines = [PhaseInline]

    def has_delete_permission(self, request, obj=None):
        # What participants wrote stays with its consultation; nobody deletes it wholesale.
        return False
