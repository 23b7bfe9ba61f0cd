"""Signing in to the dialog: an e-mail address, a one-time link, a display name; and out."""

from __future__ import annotations

from urllib.parse import quote

from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from leitstand import config
from leitstand.core import mail_queue, rate_limits
from leitstand.core.redirects import safe_next
from leitstand.core.site import site_url
from leitstand.participation import forms, identity, services
from leitstand.participation.views.common import refusing


@refusing
@require_http_methods(["GET", "POST"])
def sign_in(request):
    form = forms.EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        # The source is throttled (429); the address is never locked: beyond a few mails
        # an hour no new link is sent, and the links already sent keep working.
        rate_limits.hit("signin", rate_limits.key_of("a", rate_limits.client_address(request)))
        request.session["leitstand_next"] = safe_next(request, "")
        if rate_limits.allow("signin-mail", rate_limits.key_of("e", email)):
            token = identity.new_link(email)
            link = site_url(reverse("participation:sign_in_link", args=[token]))
            mail_queue.queue(email, _("Your sign-in link for Leitstand"), _(
                "Open this link to sign in (it works once, for 30 minutes):\n%(link)s\n\n"
                "If you did not ask for it, ignore this mail.") % {"link": link})
        # The same answer for every address: nobody learns whether it is registered.
        return render(request, "participation/sign_in_sent.html", {"email": email})
    return render(request, "participation/sign_in.html", {
        "form": form, "next": safe_next(request, "")})


@refusing
@require_http_methods(["GET", "POST"])
def sign_in_link(request, token):
    """GET shows a button (mail scanners that follow links use nothing up); POST signs in."""
    if request.method == "POST":
        rate_limits.hit("signin-use", rate_limits.key_of("a", rate_limits.client_address(request)))
        participant = identity.use_link(token)
        if participant is None:
            return render(request, "participation/sign_in_link.html", {"invalid": True},
                          status=400)
        next_url = request.session.get("leitstand_next", "")
        identity.sign_in(request, participant)
        if not participant.display_name or participant.acknowledged_at is None:
            return redirect(reverse("participation:display_name") + (
                f"?next={quote(next_url)}" if next_url else ""))
        return redirect(next_url or "participation:consultations")
    return render(request, "participation/sign_in_link.html", {
        "invalid": not identity.link_is_usable(token)})


@never_cache
@refusing
@require_http_methods(["GET", "POST"])
def display_name(request):
    participant = services.require_verified(identity.current(request))
    signing_up = participant.acknowledged_at is None
    terms_url = config.get("LEITSTAND_TERMS_URL")
    initial = {"display_name": participant.display_name}
    form = (forms.SignUpForm(request.POST or None, terms_url=terms_url, participant=participant,
                             initial=initial)
            if signing_up else forms.NameForm(request.POST or None, participant=participant,
                                              initial=initial))
    if request.method == "POST" and form.is_valid():
        participant.display_name = form.cleaned_data["display_name"]
        if signing_up:
            participant.acknowledged_at = timezone.now()
        try:
            with transaction.atomic():
                participant.save(update_fields=["display_name", "acknowledged_at"])
        except IntegrityError:  # taken at the same moment by someone else
            form.add_error("display_name", _("This name is taken. Please choose another."))
        else:
            return redirect(safe_next(request, reverse("participation:my_activity")))
    return render(request, "participation/display_name.html", {
        "form": form, "next": safe_next(request, ""), "signing_up": signing_up,
        "terms_url": terms_url})


@require_POST
def sign_out(request):
    identity.sign_out(request)
    return redirect("participation:consultations")

