"""`leitstand build-site DIR [--edition STRATEGY/EDITION ...] [--site-url URL]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.operations.static_site import build
from leitstand.register.models import Edition


class Command(BaseCommand):
    help = ("Render the public dashboard of published editions to static HTML with relative "
            "links and the open-data downloads beside it, for hosting without Python.")

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--edition", action="append", default=[],
                            help="STRATEGY/EDITION (repeatable; default: every published one)")
        parser.add_argument("--site-url", default="", help="the live site, for links to what "
                            "a static copy cannot do (participation, editors); else plain text")

    def handle(self, *args, folder, edition, site_url, **options):
        editions = []
        for item in edition:
            strategy, _, slug = item.partition("/")
            found = Edition.objects.filter(strategy__slug=strategy, slug=slug,
                                           status=Edition.PUBLISHED).select_related("strategy")
            if not found:
                raise CommandError(f"No published edition {item}.")
            editions += list(found)
        result = build(Path(folder), editions or None, site_url)
        self.stdout.write(f"{folder}: {result.pages} pages, {len(result.files)} files")
