"""A knowledge post written here goes public only when its organisation's innovation unit approves
it; until then only its author (who sees its state) and the approvers see it."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from fremdrift import access
from fremdrift.library import search, services

pytestmark = [pytest.mark.library]

AUTHOR = "medarbejder@nordfjord.demo"
APPROVER = "innovation@nordfjord.demo"
COLLEAGUE = "projektleder@nordfjord.demo"
OTHER = "projektleder@solund.demo"
TITLE = "Gåture efter frokost"


@pytest.fixture
def post(world):
    return services.write_knowledge_post(
        world.users[AUTHOR],
        organisation=world.organisations["Hjemmepleje Nord"],
        kind="experience",
        title=TITLE,
        text="Beboerne sover bedre om natten efter en gåtur.",
    )


def test_a_new_post_is_seen_by_its_author_with_its_state_and_by_its_approvers_only(
    client, client_for, world, post
):
    page = reverse("library:knowledge")
    assert post.status == "awaiting_approval"
    assert TITLE not in client.get(page).content.decode()
    for email in (COLLEAGUE, OTHER):
        assert TITLE not in client_for(email).get(page).content.decode()
    own = client_for(AUTHOR).get(page).content.decode()
    assert TITLE in own and "Afventer godkendelse" in own
    publish = reverse("library:knowledge_step", args=[post.pk, "publish"])
    assert publish in client_for(APPROVER).get(page).content.decode()
    assert not search.search(AnonymousUser(), "gåtur") and not search.search(world.users[COLLEAGUE], "gåtur")


def test_only_the_innovation_unit_publishes_and_then_everyone_sees_it(client, client_for, world, post):
    for email in (AUTHOR, COLLEAGUE, OTHER, "admin@nordfjord.demo"):
        with pytest.raises(access.NotAllowed):
            services.take_post_step(world.users[email], post=post, name="publish")
    step = reverse("library:knowledge_step", args=[post.pk, "publish"])
    assert client_for(OTHER).post(step).status_code == 404
    assert client_for(APPROVER).post(step).status_code == 302
    post.refresh_from_db()
    assert post.status == "published"
    assert TITLE in client.get(reverse("library:knowledge")).content.decode()
    assert [hit.title for hit in search.search(AnonymousUser(), "gåtur")] == [TITLE]
