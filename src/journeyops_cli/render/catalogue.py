"""Every interface word of journeyops' pages, in Finnish, Swedish and English: one table
for `journeyops render`, the site and the studio (its forms, in a section of their own).

`MESSAGES` maps a message id to its text in each language; every id has every language
(a test checks). Ids are lower-case words, dotted for the values of a field
(`level.top`, `channel.web`). Look texts up with `render.i18n`: `strings(language)` for a
page, `message(id, language)` for one text (an unknown id is an error, not a blank).
Record text (titles, descriptions) is not here: it comes from the bank. Each lint rule's
title and hint (`rule.CODE`, `rule_hint.CODE`) are kept in `catalogue_rules.py` and added
to `MESSAGES` here: one table.
"""

from __future__ import annotations

from journeyops_cli.render.catalogue_cli import CLI_MESSAGES
from journeyops_cli.render.catalogue_rules import RULE_MESSAGES

LANGUAGES = ("fi", "sv", "en")
"""The languages of the interface; a bank language not here gets English words."""

LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"}
"""Each language's name in itself (the language switch)."""

MESSAGES: dict[str, dict[str, str]] = {
    "journey": {"fi": "Palvelupolku", "sv": "Kundresa", "en": "Journey"},
    "journey_map": {"fi": "Palvelupolkukartta", "sv": "Kundresekarta", "en": "Journey map"},
    "level": {"fi": "Taso", "sv": "Nivå", "en": "Level"},
    "level.top": {"fi": "Ylätason polku", "sv": "Övergripande resa", "en": "Top journey"},
    "level.mid": {"fi": "Keskitason polku", "sv": "Resa på mellannivå", "en": "Mid journey"},
    "level.detailed": {"fi": "Yksityiskohtainen polku", "sv": "Detaljerad resa", "en": "Detailed journey"},
    "theme": {"fi": "Ankkuriteema", "sv": "Ankartema", "en": "Theme"},
    "owner": {"fi": "Omistaja", "sv": "Ägare", "en": "Owner"},
    "team": {"fi": "Tiimi", "sv": "Team", "en": "Team"},
    "customer_groups": {"fi": "Asiakasryhmät", "sv": "Kundgrupper", "en": "Customer groups"},
    "life_events": {"fi": "Elämäntapahtumat", "sv": "Livshändelser", "en": "Life events"},
    "cx_goals": {
        "fi": "Asiakaskokemuksen tavoitteet",
        "sv": "Mål för kundupplevelsen",
        "en": "Customer-experience goals",
    },
    "status": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "status.draft": {"fi": "Luonnos", "sv": "Utkast", "en": "Draft"},
    "status.active": {"fi": "Käytössä", "sv": "Aktiv", "en": "Active"},
    "status.retired": {"fi": "Poistunut", "sv": "Avvecklad", "en": "Retired"},
    "reviewed": {"fi": "Tarkistettu", "sv": "Granskad", "en": "Reviewed"},
    "not_reviewed": {"fi": "ei koskaan", "sv": "aldrig", "en": "never"},
    "parent": {"fi": "Osa polkua", "sv": "Del av", "en": "Part of"},
    "children": {"fi": "Tarkentavat polut", "sv": "Fördjupas i", "en": "Detailed by"},
    "steps": {"fi": "Vaiheet", "sv": "Steg", "en": "Steps"},
    "step": {"fi": "Vaihe", "sv": "Steg", "en": "Step"},
    "lanes": {"fi": "Kaista", "sv": "Bana", "en": "Lane"},
    "lane.cx_goals": {"fi": "Asiakaskokemuksen tavoitteet", "sv": "Mål för kundupplevelsen", "en": "CX goals"},
    "lane.step_id": {
        "fi": "Vaiheen tunniste (älä muuta)",
        "sv": "Stegets id (ändra inte)",
        "en": "Step id (do not change)",
    },
    "lane.channel_list": {"fi": "Kanavat", "sv": "Kanaler", "en": "Channels"},
    "lane.touchpoints": {"fi": "Kohtaamispisteet", "sv": "Kontaktpunkter", "en": "Touchpoints"},
    "lane.customer_actions": {
        "fi": "Asiakkaan toiminta",
        "sv": "Kundens handlingar",
        "en": "Customer actions",
    },
    "lane.description": {"fi": "Mitä tapahtuu", "sv": "Vad som händer", "en": "What happens"},
    "lane.parent_step": {
        "fi": "Yläpolun vaihe",
        "sv": "Steg i den överordnade resan",
        "en": "Step of the parent journey",
    },
    "lane.channels": {
        "fi": "Kanavat ja kohtaamispisteet",
        "sv": "Kanaler och kontaktpunkter",
        "en": "Channels and touchpoints",
    },
    "lane.emotion": {"fi": "Tunne", "sv": "Känsla", "en": "Emotion"},
    "lane.pain_points": {"fi": "Kipukohdat", "sv": "Smärtpunkter", "en": "Pain points"},
    "lane.insights": {"fi": "Havainnot", "sv": "Insikter", "en": "Insights"},
    "lane.metrics": {"fi": "Mittarit ja tavoitteet", "sv": "Mätare mot mål", "en": "Metrics against target"},
    "lane.opportunities": {
        "fi": "Kehitysmahdollisuudet",
        "sv": "Utvecklingsmöjligheter",
        "en": "Opportunities",
    },
    "lane.child_steps": {"fi": "Tarkennettu poluissa", "sv": "Fördjupas i", "en": "Elaborated in"},
    "sheet.new_journey": {"fi": "Uusi polku", "sv": "Ny kundresa", "en": "New journey"},
    "map.from_below": {
        "fi": "Alemmilta tasoilta",
        "sv": "Från nivåerna under",
        "en": "From the journeys below",
    },
    "map.from_below_note": {
        "fi": "koottu tarkentavilta poluilta",
        "sv": "samlat från resorna under",
        "en": "rolled up from the journeys beneath",
    },
    "map.scroll_hint": {
        "fi": "{steps}: vieritä karttaa sivusuunnassa nähdäksesi kaikki.",
        "sv": "{steps}: rulla kartan i sidled för att se alla.",
        "en": "{steps}: scroll the map sideways to see them all.",
    },
    "lane.below_journeys": {"fi": "Tarkentavat polut", "sv": "Resor under", "en": "Journeys below"},
    "lane.below_pain_points": {"fi": "Kipukohdat alla", "sv": "Smärtpunkter under", "en": "Pain points below"},
    "lane.below_emotion": {"fi": "Heikoin tunne alla", "sv": "Sämsta känslan under", "en": "Worst emotion below"},
    "lane.below_insights": {"fi": "Havainnot alla", "sv": "Insikter under", "en": "Insights below"},
    "lane.below_metrics": {"fi": "Mittarit alla", "sv": "Mätare under", "en": "Metrics below"},
    "lane.below_opportunities": {
        "fi": "Avoimet kehitysmahdollisuudet alla",
        "sv": "Öppna utvecklingsmöjligheter under",
        "en": "Open opportunities below",
    },
    "count.steps.one": {"fi": "{n} vaihe", "sv": "{n} steg", "en": "{n} step"},
    "count.steps.other": {"fi": "{n} vaihetta", "sv": "{n} steg", "en": "{n} steps"},
    "count.insights.one": {"fi": "{n} havainto", "sv": "{n} insikt", "en": "{n} insight"},
    "count.insights.other": {"fi": "{n} havaintoa", "sv": "{n} insikter", "en": "{n} insights"},
    "count.metrics.one": {"fi": "{n} mittari", "sv": "{n} mätare", "en": "{n} metric"},
    "count.metrics.other": {"fi": "{n} mittaria", "sv": "{n} mätare", "en": "{n} metrics"},
    "count.opportunities.one": {
        "fi": "{n} kehitysmahdollisuus",
        "sv": "{n} utvecklingsmöjlighet",
        "en": "{n} opportunity",
    },
    "count.opportunities.other": {
        "fi": "{n} kehitysmahdollisuutta",
        "sv": "{n} utvecklingsmöjligheter",
        "en": "{n} opportunities",
    },
    "count.pain_points.one": {"fi": "{n} kipukohta", "sv": "{n} smärtpunkt", "en": "{n} pain point"},
    "count.pain_points.other": {"fi": "{n} kipukohtaa", "sv": "{n} smärtpunkter", "en": "{n} pain points"},
    "count.journeys.one": {"fi": "{n} polku", "sv": "{n} resa", "en": "{n} journey"},
    "count.journeys.other": {"fi": "{n} polkua", "sv": "{n} resor", "en": "{n} journeys"},
    "metric.on_of": {
        "fi": "{on}/{total} tavoitteessa",
        "sv": "{on} av {total} når målet",
        "en": "{on} of {total} on target",
    },
    "emotion.-2": {"fi": "Erittäin huono", "sv": "Mycket dålig", "en": "Very bad"},
    "emotion.-1": {"fi": "Huono", "sv": "Dålig", "en": "Bad"},
    "emotion.0": {"fi": "Neutraali", "sv": "Neutral", "en": "Neutral"},
    "emotion.1": {"fi": "Hyvä", "sv": "Bra", "en": "Good"},
    "emotion.2": {"fi": "Erittäin hyvä", "sv": "Mycket bra", "en": "Very good"},
    "emotion.none": {"fi": "Ei kirjattu", "sv": "Inte angiven", "en": "Not recorded"},
    "emotion_curve": {"fi": "Tunnekäyrä", "sv": "Känslokurva", "en": "Emotion curve"},
    "emotion_curve.none": {
        "fi": "Tämän polun vaiheille ei ole kirjattu tunnetta.",
        "sv": "Inget steg i denna resa har en angiven känsla.",
        "en": "No step of this journey has an emotion recorded.",
    },
    "emotion_curve.missing": {
        "fi": "Vaiheet, joille ei ole kirjattu tunnetta, puuttuvat käyrältä.",
        "sv": "Steg utan angiven känsla saknas i kurvan.",
        "en": "Steps without a recorded emotion are left out of the curve.",
    },
    # As-is and to-be: a target journey's map set against the current journey it improves.
    "state": {"fi": "Nykytila vai tavoitetila", "sv": "Nuläge eller önskat läge", "en": "As-is or to-be"},
    "state.current": {"fi": "Nykytila", "sv": "Nuläge", "en": "As-is"},
    "state.target": {"fi": "Tavoitetila", "sv": "Önskat läge", "en": "To-be"},
    "asis.improves": {
        "fi": "Parantaa nykytilan polkua",
        "sv": "Förbättrar resan i nuläge",
        "en": "Improves the current journey",
    },
    "asis.new_target": {
        "fi": "Uusi tavoitetilan polku tästä polusta",
        "sv": "Ny resa i önskat läge utifrån den här resan",
        "en": "New target journey from this journey",
    },
    "asis.targets": {"fi": "Tavoitetilan polut", "sv": "Resor i önskat läge", "en": "Target journeys"},
    "asis.legend": {
        "fi": "Tunnekäyrät: nykytila ja tavoitetila",
        "sv": "Känslokurvor: nuläge och önskat läge",
        "en": "Emotion curves: as-is and to-be",
    },
    "asis.key_current": {
        "fi": "Nykytila ({title}): katkoviiva, vinoneliö",
        "sv": "Nuläge ({title}): streckad linje, romb",
        "en": "As-is ({title}): dashed line, diamond",
    },
    "asis.key_target": {
        "fi": "Tavoitetila: yhtenäinen viiva, kasvot",
        "sv": "Önskat läge: hel linje, ansikte",
        "en": "To-be: solid line, face",
    },
    "asis.key_note": {
        "fi": (
            "Vaiheet yhdistetään tunnisteen perusteella. Uudella vaiheella ei ole nykytilan pistettä, "
            "joten katkoviiva katkeaa siinä; poistuvat vaiheet luetellaan erojen kohdalla."
        ),
        "sv": (
            "Stegen matchas med sitt id. Ett nytt steg har ingen punkt i nuläget, så den streckade linjen "
            "bryts där; steg som tas bort listas bland skillnaderna."
        ),
        "en": (
            "Steps are matched by id. A new step has no as-is point, so the dashed line breaks there; "
            "removed steps are listed with the differences."
        ),
    },
    "asis.cell": {"fi": "Nykytila: {emotion}", "sv": "Nuläge: {emotion}", "en": "As-is: {emotion}"},
    "asis.new_step": {"fi": "Nykytila: uusi vaihe", "sv": "Nuläge: nytt steg", "en": "As-is: new step"},
    "asis.changes": {"fi": "Erot nykytilaan", "sv": "Skillnader mot nuläget", "en": "Differences from the as-is"},
    "asis.added": {"fi": "Uudet vaiheet", "sv": "Nya steg", "en": "Steps added"},
    "asis.removed": {"fi": "Poistuvat vaiheet", "sv": "Steg som tas bort", "en": "Steps removed"},
    "asis.emotion_changed": {"fi": "Tunne muuttuu", "sv": "Känslan ändras", "en": "Emotion changed"},
    "asis.pains_gone": {"fi": "Poistuvat kipukohdat", "sv": "Smärtpunkter som försvinner", "en": "Pain points gone"},
    "asis.pains_new": {"fi": "Uudet kipukohdat", "sv": "Nya smärtpunkter", "en": "New pain points"},
    "asis.no_changes": {
        "fi": "Vaiheissa, tunteissa ja kipukohdissa ei ole eroja.",
        "sv": "Inga skillnader i steg, känslor eller smärtpunkter.",
        "en": "No differences in steps, emotions or pain points.",
    },
    "asis.table": {
        "fi": "Tunne vaiheittain: nykytila ja tavoitetila",
        "sv": "Känsla steg för steg: nuläge och önskat läge",
        "en": "Emotion step by step: as-is and to-be",
    },
    "asis.not_in_current": {"fi": "Ei nykytilassa", "sv": "Inte i nuläget", "en": "Not in the as-is"},
    "channel.web": {"fi": "Verkko", "sv": "Webben", "en": "Web"},
    "channel.mobile-app": {"fi": "Mobiilisovellus", "sv": "Mobilapp", "en": "Mobile app"},
    "channel.e-service": {"fi": "Sähköinen asiointi", "sv": "E-tjänst", "en": "E-service"},
    "channel.phone": {"fi": "Puhelin", "sv": "Telefon", "en": "Phone"},
    "channel.email": {"fi": "Sähköposti", "sv": "E-post", "en": "Email"},
    "channel.chat": {"fi": "Chat", "sv": "Chatt", "en": "Chat"},
    "channel.letter": {"fi": "Kirje", "sv": "Brev", "en": "Letter"},
    "channel.service-point": {"fi": "Palvelupiste", "sv": "Servicepunkt", "en": "Service point"},
    "channel.home-visit": {"fi": "Kotikäynti", "sv": "Hembesök", "en": "Home visit"},
    "channel.social-media": {"fi": "Sosiaalinen media", "sv": "Sociala medier", "en": "Social media"},
    "channel.other": {"fi": "Muu", "sv": "Annat", "en": "Other"},
    "insight_type.research": {"fi": "Tutkimus", "sv": "Forskning", "en": "Research"},
    "insight_type.interview": {"fi": "Haastattelu", "sv": "Intervju", "en": "Interview"},
    "insight_type.usability-test": {
        "fi": "Käytettävyystesti",
        "sv": "Användbarhetstest",
        "en": "Usability test",
    },
    "insight_type.survey": {"fi": "Kysely", "sv": "Enkät", "en": "Survey"},
    "insight_type.feedback": {"fi": "Palaute", "sv": "Respons", "en": "Feedback"},
    "insight_type.analytics": {"fi": "Analytiikka", "sv": "Analys", "en": "Analytics"},
    "insight_type.observation": {"fi": "Havainnointi", "sv": "Observation", "en": "Observation"},
    "insight_type.service-data": {"fi": "Palveludata", "sv": "Tjänstedata", "en": "Service data"},
    "severity.low": {"fi": "matala", "sv": "låg", "en": "low"},
    "severity.medium": {"fi": "keskitaso", "sv": "medel", "en": "medium"},
    "severity.high": {"fi": "korkea", "sv": "hög", "en": "high"},
    "severity.critical": {"fi": "kriittinen", "sv": "kritisk", "en": "critical"},
    "evidence": {"fi": "aineisto", "sv": "underlag", "en": "evidence"},
    "opportunity_status.idea": {"fi": "idea", "sv": "idé", "en": "idea"},
    "opportunity_status.proposed": {"fi": "ehdotettu", "sv": "föreslagen", "en": "proposed"},
    "opportunity_status.planned": {"fi": "suunniteltu", "sv": "planerad", "en": "planned"},
    "opportunity_status.in-progress": {"fi": "työn alla", "sv": "pågår", "en": "in progress"},
    "opportunity_status.done": {"fi": "valmis", "sv": "klar", "en": "done"},
    "opportunity_status.rejected": {"fi": "hylätty", "sv": "avvisad", "en": "rejected"},
    "unit.days.one": {"fi": "päivä", "sv": "dag", "en": "day"},
    "unit.days.other": {"fi": "päivää", "sv": "dagar", "en": "days"},
    "unit.hours.one": {"fi": "tunti", "sv": "timme", "en": "hour"},
    "unit.hours.other": {"fi": "tuntia", "sv": "timmar", "en": "hours"},
    "unit.applications/year.one": {"fi": "hakemus vuodessa", "sv": "ansökan per år", "en": "application/year"},
    "unit.applications/year.other": {"fi": "hakemusta vuodessa", "sv": "ansökningar per år", "en": "applications/year"},
    "unit.score 1-5.one": {"fi": "(asteikko 1–5)", "sv": "(skala 1–5)", "en": "(scale 1–5)"},
    "unit.score 1-5.other": {"fi": "(asteikko 1–5)", "sv": "(skala 1–5)", "en": "(scale 1–5)"},
    "metric.target": {"fi": "tavoite", "sv": "mål", "en": "target"},
    "metric.no_data": {"fi": "ei dataa", "sv": "inga data", "en": "no data"},
    "metric.on_target": {"fi": "tavoitteessa", "sv": "når målet", "en": "on target"},
    "metric.off_target": {"fi": "ei tavoitteessa", "sv": "når inte målet", "en": "off target"},
    "metric.increase": {"fi": "suurempi on parempi", "sv": "högre är bättre", "en": "higher is better"},
    "metric.decrease": {"fi": "pienempi on parempi", "sv": "lägre är bättre", "en": "lower is better"},
    "none": {"fi": "–", "sv": "–", "en": "–"},
    "skip_to_map": {
        "fi": "Siirry polkukarttaan",
        "sv": "Hoppa till kundresekartan",
        "en": "Skip to the journey map",
    },
    "skip": {"fi": "Siirry sisältöön", "sv": "Hoppa till innehållet", "en": "Skip to content"},
    "main_nav": {"fi": "Päävalikko", "sv": "Huvudmeny", "en": "Main"},
    "language_nav": {"fi": "Kieli", "sv": "Språk", "en": "Language"},
    "breadcrumb": {"fi": "Murupolku", "sv": "Brödsmulor", "en": "Breadcrumb"},
    "home": {"fi": "Etusivu", "sv": "Start", "en": "Home"},
    "themes": {"fi": "Ankkuriteemat", "sv": "Ankarteman", "en": "Anchor themes"},
    "levels": {"fi": "Polut tasoittain", "sv": "Stigar per nivå", "en": "Journeys by level"},
    "journeys": {"fi": "Palvelupolut", "sv": "Servicestigar", "en": "Journeys"},
    "top_journeys": {"fi": "Ylätason polut", "sv": "Stigar på toppnivå", "en": "Top-level journeys"},
    "insights": {"fi": "Havainnot", "sv": "Insikter", "en": "Insights"},
    "insight": {"fi": "Havainto", "sv": "Insikt", "en": "Insight"},
    "metrics": {"fi": "Mittarit", "sv": "Mätare", "en": "Metrics"},
    "metric": {"fi": "Mittari", "sv": "Mätare", "en": "Metric"},
    "opportunities": {"fi": "Kehitysmahdollisuudet", "sv": "Utvecklingsmöjligheter", "en": "Opportunities"},
    "opportunity": {"fi": "Kehitysmahdollisuus", "sv": "Utvecklingsmöjlighet", "en": "Opportunity"},
    "backlog": {"fi": "Kehitysjono", "sv": "Utvecklingskö", "en": "Backlog"},
    "search": {"fi": "Haku", "sv": "Sök", "en": "Search"},
    # The playbook (`site/guide.py`): the guide's pages, its place in the navigation and on the home page.
    "playbook": {"fi": "Pelikirja", "sv": "Spelbok", "en": "Playbook"},
    "playbook_intro": {
        "fi": (
            "Näin palvelupolkuja kuvataan, kehitetään ja johdetaan: roolit, rytmit, polkujen tasot, "
            "näyttö vaiheiden rinnalle, priorisointi, julkaiseminen ja uuden pankin ensimmäiset 30 päivää "
            "– jokainen askel komentoineen."
        ),
        "sv": (
            "Så beskrivs, utvecklas och leds kundresorna: roller, rytmer, resornas nivåer, belägg bredvid "
            "stegen, prioritering, publicering och en ny banks första 30 dagar – varje steg med sitt kommando."
        ),
        "en": (
            "How journeys are described, developed and managed: roles, rituals, the journey levels, "
            "evidence next to the steps, prioritising, publishing and a new bank's first 30 days "
            "– each step with the command that does it."
        ),
    },
    "playbook_chapter": {"fi": "Pelikirja, luku {n}", "sv": "Spelbok, kapitel {n}", "en": "Playbook, chapter {n}"},
    "playbook_open": {"fi": "Avaa pelikirja", "sv": "Öppna spelboken", "en": "Open the playbook"},
    "playbook_contents": {"fi": "Luvut", "sv": "Kapitel", "en": "Chapters"},
    "playbook_pages": {"fi": "Pelikirjan luvut", "sv": "Spelbokens kapitel", "en": "Playbook chapters"},
    "playbook_previous": {"fi": "Edellinen luku", "sv": "Föregående kapitel", "en": "Previous chapter"},
    "playbook_next": {"fi": "Seuraava luku", "sv": "Nästa kapitel", "en": "Next chapter"},
    "playbook_in_english": {
        "fi": "Pelikirjaa ei ole vielä suomeksi, joten se näytetään englanniksi.",
        "sv": "Spelboken finns ännu inte på svenska, så den visas på engelska.",
        "en": "The playbook is not yet written in this language, so it is shown in English.",
    },
    "search_label": {
        "fi": "Hae polkuja, vaiheita, havaintoja ja kehitysmahdollisuuksia",
        "sv": "Sök stigar, steg, insikter och utvecklingsmöjligheter",
        "en": "Search journeys, steps, insights and opportunities",
    },
    "search_button": {"fi": "Hae", "sv": "Sök", "en": "Search"},
    "search_nojs": {
        "fi": "Haku tarvitsee JavaScriptin. Ilman sitä selaa polkuja tasoittain tai havaintolistaa.",
        "sv": (
            "Sökningen kräver JavaScript. "
            "Utan det kan du bläddra bland stigarna per nivå eller i listan över insikter."
        ),
        "en": "Search needs JavaScript. Without it, browse the journeys by level or the insight list.",
    },
    "search_none": {"fi": "Ei tuloksia.", "sv": "Inga träffar.", "en": "Nothing found."},
    "search_count": {"fi": "{n} tulosta", "sv": "{n} träffar", "en": "{n} results"},
    "search_hint": {
        "fi": "Kirjoita vähintään kaksi kirjainta.",
        "sv": "Skriv minst två bokstäver.",
        "en": "Type at least two letters.",
    },
    "counts": {"fi": "Pankki lukuina", "sv": "Banken i siffror", "en": "The bank in numbers"},
    "recent_changes": {"fi": "Viimeisimmät muutokset", "sv": "Senaste ändringar", "en": "Recent changes"},
    "recently_reviewed": {
        "fi": "Viimeksi katselmoidut polut",
        "sv": "Senast granskade stigar",
        "en": "Recently reviewed journeys",
    },
    "no_changes": {
        "fi": "Ei vielä kirjattuja muutoksia.",
        "sv": "Inga registrerade ändringar ännu.",
        "en": "No recorded changes yet.",
    },
    "no_parent": {
        "fi": "Polut, joiden yläpolkua ei löydy",
        "sv": "Stigar vars överordnade stig saknas",
        "en": "Journeys whose parent is missing",
    },
    "evidence_heading": {"fi": "Näyttö", "sv": "Belägg", "en": "Evidence"},
    "no_evidence": {
        "fi": "Polkuun ei ole vielä liitetty havaintoja.",
        "sv": "Inga insikter är ännu kopplade till stigen.",
        "en": "No insights are linked to this journey yet.",
    },
    "no_metrics": {
        "fi": "Polulla ei vielä mitata mitään.",
        "sv": "Inget mäts ännu på stigen.",
        "en": "No metrics are measured on this journey yet.",
    },
    "no_opportunities": {
        "fi": "Polkua ei vielä koske yksikään kehitysmahdollisuus.",
        "sv": "Inga utvecklingsmöjligheter gäller stigen ännu.",
        "en": "No opportunities address this journey yet.",
    },
    "no_journeys": {"fi": "Ei vielä polkuja.", "sv": "Inga stigar ännu.", "en": "No journeys yet."},
    "no_insights": {"fi": "Ei vielä havaintoja.", "sv": "Inga insikter ännu.", "en": "No insights yet."},
    "findings": {
        "fi": "Tarkistuksen löydökset",
        "sv": "Fynd från valideringen",
        "en": "Findings from validation",
    },
    "no_findings": {
        "fi": "Tarkistus ei löytänyt korjattavaa tämän polun tiedostosta.",
        "sv": "Valideringen hittade inget att rätta i stigens fil.",
        "en": "Validation found nothing to fix in this journey's file.",
    },
    "finding_severity.error": {"fi": "Virhe", "sv": "Fel", "en": "Error"},
    "finding_severity.warning": {"fi": "Varoitus", "sv": "Varning", "en": "Warning"},
    "finding_severity.info": {"fi": "Huomio", "sv": "Notering", "en": "Note"},
    "finding_technical": {
        "fi": "Tekninen viesti (englanniksi)",
        "sv": "Tekniskt meddelande (på engelska)",
        "en": "Technical message",
    },
    "type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "source": {"fi": "Lähde", "sv": "Källa", "en": "Source"},
    "date": {"fi": "Päivämäärä", "sv": "Datum", "en": "Date"},
    "severity": {"fi": "Vakavuus", "sv": "Allvarlighet", "en": "Severity"},
    "confidence": {"fi": "Varmuus", "sv": "Säkerhet", "en": "Confidence"},
    "evidence_link": {"fi": "Aineisto", "sv": "Underlag", "en": "Underlying material"},
    "evidence_unsafe": {
        "fi": "Aineistolinkkiä ei näytetä: vain http-, https- ja mailto-linkit sallitaan.",
        "sv": "Länken till underlaget visas inte: endast http-, https- och mailto-länkar tillåts.",
        "en": "The evidence link is not shown: only http, https and mailto links are allowed.",
    },
    "concerns_steps": {"fi": "Polun vaiheet", "sv": "Steg på stigen", "en": "Journey steps"},
    "used_by": {
        "fi": "Kehitysmahdollisuudet, joiden näyttönä tämä on",
        "sv": "Utvecklingsmöjligheter som bygger på detta",
        "en": "Opportunities using this evidence",
    },
    "tags": {"fi": "Avainsanat", "sv": "Nyckelord", "en": "Tags"},
    "filter": {"fi": "Suodata havaintoja", "sv": "Filtrera insikter", "en": "Filter insights"},
    "filter_type": {"fi": "Tyyppi", "sv": "Typ", "en": "Type"},
    "filter_theme": {"fi": "Ankkuriteema", "sv": "Ankartema", "en": "Anchor theme"},
    "filter_journey": {"fi": "Palvelupolku", "sv": "Servicestig", "en": "Journey"},
    "filter_from": {"fi": "Alkaen", "sv": "Från", "en": "From date"},
    "filter_to": {"fi": "Asti", "sv": "Till", "en": "To date"},
    "filter_all": {"fi": "Kaikki", "sv": "Alla", "en": "All"},
    "filter_shown": {
        "fi": "{shown}/{total} havaintoa näkyvissä",
        "sv": "{shown} av {total} insikter visas",
        "en": "{shown} of {total} insights shown",
    },
    "filter_nojs": {
        "fi": "Suodatus tarvitsee JavaScriptin; kaikki havainnot on listattu alla.",
        "sv": "Filtreringen kräver JavaScript; alla insikter listas nedan.",
        "en": "Filtering needs JavaScript; all insights are listed below.",
    },
    "target": {"fi": "Tavoite", "sv": "Mål", "en": "Target"},
    "latest": {"fi": "Viimeisin", "sv": "Senaste", "en": "Latest"},
    "trend": {"fi": "Kehitys", "sv": "Utveckling", "en": "Trend"},
    "trend_alt": {
        "fi": "Mittarin {title} kehitys: {values}",
        "sv": "Utvecklingen för {title}: {values}",
        "en": "Trend of {title}: {values}",
    },
    "on_target": {"fi": "✓ tavoitteessa", "sv": "✓ når målet", "en": "✓ on target"},
    "off_target": {"fi": "✗ ei tavoitteessa", "sv": "✗ når inte målet", "en": "✗ off target"},
    "no_target": {"fi": "ei tavoitetta", "sv": "inget mål", "en": "no target"},
    "no_data": {"fi": "ei tietoa", "sv": "inga uppgifter", "en": "no data"},
    "measured_at": {"fi": "Mitataan vaiheissa", "sv": "Mäts i stegen", "en": "Measured at"},
    "problem": {"fi": "Ongelma", "sv": "Problem", "en": "Problem"},
    "idea": {"fi": "Idea", "sv": "Idé", "en": "Idea"},
    "rank": {"fi": "Sija", "sv": "Plats", "en": "Rank"},
    "score": {"fi": "Pisteet", "sv": "Poäng", "en": "Score"},
    "backlog_intro": {
        "fi": "Kehitysmahdollisuudet järjestettynä sen mukaan, mitä polut näyttävät.",
        "sv": "Utvecklingsmöjligheter rangordnade efter vad stigarna visar.",
        "en": "Opportunities ranked by what the journeys show.",
    },
    "backlog_why": {
        "fi": (
            "Kunkin kehitysmahdollisuuden sivu kertoo, mistä sen pisteet koostuvat ja mihin polkujen vaiheisiin "
            "se kohdistuu."
        ),
        "sv": "Varje utvecklingsmöjlighets sida förklarar vad poängen består av och vilka steg den gäller.",
        "en": "Each opportunity's page explains what its score is made of and which steps it addresses.",
    },
    "addresses": {"fi": "Koskee vaiheita", "sv": "Gäller stegen", "en": "Addresses"},
    "moves_metrics": {"fi": "Vaikuttaa mittareihin", "sv": "Påverkar mätarna", "en": "Should move"},
    "based_on": {"fi": "Näyttö", "sv": "Belägg", "en": "Evidence"},
    "factor.pain": {"fi": "asiakkaan kipu", "sv": "kundens smärta", "en": "customer pain"},
    "factor.evidence": {"fi": "näytön vahvuus", "sv": "beläggens styrka", "en": "strength of evidence"},
    "factor.sources": {"fi": "näyttölähteiden määrä", "sv": "antal källor", "en": "number of sources"},
    "factor.metric_gap": {
        "fi": "mittarien ero tavoitteesta",
        "sv": "mätarnas avstånd till målet",
        "en": "metrics' gap to target",
    },
    "factor.level": {"fi": "polun taso", "sv": "resans nivå", "en": "journey level"},
    "factor.volume": {"fi": "asiointimäärä", "sv": "ärendevolym", "en": "volume of use"},
    "factor.estimates": {"fi": "tiimin arviot", "sv": "teamets uppskattningar", "en": "the team's estimates"},
    "factor.reach": {"fi": "tavoittavuus", "sv": "räckvidd", "en": "reach"},
    "factor.impact": {"fi": "vaikutus", "sv": "effekt", "en": "impact"},
    "factor.confidence": {"fi": "arvion varmuus", "sv": "säkerhet i uppskattningen", "en": "confidence"},
    "factor.effort": {
        "fi": "työmäärä (henkilökuukautta)",
        "sv": "arbetsinsats (personmånader)",
        "en": "effort (person-months)",
    },
    "factor.ease": {"fi": "helppous", "sv": "enkelhet", "en": "ease"},
    "factor.business_value": {"fi": "hyöty toiminnalle", "sv": "verksamhetsnytta", "en": "business value"},
    "factor.time_criticality": {"fi": "kiireellisyys", "sv": "tidskritiskhet", "en": "time criticality"},
    "factor.risk_reduction": {"fi": "riskin pieneneminen", "sv": "riskminskning", "en": "risk reduction"},
    "factor.job_size": {"fi": "työn koko", "sv": "jobbets storlek", "en": "job size"},
    # Why a factor of a score has its value (`score/reasons.py`): the sentences of
    # `prioritise --explain` (English) and of the opportunity and backlog pages.
    "explain.no_steps": {"fi": "ei linkitettyjä vaiheita", "sv": "inga kopplade steg", "en": "no linked steps"},
    "explain.no_insights": {
        "fi": "ei linkitettyjä havaintoja",
        "sv": "inga kopplade insikter",
        "en": "no linked insights",
    },
    "explain.no_metric": {
        "fi": "ei linkitettyä mittaria, jolla on suunta, tavoite ja mittaustulos",
        "sv": "ingen kopplad mätare med riktning, mål och ett mätvärde",
        "en": "no linked metric with direction, target and an observation",
    },
    "explain.no_volume": {
        "fi": "linkitetyissä vaiheissa ei ole asiointimäärän mittaria",
        "sv": "ingen volymmätare i de kopplade stegen",
        "en": "no volume metric at the linked steps",
    },
    "explain.no_emotion": {
        "fi": "vaiheelle {step} ei ole kirjattu tunnetta",
        "sv": "steget {step} saknar angiven känsla",
        "en": "no emotion is recorded for {step}",
    },
    "explain.no_estimate": {"fi": "{factor} puuttuu", "sv": "{factor} saknas", "en": "{factor} not estimated"},
    "explain.no_estimate_own": {"fi": "arvio puuttuu", "sv": "uppskattning saknas", "en": "no estimate"},
    "explain.pain": {
        "fi": "heikoin vaihe {step} (tunne {emotion}, {pain_points})",
        "sv": "sämsta steget {step} (känsla {emotion}, {pain_points})",
        "en": "worst step {step} (emotion {emotion}, {pain_points})",
    },
    "explain.pain_inherited": {
        "fi": "heikoin vaihe {step} (tunne {emotion}, {pain_points}, peritty yläpolun vaiheelta {source})",
        "sv": "sämsta steget {step} (känsla {emotion}, {pain_points}, ärvt från det överordnade steget {source})",
        "en": "worst step {step} (emotion {emotion}, {pain_points}, inherited from parent step {source})",
    },
    "explain.evidence": {
        "fi": "{insights}, yhteisvahvuus {strength}",
        "sv": "{insights}, sammanlagd styrka {strength}",
        "en": "{insights}, combined strength {strength}",
    },
    "explain.sources": {"fi": "{types} ({kinds})", "sv": "{types} ({kinds})", "en": "{types} ({kinds})"},
    "explain.metric_gap.increase": {
        "fi": "mittarin {metric} viimeisin arvo on {latest}, tavoite {target} (suurempi on parempi)",
        "sv": "senaste värdet för {metric} är {latest}, mål {target} (högre är bättre)",
        "en": "the latest value of {metric} is {latest}, target {target} (higher is better)",
    },
    "explain.metric_gap.decrease": {
        "fi": "mittarin {metric} viimeisin arvo on {latest}, tavoite {target} (pienempi on parempi)",
        "sv": "senaste värdet för {metric} är {latest}, mål {target} (lägre är bättre)",
        "en": "the latest value of {metric} is {latest}, target {target} (lower is better)",
    },
    "explain.level.top": {
        "fi": "{journey} on ylätason polku",
        "sv": "{journey} är en övergripande resa",
        "en": "{journey} is a top journey",
    },
    "explain.level.mid": {
        "fi": "{journey} on keskitason polku",
        "sv": "{journey} är en resa på mellannivå",
        "en": "{journey} is a mid journey",
    },
    "explain.level.detailed": {
        "fi": "{journey} on yksityiskohtainen polku",
        "sv": "{journey} är en detaljerad resa",
        "en": "{journey} is a detailed journey",
    },
    "explain.volume": {
        "fi": "mittarin {metric} viimeisin arvo on {value} (suurin pankissa {top})",
        "sv": "senaste värdet för {metric} är {value} (störst i banken {top})",
        "en": "the latest value of {metric} is {value} (largest in the bank {top})",
    },
    "explain.estimates": {"fi": "{parts}", "sv": "{parts}", "en": "{parts}"},
    "explain.estimate": {"fi": "{factor} {value}", "sv": "{factor} {value}", "en": "{factor} {value}"},
    "explain.estimate_default": {
        "fi": "{factor} {value} (oletus)",
        "sv": "{factor} {value} (standardvärde)",
        "en": "{factor} {value} (default)",
    },
    "explain.normalise.reach": {
        "fi": "{value} asiakasta vuodessa, logaritmisella asteikolla suhteessa pankin suurimpaan tavoittavuuteen",
        "sv": "{value} kunder per år, på logaritmisk skala mot den största räckvidden i banken",
        "en": "{value} customers a year, on a log scale against the largest reach in the bank",
    },
    "explain.normalise.impact": {
        "fi": "arvio {value} asteikolla 0,25 (vähäinen) – 3 (erittäin suuri)",
        "sv": "uppskattad till {value} på en skala från 0,25 (minimal) till 3 (mycket stor)",
        "en": "estimated at {value} on a scale from 0.25 (minimal) to 3 (massive)",
    },
    "explain.normalise.confidence": {
        "fi": "arvio {value} asteikolla 0 (arvaus) – 1 (varma)",
        "sv": "uppskattad till {value} på en skala från 0 (en gissning) till 1 (säker)",
        "en": "estimated at {value} on a scale from 0 (a guess) to 1 (certain)",
    },
    "explain.normalise.effort": {
        "fi": "{value} henkilökuukautta; mitä pienempi työmäärä, sitä enemmän pisteitä",
        "sv": "{value} personmånader; ju mindre arbetsinsats, desto fler poäng",
        "en": "{value} person-months; less effort scores higher",
    },
    "explain.normalise.ease": {
        "fi": "arvio {value} asteikolla 1–10",
        "sv": "uppskattad till {value} på en skala från 1 till 10",
        "en": "estimated at {value} on a scale from 1 to 10",
    },
    "explain.normalise.fibonacci": {
        "fi": "arvio {value} suhteellisella asteikolla 1, 2, 3, 5, 8, 13, 20",
        "sv": "uppskattad till {value} på en relativ skala 1, 2, 3, 5, 8, 13, 20",
        "en": "estimated at {value} on a relative scale of 1, 2, 3, 5, 8, 13, 20",
    },
    "explain.normalise.job_size": {
        "fi": "arvio {value} suhteellisella asteikolla; mitä pienempi työ, sitä enemmän pisteitä",
        "sv": "uppskattad till {value} på en relativ skala; ju mindre jobb, desto fler poäng",
        "en": "estimated at {value} on a relative scale; a smaller job scores higher",
    },
    "explain.role.times": {
        "fi": "pisteet kerrotaan tällä luvulla",
        "sv": "poängen multipliceras med detta tal",
        "en": "the score is multiplied by this",
    },
    "explain.role.divides": {
        "fi": "pisteet jaetaan tällä luvulla, joten pienempi luku antaa enemmän pisteitä",
        "sv": "poängen divideras med detta tal, så ett mindre tal ger fler poäng",
        "en": "the score is divided by this, so a smaller number scores higher",
    },
    "explain.role.adds_delay": {
        "fi": "lasketaan mukaan viivästyksen kustannukseen, joka jaetaan työn koolla",
        "sv": "räknas in i förseningskostnaden, som divideras med jobbets storlek",
        "en": "adds to the cost of delay, which is divided by the job size",
    },
    "explain.line": {
        "fi": "{factor} {amount}: {why}",
        "sv": "{factor} {amount}: {why}",
        "en": "{factor} {amount}: {why}",
    },
    "explain.line.points.one": {
        "fi": "{factor}, {amount} piste: {why}",
        "sv": "{factor}, {amount} poäng: {why}",
        "en": "{factor}, {amount} point: {why}",
    },
    "explain.line.points.other": {
        "fi": "{factor}, {amount} pistettä: {why}",
        "sv": "{factor}, {amount} poäng: {why}",
        "en": "{factor}, {amount} points: {why}",
    },
    "explain.missing": {
        "fi": "{factor}: {why} (käytettiin arvoa {default})",
        "sv": "{factor}: {why} (värdet {default} användes)",
        "en": "{factor}: {why} (the value {default} was used)",
    },
    "count.types.one": {"fi": "{n} lähdetyyppi", "sv": "{n} typ av källa", "en": "{n} type of source"},
    "count.types.other": {"fi": "{n} lähdetyyppiä", "sv": "{n} typer av källor", "en": "{n} types of source"},
    "estimates": {"fi": "Tiimin arviot", "sv": "Teamets uppskattningar", "en": "The team's estimates"},
    "driver": {"fi": "Eniten painaa", "sv": "Väger tyngst", "en": "Driven by"},
    "score_explained": {
        "fi": "Pisteet {total}: {parts}.",
        "sv": "Poäng {total}: {parts}.",
        "en": "Score {total}: {parts}.",
    },
    "score_part": {"fi": "{factor} {points}", "sv": "{factor} {points}", "en": "{factor} {points}"},
    "score_defaults": {
        "fi": "Puuttuvien tietojen tilalla käytettiin oletusarvoja:",
        "sv": "Standardvärden användes för saknade uppgifter:",
        "en": "Defaults stood in for missing inputs:",
    },
    "score_factors": {
        "fi": "Mistä pisteet koostuvat:",
        "sv": "Vad poängen består av:",
        "en": "What the score is made of:",
    },
    "score_why": {"fi": "Miksi tämä sija?", "sv": "Varför denna plats?", "en": "Why this rank?"},
    "delivery": {"fi": "Toteutus", "sv": "Genomförande", "en": "Delivery"},
    "no_delivery": {
        "fi": "Työtä ei ole vielä kirjattu mihinkään työjonoon.",
        "sv": "Arbetet finns ännu inte i någon arbetskö.",
        "en": "The work is not tracked in any delivery item yet.",
    },
    "backlog_filter": {"fi": "Suodata kehitysjonoa", "sv": "Filtrera utvecklingskön", "en": "Filter the backlog"},
    "backlog_shown": {
        "fi": "{shown}/{total} kehitysmahdollisuutta näkyvissä",
        "sv": "{shown} av {total} utvecklingsmöjligheter visas",
        "en": "{shown} of {total} opportunities shown",
    },
    "backlog_filter_nojs": {
        "fi": "Suodatus tarvitsee JavaScriptin; koko kehitysjono on listattu alla.",
        "sv": "Filtreringen kräver JavaScript; hela utvecklingskön listas nedan.",
        "en": "Filtering needs JavaScript; the whole backlog is listed below.",
    },
    "root_title": {"fi": "Valitse kieli", "sv": "Välj språk", "en": "Choose a language"},
    "generated_by": {
        "fi": "Koottu journeyops-työkalulla palvelupolkupankin tiedostoista.",
        "sv": "Sammanställd med journeyops ur servicestigbankens filer.",
        "en": "Built with journeyops from the journey bank files.",
    },
    "record_count_themes": {"fi": "ankkuriteemaa", "sv": "ankarteman", "en": "anchor themes"},
    "record_count_journeys": {"fi": "palvelupolkua", "sv": "servicestigar", "en": "journeys"},
    "record_count_insights": {"fi": "havaintoa", "sv": "insikter", "en": "insights"},
    "record_count_metrics": {"fi": "mittaria", "sv": "mätare", "en": "metrics"},
    "record_count_opportunities": {
        "fi": "kehitysmahdollisuutta",
        "sv": "utvecklingsmöjligheter",
        "en": "opportunities",
    },
    "journeys_in_theme": {"fi": "{n} polkua", "sv": "{n} stigar", "en": "{n} journeys"},
    "changed_records": {"fi": "Muuttui", "sv": "Ändrat", "en": "Changed"},
    # The scorecard page, theme dashboards and the home page's health at a glance.
    "scorecard": {"fi": "Tuloskortti", "sv": "Styrkort", "en": "Scorecard"},
    "scorecard_intro": {
        "fi": (
            "Kuinka hyvin palvelupolut on katettu näytöllä, kuinka tuoreita havainnot ovat ja kuinka mittarit "
            "ovat tavoitteessa – koottuna yksityiskohtaisista poluista ylätason polkuihin ja ankkuriteemoihin."
        ),
        "sv": (
            "Hur väl kundresorna är underbyggda, hur färska insikterna är och hur mätarna når sina mål – "
            "sammanställt från detaljerade resor till övergripande resor och ankarteman."
        ),
        "en": (
            "How well the journeys are evidenced, how fresh the insights are and how the metrics meet their "
            "targets, rolled up from detailed journeys to top journeys and anchor themes."
        ),
    },
    "as_of": {
        "fi": (
            "Luvut {date} tilanteen mukaan (pankin viimeisin muutos); havainto on tuore, jos se on enintään "
            "{days} päivää vanha."
        ),
        "sv": (
            "Siffrorna gäller {date} (bankens senaste ändring); en insikt är färsk om den är högst {days} dagar "
            "gammal."
        ),
        "en": "Figures as of {date} (the bank's last change); an insight is fresh when it is at most {days} days old.",
    },
    "scorecard_bank": {"fi": "Koko pankki", "sv": "Hela banken", "en": "Whole bank"},
    "no_theme": {"fi": "Ei teemaa", "sv": "Inget tema", "en": "No theme"},
    "scorecard_themes": {
        "fi": "Pankki ja ankkuriteemat",
        "sv": "Banken och ankartemana",
        "en": "The bank and its anchor themes",
    },
    "scorecard_journeys": {"fi": "Teeman {theme} polut", "sv": "Resorna i {theme}", "en": "Journeys of {theme}"},
    "scorecard_steps": {
        "fi": "Polun {journey} vaiheet ja mitä niiden alla on",
        "sv": "Stegen i {journey} och det som ligger under dem",
        "en": "Steps of {journey}, with what lies beneath them",
    },
    "col_scope": {"fi": "Kohde", "sv": "Omfattning", "en": "Scope"},
    "col_steps": {"fi": "Vaiheita", "sv": "Steg", "en": "Steps"},
    "coverage_emotion": {"fi": "Vaiheita, joilla tunne", "sv": "Steg med känsla", "en": "Steps with an emotion"},
    "coverage_insight": {"fi": "Vaiheita, joilla havainto", "sv": "Steg med insikt", "en": "Steps with an insight"},
    "coverage_metric": {"fi": "Vaiheita, joilla mittari", "sv": "Steg med mätare", "en": "Steps with a metric"},
    "col_insights": {"fi": "Havainnot (tuoreet)", "sv": "Insikter (färska)", "en": "Insights (fresh)"},
    "col_metrics": {"fi": "Mittarit", "sv": "Mätare", "en": "Metrics"},
    "col_open": {
        "fi": "Avoimet kehitysmahdollisuudet",
        "sv": "Öppna utvecklingsmöjligheter",
        "en": "Open opportunities",
    },
    "col_stale": {"fi": "Vanhentuneet polut", "sv": "Inaktuella resor", "en": "Stale journeys"},
    "col_unowned": {
        "fi": "Polut ilman omistajaa tai tiimiä",
        "sv": "Resor utan ägare eller team",
        "en": "Journeys without owner or team",
    },
    "col_findings": {
        "fi": "Tarkistuksen löydökset (virheet / varoitukset / huomiot)",
        "sv": "Fynd från valideringen (fel / varningar / noteringar)",
        "en": "Findings from validation (errors / warnings / notes)",
    },
    "insights_fresh": {"fi": "{n} ({fresh} tuoretta)", "sv": "{n} ({fresh} färska)", "en": "{n} ({fresh} fresh)"},
    "metrics_status": {
        "fi": "{on} tavoitteessa, {off} ei, {unknown} ilman arvoa",
        "sv": "{on} når målet, {off} når inte, {unknown} utan värde",
        "en": "{on} on target, {off} off, {unknown} without a value",
    },
    "metric_unknown": {"fi": "Ei arvoa tai tavoitetta", "sv": "Inget värde eller mål", "en": "No value or target"},
    "metrics_on_target_share": {
        "fi": "Mittareita tavoitteessa",
        "sv": "Mätare som når målet",
        "en": "Metrics on target",
    },
    "coverage_chart": {
        "fi": "Näytön kattavuus: {scope}",
        "sv": "Underbyggnad: {scope}",
        "en": "Evidence coverage: {scope}",
    },
    "status_chart": {"fi": "Mittarien tila: {scope}", "sv": "Mätarnas status: {scope}", "en": "Metric status: {scope}"},
    "coverage_heading": {"fi": "Näytön kattavuus", "sv": "Underbyggnad", "en": "Evidence coverage"},
    "status_heading": {"fi": "Mittarien tila", "sv": "Mätarnas status", "en": "Metric status"},
    "trend_heading": {"fi": "Kehitys ajan mittaan", "sv": "Utveckling över tid", "en": "Trend over time"},
    "trend_chart": {
        "fi": "Kattavuus ja tavoitteessa olevat mittarit kuukausittain",
        "sv": "Underbyggnad och mätare som når målet per månad",
        "en": "Coverage and metrics on target, month by month",
    },
    "trend_no_git": {
        "fi": "Kehitystä ajan mittaan ei näytetä: pankki ei ole git-repositoriossa, joten aiempia versioita ei ole.",
        "sv": (
            "Utvecklingen över tid visas inte: banken ligger inte i ett git-förråd, så det finns inga tidigare "
            "versioner."
        ),
        "en": "The trend over time is not shown: the bank is not in a git repository, so there are no past versions.",
    },
    "trend_failed": {
        "fi": "Kehitystä ajan mittaan ei näytetä: aiempia versioita ei voitu lukea gitistä.",
        "sv": "Utvecklingen över tid visas inte: tidigare versioner kunde inte läsas från git.",
        "en": "The trend over time is not shown: past versions could not be read from git.",
    },
    "dashboard": {"fi": "Tilannekuva", "sv": "Lägesbild", "en": "Dashboard"},
    "health": {
        "fi": "Pankin tila yhdellä silmäyksellä",
        "sv": "Bankens läge i korthet",
        "en": "The bank's health at a glance",
    },
    "health_stale": {"fi": "Vanhentuneet polut ({n})", "sv": "Inaktuella resor ({n})", "en": "Stale journeys ({n})"},
    "health_off": {
        "fi": "Mittarit, jotka eivät ole tavoitteessa ({n})",
        "sv": "Mätare som inte når målet ({n})",
        "en": "Metrics off target ({n})",
    },
    "health_phases": {
        "fi": "Ylätason vaiheet ilman näyttöä ({n})",
        "sv": "Övergripande steg utan belägg ({n})",
        "en": "Top-level phases without evidence ({n})",
    },
    "health_none": {"fi": "Ei yhtään.", "sv": "Inga.", "en": "None."},
    "health_more": {"fi": "ja {n} muuta", "sv": "och {n} till", "en": "and {n} more"},
    "review_trail": {"fi": "Tarkistushistoria", "sv": "Granskningshistorik", "en": "Review trail"},
    "reviewer": {"fi": "Tarkistaja", "sv": "Granskare", "en": "Reviewer"},
    "review_note": {"fi": "Huomio", "sv": "Anteckning", "en": "Note"},
    "see_scorecard": {"fi": "Koko tuloskortti", "sv": "Hela styrkortet", "en": "The whole scorecard"},
    # Team, customer-group and life-event pages.
    "teams": {"fi": "Tiimit", "sv": "Team", "en": "Teams"},
    "customer_group": {"fi": "Asiakasryhmä", "sv": "Kundgrupp", "en": "Customer group"},
    "life_event": {"fi": "Elämäntapahtuma", "sv": "Livshändelse", "en": "Life event"},
    "contact": {"fi": "Yhteystieto", "sv": "Kontakt", "en": "Contact"},
    "members": {"fi": "Jäsenet", "sv": "Medlemmar", "en": "Members"},
    "handles": {"fi": "Tunnukset koodipalvelussa", "sv": "Användarnamn på kodvärden", "en": "Code-host handles"},
    "team_owns": {"fi": "Tiimin vastuulla", "sv": "Teamet ansvarar för", "en": "What the team owns"},
    "known_intro": {
        "fi": (
            "Mitä tiedämme: polut, jotka koskevat tätä, niiden alle tarkentuvat polut sekä niiden vaiheiden "
            "havainnot, mittarit ja kehitysmahdollisuudet."
        ),
        "sv": (
            "Vad vi vet: resorna som gäller detta, resorna som fördjupar dem och insikterna, mätarna och "
            "utvecklingsmöjligheterna på deras steg."
        ),
        "en": (
            "What we know: the journeys about this, the journeys that elaborate them, and the insights, metrics "
            "and opportunities on their steps."
        ),
    },
    "journeys_beneath": {"fi": "Tarkentavat polut", "sv": "Resor som fördjupar dem", "en": "Journeys beneath them"},
    "known_insights_shown": {
        "fi": "{n} vakavinta ja uusinta:",
        "sv": "De {n} allvarligaste och nyaste:",
        "en": "The {n} most severe and newest:",
    },
    "known_all_insights": {
        "fi": "Kaikki {n} havaintoa: {title}",
        "sv": "Alla {n} insikter om {title}",
        "en": "All {n} insights about {title}",
    },
    "known_metrics_shown": {
        "fi": "Niistä {n}, tavoitteesta jäävät ensin:",
        "sv": "{n} av dem, de som inte når målet först:",
        "en": "{n} of them, those off target first:",
    },
    "known_all_metrics": {
        "fi": "Kaikki {n} mittaria: {title}",
        "sv": "Alla {n} mätare om {title}",
        "en": "All {n} metrics about {title}",
    },
    "metrics_filter": {"fi": "Suodata mittareita", "sv": "Filtrera mätare", "en": "Filter metrics"},
    "metrics_shown": {
        "fi": "{shown}/{total} mittaria näkyvissä",
        "sv": "{shown} av {total} mätare visas",
        "en": "{shown} of {total} metrics shown",
    },
    "metrics_filter_nojs": {
        "fi": "Suodatus tarvitsee JavaScriptin; kaikki mittarit on listattu alla.",
        "sv": "Filtreringen kräver JavaScript; alla mätare listas nedan.",
        "en": "Filtering needs JavaScript; all metrics are listed below.",
    },
    "known_opportunities_ranked": {
        "fi": "{n} korkeinta kehitysjonossa:",
        "sv": "De {n} som står högst i utvecklingskön:",
        "en": "The {n} highest in the backlog:",
    },
    "known_all_opportunities": {
        "fi": "Kaikki {n} kehitysmahdollisuutta kehitysjonossa: {title}",
        "sv": "Alla {n} utvecklingsmöjligheter om {title} i utvecklingskön",
        "en": "All {n} opportunities about {title} in the backlog",
    },
    "none_recorded": {"fi": "Ei kirjattu.", "sv": "Inget angivet.", "en": "None recorded."},
    # --- The studio (`journeyops studio`): its forms, buttons and answers -----------------
    "studio": {"fi": "Studio", "sv": "Studio", "en": "Studio"},
    "studio_nav": {"fi": "Studio", "sv": "Studio", "en": "Studio"},
    "overview": {"fi": "Yleiskuva", "sv": "Översikt", "en": "Overview"},
    "add_insight": {"fi": "Lisää havainto", "sv": "Lägg till en insikt", "en": "Add an insight"},
    "triage": {"fi": "Kohdista havainnot", "sv": "Koppla insikter till steg", "en": "Triage insights"},
    "add_opportunity": {
        "fi": "Lisää kehitysmahdollisuus",
        "sv": "Lägg till en utvecklingsmöjlighet",
        "en": "Add an opportunity",
    },
    "new_journey": {"fi": "Uusi polku", "sv": "Ny resa", "en": "New journey"},
    "changes": {"fi": "Muutokset", "sv": "Ändringar", "en": "Changes"},
    "title": {"fi": "Otsikko", "sv": "Rubrik", "en": "Title"},
    "summary_field": {"fi": "Tiivistelmä", "sv": "Sammanfattning", "en": "Summary"},
    "description": {"fi": "Kuvaus", "sv": "Beskrivning", "en": "Description"},
    "evidence_url": {"fi": "Linkki aineistoon", "sv": "Länk till underlaget", "en": "Evidence link"},
    "severity_field": {"fi": "Vakavuus", "sv": "Allvarlighet", "en": "Severity"},
    "steps_concerned": {"fi": "Vaiheet, joita se koskee", "sv": "Steg som den gäller", "en": "Steps it concerns"},
    "customer_groups_field": {"fi": "Asiakasryhmät", "sv": "Kundgrupper", "en": "Customer groups"},
    "save": {"fi": "Tallenna", "sv": "Spara", "en": "Save"},
    "saved": {"fi": "Tallennettu:", "sv": "Sparat:", "en": "Saved:"},
    "refused": {
        "fi": "Ei tallennettu. Muutos toisi pankkiin tämän ongelman:",
        "sv": "Inte sparat. Ändringen skulle ge banken det här problemet:",
        "en": "Not saved. The change would add this problem to the bank:",
    },
    "not_saved": {"fi": "Ei tallennettu:", "sv": "Inte sparat:", "en": "Not saved:"},
    "stale": {
        "fi": (
            "Tiedosto muuttui levyllä lomakkeen avaamisen jälkeen (editorissa tai gitillä). "
            "Mitään ei kirjoitettu; lataa sivu uudelleen nähdäksesi tiedoston nykyisen sisällön."
        ),
        "sv": (
            "Filen ändrades på disken efter att formuläret öppnades (i en editor eller av git). "
            "Inget skrevs; ladda om sidan för att se filen som den är nu."
        ),
        "en": (
            "The file changed on disk after this form was opened (in an editor or by git). "
            "Nothing was written; reload the page to see the file as it is now."
        ),
    },
    "reload": {"fi": "Lataa uudelleen", "sv": "Ladda om", "en": "Reload"},
    "unlinked": {
        "fi": "Havainnot, joita ei ole kohdistettu vaiheeseen",
        "sv": "Insikter som inte är kopplade till något steg",
        "en": "Insights linked to no step",
    },
    "no_unlinked": {
        "fi": "Jokainen havainto on kohdistettu vaiheeseen.",
        "sv": "Varje insikt är kopplad till ett steg.",
        "en": "Every insight is linked to a step.",
    },
    "link_to_step": {
        "fi": "Kohdista valitut havainnot tähän vaiheeseen",
        "sv": "Koppla de valda insikterna till det här steget",
        "en": "Link the selected insights to this step",
    },
    "link_selected": {"fi": "Kohdista valitut", "sv": "Koppla de valda", "en": "Link selected"},
    "pick": {"fi": "Valitse…", "sv": "Välj…", "en": "Pick…"},
    "edit_step": {"fi": "Muokkaa vaihetta", "sv": "Redigera steget", "en": "Edit step"},
    "edit": {"fi": "Muokkaa", "sv": "Redigera", "en": "Edit"},
    "customer_actions": {
        "fi": "Asiakkaan toimet (yksi riviä kohden)",
        "sv": "Kundens handlingar (en per rad)",
        "en": "Customer actions (one a line)",
    },
    "pain_points": {
        "fi": "Kipukohdat (yksi riviä kohden)",
        "sv": "Smärtpunkter (en per rad)",
        "en": "Pain points (one a line)",
    },
    "channels": {"fi": "Kanavat", "sv": "Kanaler", "en": "Channels"},
    "emotion": {"fi": "Tunne", "sv": "Känsla", "en": "Emotion"},
    "parent_step": {"fi": "Ylemmän tason vaihe", "sv": "Steg i den överordnade resan", "en": "Parent step"},
    "add_step": {"fi": "Lisää vaihe", "sv": "Lägg till ett steg", "en": "Add a step"},
    "add_before": {"fi": "Ennen vaihetta", "sv": "Före steget", "en": "Before step"},
    "at_end": {"fi": "Loppuun", "sv": "Sist", "en": "At the end"},
    "move_up": {"fi": "Siirrä ylös", "sv": "Flytta upp", "en": "Move up"},
    "move_down": {"fi": "Siirrä alas", "sv": "Flytta ner", "en": "Move down"},
    "remove": {"fi": "Poista", "sv": "Ta bort", "en": "Remove"},
    "remove_step": {"fi": "Poista vaihe", "sv": "Ta bort steget", "en": "Remove step"},
    "remove_confirm": {
        "fi": "Poistetaanko tämä vaihe?",
        "sv": "Ska det här steget tas bort?",
        "en": "Remove this step?",
    },
    "orphans": {
        "fi": "Nämä viittaisivat sen jälkeen vaiheeseen, jota ei enää ole:",
        "sv": "De här skulle då peka på ett steg som inte längre finns:",
        "en": "These would then point at a step that no longer exists:",
    },
    "no_orphans": {
        "fi": "Mikään muu ei viittaa tähän vaiheeseen.",
        "sv": "Inget annat pekar på det här steget.",
        "en": "Nothing else points at this step.",
    },
    "yes_remove": {"fi": "Kyllä, poista vaihe", "sv": "Ja, ta bort steget", "en": "Yes, remove the step"},
    "cancel": {"fi": "Peruuta", "sv": "Avbryt", "en": "Cancel"},
    "add_observation": {"fi": "Lisää mittaustulos", "sv": "Lägg till ett mätvärde", "en": "Add an observation"},
    "value": {"fi": "Arvo", "sv": "Värde", "en": "Value"},
    "note": {"fi": "Huomautus", "sv": "Anteckning", "en": "Note"},
    "reach": {"fi": "Tavoittavuus", "sv": "Räckvidd", "en": "Reach"},
    "impact": {"fi": "Vaikutus", "sv": "Effekt", "en": "Impact"},
    "estimate_confidence": {"fi": "Varmuus (0–1)", "sv": "Säkerhet (0–1)", "en": "Confidence (0–1)"},
    "effort": {"fi": "Työmäärä", "sv": "Arbetsinsats", "en": "Effort"},
    "status_field": {"fi": "Tila", "sv": "Status", "en": "Status"},
    "owner_field": {"fi": "Omistaja", "sv": "Ägare", "en": "Owner"},
    "linked_insights": {"fi": "Taustalla olevat havainnot", "sv": "Insikter bakom den", "en": "Insights behind it"},
    "linked_metrics": {"fi": "Mittarit", "sv": "Mätare", "en": "Metrics"},
    "mark_reviewed": {"fi": "Merkitse tarkistetuksi", "sv": "Markera som granskad", "en": "Mark reviewed"},
    "parent_journey": {"fi": "Ylemmän tason polku", "sv": "Överordnad resa", "en": "Parent journey"},
    "none_top": {
        "fi": "Ei mitään (ylätason polku)",
        "sv": "Ingen (en övergripande resa)",
        "en": "None (a top journey)",
    },
    "new_steps": {
        "fi": "Vaiheet (kullekin otsikko; ylemmän tason vaihe ylemmän polun kartalta)",
        "sv": "Steg (en rubrik för varje; steget i den överordnade resan väljs från dess karta)",
        "en": "Steps (a title each; the parent step from the parent journey's map)",
    },
    "step_n": {"fi": "Vaihe {n}", "sv": "Steg {n}", "en": "Step {n}"},
    "more_rows": {"fi": "Lisää vaiherivejä", "sv": "Fler rader för steg", "en": "More step rows"},
    "id_optional": {
        "fi": "Tunniste (vapaaehtoinen; tehdään otsikosta)",
        "sv": "Id (frivilligt; bildas av rubriken)",
        "en": "Id (optional; made from the title)",
    },
    "findings_here": {
        "fi": "Tämän sivun tarkistushuomiot",
        "sv": "Anmärkningar om det som visas på sidan",
        "en": "Findings for what is on this page",
    },
    "no_findings_here": {"fi": "Ei huomioita.", "sv": "Inga anmärkningar.", "en": "No findings."},
    "not_git": {
        "fi": "Pankki ei ole git-repositoriossa: muutokset tallentuvat vain tiedostoihin.",
        "sv": "Banken ligger inte i ett git-förråd: ändringarna sparas bara i filerna.",
        "en": "The bank is not in a git repository: changes are saved in the files only.",
    },
    "branch": {"fi": "Haara", "sv": "Gren", "en": "Branch"},
    "files_changed": {
        "fi": "Edellisen commitin jälkeen muuttuneet tiedostot",
        "sv": "Filer som har ändrats sedan den senaste commiten",
        "en": "Files changed since the last commit",
    },
    "nothing_changed": {
        "fi": "Mikään ei ole muuttunut edellisen commitin jälkeen.",
        "sv": "Inget har ändrats sedan den senaste commiten.",
        "en": "Nothing changed since the last commit.",
    },
    "semantic": {"fi": "Mikä muuttui", "sv": "Vad som ändrades", "en": "What changed"},
    "commit_message": {"fi": "Commit-viesti", "sv": "Commit-meddelande", "en": "Commit message"},
    "new_branch": {
        "fi": "Uusi haara (tyhjä: nykyiseen haaraan)",
        "sv": "Ny gren (lämna tomt för att göra commit på den nuvarande grenen)",
        "en": "New branch (leave empty to commit on the current branch)",
    },
    "commit": {"fi": "Tee commit", "sv": "Gör commit", "en": "Commit"},
    "committed": {
        "fi": "Commit {commit} tehty. Pushaus on sinun: git push.",
        "sv": "Commit {commit} gjord. Att pusha sköter du själv: git push.",
        "en": "Committed {commit}. Pushing is yours: git push.",
    },
    "push_note": {"fi": "Studio ei koskaan pushaa.", "sv": "Studion pushar aldrig.", "en": "The studio never pushes."},
    "language_in_field": {"fi": "{field} ({language})", "sv": "{field} ({language})", "en": "{field} ({language})"},
    "search_results": {"fi": "Tulokset", "sv": "Träffar", "en": "Results"},
    "go": {"fi": "Siirry", "sv": "Gå", "en": "Go"},
    "not_found": {
        "fi": "Ei löytynyt: pankissa ei ole mitään tällä tunnisteella.",
        "sv": "Hittades inte: inget i banken har det id:t.",
        "en": "Not found: nothing in the bank has that id.",
    },
    # What a studio form says about a value typed wrongly (`studio.forms.FormError`).
    "form.bad_date": {
        "fi": "{field} '{value}': kirjoita päivämäärä muodossa VVVV-KK-PP",
        "sv": "{field} '{value}': skriv datumet som ÅÅÅÅ-MM-DD",
        "en": "{field} '{value}': write the date as YYYY-MM-DD",
    },
    "form.not_a_number": {
        "fi": "{field} '{value}': anna luku",
        "sv": "{field} '{value}': ange ett tal",
        "en": "{field} '{value}': give a number",
    },
    "form.title_needed": {"fi": "otsikko puuttuu", "sv": "rubriken saknas", "en": "a title is needed"},
    "form.summary_needed": {"fi": "tiivistelmä puuttuu", "sv": "sammanfattningen saknas", "en": "a summary is needed"},
    "form.source_needed": {"fi": "lähde puuttuu", "sv": "källan saknas", "en": "a source is needed"},
    "form.problem_needed": {"fi": "ongelma puuttuu", "sv": "problemet saknas", "en": "a problem is needed"},
    "form.step_title_needed": {
        "fi": "vaihe tarvitsee otsikon",
        "sv": "ett steg behöver en rubrik",
        "en": "a step needs a title",
    },
    "form.no_customer_group": {
        "fi": "pankissa ei ole asiakasryhmää '{id}'",
        "sv": "banken har ingen kundgrupp '{id}'",
        "en": "no customer group '{id}' in the bank",
    },
    "form.no_journey": {
        "fi": "pankissa ei ole polkua '{id}'",
        "sv": "banken har ingen resa '{id}'",
        "en": "no journey '{id}' in the bank",
    },
    "form.no_insight": {
        "fi": "pankissa ei ole havaintoa '{id}'",
        "sv": "banken har ingen insikt '{id}'",
        "en": "no insight '{id}' in the bank",
    },
    "form.no_metric": {
        "fi": "pankissa ei ole mittaria '{id}'",
        "sv": "banken har ingen mätare '{id}'",
        "en": "no metric '{id}' in the bank",
    },
    "form.no_step": {
        "fi": "polulla '{journey}' ei ole vaihetta '{step}'",
        "sv": "resan '{journey}' har inget steg '{step}'",
        "en": "journey '{journey}' has no step '{step}'",
    },
    "form.pick_insights": {
        "fi": "valitse vähintään yksi havainto",
        "sv": "välj minst en insikt",
        "en": "select at least one insight",
    },
    "form.pick_step": {"fi": "valitse vaihe", "sv": "välj ett steg", "en": "pick a step"},
    "form.bad_emotion": {
        "fi": "tunne {value}: käytä kokonaislukua väliltä -2…2",
        "sv": "känsla {value}: använd ett heltal från -2 till 2",
        "en": "emotion {value}: use a whole number from -2 to 2",
    },
    "form.no_step_id": {
        "fi": "otsikosta '{title}' ei saa tehtyä vaiheen tunnistetta; anna tunniste",
        "sv": "av rubriken '{title}' går det inte att bilda ett id för steget; ange ett",
        "en": "cannot make a step id from '{title}'; give one",
    },
    "form.step_exists": {
        "fi": "polulla '{journey}' on jo vaihe '{step}'",
        "sv": "resan '{journey}' har redan ett steg '{step}'",
        "en": "journey '{journey}' already has a step '{step}'",
    },
    "form.at_end": {
        "fi": "vaihe on jo polun siinä päässä",
        "sv": "steget är redan i den änden av resan",
        "en": "the step is already at that end of the journey",
    },
    "form.observation_exists": {
        "fi": "mittarilla '{id}' on jo mittaustulos päivältä {date}",
        "sv": "mätaren '{id}' har redan ett mätvärde för {date}",
        "en": "metric '{id}' already has an observation on {date}",
    },
    "form.reviewer_needed": {
        "fi": "kerro, kuka tarkisti polun",
        "sv": "ange vem som granskade resan",
        "en": "say who reviewed the journey",
    },
    "form.parent_steps_needed": {
        "fi": "valitse jokaiselle vaiheelle ylemmän tason vaihe",
        "sv": "välj ett steg i den överordnade resan för varje steg",
        "en": "pick a parent step for every step",
    },
    "form.commit_message_needed": {
        "fi": "kirjoita commit-viesti",
        "sv": "skriv ett commit-meddelande",
        "en": "write a commit message",
    },
    "form.bad_branch": {
        "fi": "'{branch}' ei kelpaa haaran nimeksi",
        "sv": "'{branch}' kan inte vara namnet på en gren",
        "en": "'{branch}' cannot be a branch name",
    },
}

MESSAGES.update(RULE_MESSAGES)
MESSAGES.update(CLI_MESSAGES)
