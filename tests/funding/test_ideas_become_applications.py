"""An idea on the improvement board becomes a draft application to a fund, linked both ways."""

import pytest
from django.urls import reverse

from fremdrift.funding.models import Application, Fund
from fremdrift.ideas.models import Idea

pytestmark = [pytest.mark.funding]


def test_a_staff_member_starts_an_application_from_an_idea(client_for, world):
    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    fund = Fund.objects.get(name="Innovationspuljen")
    client = client_for("medarbejder@nordfjord.demo")
    page = client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    assert reverse("funding:from_idea", args=[idea.pk]) in page
    response = client.post(reverse("funding:from_idea", args=[idea.pk]), {"fund": fund.pk})
    application = Application.objects.get(idea=idea)
    assert response["Location"] == reverse("funding:application_edit", args=[application.pk])
    assert application.title == idea.title and idea.problem in application.challenge
    assert application.organisation == idea.organisation and application.status == "draft"
    assert (
        reverse("funding:application", args=[application.pk])
        in client.get(reverse("ideas:detail", args=[idea.pk])).content.decode()
    )


def test_nobody_applies_for_an_idea_of_another_municipality(client_for, world):
    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    fund = Fund.objects.get(name="Innovationspuljen")
    response = client_for("projektleder@solund.demo").post(
        reverse("funding:from_idea", args=[idea.pk]), {"fund": fund.pk}
    )
    assert response.status_code == 404 and not Application.objects.filter(idea=idea).exists()


def test_a_missing_fund_is_a_message_not_an_error(client_for, world):
    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    response = client_for("medarbejder@nordfjord.demo").post(reverse("funding:from_idea", args=[idea.pk]), {})
    assert response.status_code == 302 and not Application.objects.filter(idea=idea).exists()


def test_the_idea_page_lists_a_draft_only_for_those_who_may_see_it(client, client_for, world):
    from fremdrift.funding import applications

    idea = Idea.objects.filter(organisation=world.organisations["Hjemmepleje Nord"]).first()
    fund = Fund.objects.get(name="Innovationspuljen")
    draft = applications.application_from_idea(
        world.users["medarbejder@nordfjord.demo"], idea=idea, fund=fund
    )
    link = reverse("funding:application", args=[draft.pk])
    idea_page = reverse("ideas:detail", args=[idea.pk])
    assert link in client_for("medarbejder@nordfjord.demo").get(idea_page).content.decode()
    # The quality consultant sees the idea, but not the draft application that grew from it.
    client.logout()
    assert link not in client_for("kvalitet@nordfjord.demo").get(idea_page).content.decode()
