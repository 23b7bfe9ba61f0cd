"""Finding 5 of issue 20: nobody can lock another person out. The source of many attempts
is throttled; the account is only slowed down a little and never for its owner's browser;
mails to one address are limited without locking the address."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from leitstand.core import login_throttle, rate_limits
from leitstand.participation import identity
from leitstand.participation.models import SignInLink
from tests.accounts.test_staff_login import code_for, enrolled, password_step  # noqa: F401

VICTIM = "opfer@example.org"


def test_sign_in_requests_from_many_addresses_neither_lock_nor_flood_the_address(client,
                                                                                    mails):
    sent_before = len(mails.outbox)
    for i in range(10):  # ten attackers, each under the per-address limit
        response = mails(lambda i=i: client.post(reverse("participation:sign_in"),
                                                 {"email": VICTIM},
                                                 REMOTE_ADDR=f"198.51.100.{i + 1}"))
        assert response.status_code == 200
    assert len(mails.outbox) - sent_before == rate_limits.LIMITS["signin-mail"][0]
    # the owner, from home: not refused, and a link already in the mailbox works
    response = client.post(reverse("participation:sign_in"), {"email": VICTIM},
                           REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 200
    link = mails.outbox[-1].body.split("/beteiligung/anmelden/")[1].split("/")[0]
    assert identity.use_link(link) is not None
    assert SignInLink.objects.filter(email=VICTIM).count() == 3


def test_wrong_passwords_from_anywhere_do_not_lock_out_the_editor(client, enrolled):  # noqa: F811
    # the owner has signed in on this browser before: both steps, the code included
    password_step(client, "editor_a", "pw-editor_a")
    passed = client.post(reverse("account_verify"), {"code": code_for(enrolled)})
    assert passed.status_code == 302 and login_throttle.COOKIE in passed.cookies
    client.logout()  # and the attacker's client has no such cookie
    assert login_throttle.COOKIE not in client.cookies
    for _ in range(10):  # ten wrong passwords, one address
        attacker = client.post("/admin/login/", {"username": "editor_a", "password": "x"},
                               REMOTE_ADDR="198.51.100.66")
        assert attacker.status_code in (200, 429)
    client.cookies[login_throttle.COOKIE] = passed.cookies[login_throttle.COOKIE].value
    owner = client.post("/admin/login/", {"username": "editor_a", "password": "pw-editor_a"},
                        REMOTE_ADDR="203.0.113.7")
    assert owner.status_code == 302  # 429 for 15 minutes before


def test_a_new_browser_waits_seconds_not_minutes(client, roles, monkeypatch):
    for i in range(10):  # ten wrong passwords from ten addresses
        client.post("/admin/login/", {"username": "editor_b", "password": "x"},
                    REMOTE_ADDR=f"198.51.100.{i + 1}")
    response = client.post("/admin/login/", {"username": "editor_b",
                                             "password": "pw-editor_b"},
                           REMOTE_ADDR="203.0.113.8")
    if response.status_code == 429:
        assert int(response["Retry-After"]) <= 60  # 900 before
        later = timezone.now() + dt.timedelta(seconds=int(response["Retry-After"]))
        monkeypatch.setattr(timezone, "now", lambda: later)
        response = client.post("/admin/login/", {"username": "editor_b",
                                                 "password": "pw-editor_b"},
                               REMOTE_ADDR="203.0.113.8")
    assert response.status_code == 302


def test_the_delay_grows_from_nothing_to_a_minute():
    delays = [login_throttle.delay_for(n) for n in range(15)]
    assert delays[:5] == [0] * 5 and delays[5:8] == [1, 2, 4]
    assert delays == sorted(delays) and max(delays) == login_throttle.MAX_DELAY


def test_password_reset_requests_from_many_addresses_do_not_lock_the_editor(client, roles,
                                                                           mails):
    roles["editor_a"].email = "editor.a@example.org"
    roles["editor_a"].save()
    for i in range(8):
        response = mails(lambda i=i: client.post(reverse("admin_password_reset"),
                                                 {"email": "editor.a@example.org"},
                                                 REMOTE_ADDR=f"198.51.100.{i + 1}"))
        assert response.status_code == 302
    assert len([m for m in mails.outbox if "editor.a@example.org" in m.to]) == \
        rate_limits.LIMITS["password-reset-mail"][0]
    response = client.post(reverse("admin_password_reset"), {"email": "editor.a@example.org"},
                           REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302  # 429 for an hour before
