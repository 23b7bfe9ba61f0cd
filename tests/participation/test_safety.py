"""The dialog is safe by construction: escaping everywhere, CSRF, no state change on GET,
rate limits, sign-in links that cannot be guessed, reused or used to probe addresses,
redirects only to this site, only declared fields read."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from leitstand.core import rate_limits
from leitstand.core.models import RateEvent
from leitstand.participation.models import (
    Comment,
    Participant,
    Proposal,
    SignInLink,
    Support,
)
from tests.conftest import staff_login
from tests.participation.helpers import comment_on, participant, sign_in

SCRIPT = '<script>alert("x")</script>'
IMG = '<img src=x onerror=alert(1)>'


def discussion(consultation, part, kind="ziel"):
    return reverse("participation:discussion", args=[consultation.slug, kind, part.pk])


@pytest.fixture
def goal(draft):
    return draft.edition.goals.first()


def test_stored_script_in_comments_and_display_names_is_shown_as_text(client, draft, goal):
    evil = participant(SCRIPT)
    comment_on(draft, goal, evil, f"{IMG} und {SCRIPT}")
    Proposal.objects.create(consultation=draft, participant=evil, kind="new_goal",
                            title=SCRIPT, body=IMG)
    pages = [client.get(discussion(draft, goal)).content.decode(),
             client.get(reverse("participation:proposals", args=[draft.slug])).content.decode()]
    for page in pages:
        assert SCRIPT not in page and IMG not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


def test_script_in_a_display_name_is_refused_where_it_hides_text(alice_client):
    response = alice_client.post(reverse("participation:display_name"),
                                 {"display_name": "Eve\u202eevil"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()


def test_stored_script_is_escaped_in_the_moderation_queue_and_on_the_goal_page(
        client, roles, nrw_dialog):
    from leitstand.participation.models import Dispute, DisputeAnswer
    from leitstand.register.models import Goal, Organisation

    evil = participant(SCRIPT)
    comment = comment_on(nrw_dialog, nrw_dialog.edition.sections.first(), evil, IMG)
    from leitstand.participation.models import Report

    Report.objects.create(comment=comment, reporter=participant("r"), reason=SCRIPT)
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    dispute = Dispute.objects.create(goal=goal, participant=evil, disputed_status="x",
                                     body=SCRIPT, links="https://example.org/\"><script>")
    DisputeAnswer.objects.create(dispute=dispute, organisation=Organisation.objects.get(
        slug="mwide"), body=IMG, answered_by=roles["editor_a"])
    staff_login(client, roles["strategy_admin"])
    pages = [client.get(reverse("moderation:queue", args=[nrw_dialog.slug])).content.decode(),
             client.get(goal.get_absolute_url()).content.decode()]
    for page in pages:
        assert SCRIPT not in page and IMG not in page and '"><script>' not in page


def test_exports_neutralise_formulas_and_keep_numbers(client, roles, nrw_dialog):
    import csv
    import io

    who = participant("=HYPERLINK(\"http://evil\")")
    proposal = Proposal.objects.create(consultation=nrw_dialog, participant=who,
                                       kind="new_goal", title="@SUM(A1)", body="+1+1")
    Support.objects.create(proposal=proposal, participant=who)
    comment_on(nrw_dialog, nrw_dialog.edition.sections.first(), who, "-2+3")
    staff_login(client, roles["strategy_admin"])
    text = client.get(reverse("moderation:results_csv", args=[nrw_dialog.slug])).content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value
    by_record = {r["record"]: r for r in rows}
    assert by_record["proposal"]["text"] == "'+1+1"
    assert by_record["proposal"]["supports"] == "1"
    assert by_record["comment"]["author"].startswith("'=HYPERLINK")


def test_mails_carry_no_markup_from_participants(client, draft, mails):
    mails(lambda: client.post(reverse("participation:sign_in"),
                              {"email": "x@example.org", "next": "/beteiligung/"}))
    message = mails.outbox[-1]
    assert message.content_subtype == "plain" and not message.alternatives


def test_a_forged_cross_site_form_is_refused(alice, draft, goal):
    browser = Client(enforce_csrf_checks=True)
    sign_in(browser, alice)
    response = browser.post(discussion(draft, goal), {"body": "von evil.example"},
                            HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    # with the right token but from another origin: still refused
    page = browser.get(discussion(draft, goal))
    token = page.cookies["csrftoken"].value
    response = browser.post(discussion(draft, goal), {"body": "von evil.example",
                                                      "csrfmiddlewaretoken": token},
                            HTTP_ORIGIN="https://evil.example", HTTP_HOST="testserver")
    assert response.status_code == 403
    assert not Comment.objects.filter(body="von evil.example").exists()
    response = browser.post(discussion(draft, goal), {"body": "echt",
                                                      "csrfmiddlewaretoken": token})
    assert response.status_code == 302  # the site's own form works


@pytest.mark.parametrize("name", ["support", "delete_comment", "sign_out", "delete_account"])
def test_no_state_change_on_get(alice_client, draft, alice, goal, name):
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="t", body="b")
    comment = comment_on(draft, goal, alice)
    args = {"support": [proposal.pk], "delete_comment": [comment.pk]}.get(name, [])
    assert alice_client.get(reverse(f"participation:{name}", args=args)).status_code == 405
    assert not Support.objects.exists()
    assert Comment.objects.get(pk=comment.pk).state == "visible"
    assert Participant.objects.filter(pk=alice.pk).exists()


def test_a_sign_in_link_is_not_used_up_by_opening_it(client, mails):
    mails(lambda: client.post(reverse("participation:sign_in"), {"email": "y@example.org"}))
    link = re.search(r"http://testserver(\S+)", mails.outbox[-1].body).group(1)
    assert client.get(link).status_code == 200  # a mail scanner following the link
    assert client.get(link).status_code == 200
    assert SignInLink.objects.get().used_at is None
    assert client.post(link).status_code == 302
    assert client.post(link).status_code == 400  # single use
    assert Participant.objects.filter(email="y@example.org").count() == 1


def test_sign_in_links_expire(client, mails):
    mails(lambda: client.post(reverse("participation:sign_in"), {"email": "z@example.org"}))
    link = re.search(r"http://testserver(\S+)", mails.outbox[-1].body).group(1)
    SignInLink.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert client.post(link).status_code == 400
    assert not Participant.objects.filter(email="z@example.org").exists()


def test_guessed_links_are_refused_and_throttled(client, db):
    statuses = [client.post(reverse("participation:sign_in_link", args=[f"guess{i}"])).status_code
                for i in range(rate_limits.LIMITS["signin-use"][0] + 1)]
    assert set(statuses[:-1]) == {400}
    assert statuses[-1] == 429


def test_asking_for_a_link_does_not_tell_whether_the_address_is_known(client, alice, mails):
    known = mails(lambda: client.post(reverse("participation:sign_in"), {"email": alice.email}))
    client.cookies.clear()
    unknown = mails(lambda: client.post(reverse("participation:sign_in"),
                                        {"email": "nobody@example.org"}))
    strip = lambda r: r.content.decode().replace(alice.email.lower(), "@").replace(  # noqa: E731
        "nobody@example.org", "@")
    assert known.status_code == unknown.status_code == 200
    assert re.sub(r'value="[^"]+"', "", strip(known)) == re.sub(r'value="[^"]+"', "",
                                                                strip(unknown))


def test_asking_for_links_is_throttled_per_address(client, mails):
    allowed = rate_limits.LIMITS["signin"][0]
    for _ in range(allowed):
        assert client.post(reverse("participation:sign_in"),
                           {"email": "flood@example.org"}).status_code == 200
    response = client.post(reverse("participation:sign_in"), {"email": "flood@example.org"})
    assert response.status_code == 429 and "Retry-After" in response
    assert "Zu viele Versuche" in response.content.decode()
    # mails to one address are limited without locking it (tests/security/test_lockout.py)
    assert SignInLink.objects.filter(email="flood@example.org").count() == \
        rate_limits.LIMITS["signin-mail"][0]


def test_posting_is_rate_limited_per_participant(alice_client, draft, goal):
    allowed = rate_limits.LIMITS["post"][0]
    for i in range(allowed):
        assert alice_client.post(discussion(draft, goal), {"body": f"Nr. {i}"}).status_code == 302
    response = alice_client.post(discussion(draft, goal), {"body": "einer zu viel"})
    assert response.status_code == 429
    assert not Comment.objects.filter(body="einer zu viel").exists()


def test_posting_is_rate_limited_per_address_across_participants(client, draft, goal):
    allowed = rate_limits.LIMITS["post"][0]
    for i in range(allowed):
        sign_in(client, participant(f"p{i}"))
        client.post(discussion(draft, goal), {"body": f"Sock {i}"})
    sign_in(client, participant("one-more"))
    assert client.post(discussion(draft, goal), {"body": "Sock x"}).status_code == 429


def test_reporting_and_supporting_are_rate_limited(alice_client, draft, alice, bob, goal):
    for action, make, url in (
            ("report", lambda i: comment_on(draft, goal, bob, f"c{i}"),
             lambda o: reverse("participation:report", args=["kommentar", o.pk])),
            ("support", lambda i: Proposal.objects.create(
                consultation=draft, participant=bob, kind="new_goal", title=f"p{i}", body="b"),
             lambda o: reverse("participation:support", args=[o.pk]))):
        allowed = rate_limits.LIMITS[action][0]
        items = [make(i) for i in range(allowed + 1)]
        statuses = [alice_client.post(url(o), {"reason": "Spam"}).status_code for o in items]
        assert set(statuses[:-1]) == {302} and statuses[-1] == 429, action


def test_rate_limit_events_keep_no_address(client, draft, goal):
    client.post(discussion(draft, goal), {"body": "x"}, REMOTE_ADDR="203.0.113.7")
    keys = list(RateEvent.objects.values_list("key", flat=True))
    assert keys and all("203.0.113.7" not in k and len(k) == 64 for k in keys)


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/",
                                    "javascript:alert(1)", "https:/\\evil.example"])
def test_redirects_go_only_to_this_site(client, target, mails):
    response = mails(lambda: client.post(reverse("participation:sign_in"),
                                         {"email": "r@example.org", "next": target}))
    link = re.search(r"http://testserver(\S+)", mails.outbox[-1].body).group(1)
    response = client.post(link)
    assert response.status_code == 302
    assert "evil" not in response["Location"] and "javascript" not in response["Location"]
    response = client.post(reverse("participation:display_name"),
                           {"display_name": "Rita", "acknowledge": "on", "next": target})
    assert response["Location"] == reverse("participation:my_activity")


def test_a_local_next_page_is_followed(client, draft, mails):
    target = reverse("participation:consultation", args=[draft.slug])
    mails(lambda: client.post(reverse("participation:sign_in"),
                              {"email": "s@example.org", "next": target}))
    link = re.search(r"http://testserver(\S+)", mails.outbox[-1].body).group(1)
    client.post(link)
    response = client.post(reverse("participation:display_name"),
                           {"display_name": "Sara", "acknowledge": "on", "next": target})
    assert response["Location"] == target


def test_extra_form_fields_are_ignored(alice_client, draft, goal, bob):
    alice_client.post(discussion(draft, goal), {
        "body": "Nur Text", "state": "hidden", "participant": bob.pk, "hidden_reason": "x",
        "consultation": 999, "created_at": "2000-01-01"})
    comment = Comment.objects.get(body="Nur Text")
    assert comment.state == "visible" and comment.participant.display_name == "Alice"
    assert comment.created_at.year == timezone.now().year


@pytest.mark.parametrize("body", ["a\x00b", "x" * 1_000_000])
def test_nul_bytes_and_oversized_text_get_a_form_error(alice_client, draft, goal, body):
    response = alice_client.post(discussion(draft, goal), {"body": body})
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert not Comment.objects.exists()
