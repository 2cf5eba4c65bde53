"""State changes in the library: import, publish, adopt, record how far a reuse got, erase contacts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from fremdrift import access, audit
from fremdrift.core import workflow as engine
from fremdrift.core.formatting import number
from fremdrift.projects import services as projects_services
from fremdrift.projects.workflow import FINISHED_STATES

from . import search
from .models import Case, CaseContact, CaseStatus, KnowledgeComment, KnowledgePost, KnowledgePostStatus, Reuse


@audit.service
@transaction.atomic
def take_step(actor, *, case: Case, name: str, reason: str = "") -> Case:
    """Send a case for approval, approve and publish it, send it back, or withdraw it (`workflow.CASE`).

    Publishing makes it readable by anyone; withdrawing takes it out of the library again."""
    step = engine.begin(actor, case, name, by_click=True)
    if name == "publish":
        step.obj.published_at = timezone.now()
    case = step.finish(reason=reason)
    search.index_case(case)
    return case


@audit.service
@transaction.atomic
def adopt(actor, *, case: Case, organisation, note: str = "", reason: str = "") -> Reuse:
    """Another organisation takes a case home ("stjæl"); the reuse is recorded on the case."""
    access.require(actor, "case.view", case)
    access.require(actor, "case.adopt", organisation)
    if case.organisation_id and organisation.is_within(case.organisation):
        raise ValidationError(_("A case is reused by another organisation, not by its own."))
    if Reuse.objects.filter(case=case, organisation=organisation).exists():
        raise ValidationError(
            _("%(organisation)s already reuses this case.") % {"organisation": organisation}
        )
    # The adopting organisation gets a project of its own, filled from the case, to carry the work.
    project = projects_services.create_project(
        actor,
        organisation=organisation,
        title=case.title[:200],
        challenge=case.challenge or case.lead,
        activities="\n".join(filter(None, [case.solution, *case.key_elements])),
        resources=case.resources,
    )
    project.source_case = case
    project.save(update_fields=["source_case"])
    return Reuse.objects.create(
        case=case, organisation=organisation, adopted_by=actor, note=note, project=project
    )


@audit.service
@transaction.atomic
def case_from_project(actor, *, project, reason: str = "") -> Case:
    """Tell a finished project as a case, filled from the project; the organisation approves it
    (publish) before it becomes public."""
    access.require(actor, "case.edit", project.organisation)
    if project.status not in FINISHED_STATES:
        raise ValidationError(_("Only a project that is being evaluated or is closed can be told as a case."))
    if Case.objects.filter(project=project).exists():
        raise ValidationError(_("This project already has a case."))
    final = project.evaluations.order_by("-created_at").first()
    results = [
        f"{indicator.name}: {number(indicator.baseline) or '–'} → {number(indicator.target)} {indicator.unit}".strip()
        for goal in project.goals.prefetch_related("indicators")
        for indicator in goal.indicators.all()
    ]
    evaluation = [final.goals_and_indicators, final.data_showed] if final else []
    case = Case.objects.create(
        organisation=project.organisation,
        organisation_names=project.organisation.root.name,
        project=project,
        source="Fremdrift",
        title=project.title[:300],
        challenge=project.challenge,
        solution=project.activities,
        resources=project.resources,
        year_from=project.starts_on.year if project.starts_on else None,
        year_to=project.ends_on.year if project.ends_on else None,
        capacity_evaluation="\n\n".join(filter(None, [*evaluation, "\n".join(results)])) or None,
        capacity_spread=project.spread_plan or None,
        reuse_notes=[text for text in ([final.learnt, final.dead_ends] if final else []) if text],
        status=CaseStatus.DRAFT,
    )
    search.index_case(case)
    return case


@audit.service
@transaction.atomic
def record_reuse_progress(actor, *, reuse: Reuse, stage: str, note: str = "", reason: str = "") -> Reuse:
    access.require(actor, "case.adopt", reuse.organisation)
    order = list(Reuse.Stage.values)
    if stage not in order:
        raise ValidationError({"stage": _("Unknown stage.")})
    reuse.stage = stage
    if note:
        reuse.note = note
    reuse.save()
    return reuse


@audit.service
@transaction.atomic
def confirm_contact(actor, *, contact: CaseContact, reason: str = "") -> CaseContact:
    access.require(actor, "case.publish", contact.case)
    contact.confirmed = True
    contact.save()
    return contact


@audit.service
@transaction.atomic
def erase_person(actor, *, name: str = "", email: str = "", reason: str = "") -> int:
    """Delete a person's contact data from every case at once (GDPR erasure). Returns how many."""
    access.require_platform_admin(actor, "person.erase")
    if not (name or email):
        raise ValidationError(_("Give the person's name or e-mail address."))
    contacts = CaseContact.objects.all()
    contacts = contacts.filter(email__iexact=email) if email else contacts.filter(name__iexact=name)
    erased = 0
    for contact in contacts:
        contact.delete()
        erased += 1
    return erased


@audit.service
@transaction.atomic
def write_knowledge_post(
    actor, *, organisation, kind: str, title: str, text: str, theme: str = "", project=None, reason: str = ""
) -> KnowledgePost:
    """Share an experience, a preliminary result, a dead end or advice, as on the national pool's platform."""
    access.require(actor, "knowledge.write", organisation)
    if project is not None and project.organisation_id != organisation.pk:
        raise ValidationError({"project": _("The project belongs to another organisation.")})
    post = KnowledgePost.objects.create(
        organisation=organisation,
        author=actor,
        kind=kind,
        title=title.strip(),
        text=text.strip(),
        theme=theme.strip(),
        project=project,
        source="Fremdrift",
        status=KnowledgePostStatus.AWAITING_APPROVAL,
    )
    # Searched once published (`take_post_step`).
    return post


@audit.service
@transaction.atomic
def take_post_step(actor, *, post: KnowledgePost, name: str, reason: str = "") -> KnowledgePost:
    """Publish or withdraw a knowledge post (`workflow.KNOWLEDGE_POST`): it enters or leaves the page
    and the search."""
    post = engine.begin(actor, post, name, by_click=True).finish(reason=reason)
    search.index_knowledge_post(post)
    return post


@audit.service
@transaction.atomic
def comment_on_post(actor, *, post: KnowledgePost, text: str, reason: str = "") -> KnowledgeComment:
    if not actor.is_authenticated:
        raise access.NotAllowed(access.Permission(False, _("You must log in.")))
    if not post.is_published:
        raise ValidationError(_("The post is not published."))
    if not text.strip():
        raise ValidationError({"text": _("Write a comment.")})
    return KnowledgeComment.objects.create(post=post, author=actor, text=text.strip())
