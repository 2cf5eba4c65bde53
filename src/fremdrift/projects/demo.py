"""Demo projects in Nordfjord, written for Fremdrift: a falls-prevention project at Plejecenter
Lindely with two years of monthly measurements and a PDSA ramp, a home-care project, and (when
the funding demo granted one) a project made from the granted application."""

import datetime
from decimal import Decimal

# Falls per 1000 bed days would be truer; the demo counts falls a month in Lindely's 48 homes.
# A new evening routine ("aftenrunde med fokus på fald") starts 1 March 2025: the level drops.
FALLS = [11, 9, 12, 10, 13, 9, 11, 12, 10, 11, 12, 10, 14, 7, 6, 8, 5, 7, 6, 5, 6, 4, 6, 5]
FIRST_MONTH = datetime.date(2024, 3, 1)


def _month(offset: int) -> datetime.date:
    month = FIRST_MONTH.month - 1 + offset
    return datetime.date(FIRST_MONTH.year + month // 12, month % 12 + 1, 1)


def load_projects_demo(world):
    from fremdrift.measurement import services as measurement
    from fremdrift.measurement.models import Direction, Frequency, ValueKind

    from . import services

    orgs, users = world.organisations, world.users
    lead = users["projektleder@nordfjord.demo"]
    quality = users["kvalitet@nordfjord.demo"]
    staff = users["medarbejder@nordfjord.demo"]
    unit = users["innovation@nordfjord.demo"]

    # 1. Falls prevention at Plejecenter Lindely, the unit's own improvement project.
    falls = services.create_project(
        lead,
        organisation=orgs["Plejecenter Lindely"],
        title="Færre fald på Lindely",
        project_lead=lead,
        starts_on=datetime.date(2024, 3, 1),
        ends_on=datetime.date(2026, 6, 30),
        budget=Decimal("85000"),
        challenge=(
            "Beboerne på Lindely falder i gennemsnit 11 gange om måneden, oftest mellem kl. 17 og 22, "
            "når aftenvagten er alene på en gang. Et fald giver smerter, utryghed og ofte en tur på "
            "skadestuen, og personalet bruger tid på registrering og opfølgning."
        ),
        criteria_how=(
            "Borger: færre fald og mere tryghed om aftenen. Personale: mindre tid på akutte situationer "
            "og registrering. Organisation: færre skadestuebesøg og vikartimer."
        ),
        activities=(
            "En fast aftenrunde kl. 19 med fokus på faldrisiko (lys, sko, rollator inden for rækkevidde, "
            "toiletbesøg), afprøvet i små PDSA-cyklusser på én gang ad gangen. Tavlemøde hver fredag."
        ),
        resources="Sygeplejerske 4 timer om ugen, undervisning af aftenvagterne, natlamper til 20 boliger.",
        evaluation_plan=(
            "Antal fald pr. måned i seriediagram fra to år før til et år efter ændringen. "
            "Midtvejsevaluering efter et år; slutevaluering og business case ved projektets afslutning."
        ),
        spread_plan=(
            "Aftenrunden sættes i drift på Lindely, hvis faldtallet holder sig lavt i seks måneder. "
            "Skovbrynet er næste sted. Langsigtet effekt følges på antal fald og skadestuebesøg."
        ),
    )
    services.set_team(lead, project=falls, members=[quality])
    services.take_step(lead, project=falls, name="start", reason="Projektet går i gang.")
    goal = services.add_goal(
        lead,
        project=falls,
        description="Halvere antallet af fald om aftenen",
        success_criterion="Under 6 fald om måneden i seks måneder i træk",
    )
    indicator = measurement.add_indicator(
        lead,
        goal=goal,
        name="Fald pr. måned",
        definition="Alle registrerede fald blandt beboerne på Lindely i kalendermåneden, uanset tidspunkt.",
        kind=ValueKind.COUNT,
        direction=Direction.DOWN,
        unit="fald",
        frequency=Frequency.MONTHLY,
        baseline_starts_on=_month(0),
        baseline_ends_on=_month(11),
        target=Decimal("6"),
        owner=lead,
        data_collection="Udtræk af faldregistreringer fra omsorgssystemet den første hverdag i måneden.",
    )
    for offset, falls_count in enumerate(FALLS):
        measurement.record_measurement(lead, indicator=indicator, period=_month(offset), value=falls_count)
    measurement.add_change(
        lead, indicator=indicator, starts_on=datetime.date(2025, 3, 1), label="Ny aftenrunde fra 1. marts"
    )
    staff_goal = services.add_goal(
        lead, project=falls, description="Aftenvagterne kender faldrisikoen hos hver beboer"
    )
    measurement.add_indicator(
        lead,
        goal=staff_goal,
        name="Beboere med opdateret faldrisikovurdering",
        definition="Andel af beboerne, hvis faldrisikovurdering er under tre måneder gammel.",
        kind=ValueKind.PROPORTION,
        direction=Direction.UP,
        unit="%",
        frequency=Frequency.QUARTERLY,
        target=Decimal("90"),
        owner=quality,
    )
    first = services.start_pdsa(
        lead,
        project=falls,
        title="Aftenrunde kl. 19 på gang A",
        prediction="Vi tror, at gang A har højst ét fald om aftenen i de to uger, mod normalt tre.",
        plan_who="Aftenvagten på gang A, støttet af sygeplejersken",
        plan_what="Runde kl. 19 til hver beboer: lys, sko, rollator, toilet. Afkrydsning på et skema.",
        plan_when="3.–16. februar 2025",
        plan_where="Gang A, 12 boliger",
        indicator=indicator,
    )
    services.update_pdsa(
        lead,
        cycle=first,
        version=first.version,
        fields={
            "what_happened": "Runden blev gennemført 13 af 14 aftener. Skemaet var for langt og blev sprunget over to gange."
        },
    )
    services.advance_pdsa(lead, cycle=first)
    services.advance_pdsa(lead, cycle=first)
    first.refresh_from_db()
    services.update_pdsa(
        lead,
        cycle=first,
        version=first.version,
        fields={
            "study": "Ét fald på gang A i perioden, som forudsagt. Aftenvagten oplevede runden som tryg, men skemaet som bøvlet."
        },
    )
    services.advance_pdsa(lead, cycle=first)
    first.refresh_from_db()
    services.update_pdsa(
        lead,
        cycle=first,
        version=first.version,
        fields={
            "act": "adapt",
            "act_notes": "Skemaet forkortes til fire punkter, og runden afprøves på alle gange.",
        },
    )
    services.advance_pdsa(lead, cycle=first)
    second = services.start_pdsa(
        lead,
        project=falls,
        previous=first,
        title="Aftenrunde kl. 19 på alle gange med kort skema",
        prediction="Faldene om aftenen halveres på hele Lindely inden for tre måneder.",
        plan_who="Alle aftenvagter",
        plan_what="Runden med det korte skema; tavlemøde hver fredag om ugens fald.",
        plan_when="Fra 1. marts 2025",
        plan_where="Hele Lindely",
        indicator=indicator,
    )
    services.update_pdsa(
        lead,
        cycle=second,
        version=second.version,
        fields={
            "what_happened": "Runden blev en fast del af aftenen. To nye vikarer blev oplært på tavlemødet."
        },
    )
    services.advance_pdsa(lead, cycle=second)
    services.submit_status_report(
        lead,
        project=falls,
        reported_on=datetime.date(2026, 2, 27),
        progress="Aftenrunden er fast rutine på alle gange. Faldtallet har ligget under medianen i elleve måneder.",
        traffic_light="green",
        risks="Mange nye vikarer i sommerferien kan betyde, at runden glider.",
        spent=Decimal("61500"),
        next_steps="Slutevaluering og business case til direktionen i maj.",
    )
    services.log_progress(
        lead,
        project=falls,
        text="Natlamperne er sat op i alle 20 boliger på gang A og B.",
        happened_on=datetime.date(2025, 4, 8),
    )
    services.add_milestone(
        lead, project=falls, title="Slutevaluering til direktionen", due_on=datetime.date(2026, 5, 20)
    )
    services.save_business_case(
        lead,
        project=falls,
        discount_rate=Decimal("4"),
        first_year=2025,
        notes="Et skadestuebesøg efter fald koster kommunen ca. 4.500 kr. inkl. ledsagelse og opfølgning.",
        costs=[
            {
                "year": 2025,
                "kind": "investment",
                "description": "Natlamper og undervisning",
                "amount": Decimal("45000"),
            },
            {
                "year": 2025,
                "kind": "running",
                "description": "Sygeplejerske 4 timer om ugen",
                "amount": Decimal("40000"),
            },
            {
                "year": 2026,
                "kind": "running",
                "description": "Opfølgning og tavlemøder",
                "amount": Decimal("15000"),
            },
            {
                "year": 2027,
                "kind": "running",
                "description": "Opfølgning og tavlemøder",
                "amount": Decimal("15000"),
            },
        ],
        benefits=[
            {
                "year": 2025,
                "kind": "economic",
                "description": "Færre skadestuebesøg efter fald",
                "unit": "kr.",
                "owner": "Leder af Plejecenter Lindely",
                "target": Decimal("60000"),
                "forecast": Decimal("55000"),
                "actual": Decimal("58500"),
            },
            {
                "year": 2026,
                "kind": "economic",
                "description": "Færre skadestuebesøg efter fald",
                "unit": "kr.",
                "owner": "Leder af Plejecenter Lindely",
                "target": Decimal("70000"),
                "forecast": Decimal("70000"),
            },
            {
                "year": 2027,
                "kind": "economic",
                "description": "Færre skadestuebesøg efter fald",
                "unit": "kr.",
                "owner": "Leder af Plejecenter Lindely",
                "target": Decimal("70000"),
                "forecast": Decimal("70000"),
            },
            {
                "year": 2025,
                "kind": "citizen",
                "description": "Fald pr. måned",
                "unit": "fald",
                "owner": "Projektleder",
                "target": Decimal("6"),
                "forecast": Decimal("6"),
                "indicator": indicator,
            },
        ],
    )

    # 2. A home-care project without a fund: medicine handed out on time.
    home = services.create_project(
        quality,
        organisation=orgs["Hjemmepleje Nord"],
        title="Medicin til tiden i Hjemmepleje Nord",
        project_lead=quality,
        team=[staff],
        starts_on=datetime.date(2025, 9, 1),
        ends_on=datetime.date(2026, 8, 31),
        budget=Decimal("30000"),
        challenge=(
            "Hver femte medicinudlevering i Hjemmepleje Nord sker mere end en halv time for sent, fordi "
            "ruterne lægges uden hensyn til faste medicintider."
        ),
        activities="Medicintider markeres i ruteplanen; planlæggerne får en fast tjekliste.",
        evaluation_plan="Andel udleveringer til tiden pr. uge i et seriediagram.",
        spread_plan="Virker det, bruges tjeklisten også i Hjemmepleje Syd.",
    )
    services.take_step(quality, project=home, name="start")
    on_time = services.add_goal(quality, project=home, description="Medicinen gives til tiden")
    punctual = measurement.add_indicator(
        quality,
        goal=on_time,
        name="Udleveringer til tiden",
        definition="Andel af ugens planlagte medicinudleveringer, der skete højst 30 minutter fra den ordinerede tid.",
        kind=ValueKind.PROPORTION,
        direction=Direction.UP,
        unit="%",
        frequency=Frequency.WEEKLY,
        target=Decimal("95"),
        owner=quality,
    )
    week = datetime.date(2025, 9, 1)
    for on_time_count, planned in [
        (160, 201),
        (158, 199),
        (171, 204),
        (166, 198),
        (175, 202),
        (181, 200),
        (186, 203),
        (190, 199),
    ]:
        measurement.record_measurement(
            quality, indicator=punctual, period=week, numerator=on_time_count, denominator=planned
        )
        week += datetime.timedelta(days=7)
    services.submit_status_report(
        quality,
        project=home,
        reported_on=datetime.date(2025, 10, 31),
        progress="Tjeklisten bruges af alle tre planlæggere.",
        traffic_light="yellow",
        risks="Ruteplanen kan endnu ikke vise medicintider for alle borgere.",
        spent=Decimal("8000"),
        next_steps="Leverandøren retter visningen af medicintider.",
    )

    # 3. A granted application from the funding demo becomes a project.
    from fremdrift.funding.models import Application, ApplicationStatus

    granted = Application.objects.filter(
        status=ApplicationStatus.GRANTED, organisation=orgs["Plejecenter Lindely"], project__isnull=True
    ).first()
    if granted is not None:
        services.project_from_application(unit, application=granted, reason="Bevilget af direktionen.")
