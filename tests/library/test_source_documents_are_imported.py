"""The five source documents land in the library: every case, project, initiative and knowledge post."""

import pytest
from django.contrib.auth.models import AnonymousUser

from fremdrift.importers import parse_path
from fremdrift.library.importing import import_document
from fremdrift.library.models import Case, CaseContact, KnowledgePost, Nomination
from fremdrift.library.search import search

pytestmark = [pytest.mark.library, pytest.mark.usefixtures("empty_database")]


@pytest.fixture
def imported(seeds_dir):
    documents = [parse_path(path) for path in sorted(seeds_dir.glob("*.txt"))]
    return documents, [import_document(document) for document in documents]


def test_every_record_is_imported_once(imported):
    documents, reports = imported
    assert Case.objects.filter(source_key__startswith="coi2019/").count() == 52
    assert Case.objects.filter(source_key__contains="/initiative/").count() == 100
    assert Case.objects.filter(language="sv").count() >= 100
    assert Case.objects.filter(source_key__contains="/project/", is_short=True).count() == 30
    assert KnowledgePost.objects.count() == sum(len(d.knowledge_posts) for d in documents) == 60
    assert CaseContact.objects.count() == sum(len(c.contacts) for d in documents for c in d.cases)
    assert Nomination.objects.count() == 52
    assert all(case.is_published for case in Case.objects.all())

    again = [import_document(document) for document in documents]
    assert sum(sum(report.created.values()) + sum(report.updated.values()) for report in again) == 0
    assert Case.objects.filter(source_key__startswith="coi2019/").count() == 52


def test_a_long_case_keeps_every_field(imported):
    documents, _reports = imported
    parsed = next(d for d in documents if d.kind == "coi_cases").cases[0]
    case = Case.objects.get(source_key="/".join(parsed.key))
    assert (
        case.title == parsed.title and case.challenge == parsed.challenge and case.solution == parsed.solution
    )
    assert case.key_elements == list(parsed.key_elements)
    assert case.value_quality == parsed.value_quality and case.year_from == parsed.year_from
    assert case.nominations.get().year == 2019
    for contact in parsed.contacts:
        assert contact.name not in case.challenge + case.solution + case.lead
        assert case.contacts.filter(name=contact.name[:200], confirmed=False).exists()


def test_imported_cases_are_found_in_both_languages(imported):
    assert search(AnonymousUser(), "pårørende")
    assert any(hit.document.language == "sv" for hit in search(AnonymousUser(), "anhöriga"))


def test_strategies_and_action_plans_land_in_the_strategy_app(imported):
    from fremdrift.strategy.models import ActionPlanRow, Beacon, Effort, Strategy

    documents, _reports = imported
    aalborg = next(d for d in documents if d.kind == "aalborg_strategies")
    assert Strategy.objects.filter(organisation__name="Senior og Omsorg").count() == len(aalborg.strategies)
    assert Beacon.objects.filter(strategy__organisation__name="Senior og Omsorg").count() == sum(
        len(s.beacons) for s in aalborg.strategies
    )
    assert Effort.objects.count() == sum(
        len(b.efforts) for d in documents for s in d.strategies for b in s.beacons
    )
    hedensted = next(d for d in documents if d.kind == "hedensted_plan")
    rows = ActionPlanRow.objects.filter(plan__organisation__parent__name="Hedensted Kommune")
    assert rows.count() == len(hedensted.action_plan_rows)
    first = hedensted.action_plan_rows[0]
    row = rows.get(source_key="/".join(first.key))
    assert row.effort == first.effort and row.time_frame == first.time_frame
    assert row.beacon is not None and row.plan.title == first.section
