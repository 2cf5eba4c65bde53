"""In the browser: an administrator invites a new colleague, the colleague follows the link in the
e-mail, chooses a password and is on her home page; the pages on the way pass axe-core."""

import re

import pytest
from django.core import mail

pytestmark = [pytest.mark.foundation]

ADMIN = "admin@nordfjord.demo"


def test_invite_follow_the_link_choose_a_password_and_be_home(browser_page, assert_accessible, live_world):
    unit = live_world.organisations["Hjemmepleje Nord"]
    admin = browser_page(ADMIN)
    admin.goto(f"/organisations/{unit.pk}/")
    admin.get_by_text("Invitér en person").click()
    admin.locator("#id_invite-email").fill("nina.kollega@nordfjord.dk")
    admin.locator("#id_invite-name").fill("Nina Kollega")
    admin.locator("#id_invite-role").select_option("project_lead")
    admin.get_by_role("button", name="Send invitationen").click()
    assert admin.locator("#invitations td").first.inner_text() == "nina.kollega@nordfjord.dk"
    assert_accessible(admin)
    admin.goto(f"/organisations/{unit.pk}/invite/")
    admin.locator("#id_rows").fill(
        "bo@nordfjord.dk; Bo Berg; Hjemmepleje Syd; Medarbejder\nbo(at)nordfjord.dk"
    )
    admin.get_by_role("button", name="Kontrollér listen").click()
    assert admin.locator("tr.row--error").count() == 1
    assert_accessible(admin)

    [message] = mail.outbox
    link = re.search(r"https?://[^/]+(/invitations/\S+/)", message.body).group(1)
    newcomer = browser_page(width=375)
    newcomer.goto(link)
    assert_accessible(newcomer)
    assert newcomer.locator("#id_first_name").input_value() == "Nina"
    newcomer.locator("#id_password").fill("en-helt-ny-adgangskode-2026")
    newcomer.locator("#id_password_again").fill("en-helt-ny-adgangskode-2026")
    newcomer.get_by_role("button", name="Tag imod og log ind").click()
    newcomer.wait_for_url("**/")
    assert "Projektleder i Hjemmepleje Nord" in newcomer.locator(".messages").inner_text()
    assert_accessible(newcomer)
