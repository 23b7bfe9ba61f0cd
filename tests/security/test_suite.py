"""The attacks every release must survive, one test per case. README.md in this folder is
the table of every case of the security guide and the test that covers it."""

import os
import re
import subprocess
import sys

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from leitstand.core import rate_limits
from leitstand.register.models import Goal
from tests.conftest import staff_login

SCRIPT = '<script>alert("x")</script>'


def _patterns(resolver=None, prefix=""):
    """Every URL pattern of the site, with its full route and name."""
    for p in (resolver or get_resolver()).url_patterns:
        if isinstance(p, URLResolver):
            namespace = f"{p.namespace}:" if p.namespace else ""
            yield from ((route, namespace + name if name else "", cb) for route, name, cb in
                        _patterns(p, prefix + str(p.pattern)))
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name or "", p.callback


def _sample(route: str) -> str:
    """A concrete path for a route: ints become 1, other converters a word."""
    route = route.lstrip("^").rstrip("$").replace("\\Z", "").replace("\\", "")
    route = re.sub(r"<int:\w+>", "1", route)
    route = re.sub(r"<(?:slug|str|path):\w+>", "probe", route)
    route = re.sub(r"\(\?P<\w+>[^)]*\)", "probe", route)
    return "/" + route


ONE_CLICK = {"participation:stop_notifications"}


@pytest.mark.slow
def test_every_state_changing_url_refuses_a_post_without_csrf_token(db, roles):
    """Enumerated from the URL configuration: a POST without token is refused for anonymous
    and for a logged-in editor alike; only the token-authenticated API is exempt, and it
    answers 401 without a token."""
    checked = 0
    for route, name, _callback in _patterns():
        path = _sample(route)
        if path.startswith("/static") or "(?P" in route:
            continue
        for user in (None, roles["strategy_admin"]):
            client = Client(enforce_csrf_checks=True)
            if user:
                staff_login(client, user)
            response = client.post(path, {"x": "1"})
            if path.startswith("/api/v1/"):
                assert response.status_code in (401, 403, 404, 405, 422), (path,
                                                                           response.status_code)
            elif name in ONE_CLICK:
                # RFC 8058: mail programs POST the one-click unsubscribe without a form; the
                # signed token in the address is the proof, a forged one changes nothing.
                assert response.status_code == 400, (path, name, response.status_code)
            else:
                assert response.status_code == 403, (path, name, response.status_code)
            checked += 1
    assert checked > 100


def test_a_foreign_origin_is_refused_even_with_a_token(client, db):
    browser = Client(enforce_csrf_checks=True)
    token = browser.get("/beteiligung/anmelden/").cookies["csrftoken"].value
    response = browser.post("/beteiligung/anmelden/", {"email": "a@example.org",
                                                       "csrfmiddlewaretoken": token},
                            HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403


def test_a_bad_host_header_answers_400(client, db):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


def test_no_debug_pages(client, db, settings):
    assert settings.DEBUG is False
    page = client.get("/nicht/da/gar/nicht/")
    assert page.status_code == 404
    assert b"URLconf" not in page.content and b"Traceback" not in page.content


def test_headers_on_every_response(client, db):
    response = client.get("/nrw/2019/")
    policy = response["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "object-src 'none'",
                      "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Strict-Transport-Security" not in response  # plain HTTP on loopback
    secure = client.get("/nrw/2019/", HTTP_X_FORWARDED_PROTO="https")
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def test_cookies_are_secure_httponly_and_samesite_in_production(client, roles, settings):
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True  # the default
    response = client.post("/admin/login/", {"username": "editor_a",
                                             "password": "pw-editor_a"})
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"


def test_the_session_id_changes_at_login(client, roles):
    session = client.session  # an anonymous session exists before the login
    session["seen"] = True
    session.save()
    before = session.session_key
    client.post("/admin/login/", {"username": "editor_a", "password": "pw-editor_a"})
    assert client.session.session_key != before


def test_staff_login_is_throttled_per_address(client, roles):
    """Per name, wrong passwords only slow down (tests/security/test_lockout.py)."""
    allowed = rate_limits.LIMITS["staff-login"][0]
    for i in range(allowed):
        assert client.post("/admin/login/", {"username": f"name{i}",
                                             "password": "falsch"}).status_code == 200
    response = client.post("/admin/login/", {"username": "editor_a", "password": "pw-editor_a"})
    assert response.status_code == 429 and "Retry-After" in response
    # another name from another address is not locked out by this
    other = client.post("/admin/login/", {"username": "editor_b", "password": "pw-editor_b"},
                        REMOTE_ADDR="198.51.100.9")
    assert other.status_code == 302


def test_login_does_not_tell_which_user_names_exist(client, roles):
    known = client.post("/admin/login/", {"username": "editor_a", "password": "falsch"})
    unknown = client.post("/admin/login/", {"username": "niemand", "password": "falsch"})
    strip = lambda r: re.sub(r'value="[^"]*"', "", r.content.decode())  # noqa: E731
    assert strip(known) == strip(unknown)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "javascript:x"])
def test_no_open_redirects(client, roles, target):
    response = client.get("/sprache/en/", {"next": target})
    assert "evil" not in response["Location"] and "javascript" not in response["Location"]
    response = client.post(f"/admin/login/?next={target}", {"username": "editor_a",
                                                            "password": "pw-editor_a"})
    assert "evil" not in response["Location"] and "javascript" not in response["Location"]


def test_script_in_editor_fields_is_escaped_in_title_page_admin_and_feed(client, roles):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    Goal.objects.filter(pk=goal.pk).update(title=SCRIPT, text=SCRIPT)
    from leitstand.monitoring.models import Assessment

    Assessment.objects.filter(goal=goal).update(evidence=SCRIPT, assessor=SCRIPT)
    pages = [client.get(goal.get_absolute_url()), client.get("/nrw/2019/ziele/"),
             client.get("/nrw/feed.atom"), client.get("/nrw/2019/bilanz/")]
    staff_login(client, roles["superuser"])
    pages += [client.get(reverse("admin:register_goal_changelist")),
              client.get(reverse("admin:register_goal_change", args=[goal.pk]))]
    for page in pages:
        assert page.status_code == 200
        assert SCRIPT.encode() not in page.content
    assert b"<title>19-07 &lt;script&gt;" in pages[0].content


@pytest.mark.parametrize("path", ["/nrw/%ff%fe/", "/nrw/2019/ziele/?q=%ff%00",
                                  "/api/v1/goals?q=%00", "/beteiligung/%C0%AF/"])
def test_malformed_input_in_urls_gets_a_clear_answer(client, db, path):
    assert client.get(path).status_code in (200, 400, 404, 422)


def test_deploy_check_passes_with_production_settings(tmp_path):
    env = {**os.environ, "LEITSTAND_DATA": str(tmp_path), "LEITSTAND_SECRET_KEY": "k" * 30 +
           "Z9y8X7w6V5u4T3s2R1q0P", "LEITSTAND_ALLOWED_HOSTS": "leitstand.example",
           "LEITSTAND_DEBUG": ""}
    for leaked in ("LEITSTAND_SECURE_COOKIES", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL",
                   "LEITSTAND_SECOND_DATABASE_URL"):  # set by other tests or the CI pass
        env.pop(leaked, None)
    out = subprocess.run([sys.executable, "-m", "leitstand", "check", "--deploy",
                          "--fail-level", "WARNING"], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "no issues" in out.stdout


# Cases tested where their feature lives:
# - stored script in participants' fields, pages/queue/goal page/exports/mails, another's
#   comment edited by id, CSRF forms, GET changes nothing, rate limits, one-time links
#   (single use, expiry, guessing, enumeration), redirects, mass assignment, NUL and 1 MB
#   text: tests/participation/test_safety.py
# - every admin/editor URL for every role: tests/register/test_permissions_grid.py
# - uploads checked by content and size: tests/monitoring/test_bulk_update.py;
#   malformed, encrypted and huge documents: tests/ingest/test_bad_input.py
# - API tokens, write permissions, schema-checked API: tests/api/test_rest.py
# - stored script in every editor field on every public page, feed and admin page, and
#   `javascript:` sources: tests/security/test_stored_script.py
# - staff login: second factor (guessing slows down, a code works once, a password alone
#   opens nothing), invitations and password reset links (once, no enumeration, limited),
#   revoking API tokens: tests/accounts/test_staff_login.py
