import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command

from fremdrift.library import search
from fremdrift.library.models import Case, CaseStatus, KnowledgePost

pytestmark = [pytest.mark.library, pytest.mark.usefixtures("empty_database")]


def make_case(title, text="", *, language="da", published=True, organisation=None, **fields):
    case = Case.objects.create(
        title=title,
        challenge=text,
        language=language,
        organisation=organisation,
        status=CaseStatus.PUBLISHED if published else CaseStatus.DRAFT,
        **fields,
    )
    search.index_case(case)
    return case


def titles(query, user=None, **filters):
    return [hit.title for hit in search.search(user or AnonymousUser(), query, filters=filters)]


def test_danish_word_forms_find_each_other():
    make_case("Pårørendes netværk", "Vi samler de pårørendes erfaringer")
    make_case("Digital træning", "Skærmbesøg for ældre borgere")
    assert titles("pårørende") == ["Pårørendes netværk"]
    assert titles("ældres") == ["Digital træning"]


def test_swedish_word_forms_find_each_other():
    make_case("Stöd till anhörig", "En anhörig får stöd av socialtjänsten", language="sv")
    assert titles("anhöriga") == ["Stöd till anhörig"]


def test_title_matches_rank_first():
    make_case("Hverdagsrehabilitering i hjemmeplejen", "Borgerne træner")
    make_case("Madservice", "Lidt om hverdagsrehabilitering til sidst, i en lang tekst om mad og måltider")
    assert titles("hverdagsrehabilitering")[0] == "Hverdagsrehabilitering i hjemmeplejen"


def test_the_matching_passage_is_shown():
    make_case("Velfærdsteknologi", "Først noget andet. Robotstøvsugere frigør tid til samvær.")
    hit = search.search(AnonymousUser(), "robotstøvsuger")[0]
    assert hit.passage[1] == "Robotstøvsugere"


def test_filters_narrow_the_results():
    make_case("Ensomhed blandt ældre", "ensomhed", sector="elderly_care", year_from=2018, year_to=2020)
    make_case("Ensomhed blandt unge", "ensomhed", sector="children_schools", year_from=2019)
    assert titles("ensomhed", sector="elderly_care") == ["Ensomhed blandt ældre"]
    assert titles("ensomhed", year=2020) == ["Ensomhed blandt ældre"]
    assert set(titles("ensomhed", year=2019)) == {"Ensomhed blandt ældre", "Ensomhed blandt unge"}


def test_knowledge_posts_are_searched_too():
    post = KnowledgePost.objects.create(
        kind="advice",
        theme="Nærvær",
        title="Sæt fremdrift på dagsordenen",
        text="Små fremskridt motiverer medarbejderne",
    )
    search.index_knowledge_post(post)
    hits = search.search(AnonymousUser(), "fremskridt")
    assert [(h.title, h.kind) for h in hits] == [("Sæt fremdrift på dagsordenen", "knowledge_post")]


def test_unpublished_cases_are_not_found_by_outsiders(world):
    unit = world.organisations["Plejecenter Lindely"]
    make_case("Nattevagtens tjekliste", "tjekliste", published=False, organisation=unit)
    assert titles("tjekliste") == []
    assert titles("tjekliste", user=world.users["projektleder@solund.demo"]) == []
    assert titles("tjekliste", user=world.users["projektleder@nordfjord.demo"]) == ["Nattevagtens tjekliste"]


def test_phone_numbers_and_contacts_are_never_indexed():
    case = make_case("Kontaktcase", "tekst")
    case.contacts.create(
        name="Hanne Hansen", phone="12345678", email="hh@example.dk", source="test", source_date="2019-01-01"
    )
    search.index_case(case)
    assert titles("Hanne") == [] and titles("12345678") == []


def test_the_command_prints_ranked_json(capsys):
    make_case("Aktiv hverdag", "aktiv")
    call_command("search", "aktiv", "--json")
    import json

    result = json.loads(capsys.readouterr().out)
    assert result[0]["title"] == "Aktiv hverdag" and result[0]["kind"] == "case" and result[0]["score"] > 0
