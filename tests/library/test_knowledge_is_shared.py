import pytest
from django.urls import reverse

from fremdrift.library import services
from fremdrift.library.models import KnowledgePost

pytestmark = [pytest.mark.library]


def test_a_project_lead_shares_a_dead_end_and_others_comment(client_for, world):
    lindely = world.organisations["Plejecenter Lindely"]
    client = client_for("projektleder@nordfjord.demo")
    response = client.post(
        reverse("library:knowledge"),
        {
            "organisation": lindely.pk,
            "kind": "dead_end",
            "theme": "Nærvær",
            "title": "Sensorer i sengen virkede ikke",
            "text": "Alarmerne kom for sent til at forebygge fald.",
        },
    )
    post = KnowledgePost.objects.get(title="Sensorer i sengen virkede ikke")
    assert response.status_code == 302 and post.author == world.users["projektleder@nordfjord.demo"]
    services.take_post_step(world.users["innovation@nordfjord.demo"], post=post, name="publish")
    other = client_for("projektleder@solund.demo")
    other.post(reverse("library:comment", args=[post.pk]), {"text": "Tak – vi stod over for det samme."})
    assert post.comments.get().author == world.users["projektleder@solund.demo"]
    page = client.get(reverse("library:knowledge")).content.decode()
    assert "Sensorer i sengen virkede ikke" in page and "vi stod over for det samme" in page


def test_nobody_posts_for_an_organisation_they_do_not_belong_to(client_for, world):
    client = client_for("projektleder@solund.demo")
    response = client.post(
        reverse("library:knowledge"),
        {
            "organisation": world.organisations["Plejecenter Lindely"].pk,
            "kind": "advice",
            "title": "X",
            "text": "Y",
        },
    )
    assert response.status_code == 200
    assert not KnowledgePost.objects.filter(title="X").exists()


def test_anonymous_visitors_read_but_cannot_comment(client, world):
    post = KnowledgePost.objects.first()
    assert client.get(reverse("library:knowledge")).status_code == 200
    response = client.post(reverse("library:comment", args=[post.pk]), {"text": "spam"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not post.comments.exists()


def test_the_author_or_the_innovation_unit_withdraws_a_post_and_it_leaves_page_and_search(client_for, world):
    from django.contrib.auth.models import AnonymousUser

    from fremdrift import access
    from fremdrift.library import search

    author = world.users["medarbejder@nordfjord.demo"]
    post = services.write_knowledge_post(
        author,
        organisation=world.organisations["Hjemmepleje Nord"],
        kind="experience",
        title="Gåture efter frokost",
        text="Beboerne sover bedre om natten efter en gåtur.",
    )
    services.take_post_step(world.users["innovation@nordfjord.demo"], post=post, name="publish")
    for email in ("projektleder@nordfjord.demo", "projektleder@solund.demo", "admin@solund.demo"):
        with pytest.raises(access.NotAllowed):
            services.take_post_step(world.users[email], post=post, name="withdraw")
    page = reverse("library:knowledge")
    step = reverse("library:knowledge_step", args=[post.pk, "withdraw"])
    assert [hit.title for hit in search.search(AnonymousUser(), "gåtur")] == ["Gåture efter frokost"]
    assert step in client_for("innovation@nordfjord.demo").get(page).content.decode()
    assert step not in client_for("projektleder@nordfjord.demo").get(page).content.decode()
    assert client_for("medarbejder@nordfjord.demo").post(step).status_code == 302
    post.refresh_from_db()
    assert post.status == "withdrawn"
    assert "Gåture efter frokost" not in client_for("projektleder@nordfjord.demo").get(page).content.decode()
    assert not search.search(AnonymousUser(), "gåtur")
