from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "leitstand.dashboard"
    label = "dashboard"
