"""Taking part in the dialog on a draft: comments on every part, replies, proposals,
supports, and the time windows the server enforces."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from leitstand.participation.models import Comment, Phase, Proposal, Support
from tests.participation.helpers import comment_on, open_consultation, participant, sign_in


def discussion_url(consultation, kind, pk):
    return reverse("participation:discussion", args=[consultation.slug, kind, pk])


def parts(consultation):
    edition = consultation.edition
    section = edition.sections.filter(paragraphs__isnull=False).first()
    return {"abschnitt": section, "absatz": section.paragraphs.first(),
            "ziel": edition.goals.first(), "massnahme": edition.measures.first()}


def test_the_demo_consultation_is_open_and_shows_the_draft_with_its_lines(client, draft):
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert draft.title in page
    paragraph = parts(draft)["absatz"]
    assert paragraph.text in page
    assert f"Zeile {paragraph.source_line}" not in page  # the place in the document instead
    assert "Absatz 1" in page
    assert "(jetzt)" in page  # the running phase is marked


def test_phase_times_are_announced_in_berlin_time_and_stored_in_utc(draft):
    phase = draft.phases.get(name="Kommentierung und Vorschläge")
    # 2026-11-01 00:00 in Berlin (CET, UTC+1) is 2026-10-31 23:00 UTC
    assert phase.starts_at == dt.datetime(2026, 10, 31, 23, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("kind", ["abschnitt", "absatz", "ziel", "massnahme"])
def test_a_signed_in_participant_comments_on_every_part_of_the_draft(alice_client, draft, kind):
    part = parts(draft)[kind]
    url = discussion_url(draft, kind, part.pk)
    response = alice_client.post(url, {"body": f"Zu {kind}: gut so."})
    comment = Comment.objects.get(body=f"Zu {kind}: gut so.")
    assert response.status_code == 302 and response["Location"] == f"{url}#c{comment.pk}"
    page = alice_client.get(url).content.decode()
    assert f"Zu {kind}: gut so." in page and "Alice" in page


def test_a_part_of_another_edition_cannot_be_commented_through_this_consultation(
        alice_client, draft):
    from leitstand.register.models import Goal

    foreign = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    response = alice_client.post(discussion_url(draft, "ziel", foreign.pk), {"body": "x"})
    assert response.status_code == 404
    assert not Comment.objects.filter(body="x").exists()


def test_replies_nest_three_levels_deep_and_the_author_is_told(alice_client, draft, bob,
                                                                 mails):
    part = parts(draft)["ziel"]
    url = discussion_url(draft, "ziel", part.pk)
    chain = [comment_on(draft, part, bob, "Oben")]
    for depth in (1, 2, 3):
        mails(lambda parent=chain[-1], depth=depth: alice_client.post(
            url, {"body": f"Antwort Ebene {depth}", "parent": parent.pk}))
        chain.append(Comment.objects.get(body=f"Antwort Ebene {depth}"))
        assert chain[-1].parent_id == chain[-2].pk  # nested under what it answers
    alice_client.post(url, {"body": "Noch tiefer", "parent": chain[3].pk})
    deeper = Comment.objects.get(body="Noch tiefer")
    assert deeper.parent_id == chain[2].pk  # joined the thread at the third level
    page = alice_client.get(url).content.decode()
    assert page.count('class="replies"') == 3
    # Bob wrote the top comment: Alice's reply to it is on his activity page and in his mail
    assert [n.kind for n in bob.notifications.all()] == ["reply"]
    assert [m.to for m in mails.outbox] == [[bob.email]]
    assert "Oben" in mails.outbox[0].subject


def test_the_author_edits_and_deletes_only_within_fifteen_minutes(alice_client, draft, alice):
    comment = comment_on(draft, parts(draft)["ziel"], alice, "Erster Gedanke")
    url = reverse("participation:edit_comment", args=[comment.pk])
    assert alice_client.post(url, {"body": "Zweiter Gedanke"}).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Zweiter Gedanke" and comment.edited_at is not None
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=16))
    response = alice_client.post(url, {"body": "Dritter Gedanke"})
    assert response.status_code == 403
    assert "15 Minuten" in response.content.decode()
    response = alice_client.post(reverse("participation:delete_comment", args=[comment.pk]))
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Zweiter Gedanke"


def test_deleting_ones_own_comment_removes_its_text(alice_client, draft, alice):
    part = parts(draft)["ziel"]
    comment = comment_on(draft, part, alice, "Doch nicht")
    alice_client.post(reverse("participation:delete_comment", args=[comment.pk]))
    comment.refresh_from_db()
    assert comment.state == "removed" and comment.body == ""
    page = alice_client.get(discussion_url(draft, "ziel", part.pk)).content.decode()
    assert "Doch nicht" not in page


def test_another_users_comment_cannot_be_edited_or_deleted_by_id(alice_client, draft, bob):
    comment = comment_on(draft, parts(draft)["ziel"], bob, "Bobs Meinung")
    edit = alice_client.post(reverse("participation:edit_comment", args=[comment.pk]),
                             {"body": "Gefälscht"})
    delete = alice_client.post(reverse("participation:delete_comment", args=[comment.pk]))
    assert edit.status_code == 403 and delete.status_code == 403
    comment.refresh_from_db()
    assert comment.body == "Bobs Meinung" and comment.state == "visible"


@pytest.mark.parametrize("where", ["before_start", "after_end"])
def test_actions_one_second_outside_the_window_are_refused(client, nrw_dialog, alice, where):
    """The phase is moved so that now is one second before its start or one second after
    its end; every action is refused, and at the edge inside it is accepted."""
    phase = nrw_dialog.phases.get()
    now = timezone.now()
    if where == "before_start":
        phase.starts_at, phase.ends_at = now + dt.timedelta(seconds=1), now + dt.timedelta(days=1)
    else:
        phase.starts_at, phase.ends_at = now - dt.timedelta(days=1), now - dt.timedelta(seconds=1)
    phase.save()
    sign_in(client, alice)
    section = nrw_dialog.edition.sections.first()
    proposal = Proposal.objects.create(consultation=nrw_dialog, participant=alice,
                                       kind="new_goal", title="t", body="b")
    comment = client.post(discussion_url(nrw_dialog, "abschnitt", section.pk), {"body": "zu spät"})
    propose = client.post(reverse("participation:proposals", args=[nrw_dialog.slug]),
                          {"kind": "new_goal", "title": "Neu", "body": "zu spät"})
    support = client.post(reverse("participation:support", args=[proposal.pk]))
    if where == "before_start":
        assert comment.status_code == 404  # nothing can be read before the start either
    else:
        assert comment.status_code == 403
    assert propose.status_code in (403, 404) and support.status_code == 403
    assert not Comment.objects.filter(body="zu spät").exists()
    assert not Proposal.objects.filter(title="Neu").exists()
    assert not Support.objects.exists()
    # one second inside: accepted
    phase.starts_at, phase.ends_at = now - dt.timedelta(days=1), now + dt.timedelta(seconds=30)
    phase.save()
    assert client.post(discussion_url(nrw_dialog, "abschnitt", section.pk),
                       {"body": "gerade noch"}).status_code == 302


def test_a_phase_opens_only_its_own_actions(alice_client, db):
    from leitstand.register.models import Edition

    consultation = open_consultation(Edition.objects.get(strategy__slug="nrw", slug="2-0"),
                                     slug="nur-lesen", actions="read")
    section = consultation.edition.sections.first()
    page = alice_client.get(discussion_url(consultation, "abschnitt", section.pk))
    assert page.status_code == 200 and "Kommentare sind in der aktuellen Phase" in \
        page.content.decode()
    response = alice_client.post(discussion_url(consultation, "abschnitt", section.pk),
                                 {"body": "darf nicht"})
    assert response.status_code == 403


def test_propose_a_change_and_count_supports(client, draft, alice, bob):
    goal = parts(draft)["ziel"]
    sign_in(client, alice)
    response = client.post(reverse("participation:proposals", args=[draft.slug]), {
        "kind": "change_goal", "goal": goal.pk, "title": "Früher fertig",
        "body": "Das Ziel sollte 2027 erreicht sein."})
    proposal = Proposal.objects.get(title="Früher fertig")
    assert response.status_code == 302 and proposal.goal == goal
    own = client.post(reverse("participation:support", args=[proposal.pk]))
    assert own.status_code == 403 and proposal.supports.count() == 0  # not one's own
    sign_in(client, bob)
    client.post(reverse("participation:support", args=[proposal.pk]))
    client.post(reverse("participation:support", args=[proposal.pk]))  # twice: counted once
    sign_in(client, participant("Carla"))
    client.post(reverse("participation:support", args=[proposal.pk]))
    assert proposal.supports.count() == 2
    page = client.get(reverse("participation:proposals", args=[draft.slug])).content.decode()
    assert "Früher fertig" in page and "2 Unterstützungen" in page
    detail = client.get(discussion_url(draft, "vorschlag", proposal.pk)).content.decode()
    assert "2 Unterstützungen" in detail and "Unterstützung zurückziehen" in detail


def test_a_support_is_withdrawn_and_the_button_says_so(client, draft, alice, bob):
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="Mehr Bänke", body="Im Park.")
    sign_in(client, bob)
    url = discussion_url(draft, "vorschlag", proposal.pk)
    assert "Diesen Vorschlag unterstützen" in client.get(url).content.decode()
    response = client.post(reverse("participation:support", args=[proposal.pk]), follow=True)
    page = response.content.decode()
    assert "Danke für Ihre Unterstützung" in page and "Unterstützung zurückziehen" in page
    client.post(reverse("participation:withdraw_support", args=[proposal.pk]))
    assert proposal.supports.count() == 0
    assert "Diesen Vorschlag unterstützen" in client.get(url).content.decode()
    Phase.objects.filter(consultation=draft).update(actions="read,comment")
    Support.objects.create(proposal=proposal, participant=bob)
    closed = client.post(reverse("participation:withdraw_support", args=[proposal.pk]))
    assert closed.status_code == 403 and proposal.supports.count() == 1  # only while open


def test_comments_are_supported_sorted_and_counted(client, draft, alice, bob):
    part = parts(draft)["ziel"]
    first = comment_on(draft, part, alice, "Erster")
    second = comment_on(draft, part, alice, "Zweiter")
    Comment.objects.filter(pk=first.pk).update(created_at=timezone.now() - dt.timedelta(hours=1))
    sign_in(client, bob)
    client.post(reverse("participation:support_comment", args=[second.pk]))
    client.post(reverse("participation:support_comment", args=[second.pk]))  # counted once
    assert second.supports.count() == 1
    url = discussion_url(draft, "ziel", part.pk)

    def order(sort):
        page = client.get(url, {"sortierung": sort}).content.decode()
        return page.index("Erster") < page.index("Zweiter")

    assert order("alt") and not order("neu") and not order("unterstuetzung")
    assert client.get(url, {"sortierung": "zufall"}).status_code == 400
    page = client.get(url).content.decode()
    assert "2 Kommentare" in page and "Unterstützung zurückziehen" in page
    client.post(reverse("participation:support_comment", args=[second.pk]), {"withdraw": "1"})
    assert second.supports.count() == 0
    sign_in(client, alice)
    own = client.post(reverse("participation:support_comment", args=[first.pk]))
    assert own.status_code == 403 and first.supports.count() == 0
    overview = client.get(reverse("participation:consultation", args=[draft.slug]))
    assert "Ziel " + part.code + " diskutieren (2 Kommentare)" in overview.content.decode()


def test_a_change_proposal_must_name_its_goal(alice_client, draft):
    response = alice_client.post(reverse("participation:proposals", args=[draft.slug]), {
        "kind": "change_goal", "title": "Ohne Ziel", "body": "x"})
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Proposal.objects.filter(title="Ohne Ziel").exists()


def test_proposals_sort_only_by_allowlisted_orders(client, draft, alice):
    url = reverse("participation:proposals", args=[draft.slug])
    assert client.get(url + "?sortierung=neu").status_code == 200
    for query in ("?sortierung=participant__email", "?sortierung=-id", "?participant=1",
                  "?sortierung=neu&state=hidden"):
        response = client.get(url + query)
        assert response.status_code == 400, query
        assert "sortierung" in response.content.decode()


def test_guests_comment_where_allowed_and_wait_for_moderation(client, draft):
    part = parts(draft)["absatz"]
    url = discussion_url(draft, "absatz", part.pk)
    assert client.post(url, {"body": "Als Gast"}).status_code == 302
    comment = Comment.objects.get(body="Als Gast")
    assert comment.state == "held" and comment.participant.is_guest
    assert "Als Gast" in client.get(url).content.decode()  # the guest sees their own
    client.cookies.clear()
    assert "Als Gast" not in client.get(url).content.decode()  # nobody else does


def test_guests_cannot_comment_where_the_consultation_does_not_allow_it(client, nrw_dialog):
    section = nrw_dialog.edition.sections.first()
    response = client.post(discussion_url(nrw_dialog, "abschnitt", section.pk), {"body": "anon"})
    assert response.status_code == 403
    assert not Comment.objects.filter(body="anon").exists()


def test_guests_may_not_propose_or_support(client, draft, bob):
    proposal = Proposal.objects.create(consultation=draft, participant=bob, kind="new_goal",
                                       title="t", body="b")
    assert client.post(reverse("participation:support", args=[proposal.pk])).status_code == 403
    response = client.post(reverse("participation:proposals", args=[draft.slug]),
                           {"kind": "new_goal", "title": "Gast", "body": "b"})
    assert response.status_code == 403
    assert not Support.objects.exists() and not Proposal.objects.filter(title="Gast").exists()


def test_the_honeypot_refuses_bots(client, draft):
    part = parts(draft)["absatz"]
    response = client.post(discussion_url(draft, "absatz", part.pk),
                           {"body": "Spam", "website": "http://spam.example"})
    assert response.status_code == 200  # the form answers with an error, nothing is stored
    assert not Comment.objects.filter(body="Spam").exists()


def test_posts_full_of_links_wait_for_moderation(alice_client, draft):
    part = parts(draft)["ziel"]
    alice_client.post(discussion_url(draft, "ziel", part.pk), {
        "body": "http://a.example http://b.example http://c.example"})
    assert Comment.objects.get(body__startswith="http://a.example").state == "held"


def test_phase_must_end_after_it_starts(draft):
    from django.db import IntegrityError, transaction

    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Phase.objects.create(consultation=draft, name="kaputt", starts_at=now, ends_at=now,
                             actions="read")


def test_a_new_participant_appears_with_the_chosen_name_only(client, draft):
    who = participant("Carla", "carla.privat@example.org")
    sign_in(client, who)
    part = parts(draft)["ziel"]
    client.post(discussion_url(draft, "ziel", part.pk), {"body": "Hallo"})
    page = client.get(discussion_url(draft, "ziel", part.pk)).content.decode()
    assert "Carla" in page and "carla.privat@example.org" not in page


def test_a_held_proposal_is_seen_only_by_its_author(client, draft, alice, bob):
    held = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                   title="Noch geprüft", body="b", state="held")
    url = discussion_url(draft, "vorschlag", held.pk)
    assert client.get(url).status_code == 404
    sign_in(client, bob)
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Kommentar dazu"}).status_code == 404
    sign_in(client, alice)
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": "Kommentar dazu"}).status_code == 403
    assert not Comment.objects.filter(body="Kommentar dazu").exists()


def test_discussion_pages_stay_within_the_query_budget(client, draft, alice, bob,
                                                       django_assert_max_num_queries):
    from tests.dashboard.test_pages import QUERY_BUDGET

    goal = parts(draft)["ziel"]
    for i in range(15):
        top = comment_on(draft, goal, alice if i % 2 else bob, f"Beitrag {i}")
        reply = comment_on(draft, goal, bob, f"Antwort {i}")
        reply.parent = top
        reply.save()
    proposal = Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                                       title="t", body="b")
    for who in (alice, bob):
        Support.objects.create(proposal=proposal, participant=who)
    sign_in(client, alice)
    for url in (discussion_url(draft, "ziel", goal.pk),
                discussion_url(draft, "vorschlag", proposal.pk),
                reverse("participation:consultation", args=[draft.slug]),
                reverse("participation:proposals", args=[draft.slug])):
        with django_assert_max_num_queries(QUERY_BUDGET):
            assert client.get(url).status_code == 200


def test_a_proposal_is_previewed_before_it_is_sent(alice_client, draft):
    url = reverse("participation:proposals", args=[draft.slug])
    form = alice_client.get(url).content.decode()
    assert "Zu änderndes Ziel (nur bei einer Änderung)" in form
    assert 'value="new_goal" id="id_kind_0" required checked' in form  # a new goal by default
    response = alice_client.post(url, {"kind": "new_goal", "title": "Mehr Bäume",
                                       "body": "In jeder Straße.", "preview": "1"})
    page = response.content.decode()
    assert response.status_code == 200 and "Vorschau – noch nicht eingereicht" in page
    assert "In jeder Straße." in page and 'value="Mehr Bäume"' in page
    assert not Proposal.objects.filter(title="Mehr Bäume").exists()
    alice_client.post(url, {"kind": "new_goal", "title": "Mehr Bäume", "body": "In jeder."})
    assert Proposal.objects.filter(title="Mehr Bäume").exists()


def test_a_proposal_taken_up_into_a_draft_goal_links_nowhere_that_answers_404(client, draft,
                                                                                 alice):
    from leitstand.register.models import Edition, Goal

    later = Edition.objects.create(strategy=draft.edition.strategy, label="2031",
                                   slug="2031-entwurf", year=2031)
    target = Goal.objects.create(edition=later, code="N-01", title="Bänke")
    Proposal.objects.create(consultation=draft, participant=alice, kind="new_goal",
                            title="Bänke", body="b", taken_up_goal=target,
                            taken_up_at=timezone.now())
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert "N-01" in page and target.get_absolute_url() not in page
    assert "im Entwurf; öffentlich, sobald die Fassung veröffentlicht ist" in page
    Edition.objects.filter(pk=later.pk).update(status=Edition.PUBLISHED)
    page = client.get(reverse("participation:consultation", args=[draft.slug])).content.decode()
    assert target.get_absolute_url() in page
