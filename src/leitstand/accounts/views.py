"""The staff login's later steps: one-time code, setting up the authenticator, passwords."""

from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from leitstand.accounts import second_factor
from leitstand.accounts.forms import CodeForm, QueuedPasswordResetForm
from leitstand.core import login_throttle, rate_limits
from leitstand.core.redirects import safe_next


def _next(request) -> str:
    return safe_next(request, reverse("admin:index"))


def _with_next(name: str, request) -> str:
    return reverse(name) + "?" + urlencode({"next": _next(request)})


def _passed(request):
    """Both login steps done: on to the page asked for, and this browser is known to be
    the owner's (wrong passwords others try for the name do not slow it down)."""
    response = redirect(_next(request))
    login_throttle.remember_device(response, request.user.get_username())
    return response


@never_cache
def verify(request):
    user = request.user
    if not user.is_authenticated:
        return redirect(_with_next("admin:login", request))
    if not second_factor.needs_second_factor(user) or user.is_verified():
        return redirect(_next(request))
    device = second_factor.confirmed_device(user)
    if device is None:
        return redirect(_with_next("account_enrol", request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.check(request, device, form.cleaned_data["code"]):
            return _passed(request)
        form.add_error("code", _wrong_code())
    return render(request, "accounts/verify.html", {"form": form, "next": _next(request)})


@never_cache
def enrol(request):
    user = request.user
    if not second_factor.needs_second_factor(user):
        return redirect(_with_next("admin:login", request))
    # Replacing a working device needs that device's code first.
    if second_factor.confirmed_device(user) is not None and not user.is_verified():
        return redirect(_with_next("account_verify", request))
    device = second_factor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if second_factor.confirm(request, device, form.cleaned_data["code"]):
            return _passed(request)
        form.add_error("code", _wrong_code())
    return render(request, "accounts/enrol.html", {
        "form": form, "next": _next(request), "qr": second_factor.qr_svg(device),
        "key": second_factor.key_for_typing(device)})


def _wrong_code() -> str:
    return _("This code is not right, or it was used already. Wait for the next code and "
             "try again.")


class PasswordReset(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_mail.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("account_reset_sent")

    def post(self, request, *args, **kwargs):
        # The source is throttled (429); one address gets a few mails an hour, and beyond
        # them the same answer without a mail – nobody can lock the owner out.
        try:
            rate_limits.hit("password-reset", rate_limits.key_of(
                "a", rate_limits.client_address(request)))
        except rate_limits.RateLimited as exc:
            return exc.page(request)
        if not rate_limits.allow("password-reset-mail", rate_limits.key_of(
                "e", request.POST.get("email", "")[:254].strip().lower())):
            return redirect(self.get_success_url())
        return super().post(request, *args, **kwargs)


class PasswordResetSent(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"


class SetPassword(auth_views.PasswordResetConfirmView):
    """For invitations and resets alike; afterwards the person is signed in with the
    password and goes on to the second factor."""

    template_name = "accounts/set_password.html"
    post_reset_login = True
    success_url = reverse_lazy("account_verify")
