from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "leitstand.operations"
    label = "operations"
    verbose_name = "Operations"
