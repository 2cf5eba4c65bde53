"""Reads for the library's pages."""

from django.db.models import Count, Q

from fremdrift import access

from .models import Case, CaseStatus, KnowledgePostStatus, Reuse


def visible_cases(user):
    if access.is_platform_admin(user):
        return Case.objects.all()
    return Case.objects.filter(
        Q(status=CaseStatus.PUBLISHED) | Q(organisation__in=access.visible_organisations(user, "case.view"))
    )


def case_page(user, case: Case) -> dict:
    contacts = list(case.contacts.all())
    if not user.is_authenticated:
        # Unconfirmed contact data is shown only to logged-in users.
        contacts = [contact for contact in contacts if contact.confirmed]
    return {
        "contacts": contacts,
        "hidden_contacts": case.contacts.count() - len(contacts),
        "nominations": list(case.nominations.all()),
        "reuses": list(case.reuses.select_related("organisation").order_by("started_at")),
        "knowledge_posts": list(case.knowledge_posts.filter(status=KnowledgePostStatus.PUBLISHED)),
        "adopting_organisations": adopting_organisations(user, case),
    }


def adopting_organisations(user, case: Case):
    if not user.is_authenticated:
        return []
    organisations = access.visible_organisations(user, "case.adopt").exclude(reuses__case=case)
    if case.organisation_id:
        organisations = organisations.exclude(path__startswith=case.organisation.path)
    return list(organisations.order_by("path"))


def reuse_overview():
    """The most reused cases and the flows of reuse between organisations."""
    most_reused = (
        Case.objects.filter(status=CaseStatus.PUBLISHED)
        .annotate(
            reuse_count=Count("reuses"), spread_count=Count("reuses", filter=Q(reuses__stage="created_value"))
        )
        .filter(reuse_count__gt=0)
        .order_by("-reuse_count", "title")[:20]
    )
    flows = (
        Reuse.objects.values("case__organisation_names", "case__organisation__name", "organisation__name")
        .annotate(count=Count("id"))
        .order_by("-count")[:50]
    )
    return {"most_reused": list(most_reused), "flows": list(flows)}
