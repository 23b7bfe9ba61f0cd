"""Making, checking and revoking editors' API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.utils import timezone

from leitstand.api.models import ApiToken


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_key(record: ApiToken) -> str:
    """Give `record` a fresh secret (unsaved); the secret is returned once and never stored."""
    token = "ls_" + secrets.token_urlsafe(32)
    record.prefix, record.key_hash = token[:8], _hash(token)
    return token


def create(user, name: str) -> tuple[ApiToken, str]:
    record = ApiToken(user=user, name=name)
    token = new_key(record)
    record.save()
    return record, token


def user_for_token(token: str):
    record = ApiToken.objects.filter(key_hash=_hash(token), revoked_at__isnull=True,
                                     user__is_active=True).select_related("user").first()
    if record is None:
        return None
    ApiToken.objects.filter(pk=record.pk).update(last_used_at=timezone.now())
    return record.user


def revoke(pk: int) -> bool:
    return bool(ApiToken.objects.filter(pk=pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()))
