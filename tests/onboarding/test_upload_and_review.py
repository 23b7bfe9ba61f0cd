"""From an uploaded file to a published edition: the background job, the review decisions,
and what the public sees afterwards."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from leitstand.onboarding import jobs
from leitstand.onboarding.models import Finding, Upload
from leitstand.register import models as m


def test_upload_is_queued_read_by_the_worker_and_reviewed(admin_client, upload_file, seed_path,
                                                          seed_doc, upload_dir):
    response = upload_file("NRW Strategie.txt", seed_path.read_bytes())
    upload = Upload.objects.get()
    assert response["Location"] == reverse("onboarding:progress", args=[upload.pk])
    assert upload.state == Upload.QUEUED
    page = admin_client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page and "Wartet auf das Lesen" in page
    stored = list(upload_dir.iterdir())
    assert [p.name for p in stored] == [upload.stored_name]
    assert upload.stored_name != "NRW Strategie.txt" and upload.stored_name.endswith(".txt")

    assert jobs.work(once=True) == 1
    upload.refresh_from_db()
    assert upload.state == Upload.DONE and upload.edition.status == "draft"
    goals = upload.findings.filter(kind=Finding.GOAL)
    assert goals.count() == len(seed_doc["goals"])
    assert all(f.goal is not None for f in goals)
    response = admin_client.get(reverse("onboarding:progress", args=[upload.pk]))
    assert response["Location"] == reverse("onboarding:review", args=[upload.pk])
    review = admin_client.get(response["Location"]).content.decode()
    first = seed_doc["goals"][0]
    assert f'href="?zeile={first["line"]}#z{first["line"]}"' in review
    # the marked line is on the page the link opens, highlighted
    jump = admin_client.get(reverse("onboarding:review", args=[upload.pk]),
                            {"zeile": first["line"]}).content.decode()
    assert "Basisjahr 2017)" in jump  # a year is no quantity: no digit grouping
    assert f'<li id="z{first["line"]}" value="{first["line"]}" class="marked">' in jump


def test_the_page_shows_the_line_the_document_model_names(admin_client, read_seed, seed_doc):
    upload = read_seed()
    goal = seed_doc["goals"][0]
    page = admin_client.get(reverse("onboarding:review", args=[upload.pk]),
                            {"zeile": goal["line"]}).content.decode()
    start = page.index(f'<li id="z{goal["line"]}"')
    shown = page[start:page.index("</li>", start)]
    # the goal's first words stand on its line (hyphenation aside)
    assert goal["text"].split()[1] in shown or goal["text"].split()[0] in shown


def test_decisions_then_publish_shows_exactly_the_accepted_goals(admin_client, read_seed, roles,
                                                                 upload_dir):
    from django.test import Client

    citizen = Client()
    upload = read_seed()
    findings = list(upload.findings.filter(kind=Finding.GOAL).order_by("line"))
    keep, drop = findings[:2], findings[2:]
    dropped = [f.goal.code for f in drop]
    url = reverse("onboarding:decide", args=[upload.pk])
    admin_client.post(url, {"finding": [f.pk for f in keep], "decision": "accepted"})
    admin_client.post(url, {"finding": [f.pk for f in drop], "decision": "rejected"})
    edited = keep[0]
    target = edited.goal.targets.first()
    form = {"code": "z-neu", "title": edited.goal.title, "text": edited.goal.text,
            "section": edited.goal.section_id or "", "horizon": "medium",
            "targets-TOTAL_FORMS": "2", "targets-INITIAL_FORMS": "1",
            "targets-MIN_NUM_FORMS": "0", "targets-MAX_NUM_FORMS": "1000",
            "targets-0-id": target.pk, "targets-0-metric": target.metric,
            "targets-0-value": "750000000", "targets-0-unit": "EUR",
            "targets-0-comparator": "at_least", "targets-0-deadline": "2030-12-31",
            "targets-0-baseline_year": "2017"}
    response = admin_client.post(reverse("onboarding:edit", args=[upload.pk, edited.pk]), form)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert admin_client.get(f"/nrw/{upload.edition.slug}/").status_code == 200  # staff preview
    assert citizen.get(f"/nrw/{upload.edition.slug}/").status_code == 404

    response = admin_client.post(reverse("onboarding:publish", args=[upload.pk]))
    upload.refresh_from_db()
    assert upload.state == Upload.PUBLISHED and upload.edition.status == "published"
    assert not list(upload_dir.iterdir())  # the stored file is gone after the review
    codes = set(upload.edition.goals.values_list("code", flat=True))
    assert codes == {"z-neu", keep[1].goal.code}
    goal = upload.edition.goals.get(code="z-neu")
    assert goal.targets.get(pk=target.pk).value == 750_000_000
    assert goal.deadline == dt.date(2030, 12, 31)
    history = Finding.history.filter(id=keep[1].pk).first()
    assert history.actor_role == "Strategie-Administration" and history.decision == "accepted"
    published = m.Edition.history.filter(id=upload.edition.pk).first()
    assert published.status == "published" and published.actor_role == \
        "Strategie-Administration"

    page = citizen.get(f"/nrw/{upload.edition.slug}/ziele/").content.decode()
    assert "z-neu" in page and keep[1].goal.code in page
    for code in dropped:
        assert code not in page
    detail = citizen.get(goal.get_absolute_url()).content.decode()
    line = f"{goal.source_line:,}".replace(",", ".")  # German digit grouping
    assert f"Zeile {line}" in detail


def test_accept_all_above_a_confidence(admin_client, read_seed):
    upload = read_seed()
    upload.findings.filter(kind=Finding.GOAL).update(confidence=0.5)
    sure = upload.findings.first()
    Finding.objects.filter(pk=sure.pk).update(confidence=0.95)
    admin_client.post(reverse("onboarding:accept_confident", args=[upload.pk]),
                      {"threshold": "0,9"})
    accepted = set(upload.findings.filter(decision="accepted").values_list("pk", flat=True))
    assert accepted == {sure.pk}


def test_candidates_are_listed_by_confidence_and_become_goals_when_accepted(admin_client,
                                                                           read_seed, seed_doc):
    upload = read_seed()
    assert seed_doc["candidates"], "the seed's model (version 2) has candidates"
    candidates = upload.findings.filter(kind=Finding.CANDIDATE)
    assert candidates.count() == len(seed_doc["candidates"])
    page = admin_client.get(reverse("onboarding:review", args=[upload.pk])).content.decode()
    first_candidate = seed_doc["candidates"][0]
    assert first_candidate["reason"] in page
    # goals (0.9, goal-marker) before the candidates (0.3-0.4)
    assert page.index("goal-marker") < page.index(first_candidate["found_by"])
    found = candidates.order_by("line").first()
    assert found.goal is None and found.confidence == first_candidate["confidence"]
    admin_client.post(reverse("onboarding:decide", args=[upload.pk]),
                      {"finding": [found.pk], "decision": "accepted"})
    found.refresh_from_db()
    assert found.goal.text == found.text and found.goal.edition == upload.edition
    assert found.goal.source_line == first_candidate["line"]


def test_a_version_1_document_without_confidence_reads_with_defaults(admin_client, seed_doc,
                                                                    seed_path):
    from leitstand.onboarding import services

    doc = json.loads(json.dumps(seed_doc))
    doc["schema"] = "leitstand.document/1"
    doc.pop("candidates", None)
    for g in doc["goals"]:
        g.pop("confidence", None)
        g.pop("found_by", None)
    for key in ("toc", "warnings"):
        doc.pop(key, None)
    upload = Upload.objects.create(strategy=m.Strategy.objects.get(slug="nrw"),
                                   edition_label="2.1", original_name="x.txt", kind="text",
                                   state=Upload.RUNNING)
    services.import_upload(upload, doc, seed_path.read_text())
    assert [f.confidence for f in upload.findings.all()] == [1.0] * len(doc["goals"])
    assert admin_client.get(reverse("onboarding:review", args=[upload.pk])).status_code == 200


def test_a_marked_passage_becomes_a_goal(admin_client, read_seed):
    upload = read_seed()
    text = "Bis 2030 sollen 95 Prozent der Verwaltungsleistungen digital angeboten werden."
    admin_client.post(reverse("onboarding:passage", args=[upload.pk]),
                      {"text": text, "line": "40", "page": ""})
    finding = upload.findings.get(kind=Finding.PASSAGE)
    assert finding.decision == "accepted" and finding.goal.source_line == 40
    target = finding.goal.targets.get()
    assert target.value == 95 and target.unit == "percent"


def test_organisations_are_matched_to_the_strategys_units(admin_client, read_seed):
    upload = read_seed()
    matches = {u.name: u for u in upload.unit_matches.all()}
    bank = matches["NRW.BANK"]
    assert bank.organisation is not None and bank.organisation.slug == "nrwbank"
    new = next(u for u in matches.values() if u.organisation is None)
    admin_client.post(reverse("onboarding:unit", args=[upload.pk, new.pk]),
                      {"organisation": "new"})
    new.refresh_from_db()
    assert new.confirmed and new.organisation.name == new.name


def test_a_revised_document_continues_the_published_edition(admin_client, read_seed):
    upload = read_seed()
    assert upload.edition.previous == m.Edition.objects.get(strategy__slug="nrw", slug="2-0")
    assert m.GoalLink.objects.filter(edition=upload.edition).exists()
    page = admin_client.get(reverse("onboarding:review", args=[upload.pk])).content.decode()
    assert "Setzt die vorige Fassung fort" in page


def test_a_unit_editor_decides_only_on_their_units_goals(client, roles, read_seed):
    from tests.conftest import staff_login

    upload = read_seed()
    mine, other = upload.findings.filter(kind=Finding.GOAL)[:2]
    mine.goal.responsible_units.set([m.Organisation.objects.get(slug="mwide")])
    staff_login(client, roles["editor_a"])
    url = reverse("onboarding:decide", args=[upload.pk])
    assert client.post(url, {"finding": [mine.pk], "decision": "accepted"}).status_code == 302
    assert client.post(url, {"finding": [other.pk], "decision": "accepted"}).status_code == 403
    assert client.post(reverse("onboarding:publish", args=[upload.pk])).status_code == 403
    mine.refresh_from_db()
    other.refresh_from_db()
    assert (mine.decision, other.decision) == ("accepted", "pending")
    assert Finding.history.filter(id=mine.pk).first().actor_role == "Redaktion MWIDE"


@pytest.mark.parametrize("hours,removed", [(1, False), (100, True)])
def test_stored_files_are_removed_after_the_set_time(admin_client, upload_file, seed_path,
                                                     upload_dir, settings, hours, removed):
    settings.LEITSTAND_UPLOAD_KEEP_HOURS = 72
    upload_file("s.txt", seed_path.read_bytes())
    upload = Upload.objects.get()
    Upload.objects.filter(pk=upload.pk).update(state=Upload.DONE)
    from django.utils import timezone

    jobs.purge_files(timezone.now() + dt.timedelta(hours=hours))
    assert (upload_dir / upload.stored_name).exists() is not removed


def test_a_revised_document_of_the_draft_replaces_it_and_keeps_the_decisions(
        admin_client, read_seed, upload_file, seed_path):
    upload = read_seed()
    goals = list(upload.findings.filter(kind=Finding.GOAL).order_by("line"))
    candidate = upload.findings.filter(kind=Finding.CANDIDATE).order_by("line").first()
    url = reverse("onboarding:decide", args=[upload.pk])
    admin_client.post(url, {"finding": [goals[0].pk, candidate.pk], "decision": "accepted"})
    admin_client.post(url, {"finding": [goals[1].pk], "decision": "rejected"})
    old_edition = upload.edition.pk

    revised = seed_path.read_text().replace("Vorwort", "Vorwort zur überarbeiteten Fassung", 1)
    response = upload_file("NRW Strategie (überarbeitet).txt", revised.encode())
    assert response.status_code == 302
    assert jobs.work(once=True) == 1
    upload.refresh_from_db()
    new = Upload.objects.latest("created_at")
    assert upload.state == Upload.DISCARDED and new.state == Upload.DONE
    assert not m.Edition.objects.filter(pk=old_edition).exists()  # no duplicate draft
    decisions = {f.text: f.decision for f in new.findings.exclude(decision="pending")}
    assert decisions == {goals[0].text: "accepted", candidate.text: "accepted",
                         goals[1].text: "rejected"}
    kept = new.findings.get(text=candidate.text)
    assert kept.goal is not None and kept.goal.edition == new.edition
    assert Finding.history.filter(id=kept.pk).first().history_change_reason.startswith(
        "kept from the review")
