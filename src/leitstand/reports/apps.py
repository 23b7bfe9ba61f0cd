from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "leitstand.reports"
    label = "reports"
