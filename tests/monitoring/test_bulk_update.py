"""Editors upload observations, assessments, goals or targets as CSV or XLSX: checked whole,
errors by row and column, applied whole or not at all."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.models import Goal
from tests.conftest import staff_login

HEADER = "strategy,indicator,date,value,source_url,note\n"


def upload(client, kind, content, name="daten.csv"):
    return client.post(reverse("monitoring:bulk_update"), {
        "kind": kind, "file": SimpleUploadedFile(name, content)})


def test_a_valid_file_is_applied_with_history(client, roles):
    staff_login(client, roles["editor_a"])
    body = (HEADER + "nrw,wagniskapital,2026-09-30,250,https://example.org/a,erste\n"
            "nrw,wagniskapital,2026-10-31,260.5,https://example.org/b,\n").encode()
    response = upload(client, "observations", body)
    assert "2 Zeilen übernommen" in response.content.decode()
    values = {str(o.date): float(o.value) for o in Observation.objects.filter(
        indicator__slug="wagniskapital", date__year=2026, date__month__gte=9)}
    assert values == {"2026-09-30": 250.0, "2026-10-31": 260.5}
    assert Observation.objects.get(date="2026-09-30").history.first().actor_role.startswith(
        "Redaktion")


def test_one_bad_row_stops_the_whole_file_and_every_problem_is_listed(client, roles):
    staff_login(client, roles["editor_a"])
    body = (HEADER + "nrw,wagniskapital,2026-09-30,250,https://example.org/a,\n"
            "nrw,wagniskapital,31.02.2026,viel,keine-url,\n"
            "nrw,gibt-es-nicht,2026-09-30,1,https://example.org/c,\n").encode()
    response = upload(client, "observations", body)
    page = response.content.decode()
    assert "nichts wurde geschrieben" in page
    for row, column in (("3", "date"), ("3", "value"), ("3", "source_url"),
                        ("4", "indicator")):
        assert f"<td>{row}</td><td>{column}</td>" in page, (row, column)
    assert not Observation.objects.filter(date="2026-09-30").exists()


def test_rows_of_another_unit_are_refused(client, roles):
    staff_login(client, roles["editor_b"])  # MKW does not report the MWIDE indicator
    response = upload(client, "observations",
                      (HEADER + "nrw,wagniskapital,2026-09-30,1,https://x.org/,\n").encode())
    assert "<td>2</td><td>indicator</td>" in response.content.decode()
    assert not Observation.objects.filter(date="2026-09-30").exists()


def test_assessments_arrive_as_drafts_and_goal_texts_change_only_in_given_columns(client,
                                                                                   roles):
    staff_login(client, roles["editor_a"])
    goal = Goal.objects.get(edition__strategy__slug="nrw", edition__slug="2019", code="19-07")
    text_before = goal.text
    upload(client, "assessments", (
        b"strategy,edition,goal,status,as_of,assessor,assessor_kind,evidence,links\n"
        b"nrw,2019,19-07,on_track,2026-10-01,MWIDE,government,Bericht,https://x.org/r\n"
    ))
    draft = Assessment.objects.get(goal=goal, as_of="2026-10-01")
    assert draft.state == "draft" and draft.links == ["https://x.org/r"]
    upload(client, "goals", (b"strategy,edition,code,title\n"
                             b"nrw,2019,19-07,Neuer Titel\n"))
    goal.refresh_from_db()
    assert goal.title == "Neuer Titel" and goal.text == text_before


def test_an_exported_file_comes_back_with_its_apostrophes_removed(client, roles):
    staff_login(client, roles["editor_a"])
    upload(client, "observations", (
        HEADER + "nrw,wagniskapital,2026-09-30,1,https://x.org/,'=nicht rechnen\n").encode())
    assert Observation.objects.get(date="2026-09-30").note == "=nicht rechnen"


def test_xlsx_works_and_files_are_judged_by_their_content(client, roles):
    from openpyxl import Workbook

    staff_login(client, roles["editor_a"])
    book = Workbook()
    book.active.append(HEADER.strip().split(","))
    book.active.append(["nrw", "wagniskapital", "2026-09-30", 7, "https://x.org/", None])
    data = io.BytesIO()
    book.save(data)
    assert "1 Zeile übernommen" in upload(client, "observations", data.getvalue(),
                                          "tabelle.csv").content.decode()
    for content, message in ((b"\x00\x01binary", "weder eine CSV- noch eine XLSX-Datei"),
                             (HEADER.encode("utf-16"), "weder eine CSV"),
                             ("ä,ö\n".encode("latin-1"), "nicht UTF-8"),
                             (b"PK\x03\x04kaputt", "kann nicht gelesen werden")):
        page = upload(client, "observations", content).content.decode()
        assert message in page, message


@pytest.mark.parametrize("kind", ["observations", "targets"])
def test_a_missing_column_is_named(client, roles, kind):
    staff_login(client, roles["editor_a"])
    page = upload(client, kind, b"strategy\nnrw\n").content.decode()
    assert "Diese Spalte fehlt" in page
