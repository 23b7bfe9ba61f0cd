"""The code form and a password-reset form whose mail goes through the mail queue."""

from django import forms
from django.contrib.auth.forms import PasswordResetForm
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from leitstand.core import mail_queue
from leitstand.core.site import protocol_and_domain


class CodeForm(forms.Form):
    code = forms.CharField(label=_("Six-digit code from your authenticator app"),
                           max_length=12, widget=forms.TextInput(attrs={
                               "autocomplete": "one-time-code", "inputmode": "numeric",
                               "autofocus": True}))


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form (same answer for known and unknown addresses, a token that works
    once), sending through the queue so a mail server outage loses no mail."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email,
                  to_email, html_email_template_name=None):
        context["protocol"], context["domain"] = protocol_and_domain()  # not the request's host
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        mail_queue.queue(to_email, subject, render_to_string(email_template_name, context))
