"""Finding 8 of issue 20: nobody can pass as another participant. Display names are
NFKC-normalised, refused with invisible or bidi characters, and unique per instance,
compared case-insensitively."""

import pytest
from django.urls import reverse

from leitstand.participation.models import Participant
from tests.participation.helpers import participant, sign_in


def _choose(client, name):
    # the first choice also acknowledges the privacy notice (SignUpForm); later ones ignore it
    return client.post(reverse("participation:display_name"), {"display_name": name,
                                                               "acknowledge": "on"})


@pytest.mark.parametrize("name", ["Anna\u200bBerg", "Anna Berg\u200f", "\u061cAnna Berg",
                                  "Anna\u202eBerg", "Anna\u2066Berg", "\u3164Anna",
                                  "Anna\u00adBerg", "Anna\u2060Berg"])
def test_invisible_and_bidi_characters_are_refused(client, db, name):
    sign_in(client, participant("Vorher", "vorher@example.org"))
    response = _choose(client, name)
    assert response.status_code == 200
    assert "Der Name enthält unzulässige Zeichen" in response.content.decode()
    assert Participant.objects.get(email="vorher@example.org").display_name == "Vorher"


@pytest.mark.parametrize("copy", ["Anna Berg", "anna berg", "ANNA  BERG", "ａｎｎａ Berg",
                                  " Anna Berg "])
def test_a_name_in_use_cannot_be_taken_again(client, db, copy):
    sign_in(client, participant("Erste", "erste@example.org"))
    assert _choose(client, "Anna Berg").status_code == 302
    sign_in(client, participant("Zweite", "zweite@example.org"))
    response = _choose(client, copy)
    assert response.status_code == 200
    assert "Dieser Name ist vergeben" in response.content.decode()
    assert Participant.objects.get(email="zweite@example.org").display_name == "Zweite"


def test_a_name_is_stored_normalised_and_its_owner_may_keep_it(client, db):
    me = participant("Alt", "me@example.org")
    sign_in(client, me)
    assert _choose(client, "ｍａｒｉａ  Ｋ").status_code == 302
    me.refresh_from_db()
    assert me.display_name == "maria K"
    assert _choose(client, "Maria K").status_code == 302  # own name in other case: fine
