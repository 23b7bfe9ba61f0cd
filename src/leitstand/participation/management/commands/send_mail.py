"""`leitstand send-mail`: sends the mails that could not be sent at once."""

from django.core.management.base import BaseCommand

from leitstand.core.mail_queue import send_queued


class Command(BaseCommand):
    help = "Send queued mails (sign-in links, confirmations, notifications) that are waiting."

    def handle(self, *args, **options):
        sent, waiting = send_queued()
        self.stdout.write(f"{sent} sent, {waiting} still waiting")
