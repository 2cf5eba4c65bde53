from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from fremdrift.core.requests import client_address, posted_next

from . import calendar_feeds
from .demo import DEMO_PASSWORD
from .forms import LanguageForm, LoginForm, ResetForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if settings.DEMO_MODE:
            from .selectors import demo_accounts

            context["demo_accounts"] = demo_accounts()
            context["demo_password"] = DEMO_PASSWORD
        return context


class PasswordResetView(auth_views.PasswordResetView):
    """Each request sends an e-mail, so requests are throttled per address and per client address.
    The refusal reads the same whether or not the address has an account."""

    form_class = ResetForm
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def form_valid(self, form):
        address = form.cleaned_data["email"].strip().casefold()
        throttles = [
            (
                "password-reset-address",
                lambda group, request: address,
                settings.PASSWORD_RESET_RATE_PER_ADDRESS,
            ),
            (
                "password-reset-client",
                client_address,
                settings.PASSWORD_RESET_RATE_PER_CLIENT,
            ),
        ]
        # Both are counted on every request, so asking for many addresses from one client is throttled too.
        limited = [
            is_ratelimited(self.request, group=group, key=key, rate=rate, increment=True)
            for group, key, rate in throttles
        ]
        if any(limited):
            form.add_error(None, _("Too many requests for a new password. Please try again in an hour."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)


@require_POST
def set_language(request):
    """Switch language; a logged-in user keeps the choice on every device."""
    form = LanguageForm(request.POST)
    response = redirect(posted_next(request) or "/")
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            request.user.language = language
            request.user.save(update_fields=["language"])
        translation.activate(language)
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response


@login_required
@never_cache
def calendar_subscription(request):
    """Make, renew or revoke the person's secret calendar address. Its addresses are shown once, on the
    page that answers the making: only a hash is kept."""
    token = None
    if request.method == "POST":
        if "revoke" in request.POST:
            calendar_feeds.revoke_calendar_feed(request.user)
            messages.success(
                request,
                _("The subscription address was revoked: calendar programs get nothing more from it."),
            )
            return redirect("calendar_subscription")
        token = calendar_feeds.create_calendar_feed(request.user)
    return render(
        request,
        "accounts/calendar_subscription.html",
        {
            "feed": calendar_feeds.live_feed(request.user),
            "addresses": calendar_feeds.addresses(request.user, token) if token else [],
        },
    )
