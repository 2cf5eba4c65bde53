"""In the Django admin a platform administrator reads money, applications and the audit trail but
changes none of them: every change goes through the services."""

import pytest
from django.urls import reverse

from fremdrift.funding.models import Application, LedgerEntry
from funding.people import PLATFORM

pytestmark = [pytest.mark.funding]


@pytest.fixture
def admin_client(world, client_for):
    return client_for(PLATFORM)


def test_no_ledger_entry_is_booked_in_the_admin(admin_client):
    before = LedgerEntry.objects.count()
    assert admin_client.get(reverse("admin:funding_ledgerentry_add")).status_code == 403
    admin_client.post(reverse("admin:funding_ledgerentry_add"), {"kind": "payment", "amount": "1000"})
    assert LedgerEntry.objects.count() == before


def test_a_decided_application_is_not_changed_in_the_admin(world, admin_client):
    application = Application.objects.filter(decisions__isnull=False).first()
    url = reverse("admin:funding_application_change", args=[application.pk])
    page = admin_client.get(url)
    assert page.status_code == 200 and b'name="title"' not in page.content
    admin_client.post(url, {"title": "Ændret i admin", "fund": application.fund_id})
    application.refresh_from_db()
    assert application.title != "Ændret i admin"
    assert (
        admin_client.post(reverse("admin:funding_application_delete", args=[application.pk])).status_code
        == 403
    )


@pytest.mark.parametrize("model", ["funding_application", "funding_ledgerentry", "audit_auditentry"])
def test_nothing_is_added_in_the_admin(admin_client, model):
    assert admin_client.get(reverse(f"admin:{model}_add")).status_code == 403
