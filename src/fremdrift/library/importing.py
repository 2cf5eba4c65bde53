"""Write parsed source documents into the library. Importing twice duplicates nothing: every
record has a natural key, and a record whose fields are unchanged is reported as skipped."""

import datetime

from django.db import transaction
from django.utils import timezone

from fremdrift.core.importing import ImportReport
from fremdrift.core.importing import key_text as _key
from fremdrift.core.importing import upsert as _upsert
from fremdrift.importers import records

from . import search
from .models import Case, CaseContact, CaseStatus, KnowledgePost, Nomination, Sector

SECTORS = set(Sector.values)


@transaction.atomic
def import_document(document: records.ParsedDocument) -> ImportReport:
    report = ImportReport(source=document.source, warnings=list(document.warnings))
    for case in document.cases:
        _import_coi_case(case, document, report)
    if document.projects:
        themes = {theme.number: theme.title for theme in document.themes}
        clusters = {cluster.number: cluster.title for cluster in document.clusters}
        pool_name = document.pool.name if document.pool else document.source
        for project in document.projects:
            _import_short_case(
                report,
                "pool project",
                project.key,
                {
                    "title": project.title,
                    "organisation_names": project.municipality,
                    "themes": [
                        t
                        for t in (themes.get(project.theme_number), clusters.get(project.cluster_number))
                        if t
                    ],
                    "links": [project.url] if project.url else [],
                    "sector": Sector.ELDERLY_CARE,
                    "language": "da",
                    "source": pool_name,
                    "lead": "",
                },
            )
        for post in document.knowledge_posts:
            obj, changed = _upsert(
                KnowledgePost,
                report,
                "knowledge post",
                _key(post.key),
                {
                    "kind": post.kind,
                    "theme": themes.get(post.theme_number, ""),
                    "title": post.title[:300],
                    "text": post.text,
                    "source": pool_name,
                },
            )
            if changed:
                search.index_knowledge_post(obj)
    for initiative in document.initiatives:
        _import_short_case(
            report,
            "initiative",
            initiative.key,
            {
                "title": initiative.title[:300],
                "lead": initiative.text,
                "themes": [initiative.chapter_title],
                "organisation_names": "Jönköpings kommun",
                "sector": Sector.SOCIAL_SERVICES,
                "language": "sv",
                "source": document.source,
            },
        )
    if document.strategies or document.action_plan_rows:
        from fremdrift.strategy.importing import import_strategies

        import_strategies(document, report)
    return report


def _import_short_case(report, label, key, values):
    case, changed = _upsert(
        Case, report, label, _key(key), {**values, "is_short": True, "status": CaseStatus.PUBLISHED}
    )
    if changed:
        if case.published_at is None:
            case.published_at = timezone.now()
            case.save(update_fields=["published_at"])
        search.index_case(case)


def _import_coi_case(case: records.Case, document: records.ParsedDocument, report: ImportReport):
    values = {
        "source": document.source,
        "is_short": case.format == "short",
        "title": case.title[:300],
        "subtitle": case.subtitle[:300],
        "lead": case.lead,
        "organisation_names": "; ".join(case.organisations)[:500] or case.nominated_by[:500],
        "target_group": case.target_group,
        "target_groups": list(case.target_groups),
        "year_text": case.year_text,
        "year_from": case.year_from,
        "year_to": case.year_to,
        "challenge": case.challenge,
        "solution": case.solution,
        "key_elements": list(case.key_elements),
        "resources": case.resources,
        "partners": case.partners,
        "value_political_goals": case.value_political_goals,
        "value_quality": case.value_quality,
        "value_efficiency": case.value_efficiency,
        "value_democracy": case.value_democracy,
        "value_innovation_capacity": case.value_innovation_capacity,
        "shared": case.shared,
        "capacity_collaboration": case.capacity_collaboration,
        "capacity_evaluation": case.capacity_evaluation,
        "capacity_spread": case.capacity_spread,
        "reuse_notes": list(case.reuse_notes),
        "links": list(case.links),
        "themes": list(case.themes),
        "sector": case.sector if case.sector in SECTORS else Sector.OTHER,
        "language": case.language or "da",
        "status": CaseStatus.PUBLISHED,
    }
    obj, changed = _upsert(Case, report, "case", _key(case.key), values)
    if obj.published_at is None:
        obj.published_at = timezone.now()
        obj.save(update_fields=["published_at"])
    source_date = datetime.date(case.prize_year or 2019, 1, 1)  # the source gives its year only
    for contact in case.contacts:
        _upsert(
            CaseContact,
            report,
            "contact",
            _key(contact.key),
            {
                "case": obj,
                "name": contact.name[:200],
                "role": contact.role[:300],
                "organisation_name": contact.organisation[:300],
                "email": contact.email[:254],
                "phone": contact.phone[:50],
                "source": document.source,
                "source_date": source_date,
            },
        )
    if case.prize:
        nomination, created = Nomination.objects.get_or_create(
            case=obj,
            prize=case.prize_name or case.prize,
            year=case.prize_year,
            defaults={"standing": case.nomination or Nomination.Standing.NOMINATED},
        )
        (report.created if created else report.skipped)["nomination"] += 1
    if changed:
        search.index_case(obj)
