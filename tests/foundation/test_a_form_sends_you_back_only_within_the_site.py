"""A form's `next` (where to go after it is sent) is followed only to a path on this site."""

import pytest
from django.urls import reverse

from fremdrift.ideas.models import Idea

pytestmark = [pytest.mark.foundation]


@pytest.mark.parametrize("next_url", ["abc", "-1", "1e999", "https://evil.example/", "//evil.example/"])
def test_switching_language_with_a_next_that_is_no_path_goes_home(client_for, next_url):
    response = client_for("medarbejder@nordfjord.demo").post(
        reverse("set_language"), {"language": "sv", "next": next_url}
    )
    assert response.status_code == 302
    assert response.url == "/"


@pytest.mark.parametrize("next_url", ["abc", "https://evil.example/"])
def test_moving_an_idea_with_a_next_that_is_no_path_goes_back_to_the_board(client_for, next_url):
    idea = Idea.objects.filter(organisation__name="Hjemmepleje Nord").first()
    response = client_for("platform@fremdrift.demo").post(
        reverse("ideas:move", args=[idea.pk]), {"to_status": "abc", "reason": "", "next": next_url}
    )
    assert response.status_code == 302
    assert response.url.startswith("/") and "evil" not in response.url
