"""A strategy admin sets up a consultation on a draft edition in the admin – its phases
with their dates and what each opens – sees its results there, and finds the team's pages
from the admin's start page; all in German."""

from django.urls import reverse

from leitstand.participation.models import Consultation, Proposal, Support
from leitstand.register.models import Edition, Strategy
from tests.conftest import staff_login
from tests.participation.helpers import comment_on, participant


def _draft_of(slug):
    return Edition.objects.create(strategy=Strategy.objects.get(slug=slug), label="2030",
                                  slug="2030-entwurf", year=2030, status=Edition.DRAFT)


def _form(edition, **extra):
    return {"edition": edition.pk, "title": "Dialog 2030", "slug": "dialog-2030",
            "description": "", "on_account_deletion": "anonymise",
            "phases-TOTAL_FORMS": "2", "phases-INITIAL_FORMS": "0",
            "phases-MIN_NUM_FORMS": "0", "phases-MAX_NUM_FORMS": "1000",
            "phases-0-name": "Kommentierung", "phases-0-starts_at_0": "01.03.2030",
            "phases-0-starts_at_1": "00:00:00", "phases-0-ends_at_0": "31.03.2030",
            "phases-0-ends_at_1": "23:59:59", "phases-0-actions": ["read", "comment", "propose"],
            "phases-1-name": "Ergebnisse", "phases-1-starts_at_0": "01.04.2030",
            "phases-1-starts_at_1": "00:00:00", "phases-1-ends_at_0": "31.12.2030",
            "phases-1-ends_at_1": "00:00:00", "phases-1-actions": ["read"], **extra}


def test_a_strategy_admin_sets_up_a_consultation_with_its_phases(client, roles):
    draft = _draft_of("nrw")
    staff_login(client, roles["strategy_admin"])
    page = client.get(reverse("admin:participation_consultation_add")).content.decode()
    assert "Phasen" in page and "Offen für" in page and "Lesen des Entwurfs" in page
    assert "2030" in page and "Musterstadt" not in page  # only their own strategy's drafts
    assert ">nrw 2019<" not in page.lower()  # no published edition either
    response = client.post(reverse("admin:participation_consultation_add"), _form(draft))
    assert response.status_code == 302, response.content.decode()[:3000]
    consultation = Consultation.objects.get(slug="dialog-2030")
    phases = list(consultation.phases.order_by("starts_at"))
    assert [(p.name, p.actions) for p in phases] == [("Kommentierung", "read,comment,propose"),
                                                     ("Ergebnisse", "read")]
    # entered in German time (CET, UTC+1), stored in UTC
    assert phases[0].starts_at.isoformat() == "2030-02-28T23:00:00+00:00"
    listing = client.get(reverse("admin:participation_consultation_changelist")).content.decode()
    assert "Kommentierung (01.03.2030" in listing


def test_a_phase_must_end_after_it_starts(client, roles):
    draft = _draft_of("nrw")
    staff_login(client, roles["strategy_admin"])
    response = client.post(reverse("admin:participation_consultation_add"), _form(
        draft, **{"phases-1-ends_at_0": "01.01.2030"}))
    assert response.status_code == 200 and "Eine Phase endet nach ihrem Beginn" in \
        response.content.decode()
    assert not Consultation.objects.filter(slug="dialog-2030").exists()


def test_another_strategys_admin_cannot_set_up_one_on_this_draft(client, make_user):
    draft = _draft_of("nrw")
    other = make_user("muster_admin", admin_of=["musterstadt"])
    staff_login(client, other)
    response = client.post(reverse("admin:participation_consultation_add"), _form(draft))
    assert response.status_code == 200  # the edition is not among the choices
    assert not Consultation.objects.filter(slug="dialog-2030").exists()


def test_the_change_page_shows_results_and_the_start_page_the_team_pages(client, roles,
                                                                          nrw_dialog):
    alice, bob = participant("Alice"), participant("Bob")
    comment_on(nrw_dialog, nrw_dialog.edition.goals.first(), alice, "Gut")
    proposal = Proposal.objects.create(consultation=nrw_dialog, participant=alice,
                                       kind="new_goal", title="Offene Daten", body="b")
    Support.objects.create(proposal=proposal, participant=bob)
    staff_login(client, roles["strategy_admin"])
    page = client.get(reverse("admin:participation_consultation_change",
                              args=[nrw_dialog.pk])).content.decode()
    assert "1 Kommentare · 1 Vorschläge · 1 Unterstützungen" in page
    assert "Offene Daten" in page and reverse("moderation:queue", args=[nrw_dialog.slug]) in page
    index = client.get(reverse("admin:index")).content.decode()
    for url in (reverse("moderation:queue", args=[nrw_dialog.slug]),
                reverse("moderation:disputes"), reverse("monitoring:bulk_update")):
        assert f'href="{url}"' in index
    assert "Seiten der Redaktion" in index
    staff_login(client, roles["editor_b"])  # no admin of a strategy: no moderation queue
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("moderation:queue", args=[nrw_dialog.slug]) not in index
    assert reverse("monitoring:bulk_update") in index
