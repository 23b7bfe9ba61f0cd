"""`leitstand reindex`: rebuild the search entries of all goals, measures and indicators."""

from django.core.management.base import BaseCommand

from leitstand.register import models as m
from leitstand.register.signals import reindex


class Command(BaseCommand):
    help = "Rebuild the German-aware search index."

    def handle(self, *args, **options):
        count = 0
        for model in (m.Goal, m.Measure, m.Indicator):
            for obj in model.objects.select_related(*(
                    ["edition"] if model is not m.Indicator else [])):
                reindex(obj)
                count += 1
        self.stdout.write(f"Indexed {count} records.")
