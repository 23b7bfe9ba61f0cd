"""`leitstand serve`: the production server (gunicorn) with settings from the environment."""

from __future__ import annotations

import os

from django.core.management.base import BaseCommand, CommandError

from leitstand import config


class Command(BaseCommand):
    help = "Run the production server (gunicorn, plain HTTP behind a TLS reverse proxy)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=max(2, (os.cpu_count() or 1)))
        parser.add_argument("--check-only", action="store_true",
                            help="Validate the settings and stop.")
        parser.add_argument("--no-reader", action="store_true", help=(
            "Do not start the background reader of uploaded documents (run "
            "`leitstand onboarding-worker` elsewhere)."))

    def handle(self, *args, host, port, workers, check_only, no_reader, **options):
        from leitstand.api.catalogue import settings_problems

        problems = config.production_problems() + settings_problems()
        if problems:
            raise CommandError("Cannot start in production: " + " ".join(problems))
        pending = _pending_migrations()
        if pending:
            raise CommandError(f"The database lacks {pending} migration(s): run "
                               "`leitstand migrate` first.")
        if check_only:
            self.stdout.write("Settings are fine.")
            return
        from gunicorn.app.base import BaseApplication

        if not no_reader:
            from leitstand.onboarding import worker_process

            worker_process.start()  # reads uploaded documents outside the web requests

        from leitstand.wsgi import application

        class Server(BaseApplication):
            def load_config(self):
                self.cfg.set("bind", f"{host}:{port}")
                self.cfg.set("workers", workers)
                self.cfg.set("accesslog", "-")
                self.cfg.set("forwarded_allow_ips", "127.0.0.1,::1")
                self.cfg.set("preload_app", True)

            def load(self):
                import gc

                from django.db import connections

                # The checks above opened a database connection; a connection inherited
                # through fork is one socket shared by every worker, whose answers then
                # interleave ("lost synchronization with server"). Each worker opens its own.
                connections.close_all()
                # Loaded once before the workers fork: keep the collector off these objects.
                gc.collect()
                gc.freeze()
                return application

        Server().run()


def _pending_migrations() -> int:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
