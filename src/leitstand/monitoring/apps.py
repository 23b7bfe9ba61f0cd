from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    name = "leitstand.monitoring"
    label = "monitoring"
    verbose_name = _("Monitoring")

    def ready(self):
        from leitstand.monitoring import known, snapshots  # noqa: F401  (signals)
