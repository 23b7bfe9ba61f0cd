from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "leitstand.core"
    label = "core"
