"""The site's plumbing in the database: the data version for the page cache, the rate
limits' counted actions and the outgoing mail queue. None of them knows the domain."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DataVersion(models.Model):
    """One counter that changes with every change of the data, for the page cache."""

    number = models.BigIntegerField(default=0)


class RateEvent(models.Model):
    """One counted action for the rate limits; `key` is a keyed hash, never an address."""

    action = models.CharField(max_length=20)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        db_table = "participation_rateevent"  # its name from participation, unchanged
        indexes = [models.Index(fields=["action", "key", "at"])]


class OutgoingMail(models.Model):
    """Mail waiting to be sent; deleted once sent, retried by `leitstand send-mail`."""

    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    headers = models.JSONField(default=dict, blank=True, verbose_name=_("headers"), help_text=_(
        "Extra mail headers, such as List-Unsubscribe."))

    class Meta:
        db_table = "participation_outgoingmail"  # its name from participation, unchanged
        ordering = ["created_at", "id"]
