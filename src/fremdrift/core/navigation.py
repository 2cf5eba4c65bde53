"""The main navigation, per role: an entry shows when the user may use what it leads to.

Apps add their entries here as they arrive, so the menu has one definition.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from fremdrift import access


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    # None: shown to everybody; "authenticated": to any logged-in user; "platform": to platform
    # administrators; "demo": to everybody in demo mode; else: an action in access.RULES.
    needs: str | None = None


# In the order of the loop: strategy, ideas, funds, projects, sharing.
ENTRIES = [
    NavEntry(_("Home"), "home"),
    NavEntry(_("Strategy and plans"), "strategy:index", "action_plan.view"),
    NavEntry(_("Ideas"), "ideas:index", "idea.view"),
    NavEntry(_("Funds"), "funding:list", "authenticated"),
    NavEntry(_("Projects"), "projects:index", "authenticated"),
    NavEntry(_("Portfolio"), "projects:portfolio", "project.portfolio"),
    NavEntry(_("Case library"), "library:index"),
    NavEntry(_("Organisations"), "organisations:list", "authenticated"),
    NavEntry(_("Audit trail"), "organisations:audit_overview", "audit.view"),
    NavEntry(_("Outgoing e-mail"), "background:outgoing_email", "platform"),
    NavEntry(_("Demo inbox"), "background:demo_inbox", "demo"),
]

SHOWN_WHEN = {
    "authenticated": lambda user: user.is_authenticated,
    "platform": access.is_platform_admin,
    "demo": lambda user: settings.DEMO_MODE,
}


def entries_for(user) -> list[dict]:
    visible = []
    for entry in ENTRIES:
        if entry.needs in SHOWN_WHEN:
            if not SHOWN_WHEN[entry.needs](user):
                continue
        elif entry.needs is not None and not access.may_somewhere(user, entry.needs):
            continue
        visible.append({"label": entry.label, "url": reverse(entry.url_name), "url_name": entry.url_name})
    return visible
