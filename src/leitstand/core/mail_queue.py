"""Outgoing mail through a queue in the database.

A mail is stored in the same transaction as what caused it and sent after the
commit; if the mail server is down, the request still succeeds and the mail
waits for `leitstand send-mail` (run it from cron). Sent mails are deleted:
they may hold sign-in links.
"""

from __future__ import annotations

import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from leitstand.core.models import OutgoingMail

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 20


def queue(to: str, subject: str, body: str, headers: dict | None = None) -> OutgoingMail:
    """`headers`: extra headers such as List-Unsubscribe (RFC 2369, 8058)."""
    mail = OutgoingMail.objects.create(to=to, subject=subject[:200], body=body,
                                       headers=headers or {})
    transaction.on_commit(lambda: send_one(mail.pk))
    return mail


def send_one(pk: int) -> bool:
    mail = OutgoingMail.objects.filter(pk=pk).first()
    if mail is None:
        return True
    try:
        EmailMultiAlternatives(mail.subject, mail.body, None, [mail.to],
                               headers=mail.headers).send()
    except Exception as exc:  # any transport error: keep the mail for the next attempt
        OutgoingMail.objects.filter(pk=pk).update(attempts=mail.attempts + 1,
                                                  last_error=str(exc)[:300])
        log.warning("mail %s not sent: %s", pk, exc)
        return False
    OutgoingMail.objects.filter(pk=pk).delete()
    return True


def send_queued() -> tuple[int, int]:
    """Send what is waiting; (sent, still waiting)."""
    sent = failed = 0
    for pk in OutgoingMail.objects.filter(attempts__lt=MAX_ATTEMPTS).values_list("pk", flat=True):
        if send_one(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed
