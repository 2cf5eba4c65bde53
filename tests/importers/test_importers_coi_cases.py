"""The COI/COK case collection: 52 cases, long and short, every field."""

import dataclasses
import re

import pytest

from fremdrift.importers.coi_cases import SECTOR_KEYWORDS

pytestmark = pytest.mark.library

VALUES = (
    "value_political_goals",
    "value_quality",
    "value_efficiency",
    "value_democracy",
    "value_innovation_capacity",
)
CAPACITIES = ("capacity_collaboration", "capacity_evaluation", "capacity_spread")


@pytest.fixture(scope="module")
def document(parsed):
    return parsed("coi_cases")


@pytest.fixture(scope="module")
def cases(document):
    return {case.number: case for case in document.cases}


def text_fields(case):
    """Every piece of case text a reader sees, apart from the contacts."""
    for field in dataclasses.fields(case):
        value = getattr(case, field.name)
        if isinstance(value, str):
            yield value
        elif field.name in ("key_elements", "reuse_notes", "links", "organisations", "target_groups"):
            yield from value
    for quote in case.quotes:
        yield quote.text
        yield quote.attribution


def test_all_52_cases_in_booklet_order(document):
    assert document.kind == "coi_cases"
    assert document.language == "da"
    assert [c.number for c in document.cases] == list(range(1, 53))
    assert sum(c.format == "long" for c in document.cases) == 36
    assert sum(c.format == "short" for c in document.cases) == 16


def test_prizes_and_nominations_follow_the_booklet_groups(document):
    groups = {}
    for case in document.cases:
        groups[case.prize, case.nomination] = groups.get((case.prize, case.nomination), 0) + 1
    assert groups == {
        ("nyt-sammen-bedre", "nominated"): 4,
        ("nyt-sammen-bedre", "submitted"): 32,
        ("hverdagsinnovation", "nominated"): 6,
        ("hverdagsinnovation", "submitted"): 10,
    }
    assert {c.prize_name for c in document.cases} == {"NYT SAMMEN BEDRE-prisen", "Hverdagsinnovationsprisen"}
    assert {c.prize_year for c in document.cases} == {2019}


def test_the_first_long_case_has_every_field(cases):
    case = cases[1]
    assert case.key == ("coi2019", "case", "furesoe-fremtidsvaerksted")
    assert case.title == "Furesø Fremtidsværksted"
    assert case.format == "long"
    assert case.pull_quote.startswith("Det er så meget mere end et fysisk sted")
    assert case.lead.startswith("Furesø Kommune har skabt Fremtidsværkstedet")
    assert case.nominated_by == "Furesø Kommune"
    assert case.organisations == ("Furesø Kommune",)
    assert case.target_group.startswith("Primært udskolingsbørn")
    assert (case.year_text, case.year_from, case.year_to) == ("2018", 2018, 2018)
    for field in ("challenge", "solution", "resources", "partners", "shared", *VALUES, *CAPACITIES):
        assert getattr(case, field), field
    assert len(case.key_elements) == 4
    assert case.key_elements[0].startswith("Fremtidsværkstedet har skabt")
    assert case.reuse_notes == ()
    (contact,) = case.contacts
    assert contact.name == "Emma Malene Rix Tversted"
    assert contact.role == "udviklingskonsulent i Fremtidsværkstedet"
    assert contact.organisation == "Furesø Kommune"
    assert (contact.email, contact.phone) == ("etv1@furesoe.dk", "72 16 44 85")
    assert contact.key == (*case.key, "contact", "emma-malene-rix-tversted")
    assert len(case.quotes) == 4
    assert case.quotes[0].section == "key_elements"
    assert case.quotes[0].attribution == "Emma, udviklingskonsulent, Fremtidsværkstedet"
    assert case.sector == "children_schools"
    assert case.language == "da"
    assert (case.prize, case.nomination) == ("nyt-sammen-bedre", "nominated")


def test_value_dimensions_the_case_leaves_out_are_not_addressed(cases):
    assert cases[3].value_efficiency is None  # Fælles Beslutningstagning
    assert cases[11].value_democracy is None  # Elevtjenesten
    assert all(getattr(cases[1], v) is not None for v in VALUES)


def test_years_subtitles_and_several_nominators(cases):
    assert (cases[2].year_from, cases[2].year_to) == (2015, 2018)
    assert (cases[12].title, cases[12].subtitle) == ("Mindhelper.dk", "Guider unge gennem hårde tider")
    assert (cases[22].title, cases[22].subtitle) == ("Gefion", "Genindretning og ombygning af botilbud")
    assert cases[32].organisations == ("Skattestyrelsen", "Udviklings- og Forenklingsstyrelsen")
    assert len(cases[15].organisations) == 9
    assert len(cases[15].contacts) == 3


def test_the_case_printed_without_its_header_is_imported_and_reported(document, cases):
    case = cases[30]
    assert case.title == "OS2autoproses"  # from the table of contents
    assert (case.nominated_by, case.target_group, case.year_from) == ("", "", None)
    assert case.challenge.startswith("Automatisering er i fokus")
    assert case.solution and case.shared and len(case.key_elements) == 3
    assert case.contacts[0].email == "lils@syddjurs.dk"
    assert any("without its header" in w and "OS2autoproses" in w for w in document.warnings)


def test_a_short_case_has_fewer_fields(cases):
    case = cases[37]
    assert case.format == "short"
    assert case.title == "Virtual Reality hjælper unge med social angst"
    assert case.nominated_by == "SILKEBORG KOMMUNE"
    assert case.organisations == ("Silkeborg Kommune",)
    assert case.lead.count("\n\n") == 3  # four paragraphs
    assert len(case.reuse_notes) == 3
    assert case.reuse_notes[0].startswith("VR-udstyret koster")
    assert [c.name for c in case.contacts][:2] == ["Rikke Bækgaard", "Anneline Reuter"]
    assert case.contacts[3].phone == "23 82 90 12"
    assert (case.challenge, case.solution, case.key_elements) == ("", "", ())
    assert all(getattr(case, v) is None for v in VALUES + CAPACITIES)
    assert (case.prize, case.nomination) == ("hverdagsinnovation", "nominated")


def test_the_last_case(cases):
    case = cases[52]
    assert case.title.startswith("Digitale oplevelsesruter")
    assert case.organisations == ("Københavns Kommune",)
    assert (case.prize, case.nomination) == ("hverdagsinnovation", "submitted")
    assert [c.email for c in case.contacts] == ["anmatt@kk.dk"]
    assert "knowyourbro.dk" in case.links
    assert "Center for Offentlig Innovation" not in " ".join(text_fields(case))


def test_every_case_has_a_contact_and_a_known_sector(document):
    for case in document.cases:
        assert case.contacts, case.title
        assert all(c.name and (c.emails or c.phones) for c in case.contacts), case.title
        assert case.sector in (*SECTOR_KEYWORDS, "other")
        assert set(case.themes) <= set(SECTOR_KEYWORDS)


def test_contacts_never_appear_in_the_case_text(document):
    for case in document.cases:
        text = "\n".join(text_fields(case))
        assert not re.search(r"[\w.-]+@[\w-]+\.\w+", text), case.title
        for contact in case.contacts:
            for detail in (contact.name, *contact.emails, *contact.phones):
                assert detail not in text, (case.title, detail)


def test_keys_are_unique(document):
    keys = [c.key for c in document.cases]
    keys += [p.key for c in document.cases for p in c.contacts]
    assert len(keys) == len(set(keys))
