"""Two editors change the same record at once: the second save is refused, nothing is lost,
and the form shows what was saved meanwhile beside what this editor entered.

The change form carries a fingerprint of the record as it was loaded (its fields and
many-to-many choices); saving compares it with the record as it is now, inside the admin's
transaction. Written here because Django's admin has no optimistic locking and the
libraries that add it need a version column on every model.
"""

from __future__ import annotations

import hashlib

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

FIELD = "loaded_version"


def _values(obj) -> dict:
    values = {f.name: f.value_from_object(obj) for f in obj._meta.concrete_fields}
    for f in obj._meta.many_to_many:
        values[f.name] = sorted(o.pk for o in f.value_from_object(obj))
    return values


def fingerprint(obj) -> str:
    return hashlib.sha256(repr(sorted(_values(obj).items())).encode()).hexdigest()


class ConflictCheckMixin:
    def get_form(self, request, obj=None, **kwargs):
        if kwargs.get("fields"):  # the admin lists the form's fields back; this one is ours
            kwargs["fields"] = [f for f in kwargs["fields"] if f != FIELD]
        form_class = super().get_form(request, obj, **kwargs)
        if obj is None:
            return form_class

        class ConflictChecked(form_class):
            loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

            def __init__(self, *args, **kw):
                super().__init__(*args, **kw)
                if not self.is_bound:
                    self.initial[FIELD] = fingerprint(self.instance)

            def clean(self):
                data = super().clean()
                loaded = self.data.get(FIELD)
                current = type(self.instance)._default_manager.select_for_update().filter(
                    pk=self.instance.pk).first()
                if loaded and current is not None and loaded != fingerprint(current):
                    now = _values(current)
                    changed = [
                        _("%(field)s – saved meanwhile: “%(theirs)s”; yours: “%(mine)s”") % {
                            "field": self.fields[name].label or name, "theirs": now.get(name),
                            "mine": _plain(data.get(name))}
                        for name in self.fields
                        if name in now and _plain(data.get(name)) != _plain(now[name])]
                    raise ValidationError([_("Someone else saved this record after you opened "
                                             "it. Nothing of yours was saved; check the "
                                             "differences and save again.")] + changed)
                return data

        return ConflictChecked


def _plain(value):
    """Form values and model values in one comparable shape."""
    if hasattr(value, "all"):  # a queryset of a many-to-many field
        return sorted(o.pk for o in value.all())
    if isinstance(value, (list, tuple)):
        return sorted(getattr(o, "pk", o) for o in value)
    if hasattr(value, "pk"):
        return value.pk
    return "" if value is None else value
