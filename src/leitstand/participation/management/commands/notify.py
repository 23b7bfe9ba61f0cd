"""`leitstand notify`: mails subscribers what is new on their goal or consultation.
Run it hourly; mails that cannot be sent wait for `leitstand send-mail`."""

from django.core.management.base import BaseCommand

from leitstand import config
from leitstand.participation.notifications import send_news


class Command(BaseCommand):
    help = "Mail confirmed subscribers the news of their goal or consultation."

    def handle(self, *args, **options):
        count = send_news(config.get("LEITSTAND_SITE_URL"))
        self.stdout.write(f"{count} mails queued")
