"""`leitstand export --format csv|datapackage|json|xlsx DIR`: the published register."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.api.exports import FORMATS, export


class Command(BaseCommand):
    help = ("Write the published register (editions, sections, goals with status, targets, "
            "measures, units, indicators, observations, assessments) as CSV files, a "
            "Frictionless data package with DCAT-AP.de metadata, one JSON document or XLSX.")

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--format", choices=FORMATS, default="csv")
        parser.add_argument("--as-of", help="YYYY-MM-DD: statuses as known on that day")
        parser.add_argument("--base-url", default="", help="where the files will be "
                            "published, for the DCAT metadata (default: the folder)")

    def handle(self, *args, folder, format, as_of=None, base_url="", **options):
        import datetime as dt

        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"--as-of {as_of}: not a date (YYYY-MM-DD)") from None
        try:
            counts = export(Path(folder), format, as_of=day, base_url=base_url)
        except OSError as exc:
            raise CommandError(f"{folder}: cannot write ({exc.strerror})") from None
        for name, n in counts.items():
            self.stdout.write(f"{Path(folder) / name}: {n} rows")
