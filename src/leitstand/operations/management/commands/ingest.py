"""`leitstand ingest` as listed by `leitstand --help`.

The `leitstand` command runs ingest before Django starts (leitstand.cli); this entry
only makes it visible among the commands and serves `django-admin ingest` as well.
"""

import sys

from django.core.management.base import BaseCommand

from leitstand.ingest.cli import main


class Command(BaseCommand):
    help = "Read strategy PDFs or texts into the document model (JSON, Markdown or a summary)."

    def run_from_argv(self, argv):
        sys.exit(main(argv[2:]))
