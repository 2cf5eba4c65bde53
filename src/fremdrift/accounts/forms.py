from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fremdrift.core import mail


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

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        """Sent as every e-mail is (`core.mail`): its link is on the installation's address, never on the
        Host the request named (Django would use that), so a forged Host cannot send the token elsewhere."""
        link = reverse("password_reset_confirm", kwargs={"uidb64": context["uid"], "token": context["token"]})
        subject = render_to_string(subject_template_name, context)
        mail.send(email_template_name, context, [to_email], subject=subject, link=link)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
