"""The dialog's forms. Django's fields reject NUL characters and over-long text; only the
fields declared here are ever read from a request (no mass assignment)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from leitstand.core import text, web_links

MAX_TEXT = 5000


def clean_name(value: str, participant=None) -> str:
    """A display name: normalised (core.text), at least 2 characters, and no other
    participant's name – not even in other case or with an invisible character added."""
    from leitstand.participation.models import Participant

    value = text.normalise_name(value)
    if len(value) < 2:
        raise ValidationError(_("Choose a name of at least 2 characters."))
    if len(value) > 40:
        raise ValidationError(_("Choose a name of at most 40 characters."))
    others = Participant.objects.filter(name_key=text.name_key(value))
    if participant is not None:
        others = others.exclude(pk=participant.pk)
    if others.exists():
        raise ValidationError(_("This name is taken. Please choose another."))
    return value


class AccessibleForm(forms.Form):
    """Marks fields with errors for screen readers: aria-invalid, and aria-describedby
    pointing at the error text that _fields.html renders beside the field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():  # the shared rule for typed text (core.text)
            if isinstance(field, forms.CharField):
                field.validators.append(text.validate_text)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                attrs["aria-describedby"] = f"{self[name].auto_id}_error"


class TextForm(AccessibleForm):
    body = forms.CharField(label=_("Your comment"), max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 5}))
    # A field hidden from people (CSS and aria-hidden); bots that fill it are refused.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("This form could not be sent."))
        return ""


class CommentForm(TextForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ProposalForm(AccessibleForm):
    kind = forms.ChoiceField(label=_("What do you propose?"), choices=[
        ("new_goal", _("a new goal")), ("change_goal", _("a change to a goal"))],
        widget=forms.RadioSelect, initial="new_goal")
    goal = forms.ChoiceField(label=_("Goal to change (only for a change)"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200, widget=forms.TextInput(
        attrs={"class": "wide"}), help_text=_("A short sentence that says what you propose."))
    body = forms.CharField(label=_("Your proposal"), max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [("", "–")] + [(str(g.pk), str(g)) for g in goals]

    def clean(self):
        data = super().clean()
        if data.get("kind") == "change_goal" and not data.get("goal"):
            self.add_error("goal", _("Choose the goal you want to change."))
        return data


class ReasonForm(AccessibleForm):
    reason = forms.CharField(label=_("Why should a moderator look at this?"),
                             max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class EmailForm(AccessibleForm):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)


class NameForm(AccessibleForm):
    display_name = forms.CharField(label=_("Display name"), max_length=40, help_text=_(
        "Shown with your posts. Use a pseudonym if you like."))

    def __init__(self, *args, participant=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.participant = participant

    def clean_display_name(self):
        return clean_name(self.cleaned_data["display_name"], self.participant)


class SignUpForm(NameForm):
    """The first display name, with the acknowledgement of the privacy notice (and of the
    terms of use where the operator sets them)."""

    acknowledge = forms.BooleanField(label=_("I have read the privacy notice."), error_messages={
        "required": _("Please confirm that you have read the privacy notice.")})

    def __init__(self, *args, terms_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if terms_url:
            self.fields["accept_terms"] = forms.BooleanField(
                label=_("I accept the terms of use."), error_messages={
                    "required": _("Please accept the terms of use.")})


class DisputeForm(AccessibleForm):
    body = forms.CharField(label=_("Why is the published status wrong?"), max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 6}))
    links = forms.CharField(label=_("Sources (one web address per line)"), required=False,
                            max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))

    def clean_links(self):
        links = web_links.split(self.cleaned_data["links"])
        if len(links) > 10:
            raise ValidationError(_("At most 10 sources."))
        web_links.validate_web_links(self.cleaned_data["links"])
        return links


class AnswerForm(AccessibleForm):
    organisation = forms.ChoiceField(label=_("Answer in the name of"))
    body = forms.CharField(label=_("Official answer"), max_length=MAX_TEXT,
                           widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(str(o.pk), o.name) for o in units]


class ModerationForm(AccessibleForm):
    reason = forms.CharField(label=_("Reason (shown in place of the text when hiding)"),
                             required=False, max_length=1000)


class TakeUpForm(AccessibleForm):
    goal = forms.ChoiceField(label=_("Taken up in goal"))
    note = forms.CharField(label=_("Note"), required=False, max_length=1000)

    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [(str(g.pk), f"{g.edition.label} · {g}") for g in goals]
