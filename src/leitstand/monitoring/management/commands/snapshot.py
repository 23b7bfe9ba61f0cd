"""`leitstand snapshot [--day YYYY-MM-DD]`: store every goal's computed status for a day.

Run it nightly (cron or a systemd timer): overviews then read one row per goal instead of
every observation. Without snapshots every page still computes the same statuses live."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from leitstand.monitoring.snapshots import take


class Command(BaseCommand):
    help = "Store the computed status of every published goal for a day (default: today)."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="YYYY-MM-DD (default: today)")

    def handle(self, *args, day=None, **options):
        try:
            when = dt.date.fromisoformat(day) if day else timezone.localdate()
        except ValueError:
            raise CommandError(f"--day {day}: not a date (YYYY-MM-DD)") from None
        self.stdout.write(f"{take(when)} snapshots for {when}.")
