"""Stored script in every text field an editor can fill, on every page that shows it.

Each field gets its own marker tag; then the whole public site is crawled from the start
page (every page type of every published edition, the feeds, the dialog) and the admin's
list and form of each model are opened. No marker may come out as a tag – only escaped.
Participants' fields are checked the same way in tests/participation/test_safety.py.
"""

import re
from collections import deque

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.urls import reverse

from leitstand.monitoring.models import Assessment
from tests.conftest import staff_login

# Written by people in the admin, the bulk upload, the API or a strategy file.
EDITOR_APPS = ("register", "monitoring")
EDITOR_MODELS_ELSEWHERE = ("participation.consultation", "participation.phase")
# Not text anyone types: computed, hashed, or a rule's name that the code branches on.
NOT_TYPED = {"register.searchentry", "monitoring.statussnapshot"}
NOT_TYPED_FIELDS = {"source_sha256", "rule", "actions"}


def editor_fields():
    found = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if not (model._meta.app_label in EDITOR_APPS or label in EDITOR_MODELS_ELSEWHERE):
            continue
        if label in NOT_TYPED or model.__name__.startswith("Historical"):
            continue
        for field in model._meta.fields:
            if (isinstance(field, (models.CharField, models.TextField)) and field.editable
                    and not field.choices and not field.unique
                    and not isinstance(field, (models.SlugField, models.URLField,
                                               models.EmailField))
                    and field.name not in NOT_TYPED_FIELDS):
                found.append((model, field.name))
    return found


def marker(i: int) -> str:
    return f"<s{i}>"  # short enough for every field (the shortest holds 10 characters)


def crawl(client, start, limit=600):
    """Every page reachable by links from `start`, on this site, outside the admin."""
    seen, queue, pages = set(start), deque(start), {}
    link = re.compile(r'href="(/[^"#]*)"')
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not kind.startswith(
                ("text/html", "application/atom", "application/xml")):
            continue
        text = response.content.decode()
        pages[url] = text
        for target in link.findall(text):
            target = target.replace("&amp;", "&")
            if target.startswith(("/admin/", "/static/", "/api/", "/sprache/", "/daten/")) \
                    or target in seen:
                continue
            seen.add(target)
            queue.append(target)
    return pages


@pytest.mark.slow
@pytest.mark.django_db
def test_script_in_every_editor_field_is_escaped_everywhere(client, roles):
    fields = editor_fields()
    assert len(fields) >= 30  # the register is covered, not a sample of it
    for i, (model, name) in enumerate(fields):
        model.objects.update(**{name: marker(i)})
    pages = crawl(client, ["/", "/vergleich/?q=s", "/nrw/2019/ziele/?q=s"])
    assert len(pages) > 150
    staff_login(client, roles["superuser"])
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        pages[f"admin {info}"] = client.get(reverse("admin:{}_{}_changelist".format(*info))
                                            ).content.decode()
        first = model.objects.first()
        if first is not None:
            pages[f"admin {info} {first.pk}"] = client.get(
                reverse("admin:{}_{}_change".format(*info), args=[first.pk])).content.decode()
    leaks = {url: sorted(set(re.findall(r"<s\d+>", text))) for url, text in pages.items()
             if re.search(r"<s\d+>", text)}
    assert leaks == {}
    shown = {i for i in range(len(fields)) if any(
        f"&lt;s{i}&gt;" in text for text in pages.values())}
    # every field shows up somewhere (escaped) – otherwise it was not tested at all
    assert {fields[i][0].__name__ + "." + fields[i][1] for i in range(len(fields))
            if i not in shown} == set()


@pytest.mark.django_db
def test_only_web_addresses_become_links(client, roles):
    """A `javascript:` source is refused when entered, and never linked if it got in."""
    from django.core.exceptions import ValidationError

    assessment = Assessment.objects.filter(goal__edition__slug="2019").first()
    assessment.evidence_links = "javascript:alert(1)\nhttps://example.org/beleg"
    with pytest.raises(ValidationError):
        assessment.full_clean()
    Assessment.objects.filter(pk=assessment.pk).update(
        evidence_links="javascript:alert(1)\nhttps://example.org/beleg")
    page = client.get(assessment.goal.get_absolute_url()).content.decode()
    assert 'href="https://example.org/beleg"' in page
    assert "javascript:" not in page
