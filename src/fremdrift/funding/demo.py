"""Demo content for funds, written for Fremdrift: Nordfjord's innovation fund and a national pool.

Everything is created through the services, so the demo also leaves an audit trail.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from fremdrift.organisations.models import Membership
from fremdrift.organisations.roles import Role

CPH = ZoneInfo("Europe/Copenhagen")

BOTTOM_LINES = [
    ("Borger", "Løsningen skaber værdi for borgeren og styrker muligheden for et selvstændigt liv.", "1", 5),
    (
        "Personale",
        "Løsningen styrker trivsel og gør det lettere for medarbejderne at løse kerneopgaven.",
        "1",
        5,
    ),
    (
        "Organisation",
        "Løsningen forbedrer drift, økonomi eller organisationens evne til at udvikle sig.",
        "1",
        5,
    ),
    (
        "Bæredygtighed",
        "Løsningen giver klimagevinster eller styrker social sammenhæng; vurderes op mod FN's verdensmål.",
        "1",
        5,
    ),
]

POOL_THEMES = [
    "Livskvalitet og trivsel",
    "Borgerens selvbestemmelse",
    "Sammenhængende og tværfaglig pleje",
    "Mad, måltider og ernæring",
    "Samarbejde med pårørende",
    "En værdig sidste tid",
    "Nærvær i mødet mellem medarbejder og borger",
]


def at(year, month, day, hour=12, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=CPH)


def _make_user(email, first, last):
    from fremdrift.core.demo import _make_user as make

    return make(email, first, last)


def load_funding_demo(world):
    from fremdrift.funding import applications, assessment, bookkeeping, decisions, funds
    from fremdrift.funding.models import Currency, FundKind, PartnerKind, RecommendationOutcome, Sdg

    orgs, users = world.organisations, world.users
    unit = users["innovation@nordfjord.demo"]
    board = users["direktion@nordfjord.demo"]
    reviewer_a, reviewer_b = users["vurderer@nordfjord.demo"], users["vurderer2@nordfjord.demo"]
    lead, staff = users["projektleder@nordfjord.demo"], users["medarbejder@nordfjord.demo"]
    admin = users["platform@fremdrift.demo"]

    fund = funds.create_fund(
        unit,
        organisation=orgs["Ældre og Sundhed"],
        name="Innovationspuljen",
        purpose=(
            "Puljen giver driftsenheder i Ældre og Sundhed mulighed for at afprøve nye teknologier, "
            "arbejdsgange og måder at organisere sig på, uden at pengene skal findes i driftsbudgettet. "
            "Projekter under 100.000 kr. kan søges hele året hos Kvalitet og Innovation; større projekter "
            "søges i to runder om året og besluttes af direktionen."
        ),
        kind=FundKind.MUNICIPAL,
        currency=Currency.DKK,
        time_zone="Europe/Copenhagen",
        threshold_amount=Decimal("100000"),
        minimum_grant=Decimal("0"),
        uses_sdgs=True,
        criteria=BOTTOM_LINES,
    )
    bookkeeping.add_budget(
        unit, fund=fund, year=2026, amount="2500000", reason="Budget 2026 vedtaget i udvalget."
    )
    bookkeeping.add_budget(
        unit, fund=fund, year=2027, amount="2500000", reason="Budget 2027 vedtaget i udvalget."
    )
    rounds = {}
    for name, opens, deadline, info, assessment_meeting, decision in [
        ("Forår 2026", (2026, 2, 1), (2026, 5, 15), (2026, 3, 10), (2026, 5, 27), (2026, 6, 17)),
        ("Efterår 2026", (2026, 8, 10), (2026, 11, 13), (2026, 9, 15), (2026, 11, 25), (2026, 12, 9)),
        ("Forår 2027", (2026, 11, 16), (2027, 5, 14), (2027, 3, 9), (2027, 5, 26), (2027, 6, 16)),
        ("Efterår 2027", (2027, 8, 9), (2027, 11, 12), (2027, 9, 14), (2027, 11, 24), (2027, 12, 8)),
    ]:
        rounds[name] = funds.create_round(
            unit,
            fund=fund,
            name=name,
            opens_on=datetime.date(*opens),
            deadline=at(*deadline, 12, 0),
            information_meeting=at(*info, 13, 0),
            workshop=at(*info, 14, 30),
            assessment_meeting=datetime.date(*assessment_meeting),
            decision_meeting=datetime.date(*decision),
        )
    criteria = list(fund.criteria.all())
    year_2026 = fund.budget_years.get(year=2026)

    # 1. A large project, granted by the board in the spring round and partly paid out.
    night = applications.create_application(
        lead,
        fund=fund,
        organisation=orgs["Plejecenter Lindely"],
        title="Rolige nætter med sensorbaseret tilsyn",
        round=rounds["Forår 2026"],
    )
    applications.save_draft(
        lead,
        application=night,
        fields={
            "challenge": (
                "Nattevagterne på Lindely går faste runder og åbner døren hos beboere, der sover. Det vækker "
                "mange, og samtidig opdager vi for sent, når en beboer er faldet eller er urolig."
            ),
            "criteria_how": (
                "Beboerne får bedre søvn og hurtigere hjælp (borger). Nattevagten bruger tiden, hvor der er "
                "brug for den (personale). Færre fald og mindre brug af vikarer om natten (organisation). "
                "Mindre kørsel med akutte tilkald og bedre nattesøvn bidrager til verdensmål 3."
            ),
            "activities": (
                "Sensorer i 24 boliger i seks måneder. Oplæring af nattevagter, faste evalueringsmøder hver "
                "fjerde uke og en PDSA-cyklus pr. afsnit, før vi udvider."
            ),
            "resources": "Projektleder 10 timer om ugen, nattevagternes oplæring, leje af sensorer og IT-support.",
            "evaluation_plan": (
                "Vi følger antallet af fald og antallet af forstyrrende tilsyn i et seriediagram uge for uge "
                "og spørger beboere og pårørende om søvnen før og efter. Business case ved projektets afslutning."
            ),
            "spread_plan": (
                "Hvis faldtallet falder, og nattevagterne vil beholde løsningen, indstiller vi drift på Lindely "
                "og afprøvning på Skovbrynet. Effekten følges et år efter overgangen til drift."
            ),
            "starts_on": datetime.date(2026, 8, 1),
            "ends_on": datetime.date(2027, 7, 31),
        },
        criteria=criteria,
        sdgs=[Sdg.GOOD_HEALTH, Sdg.DECENT_WORK],
        goals=[
            {
                "description": "Færre fald om natten",
                "indicators": [
                    {
                        "name": "Fald om natten pr. måned",
                        "definition": "Registrerede fald mellem kl. 23 og 7 i de 24 boliger",
                        "unit": "antal",
                        "baseline": Decimal("9"),
                        "target": Decimal("5"),
                        "data_collection": "Udtræk af faldregistreringer fra omsorgssystemet hver måned",
                    }
                ],
            },
            {
                "description": "Beboerne sover uforstyrret",
                "indicators": [
                    {
                        "name": "Forstyrrende tilsyn pr. nat",
                        "definition": "Tilsyn med åbning af døren, hvor beboeren sov",
                        "unit": "antal pr. nat",
                        "baseline": Decimal("31"),
                        "target": Decimal("8"),
                        "data_collection": "Nattevagtens tælleskema en uge om måneden",
                    }
                ],
            },
        ],
        partners=[
            {
                "name": "Sensorfabrikken ApS",
                "kind": PartnerKind.COMPANY,
                "contribution": "Leverer og installerer sensorerne",
            },
            {
                "name": "Professionshøjskolen Nord",
                "kind": PartnerKind.EDUCATION,
                "contribution": "Følgeforskning",
            },
        ],
        budget_lines=[
            {
                "description": "Leje af sensorer og installation",
                "year": 2026,
                "amount": Decimal("180000"),
                "co_financing": Decimal("0"),
            },
            {
                "description": "Oplæring af nattevagter",
                "year": 2026,
                "amount": Decimal("95000"),
                "co_financing": Decimal("20000"),
            },
            {
                "description": "Projektledelse og evaluering",
                "year": 2027,
                "amount": Decimal("175000"),
                "co_financing": Decimal("40000"),
            },
        ],
    )
    applications.submit_application(lead, application=night, now=at(2026, 5, 12, 9))
    first = assessment.assign_reviewer(unit, application=night, reviewer=reviewer_a)
    second = assessment.assign_reviewer(unit, application=night, reviewer=reviewer_b)
    for assignment, values, comment in [
        (first, [5, 4, 4, 3], "Klart beskrevet udfordring og realistiske mål."),
        (second, [4, 4, 3, 3], "God plan for evaluering; business casen skal skærpes."),
    ]:
        assessment.declare_conflict(assignment.reviewer, assignment=assignment, has_conflict=False)
        assessment.submit_review(
            assignment.reviewer,
            assignment=assignment,
            scores={c.pk: (v, "") for c, v in zip(criteria, values, strict=True)},
            comment=comment,
        )
    decisions.recommend(
        unit,
        application=night,
        outcome=RecommendationOutcome.GRANT_WITH_CONDITIONS,
        amount=Decimal("420000"),
        conditions="Midtvejsevaluering forelægges direktionen i februar 2027.",
        reasons="Projektet scorer højt på borger og personale og har en klar plan for drift.",
    )
    decisions.decide(
        board,
        application=night,
        outcome="granted",
        amount=Decimal("420000"),
        conditions="Midtvejsevaluering forelægges direktionen i februar 2027.",
        reasons="Direktionen følger indstillingen. Beløbet er reduceret, da oplæringen delvis kan ske i arbejdstiden.",
        budget_year=year_2026,
    )
    bookkeeping.record_payment(
        unit, application=night, amount="200000", reason="Første rate overført af Økonomi."
    )

    # 2. A small project, decided by the innovation unit without a round.
    meals = applications.create_application(
        staff, fund=fund, organisation=orgs["Hjemmepleje Nord"], title="Spisevenner i hjemmeplejen"
    )
    applications.save_draft(
        staff,
        application=meals,
        fields={
            "challenge": "Flere ensomme borgere i Hjemmepleje Nord spiser for lidt, når de spiser alene.",
            "criteria_how": "Bedre ernæring og mindre ensomhed for borgerne; frivillige aflaster hjemmeplejen.",
            "activities": "Frivillige spisevenner besøger 15 borgere til frokost en gang om ugen i fire måneder.",
            "resources": "Koordinering 3 timer om ugen, kørsel og et mindre beløb til mad.",
            "evaluation_plan": "Vægt hver fjerde uge og en kort samtale med borgeren før og efter.",
            "spread_plan": "Går det godt, overtager frivilligcentret koordineringen, og Syd afprøver modellen.",
            "starts_on": datetime.date(2026, 3, 1),
            "ends_on": datetime.date(2026, 10, 31),
        },
        criteria=criteria[:1] + criteria[3:],
        sdgs=[Sdg.ZERO_HUNGER, Sdg.GOOD_HEALTH],
        goals=[
            {
                "description": "Borgerne holder vægten",
                "indicators": [
                    {
                        "name": "Borgere med vægttab over 2 kg",
                        "definition": "Andel af deltagerne, der har tabt mere end 2 kg siden start",
                        "unit": "procent",
                        "baseline": Decimal("40"),
                        "target": Decimal("15"),
                        "data_collection": "Vejning ved hjemmeplejens besøg hver fjerde uge",
                    }
                ],
            }
        ],
        partners=[
            {
                "name": "Frivilligcenter Nordfjord",
                "kind": PartnerKind.VOLUNTEER,
                "contribution": "Finder og støtter spisevenner",
            }
        ],
        budget_lines=[
            {
                "description": "Koordinering, kørsel og mad",
                "year": 2026,
                "amount": Decimal("58000"),
                "co_financing": Decimal("10000"),
            }
        ],
    )
    applications.submit_application(staff, application=meals, now=at(2026, 2, 3, 10))
    decisions.decide(
        unit,
        application=meals,
        outcome="granted",
        amount=Decimal("58000"),
        reasons="Enkel afprøvning med tydelige mål og en plan for at frivilligcentret overtager.",
        budget_year=year_2026,
    )

    # 3. A large application in review in the autumn round: one review in, one still sealed.
    lifts = applications.create_application(
        lead,
        fund=fund,
        organisation=orgs["Plejecenter Lindely"],
        title="Forflytningsvejledninger på video",
        round=rounds["Efterår 2026"],
    )
    applications.save_draft(
        lead,
        application=lifts,
        fields={
            "challenge": "Nye medarbejdere og vikarer forflytter beboerne forskelligt, og skriftlige vejledninger bliver ikke læst.",
            "criteria_how": "Tryggere forflytninger for beboerne og færre arbejdsskader for personalet.",
            "activities": "Korte videoer pr. beboer optages af terapeuterne og ligger på plejepersonalets telefon.",
            "resources": "Ergoterapeut 8 timer om ugen i et år, telefonholdere og en licens til videoplatformen.",
            "evaluation_plan": "Arbejdsskader og beboernes oplevelse af forflytningen måles kvartalsvis.",
            "spread_plan": "Videoerne kan bruges af hjemmeplejen, når beboere flytter ind eller ud.",
            "starts_on": datetime.date(2027, 1, 1),
            "ends_on": datetime.date(2027, 12, 31),
        },
        criteria=criteria[:3],
        sdgs=[Sdg.DECENT_WORK],
        goals=[
            {
                "description": "Færre arbejdsskader ved forflytning",
                "indicators": [
                    {
                        "name": "Anmeldte arbejdsskader ved forflytning",
                        "definition": "Arbejdsskader pr. kvartal, hvor forflytning er årsagen",
                        "unit": "antal pr. kvartal",
                        "baseline": Decimal("4"),
                        "target": Decimal("1"),
                        "data_collection": "Arbejdsmiljørepræsentantens opgørelse",
                    }
                ],
            }
        ],
        partners=[],
        budget_lines=[
            {
                "description": "Ergoterapeut",
                "year": 2027,
                "amount": Decimal("240000"),
                "co_financing": Decimal("0"),
            },
            {
                "description": "Udstyr og licens",
                "year": 2027,
                "amount": Decimal("35000"),
                "co_financing": Decimal("15000"),
            },
        ],
    )
    applications.submit_application(lead, application=lifts, now=at(2026, 11, 10, 14))
    first = assessment.assign_reviewer(unit, application=lifts, reviewer=reviewer_a)
    assessment.assign_reviewer(unit, application=lifts, reviewer=reviewer_b)
    assessment.declare_conflict(reviewer_a, assignment=first, has_conflict=False)
    assessment.submit_review(
        reviewer_a,
        assignment=first,
        scores={c.pk: (v, "") for c, v in zip(criteria, [4, 5, 3, 2], strict=True)},
        comment="Stærk på personale; uklart hvem der vedligeholder videoerne efter projektet.",
    )

    # 4. A draft in progress.
    applications.create_application(
        staff, fund=fund, organisation=orgs["Aftenteam Nord"], title="Væskeskema på tablet i aftenteamet"
    )

    # The national pool, run by the national knowledge centre.
    centre = orgs["Nationalt Videnscenter for Velfærdsinnovation"]
    secretariat = _make_user("sekretariat@videnscenter.demo", "Maja", "Skov")
    chair = _make_user("bestyrelse@videnscenter.demo", "Niels", "Vang")
    world.users[secretariat.email] = secretariat
    world.users[chair.email] = chair
    for user, role in [
        (secretariat, Role.INNOVATION_UNIT),
        (secretariat, Role.REVIEWER),
        (chair, Role.BOARD_MEMBER),
    ]:
        Membership.objects.create(user=user, organisation=centre, role=role)
    pool = funds.create_fund(
        admin,
        organisation=centre,
        name="Nærvær i ældreplejen – national pulje",
        purpose=(
            "En national pulje til kommuner, der vil afprøve nye veje til mere omsorg og nærvær for ældre, "
            "og som vil dele deres erfaringer med andre kommuner undervejs."
        ),
        kind=FundKind.NATIONAL_POOL,
        cycle_is_public=True,
        currency=Currency.DKK,
        time_zone="Europe/Copenhagen",
        threshold_amount=Decimal("0"),
        minimum_grant=Decimal("5000000"),
        uses_sdgs=False,
        criteria=[
            ("Nye veje", "Projektet prøver noget nyt sammen med borgere og medarbejdere.", "2", 5),
            ("Nærvær for borgeren", "Projektet giver mere tid og nærvær i mødet med borgeren.", "2", 5),
            ("Overførbarhed", "Erfaringerne kan bruges i andre kommuner.", "1", 5),
        ],
        themes=POOL_THEMES,
    )
    bookkeeping.add_budget(admin, fund=pool, year=2027, amount="60000000", reason="Bevilling på finansloven.")
    pool_round = funds.create_round(
        admin,
        fund=pool,
        name="Ansøgningsrunde 2027",
        opens_on=datetime.date(2026, 11, 1),
        deadline=at(2027, 2, 26, 12),
        information_meeting=at(2026, 12, 3, 10),
        workshop=at(2027, 1, 14, 10),
        assessment_meeting=datetime.date(2027, 3, 18),
        decision_meeting=datetime.date(2027, 4, 8),
    )
    themes = list(pool.themes.all())
    for applicant, unit_name, title, amount, theme_index, challenge in [
        (
            staff,
            "Hjemmepleje Nord",
            "Selvstyrende teams i Hjemmepleje Nord",
            Decimal("6200000"),
            2,
            "Borgerne møder mange forskellige medarbejdere, og planlægningen sker langt fra borgeren.",
        ),
        (
            users["projektleder@solund.demo"],
            "Område Vest",
            "Pårørendeaftaler i Område Vest",
            Decimal("5400000"),
            4,
            "Pårørende vil gerne hjælpe, men ved ikke hvordan, og samarbejdet afhænger af den enkelte medarbejder.",
        ),
    ]:
        application = applications.create_application(
            applicant, fund=pool, organisation=orgs[unit_name], title=title, round=pool_round
        )
        applications.save_draft(
            applicant,
            application=application,
            fields={
                "challenge": challenge,
                "criteria_how": "Projektet giver mere tid hos borgeren og deler erfaringer med andre kommuner.",
                "activities": "Afprøvning i to teams i et år med læringsmøder hver anden måned.",
                "resources": "Projektleder på fuld tid, frikøb af medarbejdere til læringsmøder og ekstern evaluering.",
                "evaluation_plan": "Borgernes oplevede nærvær måles hvert kvartal; midtvejs- og slutevaluering.",
                "spread_plan": "Erfaringerne deles i puljens netværk og på vidensplatformen.",
                "starts_on": datetime.date(2027, 5, 1),
                "ends_on": datetime.date(2028, 12, 31),
            },
            criteria=list(pool.criteria.all()),
            themes=[themes[theme_index]],
            goals=[
                {
                    "description": "Borgerne oplever mere nærvær",
                    "indicators": [
                        {
                            "name": "Borgere, der oplever at blive lyttet til",
                            "definition": "Andel, der svarer 'ofte' eller 'altid' i kvartalsvis spørgeskema",
                            "unit": "procent",
                            "baseline": Decimal("55"),
                            "target": Decimal("75"),
                            "data_collection": "Kort spørgeskema ved besøg",
                        }
                    ],
                }
            ],
            partners=[],
            budget_lines=[
                {
                    "description": "Projektledelse og frikøb",
                    "year": 2027,
                    "amount": amount * Decimal("0.4"),
                    "co_financing": Decimal("0"),
                },
                {
                    "description": "Projektledelse og frikøb",
                    "year": 2028,
                    "amount": amount * Decimal("0.6"),
                    "co_financing": Decimal("0"),
                },
            ],
        )
        applications.submit_application(applicant, application=application, now=at(2026, 11, 20, 10))
