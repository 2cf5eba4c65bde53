"""The audit trail shows no reader what the object itself would not: a review's comment and scores
before submission, and a reviewer's note on a conflict of interest, are redacted (`access.SEALED`)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext

from fremdrift import access
from fremdrift.audit.models import AuditEntry
from fremdrift.audit.reading import readable
from fremdrift.funding import assessment
from funding.people import ADMIN, INNOVATION, PLATFORM, REVIEWER, REVIEWER2

pytestmark = [pytest.mark.funding]

DRAFT = "Hemmelig kladde"
SCORE_NOTE = "Skjult begrundelse"
CONFLICT = "Min svoger leder projektet"


@pytest.fixture
def sealed_work(world, open_round, make_application):
    """A draft review saved twice (its first scores deleted again) and a declared conflict."""
    application = make_application(round=open_round, submit=True)
    unit = world.users[INNOVATION]
    first = assessment.assign_reviewer(unit, application=application, reviewer=world.users[REVIEWER])
    second = assessment.assign_reviewer(unit, application=application, reviewer=world.users[REVIEWER2])
    assessment.declare_conflict(first.reviewer, assignment=first, has_conflict=False)
    assessment.declare_conflict(second.reviewer, assignment=second, has_conflict=True, note=CONFLICT)
    scores = {c.pk: (3, SCORE_NOTE) for c in application.fund.criteria.all()}
    for _draft in range(2):
        assessment.submit_review(first.reviewer, assignment=first, scores=scores, comment=DRAFT, submit=False)
    return application, first


def sealed_entries():
    types = [ContentType.objects.get_by_natural_key(*label.split(".")) for label in access.SEALED]
    return AuditEntry.objects.filter(content_type__in=types).select_related("content_type")


def shown_values(entries):
    return [
        (entry, name, value)
        for entry in entries
        for side in entry.changes.values()
        if isinstance(side, dict)
        for name, value in side.items()
    ]


def test_every_sealed_field_is_redacted_for_a_reader_without_the_right(world, sealed_work):
    hidden = gettext("(sealed)")
    entries = readable(sealed_entries(), world.users[ADMIN])
    kinds = {entry.content_type.model for entry in entries}
    assert kinds == {"review", "score", "reviewassignment"}
    for entry, name, value in shown_values(entries):
        sealed = access.SEALED[f"funding.{entry.content_type.model}"]
        if name in sealed.fields and value not in ("", None):
            assert value == hidden, (entry.content_type.model, entry.action, name)
        if sealed.in_name:
            assert entry.object_repr == hidden


def test_the_organisation_administrator_reads_no_draft_score_or_conflict_note(world, sealed_work, client_for):
    client = client_for(ADMIN)
    organisation = world.organisations["Nordfjord Kommune"]
    for model in ("review", "score", "reviewassignment"):
        content_type = ContentType.objects.get_by_natural_key("funding", model)
        page = client.get(
            reverse("organisations:audit", args=[organisation.pk]), {"object_type": content_type.pk}
        )
        assert page.status_code == 200
        text = page.content.decode()
        assert "<ins>" in text, model  # the entries are listed, only their sealed fields withheld
        for secret in (DRAFT, SCORE_NOTE, CONFLICT):
            assert secret not in text, (model, secret)


def test_a_submitted_review_reads_in_the_trail_as_on_its_page(world, sealed_work):
    application, first = sealed_work
    scores = {c.pk: (4, SCORE_NOTE) for c in application.fund.criteria.all()}
    assessment.submit_review(first.reviewer, assignment=first, scores=scores, comment=DRAFT)
    # The platform administrator reads submitted reviews on the fund, but no one's conflict note.
    values = {
        value for _entry, _name, value in shown_values(readable(sealed_entries(), world.users[PLATFORM]))
    }
    assert DRAFT in values and SCORE_NOTE in values
    assert CONFLICT not in values
    # The organisation administrator reads no reviews at all, so none in the trail either.
    values = {value for _entry, _name, value in shown_values(readable(sealed_entries(), world.users[ADMIN]))}
    assert DRAFT not in values and SCORE_NOTE not in values


def test_a_reviewer_reads_their_own_draft_and_conflict_note(world, sealed_work):
    values = {
        value for _entry, _name, value in shown_values(readable(sealed_entries(), world.users[REVIEWER]))
    }
    assert DRAFT in values and CONFLICT not in values
    values = {
        value for _entry, _name, value in shown_values(readable(sealed_entries(), world.users[REVIEWER2]))
    }
    assert CONFLICT in values and DRAFT not in values


def test_the_export_of_the_trail_keeps_sealed_fields_sealed(world, sealed_work, client_for):
    organisation = world.organisations["Nordfjord Kommune"]
    response = client_for(ADMIN).get(reverse("organisations:audit_export", args=[organisation.pk]))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "funding.review" in text
    for secret in (DRAFT, SCORE_NOTE, CONFLICT):
        assert secret not in text, secret
