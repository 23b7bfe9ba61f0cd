from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "leitstand.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"
