"""`leitstand onboarding-worker [--once]`: reads uploaded strategy documents in the background.

`leitstand serve` and `leitstand demo` start one beside the web server; run it on its own
(e.g. as a systemd service) when the web server runs elsewhere.
"""

from django.core.management.base import BaseCommand

from leitstand.onboarding import jobs


class Command(BaseCommand):
    help = "Read uploaded strategy documents (the editors' review) outside the web requests."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true",
                            help="Read the waiting documents, then stop.")
        parser.add_argument("--parent", type=int, default=None,
                            help="Stop when the process with this id (the server) is gone.")

    def handle(self, *args, once, parent, **options):
        done = jobs.work(once=once, parent=parent)
        if once:
            self.stdout.write(f"{done} document(s) read.")
