"""Inviting a person to the editors' team: a mail with a link to set a password.

The link is Django's password-reset token: it works once (it depends on the password and
the last login) and for PASSWORD_RESET_TIMEOUT. After the password comes the second factor.
"""

from __future__ import annotations

from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from leitstand.core import mail_queue


class InvitationError(Exception):
    """The person cannot be invited (no address, or not on the staff)."""


def link_for(user, base_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return base_url.rstrip("/") + reverse("account_set_password", args=[uid, token])


@transaction.atomic
def invite(user, base_url: str) -> str:
    """Queue the invitation mail; returns the address it goes to."""
    if not user.email:
        raise InvitationError(_("%(user)s has no e-mail address.") % {"user": user})
    if not (user.is_staff or user.is_superuser):
        raise InvitationError(_("%(user)s is not on the staff.") % {"user": user})
    body = render_to_string("accounts/invitation_mail.txt", {
        "user": user, "link": link_for(user, base_url)})
    mail_queue.queue(user.email, _("Your invitation to the editors' team of Leitstand"), body)
    return user.email
