"""Demo content: a strategy for Nordfjord's Ældre og Sundhed and action plans for some of its units.

Written for Fremdrift; the text is fictional.
"""

import datetime as dt

from .models import ActionPlan, ActionPlanRow, Beacon, Effort, Strategy

BEACONS = [
    (
        "Borgerens egne mål først",
        "Hjælpen tager udgangspunkt i det, borgeren selv vil kunne igen.",
        ["Rehabiliterende samtale ved alle nye forløb", "Fælles målark for hjemmepleje og træning"],
    ),
    (
        "Teknologi der frigør tid til nærvær",
        "Vi bruger teknologi, hvor den giver mere tid sammen med borgeren – ikke mindre.",
        ["Skærmbesøg som fast tilbud", "Digital opgavefordeling ved vagtskifte"],
    ),
    (
        "Et godt og sikkert arbejdsliv",
        "Faste relationer, tydelige roller og læring, når noget går galt.",
        ["Faste teams og makkerpar", "Læring af utilsigtede hændelser"],
    ),
]


def load_strategy_demo(world):
    today = dt.date.today()
    year = today.year
    administration = world.organisations["Ældre og Sundhed"]
    strategy = Strategy.objects.create(
        organisation=administration,
        title="Sammen om det gode hverdagsliv",
        starts_year=year,
        ends_year=year + 3,
        vision="Ældre borgere i Nordfjord lever det liv, de selv ønsker, så længe som muligt og med så "
        "lidt hjælp som nødvendigt.",
        mission="Vi støtter borgeren i at holde fast i hverdagen – sammen med de pårørende, civilsamfundet og "
        "hinanden på tværs af faggrupper.",
        definition="Ved et godt hverdagsliv forstår vi, at borgeren kan det, der giver mening for vedkommende: "
        "at handle ind, mødes med andre, passe sit hjem eller gå en tur.",
    )
    efforts = {}
    for position, (title, description, effort_titles) in enumerate(BEACONS, start=1):
        beacon = Beacon.objects.create(
            strategy=strategy, title=title, description=description, position=position
        )
        for effort_position, effort_title in enumerate(effort_titles, start=1):
            efforts[effort_title] = Effort.objects.create(
                beacon=beacon, title=effort_title, position=effort_position
            )

    def plan(unit, title, rows):
        action_plan = ActionPlan.objects.create(
            organisation=world.organisations[unit], title=title, strategy=strategy
        )
        for position, row in enumerate(rows, start=1):
            effort = efforts.get(row.pop("serves", ""))
            ActionPlanRow.objects.create(
                plan=action_plan,
                position=position,
                strategic_effort=effort,
                beacon=effort.beacon if effort else None,
                **row,
            )
        return action_plan

    def months(first, last):
        start = dt.date(year, first, 1)
        end = dt.date(year + (1 if last < first else 0), last, 28)
        return start, end

    spring = months(1, 6)
    plan(
        "Ældre og Sundhed",
        f"Fælles handleplan {year}",
        [
            dict(
                serves="Fælles målark for hjemmepleje og træning",
                effort="Ét målark i omsorgsjournalen",
                goal="Samme mål for borgeren, uanset hvem der kommer i hjemmet.",
                expected_effect="Færre gentagne samtaler med borgeren og bedre overgange.",
                financing="Inden for rammen",
                time_frame=f"Feb – nov {year}",
                starts_on=dt.date(year, 2, 1),
                ends_on=dt.date(year, 11, 30),
                status="in_progress",
                status_note="Skabelonen er godkendt; oplæring i gang.",
            ),
            dict(
                serves="Læring af utilsigtede hændelser",
                effort="Månedlige læringsmøder i alle enheder",
                goal="Hver enhed gennemgår mindst én hændelse om måneden.",
                expected_effect="Færre gentagelser.",
                financing="Interne timer",
                time_frame="Løbende",
                status="in_progress",
            ),
        ],
    )
    plan(
        "Hjemmeplejen",
        f"Handleplan for hjemmeplejen {year}",
        [
            dict(
                serves="Digital opgavefordeling ved vagtskifte",
                effort="Tablets til alle teamledere",
                goal="Vagtskiftet tager højst 15 minutter.",
                expected_effect="Mere tid i borgerens hjem.",
                financing="Innovationspuljen",
                time_frame=f"Jan – marts {year}",
                starts_on=dt.date(year, 1, 1),
                ends_on=dt.date(year, 3, 31),
                status="completed",
            ),
            dict(
                serves="Skærmbesøg som fast tilbud",
                effort="Skærmbesøg til medicinpåmindelse",
                goal="40 borgere får påmindelse via skærm i stedet for fysisk besøg.",
                expected_effect="Frigjort tid til borgere med større behov.",
                financing="Inden for rammen",
                time_frame=f"Aug {year - 1} – maj {year}",
                starts_on=dt.date(year - 1, 8, 1),
                ends_on=today - dt.timedelta(days=20),
                status="in_progress",
                status_note="Forsinket: venter på ny version af skærmløsningen.",
            ),
        ],
    )
    plan(
        "Hjemmepleje Nord",
        f"Handleplan Hjemmepleje Nord {year}",
        [
            dict(
                serves="Rehabiliterende samtale ved alle nye forløb",
                effort="Samtaleguide ved opstart",
                goal="Alle nye borgere får en samtale om egne mål inden for to uger.",
                expected_effect="Flere borgere bliver helt eller delvist selvhjulpne.",
                financing="Interne timer",
                time_frame=f"Jan – juni {year}",
                starts_on=spring[0],
                ends_on=dt.date(year, 6, 30),
                status="in_progress",
            ),
            dict(
                serves="Faste teams og makkerpar",
                effort="Faste makkerpar på aftenvagten",
                goal="Den samme medarbejder kommer hos borgeren mindst fire ud af fem aftener.",
                expected_effect="Tryghed for borgeren og mindre sygefravær.",
                financing="Inden for rammen",
                time_frame="Løbende",
                status="not_started",
            ),
            dict(
                focus_area="Arbejdsmiljø",
                effort="Nyt kørselsmønster i yderområderne",
                goal="Mindre tid i bil.",
                financing="Ingen udgifter",
                time_frame=f"Sept {year - 1}",
                starts_on=dt.date(year - 1, 9, 1),
                ends_on=dt.date(year - 1, 9, 30),
                status="on_standby",
                status_note="Afventer ny ruteplanlægning fra leverandøren.",
            ),
        ],
    )
    plan(
        "Plejecenter Lindely",
        f"Handleplan Lindely {year}",
        [
            dict(
                serves="Faste teams og makkerpar",
                effort="Faste kontaktpersoner for alle beboere",
                goal="Alle beboere og pårørende kender deres kontaktperson.",
                expected_effect="Bedre dialog med pårørende.",
                financing="Inden for rammen",
                time_frame=f"Marts – maj {year}",
                starts_on=dt.date(year, 3, 1),
                ends_on=dt.date(year, 5, 31),
                status="completed",
            ),
            dict(
                focus_area="Måltider",
                effort="Fælles aftensmad i dagligstuen",
                goal="Flere beboere spiser sammen med andre.",
                expected_effect="Mindre ensomhed og bedre appetit.",
                financing="Ingen udgifter",
                time_frame="Forår",
                status="dropped",
                status_note="Droppet: køkkenets åbningstid kunne ikke ændres.",
            ),
        ],
    )
