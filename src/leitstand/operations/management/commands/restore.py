"""`leitstand restore FILE`: a backup into a new, empty database (never over existing data)."""

from django.core.management.base import BaseCommand, CommandError

from leitstand.operations.backup import RestoreError, restore


class Command(BaseCommand):
    help = "Restore a backup made by `leitstand backup` into an empty database."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        try:
            restore(file, database)
        except RestoreError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"{file}: restored")
