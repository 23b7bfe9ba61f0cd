"""Edition lineage: suggested from text and targets, confirmed by editors, shown side by side."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from leitstand.register.lineage import GoalText, suggest
from leitstand.register.models import Edition, GoalLink
from leitstand.register.services import confirm_link, suggest_lineage


def g(id, text, *targets):
    return GoalText(id, text, tuple(targets))


def test_kinds_of_continuation():
    previous = [g(1, "Glasfaser für alle Schulen im Land", ("percent", 100.0, None)),
                g(2, "Offene Daten der Verwaltung veröffentlichen"),
                g(3, "Bürgerbeteiligung online ausbauen")]
    new = [g(10, "Glasfaser für alle Schulen im Land", ("percent", 100.0, None)),
           g(11, "Offene Daten der Verwaltung als Verordnung regeln"),
           g(12, "Offene Daten der Verwaltung mit Katalog veröffentlichen"),
           g(13, "Quantencomputer erforschen")]
    kinds = {(s.previous, s.goal): s.kind for s in suggest(new, previous)}
    assert kinds[(1, 10)] == "kept"
    assert kinds[(2, 11)] == "split" and kinds[(2, 12)] == "split"
    assert kinds[(None, 13)] == "new" and kinds[(3, None)] == "dropped"


def test_demo_suggests_that_the_venture_capital_goal_continues(db):
    link = GoalLink.objects.get(goal__code="20-12")
    assert link.previous.code == "19-07" and link.confirmed_at is None


def test_editor_of_the_unit_confirms_and_confirmation_survives_new_suggestions(roles):
    link = GoalLink.objects.get(goal__code="20-12", previous__code="19-07")
    with pytest.raises(PermissionDenied):
        confirm_link(roles["editor_b"], link.pk)
    confirm_link(roles["editor_a"], link.pk, kind="sharpened")
    suggest_lineage(Edition.objects.get(strategy__slug="nrw", slug="2-0"))
    kept = GoalLink.objects.get(goal__code="20-12", previous__code="19-07")
    assert kept.kind == "sharpened" and kept.confirmed_by == roles["editor_a"]
    assert GoalLink.objects.filter(goal__code="20-12").count() == 1


def test_goal_page_carries_the_earlier_history_and_comparison_counts(client, db):
    html = client.get(reverse("dashboard:goal", args=["nrw", "2-0", "20-12"])).content.decode()
    assert "19-07" in html and "SPD-Fraktion im Landtag NRW" in html
    page = client.get(reverse("dashboard:comparison", args=["nrw", "2-0"]))
    counts = {c["kind"]: c["suggested"] for c in page.context["counts"]}
    assert counts["new"] >= 1 and counts["dropped"] >= 1
    assert sum(counts.values()) == GoalLink.objects.filter(edition__slug="2-0").count()
