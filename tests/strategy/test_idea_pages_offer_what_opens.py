"""The idea pages offer a new idea, and link a campaign, only to whom that page then opens.

(tests/foundation/test_pages_can_be_read_by_assistive_technology.py follows every link as every role;
these are the cases one by one, with the refusal that a link would have led to.)
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from fremdrift.ideas.models import Campaign, Idea
from fremdrift.organisations.models import Membership
from fremdrift.organisations.roles import Role

pytestmark = [pytest.mark.strategy]

STAFF = "medarbejder@nordfjord.demo"  # Hjemmepleje Nord
INNOVATION = "innovation@nordfjord.demo"  # Ældre og Sundhed
RUNNING, PAST = ("2000-01-01", "2999-12-31"), ("2000-01-01", "2000-12-31")


@pytest.fixture
def without_board(client, world):
    """A person in "Børn og Unge", an administration with no unit below it that keeps a board."""
    person = get_user_model().objects.create_user(
        "sagsbehandler@nordfjord.demo", "sagsbehandler@nordfjord.demo"
    )
    Membership.objects.create(user=person, organisation=world.organisations["Børn og Unge"], role=Role.STAFF)
    client.force_login(person)
    return client


def offers(client, page, target):
    return f'href="{target}' in client.get(page).content.decode()


def test_the_idea_list_offers_a_new_idea_only_to_whom_a_board_takes_it_from(without_board, client_for):
    assert without_board.get(reverse("ideas:index")).status_code == 200
    assert not offers(without_board, reverse("ideas:index"), reverse("ideas:create"))
    assert without_board.get(reverse("ideas:create")).status_code == 403

    staff = client_for(STAFF)
    assert offers(staff, reverse("ideas:index"), reverse("ideas:create"))
    assert staff.get(reverse("ideas:create")).status_code == 200


def test_a_person_with_no_role_is_not_offered_a_new_idea(client, world):
    client.force_login(get_user_model().objects.create_user("ny@nordfjord.demo", "ny@nordfjord.demo"))
    assert not offers(client, reverse("ideas:index"), reverse("ideas:create"))
    assert client.get(reverse("ideas:create")).status_code == 403


def test_an_idea_links_its_campaign_for_whom_the_campaign_opens(client_for, world):
    idea = Idea.objects.filter(campaign__isnull=False, organisation__name="Hjemmepleje Nord").first()
    page, campaign = (
        reverse("ideas:detail", args=[idea.pk]),
        reverse("ideas:campaign", args=[idea.campaign_id]),
    )
    staff = client_for(STAFF)
    assert staff.get(campaign).status_code == 404
    assert not offers(staff, page, campaign)

    innovation = client_for(INNOVATION)
    assert innovation.get(campaign).status_code == 200
    assert offers(innovation, page, campaign)


@pytest.mark.parametrize(("runs", "offered"), [(RUNNING, True), (PAST, False)])
def test_a_campaign_offers_an_idea_in_it_while_it_runs(client_for, world, runs, offered):
    campaign = Campaign.objects.exclude(ideas=None).first()
    Campaign.objects.filter(pk=campaign.pk).update(starts_on=runs[0], ends_on=runs[1])
    propose = f"{reverse('ideas:create')}?campaign={campaign.pk}"
    innovation = client_for(INNOVATION)
    assert offers(innovation, reverse("ideas:campaign", args=[campaign.pk]), propose) == offered
    form = innovation.get(propose).context["form"]
    assert (campaign in form.fields["campaign"].queryset) == offered


def test_a_campaign_offers_no_idea_to_whom_no_board_takes_it_from(without_board, world):
    campaign = Campaign.objects.create(
        organisation=world.organisations["Børn og Unge"],
        title="Idéer til fritidslivet",
        theme="Fritid",
        starts_on=RUNNING[0],
        ends_on=RUNNING[1],
    )
    page = reverse("ideas:campaign", args=[campaign.pk])
    assert without_board.get(page).status_code == 200
    assert not offers(without_board, page, f"{reverse('ideas:create')}?campaign={campaign.pk}")
