"""E-mail subscriptions to a goal or a consultation: double opt-in, one-click unsubscribe.

Links carry a signed subscription id (django.core.signing): a confirmation link
expires after 7 days, an unsubscribe link never does. Both links open a page
whose button sends the POST that changes anything.
"""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from leitstand.core import mail_queue
from leitstand.participation.models import Subscription

CONFIRM_SALT = "leitstand.subscription.confirm"
UNSUBSCRIBE_SALT = "leitstand.subscription.unsubscribe"
CONFIRM_DAYS = 7


def subject_of(subscription: Subscription) -> str:
    return str(subscription.goal or subscription.consultation)


@transaction.atomic
def subscribe(email: str, link_base: str, goal=None, consultation=None) -> None:
    """Asks the address to confirm; says nothing about whether it was subscribed before."""
    email = email.strip().lower()
    Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=timezone.now()
                                - dt.timedelta(days=CONFIRM_DAYS)).delete()
    subscription, _created = Subscription.objects.get_or_create(
        email=email, goal=goal, consultation=consultation)
    if subscription.confirmed_at:
        return
    token = signing.dumps(subscription.pk, salt=CONFIRM_SALT)
    mail_queue.queue(email, _("Please confirm your subscription"), _(
        "Someone – hopefully you – asked to be told by e-mail about changes to:\n"
        "%(subject)s\n\nTo confirm, open this link and press the button:\n%(link)s\n\n"
        "If it was not you, ignore this mail; nothing will be sent.")
        % {"subject": subject_of(subscription), "link": f"{link_base}bestaetigen/{token}/"})


def from_token(token: str, salt: str, max_age=None) -> Subscription | None:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return Subscription.objects.filter(pk=pk).select_related("goal", "consultation").first()


def confirm(token: str) -> Subscription | None:
    subscription = from_token(token, CONFIRM_SALT, dt.timedelta(days=CONFIRM_DAYS))
    if subscription and not subscription.confirmed_at:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe(token: str) -> bool:
    subscription = from_token(token, UNSUBSCRIBE_SALT)
    if subscription is None:
        return False
    subscription.delete()
    return True

