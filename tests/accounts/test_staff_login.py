"""Staff login in two steps, invitations, password reset, losing the phone, API tokens."""

import base64
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from leitstand.api.models import ApiToken
from leitstand.core import rate_limits
from leitstand.register.models import Edition
from tests.conftest import staff_login


def code_for(device, shift=0) -> str:
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += shift * device.step
    return f"{totp.token():06d}"


def password_step(client, username, password):
    return client.post(reverse("admin:login") + "?next=/admin/",
                       {"username": username, "password": password})


@pytest.fixture
def enrolled(roles):
    device = TOTPDevice.objects.create(user=roles["editor_a"], name="Handy", confirmed=True)
    return device


def test_a_password_alone_does_not_open_the_editors_pages(client, enrolled):
    response = password_step(client, "editor_a", "pw-editor_a")
    assert response.status_code == 302
    for path in ("/admin/", "/redaktion/veraltet/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_verify"))


def test_a_password_alone_shows_no_draft_but_the_code_does(client, enrolled):
    Edition.objects.filter(strategy__slug="nrw", slug="2019").update(status="draft")
    password_step(client, "editor_a", "pw-editor_a")
    assert client.get("/nrw/2019/ziele/19-07/").status_code == 404
    response = client.post(reverse("account_verify"), {"code": code_for(enrolled),
                                                       "next": "/nrw/2019/ziele/19-07/"})
    assert response["Location"] == "/nrw/2019/ziele/19-07/"
    assert client.get("/nrw/2019/ziele/19-07/").status_code == 200


def test_the_code_step_rotates_the_session_and_opens_the_admin(client, enrolled):
    password_step(client, "editor_a", "pw-editor_a")
    before = client.session.session_key
    page = client.get(reverse("account_verify"), {"next": "/admin/"})
    assert "Authenticator-App" in page.content.decode()
    response = client.post(reverse("account_verify"), {"code": code_for(enrolled),
                                                       "next": "/admin/"})
    assert response["Location"] == "/admin/"
    assert client.session.session_key != before
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_and_guessing_slows_down(client, enrolled):
    password_step(client, "editor_a", "pw-editor_a")
    right = code_for(enrolled)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post(reverse("account_verify"), {"code": wrong})
    assert response.status_code == 200 and "stimmt nicht" in response.content.decode()
    # Right after a wrong code, even the right one waits (django-otp doubles the pause).
    response = client.post(reverse("account_verify"), {"code": right})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_code_works_only_once(client, enrolled):
    code = code_for(enrolled)
    password_step(client, "editor_a", "pw-editor_a")
    assert client.post(reverse("account_verify"), {"code": code}).status_code == 302
    client.logout()
    other = client
    password_step(other, "editor_a", "pw-editor_a")
    assert other.post(reverse("account_verify"), {"code": code}).status_code == 200
    assert other.get("/admin/").status_code == 302


def test_first_login_sets_up_the_authenticator(client, roles):
    password_step(client, "editor_a", "pw-editor_a")
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_enrol"))
    page = response.content.decode()
    assert "<svg" in page  # the QR code, drawn on the server
    key = re.search(r'id="totp-key">([A-Z2-7 ]+)<', page).group(1)
    device = TOTPDevice.objects.get(user=roles["editor_a"], confirmed=False)
    assert base64.b32decode(key.replace(" ", "") + "=" * (-len(key.replace(" ", "")) % 8)) \
        == device.bin_key
    # reloading keeps the key that may have been scanned already
    assert key in client.get(reverse("account_enrol")).content.decode()
    response = client.post(reverse("account_enrol"), {"code": code_for(device),
                                                      "next": "/admin/"})
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_working_device_cannot_be_replaced_with_the_password_alone(client, enrolled):
    password_step(client, "editor_a", "pw-editor_a")
    response = client.get(reverse("account_enrol"))
    assert response["Location"].startswith(reverse("account_verify"))
    assert TOTPDevice.objects.filter(user=enrolled.user).count() == 1


def test_people_who_are_not_staff_have_no_second_step(client, roles):
    client.force_login(roles["citizen"])
    response = client.get(reverse("account_verify"), {"next": "/"})
    assert response["Location"] == "/"


def test_invitation_by_command_leads_through_password_and_authenticator(client, db, mails):
    mails(lambda: call_command("invite", "neu.redaktion", "neu@example.org",
                              "--unit", "mwide", stdout=open("/dev/null", "w")))
    mail = mails.outbox[-1]
    assert mail.to == ["neu@example.org"]
    link = re.search(r"https?://[^/\s]+(/konto/passwort/\S+)", mail.body).group(1)
    response = client.get(link, follow=True)  # Django moves the token out of the address
    form_url = response.redirect_chain[-1][0]
    assert "Passwort wählen" in response.content.decode()
    response = client.post(form_url, {"new_password1": "kurz", "new_password2": "kurz"})
    assert response.status_code == 200  # too short: refused, nothing saved
    response = client.post(form_url, {"new_password1": "Glasfaser-fuer-alle-2030",
                                      "new_password2": "Glasfaser-fuer-alle-2030"}, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_enrol"))
    assert client.get(link, follow=True).context["validlink"] is False  # works once
    device = TOTPDevice.objects.get(user__username="neu.redaktion")
    client.post(reverse("account_enrol"), {"code": code_for(device)})
    assert client.get("/admin/register/goal/").status_code == 200


def test_password_reset_answers_alike_and_keeps_the_second_factor(client, enrolled, mails):
    user = enrolled.user
    user.email = "editor.a@example.org"
    user.save()
    known = mails(lambda: client.post(reverse("admin_password_reset"),
                                     {"email": "editor.a@example.org"}))
    unknown = mails(lambda: client.post(reverse("admin_password_reset"),
                                       {"email": "niemand@example.org"}))
    assert known["Location"] == unknown["Location"] == reverse("account_reset_sent")
    assert [m.to for m in mails.outbox] == [["editor.a@example.org"]]
    link = re.search(r"https?://[^/\s]+(/konto/passwort/\S+)", mails.outbox[0].body).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Neues-Passwort-2026",
                                      "new_password2": "Neues-Passwort-2026"})
    assert response["Location"] == reverse("account_verify")
    assert client.get("/admin/").status_code == 302  # the code is still asked for
    client.logout()
    assert password_step(client, "editor_a", "pw-editor_a").status_code == 200  # old one
    assert password_step(client, "editor_a", "Neues-Passwort-2026").status_code == 302


def test_password_reset_requests_are_limited(client, db):
    allowed = rate_limits.LIMITS["password-reset"][0]
    for _ in range(allowed):
        client.post(reverse("admin_password_reset"), {"email": "x@example.org"})
    response = client.post(reverse("admin_password_reset"), {"email": "y@example.org"})
    assert response.status_code == 429 and "Retry-After" in response


def test_the_admin_login_links_to_the_password_reset(client, db):
    assert reverse("admin_password_reset") in client.get(reverse("admin:login")).content.decode()


def test_lost_phone_reset_by_a_superuser(client, roles, enrolled, mails):
    user = enrolled.user
    user.email = "editor.a@example.org"
    user.save()
    staff_login(client, roles["superuser"])
    response = mails(lambda: client.post(reverse("admin:auth_user_changelist"), {
        "action": "reset_second_factor", "_selected_action": [user.pk]}))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    user.refresh_from_db()
    assert not user.has_usable_password()
    assert mails.outbox[-1].to == ["editor.a@example.org"]
    assert "/konto/passwort/" in mails.outbox[-1].body


def test_an_editor_cannot_reset_anothers_second_factor(client, roles, enrolled):
    staff_login(client, roles["strategy_admin"])
    response = client.post(reverse("admin:auth_user_changelist"), {
        "action": "reset_second_factor", "_selected_action": [enrolled.user.pk]})
    assert response.status_code == 403
    assert TOTPDevice.objects.filter(user=enrolled.user).exists()


def test_api_token_made_in_the_admin_is_shown_once_and_can_be_revoked(client, roles):
    staff_login(client, roles["editor_a"])
    response = client.post(reverse("admin:api_apitoken_add"), {"name": "Abgleich Statistik"},
                           follow=True)
    shown = re.search(r"(ls_[A-Za-z0-9_-]{20,})", response.content.decode()).group(1)
    record = ApiToken.objects.get(name="Abgleich Statistik")
    assert record.user == roles["editor_a"] and shown not in record.key_hash
    listing = client.get(reverse("admin:api_apitoken_changelist")).content.decode()
    assert "Abgleich Statistik" in listing and shown not in listing
    def write_with_token():
        return client.post("/api/v1/observations", "{}", content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {shown}").status_code

    assert write_with_token() in (400, 422)  # let in, then told what the body lacks
    client.post(reverse("admin:api_apitoken_change", args=[record.pk]),
                {"name": "Abgleich Statistik", "revoke": "on"})
    record.refresh_from_db()
    assert record.revoked_at is not None
    client.logout()
    assert write_with_token() == 401
