import pytest
from django.urls import reverse

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
