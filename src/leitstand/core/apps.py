from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "leitstand.core"
    label = "core"

    def ready(self):
        from leitstand.core import page_cache

        page_cache.watch()
