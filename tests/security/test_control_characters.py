"""Finding 6 of issue 20: control characters are refused at every input (tab and line
breaks only where text may span lines), every text has a limit that the API, forms, bulk
upload and loaders share, and every output stays readable even if one got in."""

import datetime as dt
import json
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from leitstand.api import tokens
from leitstand.core import text
from leitstand.monitoring.models import Assessment, Observation
from leitstand.register.models import Goal, Indicator
from leitstand.register.strategy_file import StrategyFileError, read
from tests.conftest import staff_login
from tests.monitoring.test_bulk_update import upload

BAD = ["vor\u000bnach", "vor\u0000nach", "vor\u001bnach", "vor\u0085nach"]


def _post(client, user, path, payload):
    return client.post(path, json.dumps(payload), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {tokens.create(user, 'test')[1]}")


@pytest.fixture
def indicator(db):
    return Indicator.objects.get(strategy__slug="nrw", slug="wagniskapital")


@pytest.mark.parametrize("bad", BAD)
def test_the_api_refuses_control_characters(client, roles, indicator, bad):
    response = _post(client, roles["editor_a"], "/api/v1/observations", {
        "indicator": indicator.id, "date": "2026-10-31", "value": "1",
        "source_url": "https://example.org/", "note": bad})
    assert response.status_code in (400, 422)
    assert not Observation.objects.filter(indicator=indicator, date="2026-10-31").exists()
    goal = Goal.objects.get(edition__slug="2019", code="19-06")
    response = _post(client, roles["editor_a"], "/api/v1/assessments", {
        "goal": goal.id, "status": "on_track", "as_of": "2026-10-01", "assessor": "MWIDE",
        "assessor_kind": "government", "evidence": bad})
    assert response.status_code in (400, 422)


def test_the_api_has_the_shared_length_limits(client, roles, indicator):
    response = _post(client, roles["editor_a"], "/api/v1/observations", {
        "indicator": indicator.id, "date": "2026-10-31", "value": "1",
        "source_url": "https://example.org/", "note": "x" * (2 * 1024 * 1024)})
    assert response.status_code in (400, 422)
    fits = _post(client, roles["editor_a"], "/api/v1/observations", {
        "indicator": indicator.id, "date": "2026-10-31", "value": "1",
        "source_url": "https://example.org/", "note": "Zeile 1\r\nZeile 2\tmit Tab"})
    assert fits.status_code == 201  # tab and line breaks are text


def test_models_forms_bulk_and_loaders_refuse_them(client, roles, indicator, tmp_path):
    observation = Observation(indicator=indicator, date=dt.date(2026, 10, 31), value=1,
                              source_url="https://example.org/", note="a\u000bb")
    with pytest.raises(ValidationError):
        observation.full_clean()  # the admin's forms and every service run this
    goal = Goal.objects.get(edition__slug="2019", code="19-06")
    goal.title = "Titel\nmit Umbruch"
    with pytest.raises(ValidationError):
        goal.full_clean()
    staff_login(client, roles["editor_a"])
    page = upload(client, "observations", (
        "strategy,indicator,date,value,source_url,note\n"
        "nrw,wagniskapital,2026-10-31,7,https://x.org/,a\u000bb\n").encode()).content.decode()
    assert "Steuerzeichen" in page
    assert not Observation.objects.filter(indicator=indicator, date="2026-10-31").exists()
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"strategy": {"slug": "s", "name": "S\u0007",
                                             "jurisdiction": "X"}, "editions": []}))
    with pytest.raises(StrategyFileError):
        read(path)


def test_one_stored_control_character_breaks_no_download_or_feed(client, roles):
    goal = Goal.objects.get(edition__slug="2019", code="19-06")
    Assessment.objects.create(  # as it could have come in before: past every check
        goal=goal, status="on_track", as_of=dt.date(2026, 1, 1), assessor="MWIDE\u000b",
        assessor_kind="government", evidence="Beleg\u000bmit\u001fSteuerzeichen",
        state="approved", approved_at=timezone.now())
    for path in ("/daten/leitstand.xlsx", "/nrw/feed.atom",
                 goal.get_absolute_url() + "feed.atom", "/nrw/feed.json"):
        response = client.get(path)
        assert response.status_code == 200, path
        if path.endswith(".atom"):
            assert "Belegmit" in ET.fromstring(response.content).findall(
                ".//{http://www.w3.org/2005/Atom}summary")[0].text


def test_the_rules_themselves():
    text.validate_text("Zeile\r\nZeile\tTab")
    for bad in BAD:
        with pytest.raises(ValidationError):
            text.validate_text(bad)
    with pytest.raises(ValidationError):
        text.validate_line("eine\nzweite")
    assert text.printable("a\u000bb\u0000c\nd") == "abc\nd"
