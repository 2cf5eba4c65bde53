from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class FremdriftUserManager(UserManager):
    def get_by_natural_key(self, username):
        # Users log in with their e-mail address in any letter case.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A person who logs in. Their roles come from memberships in organisations."""

    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    is_platform_admin = models.BooleanField(
        _("platform administrator"),
        default=False,
        help_text=_("Runs the installation: creates organisations and their administrators."),
    )

    objects = FremdriftUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email
