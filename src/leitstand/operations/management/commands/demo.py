"""`leitstand demo`: migrate, load the demo strategies and serve the dashboard locally."""

import os

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from leitstand.operations.demo import demo_files, ensure_demo_login
from leitstand.operations.loader import load_file
from leitstand.register.strategy_file import StrategyFileError


class Command(BaseCommand):
    help = "Create or reuse the local database, load the demo strategies and serve the dashboard."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true",
                            help="Prepare the database and stop.")

    def handle(self, *args, host, port, no_serve, **options):
        call_command("migrate", interactive=False, verbosity=0)
        for path in demo_files():
            try:
                result = load_file(path)
            except StrategyFileError as exc:
                raise CommandError(str(exc)) from None
            state = "already loaded" if result.skipped else "loaded"
            self.stdout.write(f"Demo data {path.name}: {state}.")
        from leitstand.register.models import Edition
        from leitstand.register.services import suggest_lineage

        for edition in Edition.objects.filter(previous__isnull=False, goal_links__isnull=True):
            suggest_lineage(edition)
        user, password = ensure_demo_login(settings.DATA_DIR)
        db = settings.DATABASES["default"]
        self.stdout.write(f"Database: {db['NAME']}")
        shown_host = f"[{host}]" if ":" in host else host
        # every mail and absolute link names the demo's own address (core.site)
        os.environ.setdefault("LEITSTAND_SITE_URL", f"http://{shown_host}:{port}")
        self.stdout.write(self.style.SUCCESS(f"Leitstand runs at http://{shown_host}:{port}/"))
        self.stdout.write(f"Editor login at http://{shown_host}:{port}/admin/ – "
                          f"user: {user}  password: {password}")
        self.stdout.write("  then a code from an authenticator app (TOTP): the first login "
                          "shows a QR code and key to set it up")
        mails = ("sign-in links are printed here, as no mail server is set"
                 if settings.EMAIL_BACKEND.endswith("console.EmailBackend")
                 else "sign-in links go out by mail")
        self.stdout.write(f"Online dialog at http://{shown_host}:{port}/beteiligung/ – {mails}")
        if no_serve:
            return
        from leitstand.onboarding import worker_process

        self.stdout.write(f"Upload a strategy document at http://{shown_host}:{port}"
                          "/redaktion/dokumente/ – a background reader runs beside the server")
        reader = worker_process.start()
        try:
            call_command("runserver", f"{shown_host}:{port}", use_reloader=False,
                         use_threading=True)
        finally:
            reader.stop()
