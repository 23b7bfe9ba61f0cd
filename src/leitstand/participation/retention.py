"""Deletes what the privacy page promises not to keep (run daily: `leitstand purge`)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from leitstand.core.models import RateEvent
from leitstand.core.rate_limits import KEEP
from leitstand.participation.models import SignInLink, Subscription
from leitstand.participation.subscriptions import CONFIRM_DAYS


def purge(now: dt.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "sign-in links": SignInLink.objects.filter(expires_at__lt=now).delete()[0],
        "rate-limit counts": RateEvent.objects.filter(at__lt=now - KEEP).delete()[0],
        "unconfirmed subscriptions": Subscription.objects.filter(
            confirmed_at__isnull=True,
            created_at__lt=now - dt.timedelta(days=CONFIRM_DAYS)).delete()[0],
    }
