"""An upload folder per test, a strategy admin past both login steps, and the upload and
reading of a file as the editors' page and the background worker do it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from leitstand.onboarding import jobs
from leitstand.onboarding.models import Upload
from tests.conftest import staff_login


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.LEITSTAND_UPLOAD_DIR = tmp_path / "uploads"
    return settings.LEITSTAND_UPLOAD_DIR


@pytest.fixture
def admin_client(client, roles):
    staff_login(client, roles["strategy_admin"])
    return client


@pytest.fixture
def upload_file(admin_client):
    """Posts a file to the upload form; returns the response (not followed)."""
    def post(name, content, label="2.1", strategy="nrw", client=None):
        from leitstand.register.models import Strategy

        data = {"edition_label": label, "file": SimpleUploadedFile(name, content)}
        if strategy:
            data["strategy"] = Strategy.objects.get(slug=strategy).pk
        return (client or admin_client).post(reverse("onboarding:uploads"), data)
    return post


@pytest.fixture
def read_seed(upload_file, seed_path):
    """The seed uploaded by the strategy admin and read by the worker: the Upload in review."""
    def run(label="2.1"):
        response = upload_file("NRW Strategie.txt", seed_path.read_bytes(), label=label)
        assert response.status_code == 302, response.content.decode()[:2000]
        assert jobs.work(once=True) == 1
        return Upload.objects.latest("created_at")
    return run
