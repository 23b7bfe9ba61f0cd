from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "leitstand.api"
    label = "api"
