"""`leitstand import DOC.json --strategy SLUG [--edition LABEL]`: a draft edition from ingest."""

import json

from django.core.management.base import BaseCommand, CommandError

from leitstand.register.doc_import import ImportRefused, import_document


class Command(BaseCommand):
    help = "Import a document model (from `leitstand ingest`) as a draft edition for review."

    def add_arguments(self, parser):
        parser.add_argument("document")
        parser.add_argument("--strategy", required=True, help="slug of the strategy")
        parser.add_argument("--edition", help="edition label, e.g. 2.0 (default: the year)")

    def handle(self, *args, document, strategy, edition, **options):
        try:
            with open(document, encoding="utf-8") as handle:
                doc = json.load(handle)
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CommandError(f"{document}: cannot be read as JSON ({exc})") from None
        try:
            result = import_document(doc, strategy, edition)
        except ImportRefused as exc:
            raise CommandError(f"{document}: {exc}") from None
        if not result.created:
            self.stdout.write(f"{document}: already imported as edition "
                              f"'{result.edition.label}', nothing changed.")
            return
        made = ", ".join(f"{n} {k}" for k, n in result.counts.items())
        self.stdout.write(f"{document}: draft edition '{result.edition.label}' of '{strategy}' "
                          f"created ({made}). Review it at /admin/ and publish it.")
