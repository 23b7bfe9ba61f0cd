"""Shared fixtures: the demo data loaded once per test session, users in every role."""

import os
import pathlib

import pytest
from django.contrib.auth import get_user_model

from leitstand.operations.demo import demo_files
from leitstand.operations.loader import load_file
from leitstand.register.models import Membership, Organisation, Strategy

SHARED = pathlib.Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seeds/000_496e719280b7dfe2.txt"


def need_shared(path: str = "") -> pathlib.Path:
    """A file or folder of ../shared (seed, corpus, spec) that a test needs.

    On a plain clone without ../shared the test is skipped and says why; with
    LEITSTAND_REQUIRE_SHARED=1 (set by .ci/run) a missing one fails the test instead, so CI
    never passes by skipping."""
    target = SHARED / path
    if not target.exists():
        message = f"needs {target} (../shared beside the project)"
        if os.environ.get("LEITSTAND_REQUIRE_SHARED", "") not in ("", "0"):
            pytest.fail(message + "; LEITSTAND_REQUIRE_SHARED is set")
        pytest.skip(message)
    return target


@pytest.fixture(scope="session")
def seed_path():
    return need_shared("seeds/000_496e719280b7dfe2.txt")


@pytest.fixture(scope="session")
def seed_doc(seed_path):
    from leitstand.ingest.pipeline import ingest_path

    return ingest_path(seed_path)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        for path in demo_files():
            load_file(path)
        from leitstand.register.models import Edition
        from leitstand.register.services import suggest_lineage

        for edition in Edition.objects.filter(previous__isnull=False):
            suggest_lineage(edition)


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def site_url(monkeypatch):
    """Mails and absolute links name LEITSTAND_SITE_URL (core.site); in tests, the test
    client's host."""
    monkeypatch.setenv("LEITSTAND_SITE_URL", "http://testserver")


@pytest.fixture(autouse=True)
def no_page_cache(settings):
    """Tests roll their data back, which the page cache cannot see: it is off, except in
    tests/core/test_page_cache.py, which switches it on."""
    settings.LEITSTAND_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def mails(db, mailoutbox, django_capture_on_commit_callbacks):
    """The mails sent by a request: mails go out after the commit, which tests run."""
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result
    run.outbox = mailoutbox
    return run


@pytest.fixture
def make_user(db):
    def make(username, units=(), role="editor", admin_of=(), superuser=False, staff=True):
        user = get_user_model().objects.create_user(username, password="pw-" + username,
                                                    is_staff=staff, is_superuser=superuser)
        for slug in units:
            Membership.objects.create(user=user, role=role,
                                      organisation=Organisation.objects.get(slug=slug))
        for slug in admin_of:
            Strategy.objects.get(slug=slug).admins.add(user)
        return user
    return make


@pytest.fixture
def roles(make_user):
    """Anonymous, citizen, editor of unit A (MWIDE), editor of unit B (MKW), unit head of A,
    strategy admin of NRW, superuser."""
    return {
        "anonymous": None,
        "citizen": make_user("citizen", staff=False),
        "editor_a": make_user("editor_a", units=["mwide"]),
        "editor_b": make_user("editor_b", units=["mkw"]),
        "head_a": make_user("head_a", units=["mwide"], role="head"),
        "strategy_admin": make_user("strategy_admin", admin_of=["nrw"]),
        "superuser": make_user("root", superuser=True),
    }


def staff_login(client, user):
    """A session past both login steps – password and one-time code – as after a real login
    (tests/accounts walks through the steps themselves)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first() or \
        TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
