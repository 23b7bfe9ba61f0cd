"""The demo: the data files shipped in the package and the demo editor login."""

from __future__ import annotations

import secrets
from importlib import resources

from django.contrib.auth import get_user_model
from django.db import transaction

from leitstand.register.models import Strategy

DEMO_USER = "demo-redaktion"


def demo_files() -> list:
    folder = resources.files("leitstand") / "demo"
    return sorted(p for p in folder.iterdir() if p.name.endswith((".yaml", ".json")))


@transaction.atomic
def ensure_demo_login(data_dir) -> tuple[str, str]:
    """A strategy admin for every demo strategy; the password is kept beside the database."""
    secret = data_dir / "demo_login"
    user = get_user_model().objects.filter(username=DEMO_USER).first()
    if user is None or not secret.exists():
        password = secrets.token_urlsafe(12)
        user = user or get_user_model()(username=DEMO_USER)
        user.is_staff = True
        user.set_password(password)
        user.save()
        secret.write_text(password)
        secret.chmod(0o600)
    for strategy in Strategy.objects.all():
        strategy.admins.add(user)
    return DEMO_USER, secret.read_text().strip()
