"""`leitstand backup FILE`: everything, history included, into one file (.json[.gz|.xz])."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from leitstand.operations.backup import backup


class Command(BaseCommand):
    help = "Write everything (register, monitoring, history, participation, users) to FILE."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default="default")

    def handle(self, *args, file, database, **options):
        path = Path(file)
        if not path.name.endswith((".json", ".json.gz", ".json.xz", ".json.bz2")):
            raise CommandError("The file name must end in .json, .json.gz, .json.xz or .json.bz2")
        try:
            backup(path, database)
        except OSError as exc:
            raise CommandError(f"{file}: cannot write ({exc.strerror})") from None
        self.stdout.write(f"{file}: {path.stat().st_size} bytes")
