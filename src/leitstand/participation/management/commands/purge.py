"""`leitstand purge`: deletes expired sign-in links, old rate-limit counts and unconfirmed
subscriptions, as the privacy page says. Run it daily."""

from django.core.management.base import BaseCommand

from leitstand.participation.retention import purge


class Command(BaseCommand):
    help = "Delete expired sign-in links, rate-limit counts and unconfirmed subscriptions."

    def handle(self, *args, **options):
        for what, count in purge().items():
            self.stdout.write(f"{what}: {count} deleted")
