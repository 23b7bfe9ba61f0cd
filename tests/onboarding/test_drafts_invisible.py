"""A document in review never shows on a public surface – pages, API, feeds, downloads,
search, exports, the static site – until a strategy admin publishes it; then it does."""

import pathlib

from django.test import Client
from django.urls import reverse

from leitstand.onboarding.models import Finding

MARK = "Entwurfsmarke Glasfaserquote"


def _surfaces(client, upload, tmp_path, name):
    from leitstand.api.exports import export
    from leitstand.operations.static_site import build

    edition = upload.edition
    goal = edition.goals.first()
    texts = {
        "strategy page": client.get("/nrw/").content.decode(),
        "overview": client.get(f"/nrw/{edition.slug}/").content.decode(),
        "goal list": client.get(f"/nrw/{edition.slug}/ziele/").content.decode(),
        "goal page": client.get(goal.get_absolute_url()).content.decode(),
        # the query is echoed on the page: search for the other word of the mark
        "search across strategies": client.get("/vergleich/", {"q": "Glasfaserquote"})
        .content.decode(),
        "API goals": client.get("/api/v1/goals", {"q": "Glasfaserquote"}).content.decode(),
        "API goal": client.get(f"/api/v1/goals/{goal.pk}").content.decode(),
        "API editions": client.get("/api/v1/editions").content.decode(),
        "feed": client.get("/nrw/feed.json").content.decode(),
        "JSON download": client.get("/daten/leitstand.json").content.decode(),
        "goals CSV": client.get("/daten/goals.csv").content.decode(),
    }
    folder = tmp_path / name
    export(folder / "json", "json")
    export(folder / "csv", "csv")
    build(folder / "site")
    for path in folder.rglob("*"):
        if path.is_file() and path.suffix in (".json", ".csv", ".html"):
            texts[str(path.relative_to(folder))] = path.read_text(encoding="utf-8")
    return texts


def test_a_draft_is_on_no_public_surface_until_published(admin_client, read_seed, tmp_path):
    upload = read_seed()
    for goal in upload.edition.goals.all():
        goal.title = f"{MARK} {goal.code}"
        goal.text = f"{MARK}: {goal.text}"
        goal.save()  # the search index follows the save
    admin_client.post(reverse("onboarding:accept_confident", args=[upload.pk]),
                      {"threshold": "0"})
    assert not upload.findings.exclude(decision=Finding.ACCEPTED).exists()

    citizen = Client()
    before = _surfaces(citizen, upload, tmp_path, "draft")
    leaks = [where for where, text in before.items() if "Entwurfsmarke" in text]
    assert leaks == []

    admin_client.post(reverse("onboarding:publish", args=[upload.pk]))
    after = _surfaces(citizen, upload, tmp_path, "published")
    shown = {where for where, text in after.items() if "Entwurfsmarke" in text}
    for where in ("goal list", "goal page", "search across strategies", "API goals",
                  "API goal", "JSON download", "goals CSV"):
        assert where in shown, where
    assert any(pathlib.Path(w).parts[0] == "site" for w in shown)
    assert any(pathlib.Path(w).parts[0] == "csv" for w in shown)
