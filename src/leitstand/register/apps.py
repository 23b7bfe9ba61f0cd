from django.apps import AppConfig


class RegisterConfig(AppConfig):
    name = "leitstand.register"
    label = "register"
    verbose_name = "Register"

    def ready(self):
        from leitstand.register import signals  # noqa: F401
