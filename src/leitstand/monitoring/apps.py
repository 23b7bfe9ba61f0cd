from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "leitstand.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"

    def ready(self):
        from leitstand.monitoring import snapshots  # noqa: F401  (signals)
