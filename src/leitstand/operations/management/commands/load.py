"""`leitstand load FILE...`: load strategy data files (YAML or JSON) into the register."""

from django.core.management.base import BaseCommand, CommandError

from leitstand.operations.loader import load_file
from leitstand.register.strategy_file import StrategyFileError


class Command(BaseCommand):
    help = "Load strategy data files (YAML or JSON); validated first, written in one transaction."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")

    def handle(self, *args, files, **options):
        for path in files:
            try:
                result = load_file(path)
            except StrategyFileError as exc:
                raise CommandError(str(exc)) from None
            if result.skipped:
                self.stdout.write(f"{path}: already loaded, nothing changed.")
            else:
                made = ", ".join(f"{n} {k}" for k, n in result.created.items()) or "no new records"
                self.stdout.write(f"{path}: loaded strategy '{result.strategy}' ({made}).")
