import pytest

from leitstand.participation.models import Consultation
from leitstand.register.models import Edition
from tests.participation.helpers import open_consultation, participant, sign_in


@pytest.fixture
def draft(db):
    """The demo's draft edition and its open consultation (Musterstadt, fictional)."""
    return Consultation.objects.select_related("edition").get(slug="musterstadt-2027")


@pytest.fixture
def nrw_dialog(db):
    """A consultation open now on NRW 2.0, whose strategy admin is the roles' strategy_admin."""
    return open_consultation(Edition.objects.get(strategy__slug="nrw", slug="2-0"))


@pytest.fixture
def alice(db):
    return participant("Alice")


@pytest.fixture
def bob(db):
    return participant("Bob")


@pytest.fixture
def alice_client(client, alice):
    return sign_in(client, alice)
