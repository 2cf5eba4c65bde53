"""A round from application to decision, through the pages as each person uses them."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from fremdrift.funding import selectors
from fremdrift.funding.models import Application
from funding.people import BOARD, INNOVATION, LEAD, REVIEWER, REVIEWER2

pytestmark = [pytest.mark.funding]


def test_apply_review_recommend_decide_and_read_the_decision(
    client, world, fund, mailoutbox, django_capture_on_commit_callbacks
):
    def as_user(email):
        client.logout()
        client.force_login(world.users[email])
        return client

    year = timezone.now().year
    # The innovation unit opens a round.
    deadline = (timezone.now() + datetime.timedelta(days=30)).astimezone(fund.zone)
    response = as_user(INNOVATION).post(
        reverse("funding:round_create", args=[fund.pk]),
        {
            "name": "Ekstra runde",
            "opens_on": timezone.localdate().isoformat(),
            "deadline": deadline.strftime("%Y-%m-%dT%H:%M"),
        },
    )
    assert response.status_code == 302
    round_ = fund.rounds.get(name="Ekstra runde")

    # The project lead applies and submits.
    lead = as_user(LEAD)
    response = lead.post(
        reverse("funding:apply", args=[fund.pk]),
        {
            "title": "Musik ved måltidet",
            "organisation": world.organisations["Plejecenter Lindely"].pk,
            "round": round_.pk,
        },
    )
    application = Application.objects.get(title="Musik ved måltidet")
    criteria = list(fund.criteria.all())
    data = {
        "title": "Musik ved måltidet",
        "round": round_.pk,
        "starts_on": f"{year}-01-01",
        "ends_on": f"{year + 1}-06-30",
        "challenge": "Uro ved aftensmaden.",
        "criteria": [c.pk for c in criteria],
        "criteria_how": "Roligere måltider.",
        "sdgs": ["3"],
        "activities": "Musik.",
        "resources": "Højttalere.",
        "evaluation_plan": "Tælle uro.",
        "spread_plan": "Alle afsnit.",
        "goals-TOTAL_FORMS": "1",
        "goals-INITIAL_FORMS": "0",
        "goals-0-goal": "Roligere måltider",
        "goals-0-name": "Episoder med uro",
        "goals-0-target": "2",
        "partners-TOTAL_FORMS": "1",
        "partners-INITIAL_FORMS": "0",
        "partners-0-name": "Musikskolen",
        "partners-0-kind": "education",
        "budget-TOTAL_FORMS": "1",
        "budget-INITIAL_FORMS": "0",
        "budget-0-description": "Musikterapeut",
        "budget-0-year": str(year),
        "budget-0-amount": "150000",
        "budget-0-co_financing": "",
        "submit": "1",
    }
    response = lead.post(reverse("funding:application_edit", args=[application.pk]), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert lead.get(response.url).context["report"] == []
    lead.post(reverse("funding:application_submit", args=[application.pk]))
    application.refresh_from_db()
    assert application.status == "submitted" and application.route == "large"

    # The innovation unit assigns two reviewers; each declares and scores.
    unit = as_user(INNOVATION)
    for email in (REVIEWER, REVIEWER2):
        unit.post(
            reverse("funding:application", args=[application.pk]),
            {"assign": "1", "assign-reviewer": world.users[email].pk},
        )
    assert application.assignments.count() == 2
    for email, score in ((REVIEWER, 5), (REVIEWER2, 1)):
        reviewer = as_user(email)
        url = reverse("funding:review", args=[application.pk])
        reviewer.post(url, {"declare": "1", "conflict-has_conflict": "no"})
        scores = {f"review-score_{c.pk}": str(score) for c in criteria}
        response = reviewer.post(url, {**scores, "review-comment": f"Score {score}", "submit_review": "1"})
        assert response.status_code == 302
    row = selectors.round_overview(round_)[0]
    assert row["assessment"].reviewers == 2 and row["assessment"].disagree

    # Recommendation, then the board decides from the meeting list.
    unit = as_user(INNOVATION)
    response = unit.post(
        reverse("funding:recommend", args=[application.pk]),
        {
            "outcome": "grant_with_conditions",
            "amount": "140000",
            "conditions": "Status efter 6 mdr.",
            "reasons": "Lovende.",
        },
    )
    assert response.status_code == 302
    budget_year = fund.budget_years.get(year=2026)
    before = selectors.year_balance(budget_year)
    board = as_user(BOARD)
    prefix = f"a{application.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = board.post(
            reverse("funding:meeting", args=[round_.pk]),
            {
                "decide": prefix,
                f"{prefix}-outcome": "granted",
                f"{prefix}-amount": "140000",
                f"{prefix}-budget_year": budget_year.pk,
                f"{prefix}-conditions": "Status efter 6 mdr.",
                f"{prefix}-reasons": "Direktionen bevilger.",
            },
        )
    assert response.status_code == 302
    after = selectors.year_balance(budget_year)
    assert before.available - after.available == Decimal("140000")
    assert len(mailoutbox) == 1

    # The applicant reads the decision and its reasons, and no review.
    page = as_user(LEAD).get(reverse("funding:application", args=[application.pk])).content.decode()
    assert "Direktionen bevilger." in page and "Status efter 6 mdr." in page
    assert "Score 5" not in page and "Score 1" not in page
