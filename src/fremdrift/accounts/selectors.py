from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _


def demo_accounts():
    """Every demo user with their roles, for the login page in demo mode."""
    users = (
        get_user_model().objects.filter(email__endswith=".demo").prefetch_related("memberships__organisation")
    )
    return [
        {
            "email": user.email,
            "name": user.get_full_name(),
            "roles": [_("Platform administrator")]
            if user.is_platform_admin
            else [f"{m.get_role_display()} – {m.organisation}" for m in user.memberships.all()],
        }
        for user in users.order_by("email")
    ]
