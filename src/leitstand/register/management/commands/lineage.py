"""`leitstand lineage STRATEGY/EDITION`: suggest how its goals continue the previous edition's."""

from django.core.management.base import BaseCommand, CommandError

from leitstand.register.models import Edition
from leitstand.register.services import suggest_lineage


class Command(BaseCommand):
    help = "Suggest links between the goals of an edition and its previous edition."

    def add_arguments(self, parser):
        parser.add_argument("edition", help="strategy/edition, e.g. nrw/2-0")

    def handle(self, *args, edition, **options):
        strategy, _, slug = edition.partition("/")
        found = Edition.objects.filter(strategy__slug=strategy, slug=slug).first()
        if found is None:
            raise CommandError(f"no edition '{edition}'")
        if found.previous_id is None:
            raise CommandError(f"'{edition}' has no previous edition to compare with")
        made = suggest_lineage(found)
        self.stdout.write(f"{made} suggested links for {edition}; editors confirm them in "
                          "/admin/register/goallink/.")
