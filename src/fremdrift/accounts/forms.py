from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    error_messages = {
        "invalid_login": _(
            "The e-mail address or the password is wrong. After several failed attempts the account is locked for a while."
        ),
        "inactive": _("This account is inactive."),
    }


class ResetForm(PasswordResetForm):
    def get_users(self, email):
        """Every active account with the address, also one without a usable password: a person an
        administrator added has none until they set one here (Django's form would skip them silently)."""
        return get_user_model().objects.filter(email__iexact=email, is_active=True).iterator()


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
