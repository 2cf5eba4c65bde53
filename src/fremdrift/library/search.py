"""The library's search: one index over cases and knowledge posts, ranked the same way on SQLite
and PostgreSQL (an inverted index of stemmed terms in ordinary tables)."""

import math
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.db.models import Case as When_
from django.db.models import Count, F, FloatField, Q, Sum, Value, When

from fremdrift import access
from fremdrift.textsearch import document_terms, highlight_passage, query_terms

from .models import Case, CaseStatus, KnowledgePost, Posting, SearchDocument

TITLE_BOOST = 3.0
CANDIDATES_PER_TERM = 200


def _case_fields(case: Case) -> list[tuple[str, float]]:
    # Contacts are personal data and are never indexed.
    return [
        (case.title, TITLE_BOOST),
        (case.subtitle, 1.5),
        (case.lead, 1.0),
        (case.challenge, 1.0),
        (case.solution, 1.0),
        (" ".join(case.key_elements), 1.0),
        (case.target_group, 1.0),
        (" ".join(case.themes), 1.5),
        (case.organisation_names, 1.0),
    ]


def _sdg_text(case: Case) -> str:
    return f" {' '.join(str(goal) for goal in case.sdgs)} " if case.sdgs else ""


def _case_body(case: Case) -> str:
    return "\n\n".join(part for part in (case.lead, case.challenge, case.solution) if part)


@transaction.atomic
def index_case(case: Case) -> None:
    document, _created = SearchDocument.objects.update_or_create(
        case=case,
        defaults={
            "title": case.title,
            "body": _case_body(case),
            "language": case.language,
            "is_public": case.status == CaseStatus.PUBLISHED,
            "organisation": case.organisation,
            "sdgs": _sdg_text(case),
        },
    )
    _write_postings(document, document_terms(_case_fields(case), case.language))


@transaction.atomic
def index_knowledge_post(post: KnowledgePost) -> None:
    if not post.is_published:
        # Search shows an organisation's own unpublished documents to its members; a post awaiting
        # approval or withdrawn is for its author and its approvers only, on the knowledge page.
        SearchDocument.objects.filter(knowledge_post=post).delete()
        return
    document, _created = SearchDocument.objects.update_or_create(
        knowledge_post=post,
        defaults={
            "title": post.title,
            "body": post.text,
            "language": "da",
            "is_public": True,
            "organisation": post.organisation,
        },
    )
    _write_postings(
        document, document_terms([(post.title, TITLE_BOOST), (post.theme, 1.5), (post.text, 1.0)], "da")
    )


@transaction.atomic
def rebuild_index(batch_size: int = 2000) -> int:
    """Index every case and knowledge post again, in bulk. Returns the number of documents."""
    SearchDocument.objects.all().delete()
    count = 0
    cases = Case.objects.order_by("pk")
    for start in range(0, cases.count(), batch_size):
        batch = list(cases[start : start + batch_size])
        documents = SearchDocument.objects.bulk_create(
            SearchDocument(
                case=case,
                title=case.title,
                body=_case_body(case),
                language=case.language,
                is_public=case.status == CaseStatus.PUBLISHED,
                organisation_id=case.organisation_id,
                sdgs=_sdg_text(case),
            )
            for case in batch
        )
        Posting.objects.bulk_create(
            (
                Posting(document=document, term=term, weight=weight)
                for document, case in zip(documents, batch, strict=True)
                for term, weight in document_terms(_case_fields(case), case.language).items()
            ),
            batch_size=5000,
        )
        count += len(batch)
    for post in KnowledgePost.objects.all():
        index_knowledge_post(post)
        count += 1
    return count


def _write_postings(document: SearchDocument, weights: dict[str, float]) -> None:
    Posting.objects.filter(document=document).delete()
    Posting.objects.bulk_create(Posting(document=document, term=t, weight=w) for t, w in weights.items())


@dataclass(frozen=True)
class Hit:
    document: SearchDocument
    score: float
    passage: tuple[str, str, str] | None

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def title(self) -> str:
        return self.document.title


def visible_documents(user):
    documents = SearchDocument.objects.all()
    if access.is_platform_admin(user):
        return documents
    # The same rule as the library's list (`selectors.visible_cases`): published, or the user's own.
    return documents.filter(
        Q(is_public=True) | Q(organisation__in=access.visible_organisations(user, "case.view"))
    )


def search(user, query: str, *, limit: int = 20, filters: dict | None = None) -> list[Hit]:
    terms = query_terms(query)
    if not terms:
        return []
    documents = visible_documents(user)
    for field, value in (filters or {}).items():
        documents = _apply_filter(documents, field, value)
    total = _document_count()
    frequencies = dict(
        Posting.objects.filter(term__in=terms)
        .values_list("term")
        .annotate(n=Count("*"))
        .values_list("term", "n")
    )
    if not frequencies:
        return []
    # BM25-style inverse document frequency, so rare words weigh more than common ones.
    idf = {term: math.log(1 + (total - n + 0.5) / (n + 0.5)) for term, n in frequencies.items()}
    # Candidates: each term's best-weighted visible documents (an index walk that stops early),
    # then exact scores for the candidates only. A query's cost stays flat as the library grows.
    candidates = set()
    for term in idf:
        candidates.update(
            Posting.objects.filter(term=term, document__in=documents)
            .order_by("-weight")
            .values_list("document_id", flat=True)[:CANDIDATES_PER_TERM]
        )
    score = Sum(
        When_(
            *[When(term=t, then=F("weight") * Value(w)) for t, w in idf.items()],
            default=Value(0.0),
            output_field=FloatField(),
        )
    )
    ranked = list(
        Posting.objects.filter(term__in=idf, document_id__in=candidates)
        .values("document")
        .annotate(score=score)
        .order_by("-score", "document")[:limit]
    )
    by_id = SearchDocument.objects.in_bulk([row["document"] for row in ranked])
    return [
        Hit(
            by_id[row["document"]],
            round(row["score"], 4),
            highlight_passage(by_id[row["document"]].body, query),
        )
        for row in ranked
    ]


def _document_count() -> int:
    # Inverse document frequencies barely move as a library grows, so the total may be minutes old.
    return cache.get_or_set(
        "library:search:document-count", lambda: max(SearchDocument.objects.count(), 1), 300
    )


def _apply_filter(documents, field: str, value):
    if not value:
        return documents
    if field == "kind":
        return documents.filter(case__isnull=(value != "case"))
    if field in {"sector", "language"}:
        return documents.filter(**{f"case__{field}": value})
    if field == "year":
        return documents.filter(case__year_from__lte=value).filter(
            Q(case__year_to__gte=value) | Q(case__year_to__isnull=True, case__year_from=value)
        )
    if field == "value_dimension":
        return documents.filter(**{f"case__value_{value}__isnull": False}).exclude(
            **{f"case__value_{value}": ""}
        )
    if field == "organisation":
        return documents.filter(case__organisation_names__icontains=value)
    if field == "sdg":
        return documents.filter(sdgs__contains=f" {int(value)} ")
    if field in {"theme", "target_group"}:
        column = {"theme": "themes", "target_group": "target_groups"}[field]
        # JSON lists are matched as text so the same filter works on SQLite and PostgreSQL.
        return documents.filter(**{f"case__{column}__icontains": value})
    raise ValueError(f"Unknown filter {field}")


def similar_cases(user, text: str, *, exclude: Case | None = None, limit: int = 5) -> list[Hit]:
    """The cases most like a text (a case's or project's challenge, an application being written)."""
    words = " ".join(text.split()[:80])
    hits = search(user, words, limit=limit + 1, filters={"kind": "case"})
    return [hit for hit in hits if exclude is None or hit.document.case_id != exclude.pk][:limit]
