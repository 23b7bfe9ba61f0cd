"""`leitstand export --format csv DIR`: the published register and its statuses as CSV files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.api.exports import export_csv


class Command(BaseCommand):
    help = "Write goals, targets, indicators, observations and assessments as CSV files."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--format", choices=["csv"], default="csv")
        parser.add_argument("--as-of", help="YYYY-MM-DD: statuses as known on that day")

    def handle(self, *args, folder, as_of=None, **options):
        import datetime as dt

        try:
            day = dt.date.fromisoformat(as_of) if as_of else None
        except ValueError:
            raise CommandError(f"--as-of {as_of}: not a date (YYYY-MM-DD)") from None
        try:
            counts = export_csv(Path(folder), as_of=day)
        except OSError as exc:
            raise CommandError(f"{folder}: cannot write ({exc.strerror})") from None
        for name, n in counts.items():
            self.stdout.write(f"{Path(folder) / name}: {n} rows")
