"""The assessment step: assigning reviewers, their declarations of conflict of interest, and their
sealed reviews scoring the application against the fund's bottom lines."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fremdrift import access, audit
from fremdrift.core import workflow as engine
from fremdrift.core.services import lock, refuse

from .models import ApplicationStatus, Review, ReviewAssignment, Score


@audit.service
@transaction.atomic
def assign_reviewer(actor, *, application, reviewer, reason="") -> ReviewAssignment:
    step = engine.begin(actor, application, "assign_reviewer")
    application = step.obj
    if not access.has_permission(reviewer, "application.review", application.fund):
        raise ValidationError(
            {"reviewer": _("%(user)s is not a reviewer for this fund.") % {"user": reviewer}}
        )
    conflict = access.conflict_of(reviewer, "application.review", application)
    if conflict is not None:
        raise ValidationError({"reviewer": f"{reviewer}: {conflict.reason}"})
    if application.assignments.filter(reviewer=reviewer).exists():
        raise ValidationError(
            {"reviewer": _("%(user)s already reviews this application.") % {"user": reviewer}}
        )
    assignment = ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, assigned_by=actor
    )
    if step.before != ApplicationStatus.IN_REVIEW:
        step.finish(reason=reason)
    return assignment


@audit.service
@transaction.atomic
def declare_conflict(actor, *, assignment, has_conflict: bool, note="", reason="") -> ReviewAssignment:
    access.require(actor, "review.write", assignment)
    assignment = lock(assignment)
    review = getattr(assignment, "review", None)
    if review is not None and review.submitted_at is not None:
        raise ValidationError(_("The review has been submitted."))
    if has_conflict and not note.strip():
        raise ValidationError({"conflict_note": _("Describe the conflict of interest.")})
    assignment.has_conflict = has_conflict
    assignment.conflict_note = note.strip() if has_conflict else ""
    assignment.save()
    return assignment


@audit.service
@transaction.atomic
def submit_review(actor, *, assignment, scores: dict, comment="", submit=True, reason="") -> Review:
    """Score every bottom line. `scores` maps criterion id to (score, comment). With submit=False
    the review is saved, still sealed; submitted, it can no longer change."""
    application = assignment.application
    access.require(actor, "application.review", application)
    access.require(actor, "review.write", assignment)
    application = engine.begin(actor, application, "review").obj  # scoring leaves the state as it is
    assignment = lock(assignment)
    if assignment.has_conflict is None:
        raise ValidationError({"has_conflict": _("Declare first whether you have a conflict of interest.")})
    if assignment.has_conflict:
        refuse(_("You declared a conflict of interest, so you cannot score this application."))
    review, _created = Review.objects.get_or_create(assignment=assignment)
    if review.submitted_at is not None:
        raise ValidationError(_("The review has been submitted and cannot be changed."))
    criteria = list(application.fund.criteria.all())
    errors = {}
    for criterion in criteria:
        value, _comment = scores.get(criterion.pk, (None, ""))
        key = f"score_{criterion.pk}"
        if value in (None, ""):
            if submit:
                errors[key] = _("Score %(criterion)s.") % {"criterion": criterion.name}
            continue
        try:
            value = int(value)
        except (TypeError, ValueError):
            errors[key] = _("Enter a whole number.")
            continue
        if not 0 <= value <= criterion.scale_max:
            errors[key] = _("Score from 0 to %(max)s.") % {"max": criterion.scale_max}
    if errors:
        raise ValidationError(errors)
    review.scores.all().delete()
    for criterion in criteria:
        value, score_comment = scores.get(criterion.pk, (None, ""))
        if value not in (None, ""):
            Score.objects.create(
                review=review, criterion=criterion, value=int(value), comment=score_comment or ""
            )
    review.comment = comment
    review.version_number = application.version
    if submit:
        review.submitted_at = timezone.now()
    review.save()
    return review
