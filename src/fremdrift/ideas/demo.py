"""Demo content: a campaign, ideas on two improvement boards and one learning review, in Danish.

Written for Fremdrift; the text is fictional.
"""

import datetime as dt

from fremdrift.strategy.models import ActionPlan, Beacon

from .models import Campaign, Comment, Idea, IdeaMove, LearningAction, LearningCause, LearningReview, Support

STAFF = "medarbejder@nordfjord.demo"
LEAD = "projektleder@nordfjord.demo"
QUALITY = "kvalitet@nordfjord.demo"

# unit, author, title, problem, idea, whom it helps, beacon, status, reason, supporters
IDEAS = [
    (
        "Hjemmepleje Nord",
        STAFF,
        "Nøgleboks ved alle hoveddøre",
        "Vi venter ofte ved døren, fordi borgeren ikke kan nå at lukke op, og nøglen ligger på kontoret.",
        "Tilbyd alle borgere med daglige besøg en **nøgleboks** med kode, som kun hjemmeplejen kender.",
        "Borgere med nedsat gangfunktion og kollegerne på ruten.",
        "Teknologi der frigør tid til nærvær",
        "prioritised",
        "Spilder mange minutter hver dag; let at afprøve på én rute.",
        [QUALITY, LEAD],
    ),
    (
        "Hjemmepleje Nord",
        STAFF,
        "Fast makker på aftenvagten",
        "Borgerne møder mange forskellige ansigter om aftenen og bliver utrygge.",
        "Lad to kolleger køre samme rute fast i en periode på tre måneder.",
        "Borgere og nye kolleger.",
        "Et godt og sikkert arbejdsliv",
        "testing",
        "",
        [QUALITY],
    ),
    (
        "Hjemmepleje Nord",
        QUALITY,
        "Spørg om borgerens egne mål ved første besøg",
        "Vi kender ofte ikke borgerens egne ønsker, før forløbet er godt i gang.",
        "Brug tre faste spørgsmål ved første besøg:\n\n1. Hvad vil du gerne kunne igen?\n2. Hvad er "
        "vigtigst for dig i hverdagen?\n3. Hvem kan hjælpe dig?",
        "Nye borgere i hjemmeplejen.",
        "Borgerens egne mål først",
        "adopted",
        "",
        [STAFF, LEAD],
    ),
    (
        "Hjemmepleje Nord",
        STAFF,
        "Kaffe med borgeren en gang om ugen",
        "Besøgene bliver korte og praktiske, og ensomme borgere savner nogen at tale med.",
        "Sæt ti minutter af om ugen til en kop kaffe hos de borgere, der bor alene.",
        "Ensomme borgere.",
        "Borgerens egne mål først",
        "new",
        "",
        [],
    ),
    (
        "Hjemmepleje Nord",
        STAFF,
        "Elcykler til korte ruter i byen",
        "Bilerne holder i kø og mangler parkering i centrum.",
        "Afprøv elcykler på de tre korteste ruter.",
        "Kolleger og miljøet.",
        None,
        "dropped",
        "Ruterne er for lange om vinteren; vi prøver igen med elbiler.",
        [],
    ),
    (
        "Plejecenter Lindely",
        LEAD,
        "Pårørendecafé første torsdag i måneden",
        "Pårørende ved ikke, hvem de skal spørge, og føler sig ikke velkomne til at hjælpe.",
        "En fast café, hvor pårørende møder kontaktpersonerne og hinanden.",
        "Pårørende og beboere.",
        "Borgerens egne mål først",
        "prioritised",
        "Mange pårørende har spurgt efter det i tilfredshedsmålingen.",
        [QUALITY],
    ),
    (
        "Plejecenter Lindely",
        LEAD,
        "Tavlemøde ved vagtskifte",
        "Vigtige beskeder går tabt mellem dag- og aftenvagten.",
        "Et stående tavlemøde på fem minutter med faste punkter: fald, medicin, pårørende.",
        "Beboere og kolleger.",
        "Teknologi der frigør tid til nærvær",
        "testing",
        "",
        [QUALITY],
    ),
    (
        "Plejecenter Lindely",
        QUALITY,
        "Sansehave med højbede",
        "Beboerne kommer sjældent ud, og gården er kedelig.",
        "Lav højbede, som beboere i kørestol kan nå.",
        "Beboere og frivillige.",
        None,
        "new",
        "",
        [LEAD],
    ),
    (
        "Plejecenter Lindely",
        LEAD,
        "Musik efter beboerens eget ønske",
        "Uro om eftermiddagen hos beboere med demens.",
        "En spilleliste for hver beboer, lavet sammen med de pårørende.",
        "Beboere med demens.",
        "Borgerens egne mål først",
        "new",
        "",
        [QUALITY],
    ),
]


def load_ideas_demo(world):
    today = dt.date.today()
    users = world.users
    organisations = world.organisations
    lindely = organisations["Plejecenter Lindely"]
    # Relatives may propose ideas to Lindely. A plain update: the demo's set-up is not a change anyone made.
    type(lindely).objects.filter(pk=lindely.pk).update(allows_public_ideas=True)
    lindely.allows_public_ideas = True
    campaign = Campaign.objects.create(
        organisation=organisations["Ældre og Sundhed"],
        title="Mere tid til nærvær",
        theme="Tid til nærvær",
        description="Hvor bruger vi tid på noget, der ikke gør en forskel for borgeren? Send dit bedste bud.",
        starts_on=today - dt.timedelta(days=30),
        ends_on=today + dt.timedelta(days=60),
    )
    beacons = {
        beacon.title: beacon
        for beacon in Beacon.objects.filter(strategy__organisation__name="Ældre og Sundhed")
    }
    plan = ActionPlan.objects.filter(organisation=organisations["Hjemmepleje Nord"]).first()
    guide_row = plan.rows.filter(effort="Samtaleguide ved opstart").first() if plan else None
    created = []
    for unit, author, title, problem, proposal, helps, beacon, status, reason, supporters in IDEAS:
        idea = Idea.objects.create(
            organisation=organisations[unit],
            author=users[author],
            title=title,
            problem=problem,
            proposal=proposal,
            helps=helps,
            beacon=beacons.get(beacon),
            campaign=campaign if "tid" in (beacon or "").lower() or unit == "Hjemmepleje Nord" else None,
            theme="Tid til nærvær" if unit == "Hjemmepleje Nord" else "Hverdagsliv på plejecentret",
            status=status,
            # The adopted idea has become a row of the unit's action plan.
            action_plan_row=guide_row if status == "adopted" else None,
        )
        path = {
            "new": [],
            "prioritised": ["prioritised"],
            "testing": ["prioritised", "testing"],
            "adopted": ["prioritised", "testing", "adopted"],
            "dropped": ["dropped"],
        }[status]
        previous = "new"
        for step in path:
            why = reason or ("God idé, som er let at afprøve." if step in ("prioritised", "dropped") else "")
            IdeaMove.objects.create(
                idea=idea, from_status=previous, to_status=step, moved_by=users[QUALITY], reason=why
            )
            previous = step
        for supporter in supporters:
            Support.objects.create(idea=idea, user=users[supporter])
        created.append(idea)
    Comment.objects.create(
        idea=created[0],
        author=users[LEAD],
        body="Vi har gode erfaringer med det på Lindely. Husk at aftale koden med borgeren.",
    )
    Comment.objects.create(
        idea=created[1], author=users[STAFF], body="Jeg vil gerne være med i afprøvningen på rute 4."
    )
    Idea.objects.create(
        organisation=lindely,
        public_name="Jørgen (pårørende)",
        title="Opslagstavle med ugens aktiviteter",
        problem="Som pårørende ved jeg aldrig, hvad der sker i løbet af ugen.",
        proposal="Hæng ugens program op ved indgangen, så vi kan planlægge besøg efter det.",
        helps="Pårørende og beboere.",
        theme="Hverdagsliv på plejecentret",
    )
    review = LearningReview.objects.create(
        organisation=lindely,
        title="Medicin givet for sent ved vagtskifte",
        occurred_in=f"{today.year}",
        what_happened="En beboer fik sin aftenmedicin to timer for sent, fordi beskeden om ændret dosis ikke blev "
        "givet videre ved vagtskiftet. Beboeren tog ikke skade.",
        follow_up_on=today + dt.timedelta(days=45),
        created_by=users[LEAD],
    )
    for category, description in [
        ("methods", "Der er ingen fast dagsorden for overlevering ved vagtskifte."),
        ("people", "Nyansat afløser kendte ikke afdelingens rutiner."),
        ("equipment", "Medicinlisten i systemet blev først opdateret efter vagtskiftet."),
        ("management", "Travl dag med to sygemeldinger; ingen var udpeget til at tage over."),
    ]:
        LearningCause.objects.create(review=review, category=category, description=description)
    lindely_plan = ActionPlan.objects.filter(organisation=lindely).first()
    LearningAction.objects.create(
        review=review,
        description="Indfør tavlemøde med fast punkt om medicinændringer ved hvert vagtskifte.",
        responsible="Teamleder, aftenvagt",
        due_on=today + dt.timedelta(days=30),
        action_plan_row=lindely_plan.rows.first() if lindely_plan else None,
    )
    LearningAction.objects.create(
        review=review,
        description="Introduktion til medicinrutiner for alle afløsere på første vagt.",
        responsible="Sygeplejerske",
        due_on=today + dt.timedelta(days=45),
    )
