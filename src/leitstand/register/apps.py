from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "leitstand.register"
    label = "register"
    verbose_name = _("Register")

    def ready(self):
        from leitstand.register import signals  # noqa: F401
