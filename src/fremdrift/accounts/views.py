from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect
from django.utils import translation
from django.views.decorators.http import require_POST

from fremdrift.core.requests import posted_next

from .demo import DEMO_PASSWORD
from .forms import LanguageForm, LoginForm


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
