"""Demo cases for the library, written for Fremdrift (no text from the source documents)."""

import datetime

from django.utils import timezone

from . import search
from .models import Case, CaseContact, CaseStatus, KnowledgePost, Nomination, Reuse, Sector

CASES = [
    {
        "organisation": "Plejecenter Lindely",
        "title": "Musik ved aftensmaden",
        "subtitle": "Roligere måltider for beboere med demens",
        "lead": "Plejecenter Lindely har indført stille, genkendelig musik ved aftensmaden. Beboerne spiser mere, "
        "og der er færre konflikter ved bordet.",
        "target_group": "Beboere med demens på plejecentre og deres pårørende",
        "year_text": "2025–2026",
        "year_from": 2025,
        "year_to": 2026,
        "challenge": "Aftensmaden var præget af uro. Flere beboere med demens rejste sig fra bordet, og "
        "personalet brugte tiden på at berolige i stedet for at spise sammen med beboerne.",
        "solution": "Personalet valgte sammen med de pårørende musik, som beboerne kender fra deres ungdom. "
        "Musikken spilles lavt i 45 minutter, lyset dæmpes, og en medarbejder spiser med ved hvert bord.",
        "key_elements": [
            "Musik valgt sammen med pårørende",
            "Dæmpet lys",
            "En medarbejder spiser med ved hvert bord",
        ],
        "resources": "To personalemøder, en højttaler pr. afdeling og 20 timers tid til at samle musik.",
        "partners": "Pårørenderådet og musikterapeut fra Træningscenter Nordfjord.",
        "value_quality": "Beboerne spiser mere og er roligere om aftenen.",
        "value_efficiency": "Mindre tid brugt på at berolige; færre PN-dispenseringer om aftenen.",
        "value_democracy": "De pårørende var med til at vælge musikken.",
        "value_political_goals": None,
        "value_innovation_capacity": None,
        "themes": ["Demens", "Måltider", "Nærvær"],
        "sector": Sector.ELDERLY_CARE,
        "reuse_notes": ["Start på én afdeling og mål uro ved måltidet i fire uger før og efter."],
        "status": CaseStatus.PUBLISHED,
        "contact": ("Mette Holm", "Projektleder", "Plejecenter Lindely", "projektleder@nordfjord.demo"),
    },
    {
        "organisation": "Hjemmepleje Nord",
        "title": "Skærmbesøg om aftenen",
        "subtitle": "Tryghedsopkald på tablet til borgere, der bor alene",
        "lead": "Hjemmepleje Nord afprøver korte skærmbesøg om aftenen til borgere, der føler sig utrygge.",
        "target_group": "Ældre borgere i eget hjem, der bor alene",
        "year_text": "2026",
        "year_from": 2026,
        "challenge": "Flere borgere ringer om aftenen, fordi de er utrygge, og kørsel til korte besøg tager tid.",
        "solution": "Et fast skærmbesøg på fem minutter kl. 20 med en kendt medarbejder fra aftenteamet.",
        "key_elements": ["Fast tidspunkt", "Kendt medarbejder", "Fysisk besøg når borgeren ønsker det"],
        "themes": ["Velfærdsteknologi", "Tryghed"],
        "sector": Sector.DIGITAL,
        "status": CaseStatus.DRAFT,
    },
    {
        "organisation": "Område Vest",
        "title": "Faste teams i hjemmeplejen",
        "subtitle": "Færre forskellige ansigter hos den enkelte borger",
        "lead": "Sølund Kommune har organiseret hjemmeplejen i små faste teams, så den enkelte borger møder færre "
        "forskellige medarbejdere.",
        "target_group": "Borgere med hjemmepleje flere gange dagligt",
        "year_text": "2024",
        "year_from": 2024,
        "challenge": "Borgerne mødte op til 25 forskellige medarbejdere på en måned.",
        "solution": "Teams på seks medarbejdere med egne borgere og en fælles tavle til planlægning.",
        "themes": ["Kontinuitet", "Organisering"],
        "sector": Sector.ELDERLY_CARE,
        "value_quality": "Borgerne møder i gennemsnit ni forskellige medarbejdere om måneden.",
        "status": CaseStatus.PUBLISHED,
    },
]


def load(world):
    cases = {}
    for data in CASES:
        data = dict(data)
        contact = data.pop("contact", None)
        organisation = world.organisations[data.pop("organisation")]
        case = Case.objects.create(
            organisation=organisation,
            organisation_names=organisation.root.name,
            source="Fremdrift",
            published_at=timezone.now() if data["status"] == CaseStatus.PUBLISHED else None,
            **data,
        )
        if contact:
            name, role, organisation_name, email = contact
            CaseContact.objects.create(
                case=case,
                name=name,
                role=role,
                organisation_name=organisation_name,
                email=email,
                source="Fremdrift",
                source_date=datetime.date(2026, 3, 1),
                confirmed=True,
            )
        search.index_case(case)
        cases[case.title] = case
    Nomination.objects.create(
        case=cases["Musik ved aftensmaden"],
        prize="Nordfjords Innovationspris",
        year=2026,
        standing=Nomination.Standing.WINNER,
    )
    Reuse.objects.create(
        case=cases["Musik ved aftensmaden"],
        organisation=world.organisations["Område Vest"],
        adopted_by=world.users["projektleder@solund.demo"],
        stage=Reuse.Stage.IMPLEMENTED,
        note="Afprøvet i to bofællesskaber.",
    )
    post = KnowledgePost.objects.create(
        kind=KnowledgePost.Kind.ADVICE,
        theme="Nærvær",
        title="Sæt små fremskridt på dagsordenen",
        text="Brug fem minutter på hvert personalemøde til at fortælle, hvad der er lykkedes siden sidst.",
        organisation=world.organisations["Ældre og Sundhed"],
        author=world.users["kvalitet@nordfjord.demo"],
    )
    search.index_knowledge_post(post)
