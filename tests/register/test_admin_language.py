"""The editors' admin speaks German: model and field names are marked for translation."""

from django.contrib import admin
from django.urls import reverse
from django.utils.functional import Promise

from tests.conftest import staff_login

OURS = ("register", "monitoring", "participation", "api")


def test_every_model_and_field_in_the_admin_has_a_translatable_name():
    untranslatable = []
    for model in admin.site._registry:
        opts = model._meta
        if opts.app_label not in OURS:
            continue
        for name in ("verbose_name", "verbose_name_plural"):
            if not isinstance(getattr(opts, name), Promise):
                untranslatable.append(f"{opts.label}.{name}")
        for field in opts.get_fields():
            if field.concrete and not field.auto_created \
                    and not isinstance(field.verbose_name, Promise):
                untranslatable.append(f"{opts.label}.{field.name}")
    assert untranslatable == []


def test_the_goal_form_is_in_german(client, roles):
    staff_login(client, roles["superuser"])
    index = client.get(reverse("admin:index")).content.decode()
    assert ">Ziele<" in index and ">Bewertungen<" in index and ">Goals<" not in index
    from leitstand.register.models import Goal

    goal = Goal.objects.filter(edition__strategy__slug="nrw").first()
    form = client.get(reverse("admin:register_goal_change", args=[goal.pk])).content.decode()
    for label in ("Titel", "Zeithorizont", "Verantwortliche Einheiten", "Seite in der Quelle"):
        assert f">{label}:<" in form, label
