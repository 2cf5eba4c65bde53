"""Strategies, beacons, efforts and action plans: Aalborg and Hedensted."""

import pytest

pytestmark = pytest.mark.library


@pytest.fixture(scope="module")
def aalborg(parsed):
    return parsed("aalborg_strategies")


@pytest.fixture(scope="module")
def hedensted(parsed):
    return parsed("hedensted_plan")


def test_aalborg_strategies_with_their_beacons(aalborg):
    strategies = {s.title: s for s in aalborg.strategies}
    assert list(strategies) == [
        "Strategi for forebyggelse og rehabilitering",
        "Digitaliseringsstrategi",
        "Datastrategi",
        "Strategi for rekruttering og fastholdelse",
        "Strategi for kvalitets- og forbedringsarbejde",
        "Strategi for velfærdsinnovation - velfærd på nye måder",
    ]
    beacons = {title: len(s.beacons) for title, s in strategies.items()}
    assert list(beacons.values()) == [3, 3, 3, 5, 4, 6]
    assert all(s.statement or s.mission for s in strategies.values())


def test_aalborg_efforts_under_each_beacon_where_the_page_lists_them(aalborg):
    strategies = {s.title: s for s in aalborg.strategies}
    with_efforts = [
        "Strategi for forebyggelse og rehabilitering",
        "Digitaliseringsstrategi",
        "Datastrategi",
        "Strategi for rekruttering og fastholdelse",
    ]
    for title in with_efforts:
        for beacon in strategies[title].beacons:
            assert beacon.efforts and all(e.title for e in beacon.efforts), (title, beacon.title)
    first = strategies[with_efforts[0]].beacons[0]
    assert first.title == "Faglig kvalitet"
    assert first.efforts[0].title == "Vi underviser og vidensdeler systematisk på tværs"
    young = strategies["Strategi for rekruttering og fastholdelse"].beacons[0]
    assert young.title == "Unge"
    assert young.efforts[0].title == "Vi øger de unges kendskab til arbejdspladser inden for Senior og Omsorg"
    assert young.efforts[0].description.startswith("Vi vil gennem et styrket samarbejde")
    quality = strategies["Strategi for kvalitets- og forbedringsarbejde"]
    assert [b.title for b in quality.beacons][2] == "Vi samarbejder på tværs"
    assert quality.mission.startswith("Vi fremmer menneskers livskvalitet")


def test_aalborg_strategy_without_content_is_reported(aalborg):
    assert aalborg.warnings == ("strategy 'Demensstrategi' has no content on this page; left out",)


def test_aalborg_innovation_fund_facts(aalborg):
    fund = aalborg.fund
    assert fund.name == "Innovationspuljen"
    assert fund.administrator == "Kvalitets- og Innovationsenheden (KIE)"
    assert fund.decided_by == "Forvaltningsledelsen (FL)"
    assert fund.small_grant_limit_dkk == 100_000
    assert fund.rounds_per_year == 2
    assert fund.deadline_months == ("maj", "november")
    assert fund.bottom_lines == ("borger", "personale", "organisation", "bæredygtighed")
    assert fund.decided_year == 2019


def test_hedensted_vision_mission_and_focus_areas(hedensted):
    (strategy,) = hedensted.strategies
    assert strategy.title == "Strategi og implementeringsplan for Velfærdsrådgivningen"
    assert strategy.vision.startswith("Vi vil vise vejen")
    assert strategy.mission.startswith("Sammen med borgeren")
    assert [b.number for b in strategy.beacons] == [1, 2, 3, 4, 5]
    assert strategy.beacons[0].title == "Arbejdets organisering"


def test_hedensted_action_plan_rows_have_all_seven_columns(hedensted):
    rows = hedensted.action_plan_rows
    sections = {}
    for row in rows:
        sections[row.section] = sections.get(row.section, 0) + 1
    assert sections == {
        "Ledelsesmæssige fokusområder": 11,
        "Hjælpedepot": 9,
        "Socialfagligt": 14,
        "Sundhedsfagligt": 11,
        "Terapeutfagligt": 6,
    }
    for column in ("focus_area", "effort", "goal", "effect", "financing", "time_frame", "status"):
        assert sum(bool(getattr(r, column)) for r in rows) >= 30, column
    assert all(r.focus_area and r.effort and r.beacon_key for r in rows)
    beacons = {b.key for b in hedensted.strategies[0].beacons}
    assert {r.beacon_key for r in rows} == beacons


def test_hedensted_cells_are_kept_as_written(hedensted):
    rows = {r.effort: r for r in hedensted.action_plan_rows}
    contract = rows["Kontraktforlyelse med privat leverandører. Jf. kerneopgaven."]
    assert (contract.time_frame, contract.financing) == ("Jan – juni 2016", "Ingen udgifter")
    assert rows["Aktivitetsafregning på voksen handicap området"].status == "I gang"
    assert rows["Dialogbaseret BUM"].time_frame == "?"
    assert (
        rows["Indføre nye arbejdsgange i fbm. med, vask af hjælpemidler."].focus_area
        == "1. Arbejdets organisering"
    )


def test_hedensted_rows_broken_by_a_page_are_joined(hedensted):
    rows = {r.effort: r for r in hedensted.action_plan_rows}
    joined = rows["Etablering af modtageenhed"]
    assert joined.goal.startswith("Sikre fælles indgang til Velfærdsrådgivningen")
    assert joined.time_frame == "Marts – sept. – 16."
    assert joined.status.startswith("Der er udarbejdet kommissorium")
    assert (
        "Udarbejde brugervejledning for at lave statistik i CSC. Analyse af § 112 kropsbårne hjælpemidler"
        in rows
    )
