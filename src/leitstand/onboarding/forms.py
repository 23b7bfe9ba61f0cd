"""The forms of bringing in a document: the upload and the edit of a found goal."""

from __future__ import annotations

from django import forms
from django.forms import modelformset_factory
from django.utils.translation import gettext_lazy as _

from leitstand.register import horizons
from leitstand.register import models as m


class UploadForm(forms.Form):
    strategy = forms.ModelChoiceField(queryset=m.Strategy.objects.none(), required=False,
                                      label=_("Strategy"), empty_label=_("– a new strategy –"))
    new_strategy = forms.CharField(max_length=300, required=False,
                                   label=_("Name of the new strategy"))
    edition_label = forms.CharField(max_length=40, label=_("Edition"),
                                    help_text=_("e.g. 2026 or 2.0"))
    file = forms.FileField(label=_("Document (PDF, text or Markdown)"), allow_empty_file=True)

    def __init__(self, *args, strategies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].queryset = strategies if strategies is not None else \
            m.Strategy.objects.none()

    def clean(self):
        data = super().clean()
        if not data.get("strategy") and not (data.get("new_strategy") or "").strip():
            raise forms.ValidationError(_("Choose a strategy or name a new one."))
        return data


class GoalForm(forms.ModelForm):
    class Meta:
        model = m.Goal
        fields = ["code", "title", "text", "section", "horizon", "responsible_units"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4}),
                   "responsible_units": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, units_editable=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = m.Section.objects.filter(
            edition=self.instance.edition)
        self.fields["horizon"].choices = [("", "–"), *horizons.CHOICES]
        self.fields["responsible_units"].queryset = m.Organisation.objects.order_by("name")
        if not units_editable:
            self.fields["responsible_units"].disabled = True


TargetFormSet = modelformset_factory(
    m.Target, fields=["metric", "value", "unit", "comparator", "deadline", "baseline_year"],
    extra=1, widgets={"deadline": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})})
