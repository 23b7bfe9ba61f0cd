"""`leitstand export --format csv DIR`: the published register and its statuses as CSV files."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.api.exports import export_csv


class Command(BaseCommand):
    help = "Write goals, targets, indicators, observations and assessments as CSV files."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--format", choices=["csv"], default="csv")

    def handle(self, *args, folder, **options):
        try:
            counts = export_csv(Path(folder))
        except OSError as exc:
            raise CommandError(f"{folder}: cannot write ({exc.strerror})") from None
        for name, n in counts.items():
            self.stdout.write(f"{Path(folder) / name}: {n} rows")
