"""A learning review goes from finding the causes to acting on them to being followed up."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.ideas import services
from fremdrift.ideas.models import LearningReview

pytestmark = [pytest.mark.strategy]

QUALITY = "kvalitet@nordfjord.demo"


@pytest.fixture
def fresh_review(world):
    return services.create_learning_review(
        world.users[QUALITY],
        organisation=world.organisations["Plejecenter Lindely"],
        title="Fald på badeværelset",
        what_happened="En beboer faldt om natten.",
    )


def test_acting_needs_a_cause_and_an_action_written_down(world, fresh_review):
    quality = world.users[QUALITY]
    with pytest.raises(ValidationError):
        services.take_review_step(quality, review=fresh_review, name="act")
    services.add_cause(quality, review=fresh_review, category="environment", description="Glat gulv")
    services.add_action(quality, review=fresh_review, description="Skridsikre måtter")
    services.take_review_step(quality, review=fresh_review, name="act", reason="Årsagerne er fundet")
    assert fresh_review.status == "acting"
    entry = AuditEntry.objects.filter(action="transition", object_id=str(fresh_review.pk)).latest("pk")
    assert entry.reason == "Årsagerne er fundet" and entry.actor == quality


def test_a_followed_up_review_is_closed_until_reopened(world):
    quality = world.users[QUALITY]
    review = LearningReview.objects.get(title="Medicin givet for sent ved vagtskifte")
    services.take_review_step(quality, review=review, name="act")
    services.take_review_step(quality, review=review, name="follow_up")
    with pytest.raises(ValidationError):
        services.add_cause(quality, review=review, category="people", description="For få på vagt")
    services.take_review_step(quality, review=review, name="reopen")
    services.add_cause(quality, review=review, category="people", description="For få på vagt")
    assert review.status == "acting" and review.causes.filter(description="For få på vagt").exists()


def test_only_those_who_record_reviews_move_them(world, fresh_review):
    for email in ("medarbejder@nordfjord.demo", "projektleder@solund.demo", "direktion@nordfjord.demo"):
        with pytest.raises(access.NotAllowed):
            services.take_review_step(world.users[email], review=fresh_review, name="act")
    fresh_review.refresh_from_db()
    assert fresh_review.status == "investigating"


def test_the_page_offers_the_next_step_to_the_quality_consultant_only(client_for, world):
    review = LearningReview.objects.get(title="Medicin givet for sent ved vagtskifte")
    url = reverse("ideas:review", args=[review.pk])
    step = reverse("ideas:review_step", args=[review.pk, "act"])
    assert step in client_for(QUALITY).get(url).content.decode()
    assert step not in client_for("medarbejder@nordfjord.demo").get(url).content.decode()
    assert client_for("projektleder@solund.demo").post(step).status_code == 404
    response = client_for(QUALITY).post(step)
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == "acting"
