"""The applicant's step: starting an application, saving the draft with its attachments, checking it is
complete, and submitting, withdrawing or getting it back for revision.

Each step of the application's workflow (`workflow.APPLICATION`) goes through the process engine, which
locks the application, checks permission and the state, and records the transition; the service
validates and writes the rest inside the same transaction."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from fremdrift import access, audit
from fremdrift.core import workflow as engine
from fremdrift.core.formatting import money
from fremdrift.core.services import lock, parse_money

from . import workflow
from .description import ProjectDescription
from .models import (
    Application,
    ApplicationStatus,
    ApplicationVersion,
    Attachment,
    BudgetLine,
    Goal,
    Indicator,
    Partner,
    Route,
)

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

# File kinds by their first bytes; the name's extension is never trusted.
MAGIC = [
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
]
OOXML = {
    "word/": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xl/": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@audit.service
@transaction.atomic
def create_application(
    actor, *, fund, organisation, title, round=None, project_lead=None, reason=""
) -> Application:
    permission = access.may_apply(actor, fund, organisation)
    if not permission:
        raise access.NotAllowed(permission)
    if not title or not title.strip():
        raise ValidationError({"title": _("Give the project a title.")})
    if round is not None and round.fund_id != fund.pk:
        raise ValidationError({"round": _("That round belongs to another fund.")})
    return Application.objects.create(
        fund=fund,
        organisation=organisation,
        title=title.strip(),
        round=round,
        created_by=actor,
        project_lead=project_lead or actor,
    )


@audit.service
@transaction.atomic
def application_from_idea(actor, *, idea, fund, reason="") -> Application:
    """An idea becomes a draft application to a fund; the idea and the application link to each other."""
    application = create_application(actor, fund=fund, organisation=idea.organisation, title=idea.title)
    application.idea = idea
    application.challenge = "\n\n".join(part for part in (idea.problem, idea.proposal) if part)
    application.save(update_fields=["idea", "challenge"])
    return application


FROZEN = gettext_lazy(
    "A submitted application is frozen; it can only be changed if it is returned for revision."
)


def require_draft(application):
    if application.status != ApplicationStatus.DRAFT:
        raise ValidationError(FROZEN)


# What the applicant writes: the description's text, then its period and round.
TEXT_FIELDS = [
    field.name for field in ProjectDescription._meta.local_fields if not isinstance(field, models.DateField)
]
DRAFT_FIELDS = [*TEXT_FIELDS, "starts_on", "ends_on", "round"]


def validate_period_and_lines(starts_on, ends_on, budget_lines, goals):
    errors = {}
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("The project ends before it starts.")]
    for index, line in enumerate(budget_lines):
        parse_money(line.get("amount"), "budget_lines")
        parse_money(line.get("co_financing") or 0, "budget_lines")
        if starts_on and ends_on and not (starts_on.year <= int(line["year"]) <= ends_on.year):
            errors.setdefault("budget_lines", []).append(
                _("Budget line %(number)s (%(year)s) lies outside the project period %(start)s–%(end)s.")
                % {"number": index + 1, "year": line["year"], "start": starts_on.year, "end": ends_on.year}
            )
    for goal in goals:
        for indicator in goal.get("indicators", []):
            if indicator.get("target") in (None, ""):
                errors.setdefault("goals", []).append(
                    _("The indicator “%(name)s” has no target.") % {"name": indicator.get("name", "")}
                )
    if errors:
        raise ValidationError(errors)


@audit.service
@transaction.atomic
def save_draft(
    actor,
    *,
    application,
    fields: dict,
    criteria=None,
    themes=None,
    sdgs=None,
    goals=None,
    partners=None,
    budget_lines=None,
    reason="",
) -> Application:
    """Save what the applicant has written so far. Only a draft can be changed.

    `goals` is a list of {"description", "indicators": [{name, definition, unit, baseline, target,
    data_collection}]}; `partners` of {name, kind, contribution}; `budget_lines` of
    {description, year, amount, co_financing}. A list given replaces the old one; None keeps it."""
    access.require(actor, "application.edit", application)
    application = lock(application)
    require_draft(application)
    for name, value in fields.items():
        if name not in DRAFT_FIELDS:
            raise ValueError(name)
        setattr(application, name, value)
    if application.round_id and application.round.fund_id != application.fund_id:
        raise ValidationError({"round": _("That round belongs to another fund.")})
    validate_period_and_lines(
        application.starts_on,
        application.ends_on,
        budget_lines if budget_lines is not None else list(application.budget_lines.values()),
        goals or [],
    )
    application.save()
    if criteria is not None:
        application.criteria.set([c for c in criteria if c.fund_id == application.fund_id])
    if themes is not None:
        application.themes.set([t for t in themes if t.fund_id == application.fund_id])
    if sdgs is not None:
        application.sdgs = sorted({int(s) for s in sdgs if 1 <= int(s) <= 17})
        application.save()
    if goals is not None:
        application.goals.all().delete()
        for position, goal in enumerate(goals):
            saved = Goal.objects.create(
                application=application, description=goal["description"], position=position
            )
            for indicator in goal.get("indicators", []):
                Indicator.objects.create(goal=saved, **indicator)
    if partners is not None:
        application.partners.all().delete()
        for partner in partners:
            Partner.objects.create(application=application, **partner)
    if budget_lines is not None:
        application.budget_lines.all().delete()
        for line in budget_lines:
            BudgetLine.objects.create(
                application=application,
                description=line["description"],
                year=line["year"],
                amount=parse_money(line["amount"], "budget_lines"),
                co_financing=parse_money(line.get("co_financing") or 0, "budget_lines"),
            )
    return application


def sniff_content_type(head: bytes, upload) -> str | None:
    for magic, content_type in MAGIC:
        if head.startswith(magic):
            return content_type
    if head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            upload.seek(0)
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
        if "[Content_Types].xml" in names:
            for prefix, content_type in OOXML.items():
                if any(name.startswith(prefix) for name in names):
                    return content_type
    return None


@audit.service
@transaction.atomic
def add_attachment(actor, *, application, upload, reason="") -> Attachment:
    """Attach a PDF, Word or Excel document or an image; the kind is read from the content."""
    access.require(actor, "application.edit", application)
    require_draft(application)
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file is too large: at most %(mb)s MB.")
                % {"mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
            }
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    content_type = sniff_content_type(head, upload)
    if content_type is None:
        raise ValidationError(
            {"file": _("This file is not a PDF, Word or Excel document or an image (judged by its content).")}
        )
    attachment = Attachment(
        application=application,
        name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=actor,
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment.save()
    return attachment


def completeness(application) -> dict[str, str]:
    """What is missing before the application can be submitted, per field."""
    missing = {}
    required = {
        "title": _("Give the project a title."),
        "challenge": _("Describe the challenge."),
        "criteria_how": _("Describe how the project serves the bottom lines."),
        "activities": _("Describe the activities."),
        "resources": _("Describe the resources."),
        "evaluation_plan": _("Describe how the project will be evaluated."),
        "spread_plan": _("Describe how the solution will be spread and implemented."),
    }
    for name, message in required.items():
        if not (getattr(application, name) or "").strip():
            missing[name] = message
    if application.fund.criteria.exists() and not application.criteria.exists():
        missing["criteria"] = _("Choose at least one bottom line the project serves.")
    if application.fund.themes.exists() and not application.themes.exists():
        missing["themes"] = _("Choose at least one theme.")
    if application.fund.uses_sdgs and not application.sdgs:
        missing["sdgs"] = _("Choose the UN Sustainable Development Goals the project supports.")
    if not application.starts_on or not application.ends_on:
        missing["starts_on"] = _("Give the project period.")
    goals = list(application.goals.prefetch_related("indicators"))
    if not goals or not all(goal.indicators.all() for goal in goals):
        missing["goals"] = _("Give at least one goal, each with a measurable indicator.")
    lines = list(application.budget_lines.all())
    if not lines:
        missing["budget_lines"] = _("Add the budget lines.")
    requested = sum((line.amount for line in lines), Decimal("0"))
    if lines and requested < application.fund.minimum_grant:
        missing["budget_lines"] = _(
            "This fund grants at least %(minimum)s %(currency)s; the budget asks for %(requested)s."
        ) % {
            # The message puts the currency after the minimum.
            "minimum": money(application.fund.minimum_grant),
            "currency": application.fund.currency,
            "requested": money(requested, application.fund.currency),
        }
    if (
        lines
        and workflow.route_for(application.fund, requested) == Route.LARGE
        and application.round_id is None
    ):
        missing["round"] = _(
            "Applications of %(threshold)s %(currency)s or more belong to a round; choose one."
        ) % {
            "threshold": money(application.fund.threshold_amount),
            "currency": application.fund.currency,
        }
    return missing


def _snapshot(application) -> dict:
    return {
        **{name: getattr(application, name) for name in TEXT_FIELDS},
        "starts_on": application.starts_on.isoformat() if application.starts_on else None,
        "ends_on": application.ends_on.isoformat() if application.ends_on else None,
        "round": application.round_id,
        "criteria": [c.name for c in application.criteria.all()],
        "themes": [t.name for t in application.themes.all()],
        "sdgs": list(application.sdgs),
        "goals": [
            {
                "description": goal.description,
                "indicators": [
                    {
                        "name": i.name,
                        "definition": i.definition,
                        "unit": i.unit,
                        "baseline": str(i.baseline) if i.baseline is not None else None,
                        "target": str(i.target),
                        "data_collection": i.data_collection,
                    }
                    for i in goal.indicators.all()
                ],
            }
            for goal in application.goals.all()
        ],
        "partners": [
            {"name": p.name, "kind": p.kind, "contribution": p.contribution}
            for p in application.partners.all()
        ],
        "budget_lines": [
            {
                "description": b.description,
                "year": b.year,
                "amount": str(b.amount),
                "co_financing": str(b.co_financing),
            }
            for b in application.budget_lines.all()
        ],
        "attachments": [a.name for a in application.attachments.all()],
    }


@audit.service
@transaction.atomic
def submit_application(actor, *, application, now=None, reason="") -> Application:
    step = engine.begin(actor, application, "submit")
    application = step.obj
    missing = completeness(application)
    if missing:
        raise ValidationError(missing)
    now = now or timezone.now()
    requested = application.requested_amount
    route = workflow.route_for(application.fund, requested)
    if route == Route.SMALL:
        application.round = None  # taken all year, without a round
    else:
        round_ = application.round
        if now > round_.deadline:
            raise ValidationError(
                {
                    "round": _(
                        "The deadline for %(round)s was %(deadline)s (%(zone)s). Applications can no longer be submitted to it; choose a later round."
                    )
                    % {
                        "round": round_.name,
                        "deadline": date_format(
                            round_.deadline.astimezone(application.fund.zone), "DATETIME_FORMAT"
                        ),
                        "zone": application.fund.time_zone,
                    }
                }
            )
        if now.astimezone(application.fund.zone).date() < round_.opens_on:
            raise ValidationError(
                {
                    "round": _("%(round)s opens on %(date)s.")
                    % {"round": round_.name, "date": date_format(round_.opens_on)}
                }
            )
    application.route = route
    application.version += 1
    application.submitted_at = now
    ApplicationVersion.objects.create(
        application=application,
        number=application.version,
        content=_snapshot(application),
        requested_amount=requested,
        submitted_by=actor,
        submitted_at=now,
    )
    return step.finish(reason=reason or _("Submitted version %(n)s.") % {"n": application.version})


@audit.service
@transaction.atomic
def withdraw_application(actor, *, application, reason="") -> Application:
    return engine.perform(actor, application, "withdraw", reason=reason)


@audit.service
@transaction.atomic
def return_for_revision(actor, *, application, reason: str) -> Application:
    """Give a submitted application back to the applicant; the submitted version stays as it was."""
    step = engine.begin(actor, application, "return_for_revision")
    if not reason:
        raise ValidationError({"reason": _("Tell the applicant what to revise.")})
    return step.finish(reason=reason)
