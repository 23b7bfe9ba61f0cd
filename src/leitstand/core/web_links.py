"""Addresses that pages turn into links – sources of assessments and disputes: http and
https only, so a stored `javascript:` address can never run in a reader's browser."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

_URL = URLValidator(schemes=["http", "https"])


def split(text: str) -> list[str]:
    """One address per line (or separated by spaces: addresses hold none)."""
    return text.split()


def is_web_link(address: str) -> bool:
    try:
        _URL(address)
    except ValidationError:
        return False
    return True


def validate_web_links(text: str) -> None:
    for address in split(text):
        if not is_web_link(address):
            raise ValidationError(_("Sources must be web addresses (http or https): "
                                    "%(address)s") % {"address": address[:100]})
