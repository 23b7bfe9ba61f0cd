from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OnboardingConfig(AppConfig):
    name = "leitstand.onboarding"
    verbose_name = _("Bringing in a strategy document")
    default_auto_field = "django.db.models.BigAutoField"
