"""A consultation from a strategy data file (called by operations.loader, same transaction)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from leitstand.participation.models import Consultation, Phase

# Consultations announce their dates in German local time.
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def berlin(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


def load_consultation(edition, data: dict) -> bool:
    consultation, created = Consultation.objects.update_or_create(
        slug=data["slug"], defaults=dict(
            edition=edition, title=data["title"], description=data.get("description", ""),
            allow_anonymous=data.get("allow_anonymous", False),
            on_account_deletion=data.get("on_account_deletion", Consultation.ANONYMISE)))
    for p in data["phases"]:
        Phase.objects.update_or_create(
            consultation=consultation, name=p["name"], defaults=dict(
                starts_at=berlin(p["starts"]), ends_at=berlin(p["ends"]),
                actions=",".join(p["actions"])))
    return created
