"""An idea from the public is rate-limited per client address, ignored when a robot fills the hidden
field, and seen only by those who curate the board until one of them approves it."""

import pytest
from django.urls import reverse

from fremdrift import access
from fremdrift.ideas import services, workflow
from fremdrift.ideas.models import Idea
from fremdrift.ideas.views import PUBLIC_IDEAS_PER_HOUR

pytestmark = [pytest.mark.strategy]

QUALITY = "kvalitet@nordfjord.demo"  # curates the board: may approve
STAFF = "vurderer@nordfjord.demo"  # sees the board of Lindely, may not approve
OTHER = "projektleder@solund.demo"
IDEA = {"public_name": "Karin", "title": "Flere bænke", "problem": "Lang gang", "proposal": "Bænke"}


@pytest.fixture
def lindely(world):
    return world.organisations["Plejecenter Lindely"]


def _send(client, organisation, address="192.0.2.1", **extra):
    return client.post(
        reverse("ideas:public_create", args=[organisation.pk]), {**IDEA, **extra}, REMOTE_ADDR=address
    )


def test_one_address_may_send_only_a_few_ideas_an_hour_and_keeps_its_text(client, lindely):
    for _ in range(PUBLIC_IDEAS_PER_HOUR):
        assert _send(client, lindely).status_code == 200
    refused = _send(client, lindely)
    assert refused.status_code == 429 and "Flere bænke" in refused.content.decode()
    assert Idea.objects.filter(title="Flere bænke").count() == PUBLIC_IDEAS_PER_HOUR
    assert _send(client, lindely, address="192.0.2.2").status_code == 200


def test_a_robot_that_fills_the_hidden_field_is_thanked_and_nothing_is_saved(client, lindely):
    assert _send(client, lindely, website="http://spam.example").status_code == 200
    assert not Idea.objects.filter(title="Flere bænke").exists()


def test_a_public_idea_waits_unseen_until_a_curator_approves_it(client, client_for, world, lindely):
    _send(client, lindely)
    idea = Idea.objects.get(title="Flere bænke")
    assert idea.status == workflow.AWAITING_APPROVAL
    detail = reverse("ideas:detail", args=[idea.pk])
    board = reverse("ideas:board", args=[lindely.pk])
    for email in (STAFF, OTHER):
        assert client_for(email).get(detail).status_code == 404
    assert "Flere bænke" not in client_for(STAFF).get(board).content.decode()
    assert "Flere bænke" in client_for(QUALITY).get(board).content.decode()
    assert client_for(QUALITY).get(detail).status_code == 200
    with pytest.raises(access.NotAllowed):
        services.move_idea(world.users[STAFF], idea=idea, to_status=workflow.NEW)
    services.move_idea(world.users[QUALITY], idea=idea, to_status=workflow.NEW)
    assert client_for(STAFF).get(detail).status_code == 200
