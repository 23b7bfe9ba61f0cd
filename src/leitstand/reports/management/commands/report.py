"""`leitstand report --edition STRATEGY/EDITION --format html|pdf|md`.

Options: `[--as-of DATE] [--out FILE]`."""

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from leitstand.register.models import Edition
from leitstand.reports.render import FORMATS, render_report


class Command(BaseCommand):
    help = "The review report of an edition: counts, goal-by-goal status with evidence, method."

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="strategy/edition, e.g. nrw/2019")
        parser.add_argument("--format", choices=FORMATS, default="html")
        parser.add_argument("--as-of", help="YYYY-MM-DD: the state as known on that day")
        parser.add_argument("--out", help="file to write (default: standard output)")

    def handle(self, *args, edition, format, as_of=None, out=None, **options):
        strategy, _, label = edition.partition("/")
        found = Edition.objects.select_related("strategy").filter(
            strategy__slug=strategy, slug=label).first() or Edition.objects.select_related(
            "strategy").filter(strategy__slug=strategy, label=label).first()
        if found is None:
            raise CommandError(f"no edition '{edition}' (use strategy/edition, e.g. nrw/2019)")
        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"--as-of {as_of}: not a date (YYYY-MM-DD)") from None
        data = render_report(found, format, day)
        if out:
            with open(out, "wb") as handle:
                handle.write(data)
            self.stdout.write(f"{out}: {len(data)} bytes")
        elif format == "pdf":
            raise CommandError("a PDF needs --out FILE")
        else:
            sys.stdout.write(data.decode("utf-8"))
