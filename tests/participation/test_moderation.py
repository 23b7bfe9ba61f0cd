"""Reports, the moderation queue, disputes with official answers, results and take-up."""

import json

import pytest
from django.urls import reverse

from leitstand.participation.models import (
    Comment,
    Dispute,
    DisputeAnswer,
    ModerationAction,
    Proposal,
    Report,
    Support,
)
from leitstand.register.models import Goal, Organisation
from tests.conftest import staff_login
from tests.participation.helpers import comment_on, participant, sign_in


@pytest.fixture
def goal_1907(db):
    return Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")


def moderate(client, kind, item, action, reason=""):
    return client.post(reverse("moderation:moderate", args=[kind, item.pk, action]),
                       {"reason": reason})


def test_a_report_reaches_the_queue_and_hiding_shows_the_reason(client, roles, nrw_dialog,
                                                                 alice, bob):
    section = nrw_dialog.edition.sections.first()
    comment = comment_on(nrw_dialog, section, bob, "Beleidigender Text")
    sign_in(client, alice)
    response = client.post(reverse("participation:report", args=["kommentar", comment.pk]),
                           {"reason": "Beleidigung", "category": "insult"})
    assert response.status_code == 302
    assert Report.objects.filter(comment=comment, resolved_at__isnull=True).count() == 1
    staff_login(client, roles["strategy_admin"])
    queue = client.get(reverse("moderation:queue", args=[nrw_dialog.slug])).content.decode()
    assert "Beleidigender Text" in queue and "Beleidigung" in queue
    assert moderate(client, "kommentar", comment, "hide").status_code == 403  # no reason
    assert moderate(client, "kommentar", comment, "hide", "Verstößt gegen Regel 2").status_code \
        == 302
    comment.refresh_from_db()
    assert comment.state == "hidden"
    page = client.get(reverse("participation:discussion", args=[
        nrw_dialog.slug, "abschnitt", section.pk])).content.decode()
    assert "Beleidigender Text" not in page and "Verstößt gegen Regel 2" in page
    assert not Report.objects.filter(resolved_at__isnull=True).exists()


def test_every_moderation_step_is_logged_and_reversible(client, roles, nrw_dialog, bob):
    comment = comment_on(nrw_dialog, nrw_dialog.edition.sections.first(), bob, "Text")
    staff_login(client, roles["strategy_admin"])
    moderate(client, "kommentar", comment, "hide", "Spam")
    moderate(client, "kommentar", comment, "restore")
    comment.refresh_from_db()
    assert comment.state == "visible" and comment.hidden_reason == ""
    log = list(ModerationAction.objects.filter(comment=comment).order_by("created_at", "id")
               .values_list("action", "reason", "previous_state"))
    assert log == [("hide", "Spam", "visible"), ("restore", "", "hidden")]
    queue = client.get(reverse("moderation:queue", args=[nrw_dialog.slug])).content.decode()
    assert "wiederhergestellt" in queue and "Spam" in queue


def test_a_held_post_is_released_and_restoring_returns_it_to_its_earlier_state(
        client, roles, draft):
    from leitstand.register.models import Organisation  # noqa: F401

    goal = draft.edition.goals.first()
    guest_comment = Comment.objects.create(consultation=draft, participant=participant("g"),
                                           body="Gastbeitrag", goal=goal, state="held")
    admin = roles["superuser"]
    staff_login(client, admin)
    moderate(client, "kommentar", guest_comment, "hide", "off-topic")
    moderate(client, "kommentar", guest_comment, "restore")
    guest_comment.refresh_from_db()
    assert guest_comment.state == "held"  # back to where it was, not published by accident
    moderate(client, "kommentar", guest_comment, "release")
    guest_comment.refresh_from_db()
    assert guest_comment.state == "visible"


def test_editors_of_units_cannot_moderate(client, roles, nrw_dialog, bob):
    comment = comment_on(nrw_dialog, nrw_dialog.edition.sections.first(), bob, "Text")
    staff_login(client, roles["editor_a"])
    assert moderate(client, "kommentar", comment, "hide", "x").status_code == 403
    comment.refresh_from_db()
    assert comment.state == "visible"


def test_a_dispute_and_its_official_answer_stay_on_the_goal_page(client, roles, alice,
                                                                 goal_1907):
    sign_in(client, alice)
    response = client.post(reverse("participation:dispute", args=[goal_1907.pk]), {
        "body": "Die Zahl für 2025 ist niedriger als angegeben.",
        "links": "https://example.org/statistik-2025"})
    dispute = Dispute.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"#dispute-{dispute.pk}")
    assert dispute.disputed_status == "not_assessed" or dispute.disputed_status
    staff_login(client, roles["editor_b"])  # MKW: not responsible for 19-07
    assert client.post(reverse("moderation:answer", args=[dispute.pk]),
                       {"organisation": Organisation.objects.get(slug="mkw").pk,
                        "body": "x"}).status_code == 403
    staff_login(client, roles["editor_a"])  # MWIDE answers
    mwide = Organisation.objects.get(slug="mwide")
    response = client.post(reverse("moderation:answer", args=[dispute.pk]), {
        "organisation": mwide.pk, "body": "Die Zahl stammt aus dem Bericht vom März."})
    assert response.status_code == 302
    assert DisputeAnswer.objects.get().organisation == mwide
    client.logout()
    page = client.get(goal_1907.get_absolute_url()).content.decode()
    assert "Die Zahl für 2025 ist niedriger als angegeben." in page
    assert "https://example.org/statistik-2025" in page
    assert f"Offizielle Antwort von {mwide.name}" in page
    assert "Die Zahl stammt aus dem Bericht vom März." in page


def test_an_editor_answers_only_in_the_name_of_their_own_unit(client, roles, alice):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-18")
    units = set(goal.responsible_units.values_list("slug", flat=True))
    assert {"mkw"} <= units  # a goal MKW shares with other units
    other = goal.responsible_units.exclude(slug="mkw").first()
    dispute = Dispute.objects.create(goal=goal, participant=alice, disputed_status="x",
                                     body="b")
    staff_login(client, roles["editor_b"])
    response = client.post(reverse("moderation:answer", args=[dispute.pk]),
                           {"organisation": other.pk, "body": "im fremden Namen"})
    assert response.status_code == 200  # the other unit is not among the choices
    assert not DisputeAnswer.objects.exists()


def test_disputes_need_a_verified_participant_and_a_published_goal(client, draft, alice):
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    response = client.post(reverse("participation:dispute", args=[goal.pk]), {"body": "x"})
    assert response.status_code == 403
    sign_in(client, alice)
    draft_goal = draft.edition.goals.first()
    assert client.post(reverse("participation:dispute", args=[draft_goal.pk]),
                       {"body": "x"}).status_code == 404
    assert not Dispute.objects.exists()


def test_the_goal_page_with_disputes_stays_within_its_budget(client, alice, roles, goal_1907,
                                                             django_assert_max_num_queries):
    dispute = Dispute.objects.create(goal=goal_1907, participant=alice, disputed_status="x",
                                     body="b")
    DisputeAnswer.objects.create(dispute=dispute, organisation=Organisation.objects.get(
        slug="mwide"), body="a", answered_by=roles["editor_a"])
    url = goal_1907.get_absolute_url()
    with django_assert_max_num_queries(12):  # 10, plus disputes and answers when there are any
        assert client.get(url).status_code == 200


def test_results_per_part_with_supports_and_take_up(client, roles, nrw_dialog, alice, bob):
    edition = nrw_dialog.edition
    section = edition.sections.first()
    goal = edition.goals.first()
    comment_on(nrw_dialog, section, alice, "zum Abschnitt")
    comment_on(nrw_dialog, goal, bob, "zum Ziel")
    hidden = comment_on(nrw_dialog, goal, bob, "versteckt")
    hidden.state, hidden.hidden_reason = "hidden", "Spam"
    hidden.save()
    proposal = Proposal.objects.create(consultation=nrw_dialog, participant=alice,
                                       kind="change_goal", goal=goal, title="Schärfer",
                                       body="Mit Zahl.")
    Support.objects.create(proposal=proposal, participant=alice)
    Support.objects.create(proposal=proposal, participant=bob)
    staff_login(client, roles["strategy_admin"])
    data = json.loads(client.get(reverse("moderation:results_json", args=[nrw_dialog.slug]))
                      .content)
    parts = {(p["kind"], p["code"]): p for p in data["parts"]}
    assert parts[("section", section.number)]["comments"] == 1
    assert parts[("goal", goal.code)] == {"kind": "goal", "code": goal.code,
                                          "title": goal.title, "comments": 1, "proposals": 1,
                                          "supports": 2}
    texts = {c["text"] for c in data["comments"]}
    assert "versteckt" not in texts and "Spam" in texts
    assert data["proposals"][0]["supports"] == 2
    # the team takes the proposal up into a goal of the strategy; the public sees it
    later = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2-0", code="20-12")
    response = client.post(reverse("moderation:take_up", args=[proposal.pk]),
                           {"goal": later.pk, "note": "als Zielwert"})
    assert response.status_code == 302
    client.logout()
    page = client.get(reverse("participation:consultation", args=[nrw_dialog.slug])) \
        .content.decode()
    assert "Übernommene Vorschläge" in page and "Schärfer" in page and later.code in page


def test_take_up_needs_a_goal_of_the_same_strategy(client, roles, nrw_dialog, alice):
    proposal = Proposal.objects.create(consultation=nrw_dialog, participant=alice,
                                       kind="new_goal", title="t", body="b")
    foreign = Goal.objects.filter(edition__strategy__slug="musterstadt").first()
    staff_login(client, roles["strategy_admin"])
    response = client.post(reverse("moderation:take_up", args=[proposal.pk]),
                           {"goal": foreign.pk})
    assert response.status_code == 200  # not among the choices
    proposal.refresh_from_db()
    assert proposal.taken_up_goal is None
