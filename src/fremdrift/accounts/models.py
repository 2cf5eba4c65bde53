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


class CalendarFeed(models.Model):
    """A person's secret address for calendar programs that subscribe (`calendar_feeds`). Only the
    token's hash is kept; a renewed or revoked feed keeps its row, so its use can still be read."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("made"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("calendar subscription")
        verbose_name_plural = _("calendar subscriptions")
        ordering = ["person", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(revoked_at__isnull=True),
                name="one_live_calendar_feed_per_person",
            )
        ]

    def __str__(self):
        return f"{self.person} {self.created_at:%Y-%m-%d %H:%M}"
