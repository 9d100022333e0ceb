"""The command line's own words, in Finnish, Swedish and English: prompts, next steps,
table headings and messages of `init`, `new`, `list`, `show`, `rename` and the loader's
hints that a person reads in a terminal.

Part of the one catalogue of interface words: `render/catalogue.py` adds these entries to
its `MESSAGES`, so the catalogue test checks that every id has every language. Ids start
with `cli.` and the command's name (`cli.init.next_steps`); counted words are
`count.<what>.one` / `.other` like the pages' (`render.formats.count` picks the form). Look them up with
`cli.words.say(id, language, **values)`; placeholders are `str.format` fields (`{path}`).
"""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    # --- init ---
    "cli.init.next_steps": {"fi": "Seuraavaksi:", "sv": "Nästa steg:", "en": "Next steps:"},
    "cli.init.step_cd": {"fi": "Siirry pankin kansioon:", "sv": "Gå till bankens mapp:", "en": "Go to the bank:"},
    "cli.init.step_new": {
        "fi": "Lisää ankkuriteema ja sen jälkeen keskitason palvelupolku yhteisen palvelupolun alle:",
        "sv": "Lägg till ett ankartema och sedan en resa på mellannivå under den gemensamma servicestigen:",
        "en": "Add an anchor theme, then a mid journey under the shared service journey:",
    },
    "cli.init.step_validate": {"fi": "Tarkista pankki:", "sv": "Granska banken:", "en": "Check the bank:"},
    "cli.init.step_studio": {
        "fi": "Muokkaa pankkia selaimessa (asenna ensin: pip install 'journeyops[studio]'):",
        "sv": "Redigera banken i webbläsaren (installera först: pip install 'journeyops[studio]'):",
        "en": "Edit the bank in the browser (first: pip install 'journeyops[studio]'):",
    },
    "cli.init.step_serve": {
        "fi": "Esikatsele sivustoa osoitteessa http://127.0.0.1:8000:",
        "sv": "Förhandsgranska webbplatsen på http://127.0.0.1:8000:",
        "en": "Preview the site at http://127.0.0.1:8000:",
    },
    "cli.init.step_git": {
        "fi": "Tee pankista git-repositorio ja ensimmäinen commit:",
        "sv": "Gör banken till ett git-förråd med en första commit:",
        "en": "Make the bank a git repository with a first commit:",
    },
    "cli.init.step_commit": {
        "fi": "Tee ensimmäinen commit:",
        "sv": "Gör den första commiten:",
        "en": "Make the first commit:",
    },
    "cli.init.step_ci.github": {
        "fi": "Vie pankki GitHubiin: pull requestit tarkistetaan, ja main-haara julkaisee sivuston "
        "GitHub Pagesissa (valitse kerran Settings → Pages → lähteeksi GitHub Actions).",
        "sv": "Lägg upp banken på GitHub: pull requests granskas och main-grenen publicerar webbplatsen "
        "på GitHub Pages (välj en gång Settings → Pages → källa: GitHub Actions).",
        "en": "Push the bank to GitHub: pull requests are checked and the main branch publishes the site "
        "to GitHub Pages (once: Settings → Pages → Source: GitHub Actions).",
    },
    "cli.init.step_ci.gitlab": {
        "fi": "Vie pankki GitLabiin: merge requestit tarkistetaan, ja oletushaara julkaisee sivuston "
        "GitLab Pagesissa.",
        "sv": "Lägg upp banken på GitLab: merge requests granskas och standardgrenen publicerar webbplatsen "
        "med GitLab Pages.",
        "en": "Push the bank to GitLab: merge requests are checked and the default branch publishes the "
        "site with GitLab Pages.",
    },
    "cli.init.step_ci.azure": {
        "fi": "Vie pankki Azure Reposiin ja luo pipeline tiedostosta azure-pipelines.yml: pull requestit "
        "tarkistetaan (main-haaran build validation -käytäntö), ja main-haara kokoaa sivuston.",
        "sv": "Lägg upp banken i Azure Repos och skapa en pipeline från azure-pipelines.yml: pull requests "
        "granskas (en build validation-princip för main) och main-grenen bygger webbplatsen.",
        "en": "Push the bank to Azure Repos and create a pipeline from azure-pipelines.yml: pull requests "
        "are checked (a build validation policy on main) and the main branch builds the site.",
    },
    "cli.init.step_playbook": {
        "fi": "Pelikirja (roolit, rutiinit ja ensimmäiset 30 päivää) on osa sivustoa: {url}",
        "sv": "Spelboken (roller, rutiner och de första 30 dagarna) är en del av webbplatsen: {url}",
        "en": "The playbook (roles, rituals and the first 30 days) is part of the site: {url}",
    },
    "cli.init.git_question": {
        "fi": "Tehdäänkö pankista git-repositorio (git init)?",
        "sv": "Ska banken bli ett git-förråd (git init)?",
        "en": "Make the bank a git repository (git init)?",
    },
    "cli.init.commit_question": {
        "fi": "Tehdäänkö ensimmäinen commit?",
        "sv": "Ska den första commiten göras?",
        "en": "Make the first commit?",
    },
    "cli.init.yes_no": {"fi": "[K/e]", "sv": "[J/n]", "en": "[Y/n]"},
    "cli.init.yes_words": {"fi": "k kyllä y yes", "sv": "j ja y yes", "en": "y yes"},
    "cli.init.no_words": {"fi": "e ei n no", "sv": "n nej no", "en": "n no"},
    "cli.init.not_an_answer": {
        "fi": "Vastaa k (kyllä) tai e (ei); pelkkä Enter tarkoittaa kyllä.",
        "sv": "Svara j (ja) eller n (nej); bara Enter betyder ja.",
        "en": "Answer y (yes) or n (no); Enter alone is yes.",
    },
    "cli.init.commit_message": {
        "fi": "Palvelupolkupankki aloitettu (journeyops init)",
        "sv": "Servicestigbanken påbörjad (journeyops init)",
        "en": "Start the journey bank (journeyops init)",
    },
    "cli.init.git_started": {
        "fi": "Git-repositorio luotu kansioon {folder}, haara main.",
        "sv": "Git-förråd skapat i {folder}, gren main.",
        "en": "Made {folder} a git repository, branch main.",
    },
    "cli.init.git_inside": {
        "fi": "{folder} on jo git-repositoriossa {root}; uutta repositoriota ei luotu.",
        "sv": "{folder} ligger redan i git-förrådet {root}; inget nytt förråd skapades.",
        "en": "{folder} is already in the git repository {root}; no new repository was made.",
    },
    "cli.init.git_failed": {
        "fi": "git init epäonnistui ({reason}); repositoriota ei luotu.",
        "sv": "git init misslyckades ({reason}); inget förråd skapades.",
        "en": "git init failed ({reason}); no repository was made.",
    },
    "cli.init.committed": {
        "fi": "Ensimmäinen commit {commit}: {message}",
        "sv": "Första commit {commit}: {message}",
        "en": "First commit {commit}: {message}",
    },
    "cli.init.commit_failed": {
        "fi": "git ei tehnyt committia ({reason}); tiedostot on lisätty (git add), tee commit itse.",
        "sv": "git gjorde ingen commit ({reason}); filerna är tillagda (git add), gör commiten själv.",
        "en": "git made no commit ({reason}); the files are added (git add): commit them yourself.",
    },
    # What init and new did with each file (right-aligned in a column before its path).
    "cli.outcome.create": {"fi": "luotu", "sv": "skapad", "en": "create"},
    "cli.outcome.would_create": {"fi": "luotaisiin", "sv": "skulle skapas", "en": "would create"},
    "cli.outcome.identical": {"fi": "sama", "sv": "likadan", "en": "identical"},
    "cli.outcome.skip": {"fi": "ohitettu", "sv": "överhoppad", "en": "skip"},
    "cli.outcome.conflict": {"fi": "ristiriita", "sv": "konflikt", "en": "conflict"},
    "cli.init.conflicts": {
        "fi": "{n} tiedosto(a) oli jo olemassa eri sisällöllä, eikä niihin koskettu",
        "sv": "{n} fil(er) fanns redan med annat innehåll och lämnades orörda",
        "en": "{n} file(s) already exist with other content and were left alone",
    },
    "cli.init.exclude_by_hand": {
        "fi": "journeyops.yaml jätettiin ennalleen: lisää {files} sen exclude-listaan, muuten "
        "journeyops validate lukee sen tietueena.",
        "sv": "journeyops.yaml lämnades orörd: lägg till {files} i dess exclude-lista, annars läser "
        "journeyops validate den som en post.",
        "en": "journeyops.yaml was left as it was: add {files} to its exclude list, or journeyops "
        "validate reads it as a record.",
    },
    "cli.init.dry_run": {
        "fi": "kokeiluajo (--dry-run): mitään ei kirjoitettu",
        "sv": "provkörning (--dry-run): inget skrevs",
        "en": "dry run: nothing was written",
    },
    # --- new (interactive prompts) ---
    # The questions of `journeyops new` (scaffold/questions.py) and their refusals.
    "cli.new.in.fi": {"fi": "suomeksi", "sv": "på finska", "en": "in Finnish"},
    "cli.new.in.sv": {"fi": "ruotsiksi", "sv": "på svenska", "en": "in Swedish"},
    "cli.new.in.en": {"fi": "englanniksi", "sv": "på engelska", "en": "in English"},
    "cli.new.id": {"fi": "Tunniste", "sv": "Id", "en": "Id"},
    "cli.new.steps": {
        "fi": "Vaiheiden otsikot pilkuilla erotettuina",
        "sv": "Stegens rubriker, åtskilda med kommatecken",
        "en": "Step titles, comma-separated",
    },
    "cli.new.cx_goals": {
        "fi": "Asiakaskokemuksen tavoitteet puolipisteillä erotettuina",
        "sv": "Mål för kundupplevelsen, åtskilda med semikolon",
        "en": "Customer-experience goals, separated by semicolons",
    },
    "cli.new.step_parent": {
        "fi": "Yläpolun {parent} vaihe, jota '{step}' tarkentaa",
        "sv": "Steg i {parent} som '{step}' fördjupar",
        "en": "Parent step of '{step}' in {parent}",
    },
    "cli.new.link_journeys": {
        "fi": "Palvelupolut, joiden vaiheita se koskee",
        "sv": "Resor vars steg den gäller",
        "en": "Journeys whose steps it concerns",
    },
    "cli.new.link_steps": {
        "fi": "Polun {journey} vaiheet, joita se koskee",
        "sv": "Steg i {journey} som den gäller",
        "en": "Steps of {journey} it concerns",
    },
    "cli.new.unit": {"fi": "Yksikkö (esim. %, päivää)", "sv": "Enhet (t.ex. %, dagar)", "en": "Unit (e.g. %, days)"},
    "cli.new.direction": {"fi": "Suunta", "sv": "Riktning", "en": "Direction"},
    "cli.new.scale.reach": {"fi": "asiakkaita vuodessa", "sv": "kunder per år", "en": "customers a year"},
    "cli.new.scale.impact": {
        "fi": "0,25 vähäinen … 3 valtava",
        "sv": "0,25 minimal … 3 mycket stor",
        "en": "0.25 minimal … 3 massive",
    },
    "cli.new.scale.confidence": {"fi": "0–1", "sv": "0–1", "en": "0–1"},
    "cli.new.scale.effort": {"fi": "yli 0", "sv": "över 0", "en": "more than 0"},
    "cli.new.scale.ease": {"fi": "1–10", "sv": "1–10", "en": "1–10"},
    "cli.new.scale.relative": {
        "fi": "suhteellinen, vähintään 0",
        "sv": "relativ, minst 0",
        "en": "relative, at least 0",
    },
    "cli.new.scale.job_size": {"fi": "suhteellinen, yli 0", "sv": "relativ, över 0", "en": "relative, more than 0"},
    "cli.new.no_parent.mid": {
        "fi": "pankissa ei ole ylätason polkua, jonka alle keskitason polun voisi tehdä; tee ensin ylätason polku",
        "sv": "banken har ingen övergripande resa att vara överordnad; skapa en först",
        "en": "the bank has no top journey to be the parent; create one first",
    },
    "cli.new.no_parent.detailed": {
        "fi": "pankissa ei ole keskitason polkua, jonka alle yksityiskohtaisen polun voisi tehdä; "
              "tee ensin keskitason polku",
        "sv": "banken har ingen resa på mellannivå att vara överordnad; skapa en först",
        "en": "the bank has no mid journey to be the parent; create one first",
    },
    "cli.new.no_theme.mid": {
        "fi": "pankissa ei ole ankkuriteemaa, johon keskitason polku kuuluisi; "
              "tee ensin teema komennolla `journeyops new theme`",
        "sv": "banken har inget ankartema som en resa på mellannivå kan höra till; "
              "skapa ett först med `journeyops new theme`",
        "en": "the bank has no theme for a mid journey to belong to; create one first with `journeyops new theme`",
    },
    "cli.new.no_theme.detailed": {
        "fi": "pankissa ei ole ankkuriteemaa, johon yksityiskohtainen polku kuuluisi; "
              "tee ensin teema komennolla `journeyops new theme`",
        "sv": "banken har inget ankartema som en detaljerad resa kan höra till; "
              "skapa ett först med `journeyops new theme`",
        "en": "the bank has no theme for a detailed journey to belong to; "
              "create one first with `journeyops new theme`",
    },
    "cli.new.improves": {
        "fi": "Nykytilan polku, jota tämä parantaa",
        "sv": "Resan i nuläge som den här förbättrar",
        "en": "The as-is journey it improves",
    },
    "cli.new.kind": {"fi": "Mitä lisätään", "sv": "Vad läggs till", "en": "What to add"},
    "cli.new.needed": {"fi": "vastaus puuttuu", "sv": "ett svar behövs", "en": "an answer is needed"},
    "cli.new.given_refused": {
        "fi": "{given} ei kelpaa, joten se kysytään",
        "sv": "{given} duger inte, så den frågas",
        "en": "{given} will not do, so it is asked",
    },
    "cli.new.not_a_choice": {
        "fi": "'{value}' ei ole vaihtoehto; anna numero 1–{n}",
        "sv": "'{value}' är inget alternativ; ange ett nummer 1–{n}",
        "en": "'{value}' is not one of the choices; give a number from 1 to {n}",
    },
    "cli.new.count": {
        "fi": "anna {n} kohtaa samassa järjestyksessä kuin ensimmäisellä kielellä",
        "sv": "ange {n} delar i samma ordning som på det första språket",
        "en": "give {n} items, in the same order as in the first language",
    },
    "cli.new.bad_id": {
        "fi": "'{value}' ei kelpaa tunnisteeksi: käytä pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä "
              "(enintään 64 merkkiä, ei yhdysmerkkiä alussa)",
        "sv": "'{value}' duger inte som id: använd små bokstäver a–z, siffror och bindestreck "
              "(högst 64 tecken, inte bindestreck först)",
        "en": "'{value}' is not an id: use lowercase letters a-z, digits and hyphens "
              "(at most 64 characters, not starting with a hyphen)",
    },
    "cli.new.id_taken": {
        "fi": "tunniste '{value}' on jo käytössä ({path}); anna toinen",
        "sv": "id:t '{value}' används redan ({path}); ange ett annat",
        "en": "the id '{value}' is taken ({path}); give another",
    },
    "cli.new.out_of_range": {
        "fi": "'{value}' ei käy: {scale}",
        "sv": "'{value}' går inte: {scale}",
        "en": "'{value}' will not do: {scale}",
    },
    "cli.new.numbers": {"fi": "numerot, esim. 1,3", "sv": "nummer, t.ex. 1,3", "en": "numbers, e.g. 1,3"},
    "cli.new.skip": {"fi": "Enter ohittaa", "sv": "Enter hoppar över", "en": "Enter skips"},
    "cli.new.long_list": {
        "fi": "{n} vaihtoehtoa: kirjoita numero, tunniste (esim. {example}) tai osa nimestä",
        "sv": "{n} alternativ: skriv ett nummer, ett id (t.ex. {example}) eller en del av namnet",
        "en": "{n} choices: type a number, an id (e.g. {example}) or part of a name",
    },
    "cli.new.matches": {
        "fi": "'{value}' sopii {n} vaihtoehtoon; anna numero:",
        "sv": "'{value}' passar {n} alternativ; ange ett nummer:",
        "en": "'{value}' matches {n} choices; give a number:",
    },
    "cli.new.missing_no_input": {
        "fi": "puuttuu: {options} (--no-input on annettu, joten mitään ei kysytä)",
        "sv": "saknas: {options} (--no-input angavs, så inget frågas)",
        "en": "missing {options} (--no-input was given, so nothing is asked)",
    },
    "cli.new.missing_no_terminal": {
        "fi": "puuttuu: {options} (ei päätettä, joten mitään ei kysytä)",
        "sv": "saknas: {options} (ingen terminal, så inget frågas)",
        "en": "missing {options} (not on a terminal, so nothing is asked)",
    },
    "cli.new.exists": {
        "fi": "{path} on jo olemassa; mitään ei kirjoitettu",
        "sv": "{path} finns redan; inget skrevs",
        "en": "{path} already exists; nothing was written",
    },
    "cli.new.cancelled": {
        "fi": "keskeytetty; mitään ei kirjoitettu",
        "sv": "avbrutet; inget skrevs",
        "en": "cancelled; nothing was written",
    },
    # --- list / show ---
    "cli.did_you_mean": {"fi": "tarkoititko '{value}'?", "sv": "menade du '{value}'?", "en": "did you mean '{value}'?"},
    "cli.list.id": {"fi": "Tunniste", "sv": "Id", "en": "Id"},
    "cli.list.unit": {"fi": "Yksikkö", "sv": "Enhet", "en": "Unit"},
    "cli.list.none": {"fi": "Ei yhtään.", "sv": "Inga.", "en": "None."},
    "cli.list.unknown_kind": {
        "fi": "tuntematon tietuetyyppi '{kind}': käytä jotakin näistä: {kinds}",
        "sv": "okänd posttyp '{kind}': använd någon av {kinds}",
        "en": "unknown kind '{kind}': use one of {kinds}",
    },
    "cli.list.filter_not_for": {
        "fi": "--{filter} ei sovi tietuetyypille {kind}; se sopii näille: {kinds}",
        "sv": "--{filter} gäller inte {kind}; den gäller {kinds}",
        "en": "--{filter} does not apply to {kind}; it applies to {kinds}",
    },
    "cli.list.filter_unused": {
        "fi": "--{filter} ei sovi tämän version millekään tietuetyypille",
        "sv": "--{filter} gäller ingen posttyp i den här versionen",
        "en": "--{filter} applies to no kind in this version",
    },
    "cli.list.bad_choice": {
        "fi": "--{filter} {value}: käytä jotakin näistä: {choices}",
        "sv": "--{filter} {value}: använd någon av {choices}",
        "en": "--{filter} {value}: use one of {choices}",
    },
    "cli.list.no_such": {
        "fi": "--{filter} {value}: pankissa ei ole tätä tunnistetta",
        "sv": "--{filter} {value}: banken har inget sådant id",
        "en": "--{filter} {value}: no such id in the bank",
    },
    "cli.list.no_step": {
        "fi": "--step {value}: pankissa ei ole tätä vaihetta (kirjoita muodossa polku#vaihe)",
        "sv": "--step {value}: banken har inget sådant steg (skriv resa#steg)",
        "en": "--step {value}: no such step in the bank (write it as journey-id#step-id)",
    },
    "cli.list.not_loaded": {
        "fi": "tiedostoja, joita ei voitu lukea: {n}; niiden sisältöä ei näytetä (journeyops validate kertoo syyn)",
        "sv": "filer som inte kunde läsas: {n}; deras innehåll visas inte (journeyops validate säger varför)",
        "en": "files that failed to load: {n}; what they hold is not shown (journeyops validate says why)",
    },
    "cli.list.bad_date": {
        "fi": "--since {value}: kirjoita päivämäärä muodossa VVVV-KK-PP",
        "sv": "--since {value}: skriv datumet som ÅÅÅÅ-MM-DD",
        "en": "--since {value}: write the date as YYYY-MM-DD",
    },
    "cli.show.no_step": {
        "fi": "pankissa ei ole vaihetta '{ref}'",
        "sv": "banken har inget steg '{ref}'",
        "en": "no step '{ref}' in the bank",
    },
    "cli.show.no_record": {
        "fi": "pankissa ei ole tietuetta tunnisteella '{id}'",
        "sv": "banken har ingen post med id '{id}'",
        "en": "nothing in the bank has the id '{id}'",
    },
    "cli.show.ambiguous": {
        "fi": "tunniste '{id}' on käytössä useassa tietuetyypissä ({kinds}); valitse yksi valitsimella --kind",
        "sv": "id '{id}' används av flera posttyper ({kinds}); välj en med --kind",
        "en": "'{id}' is the id of records of several kinds ({kinds}); say which with --kind",
    },
    "cli.show.not_of_kind": {
        "fi": "'{id}' ei ole tyypin {kind} tunniste vaan näiden: {kinds}",
        "sv": "'{id}' är inte id för någon av {kind} utan för {kinds}",
        "en": "'{id}' is not the id of any of the {kind} but of {kinds}",
    },
    "cli.show.heading": {"fi": "{kind} {id} – {path}", "sv": "{kind} {id} – {path}", "en": "{kind} {id} – {path}"},
    "cli.show.fields": {"fi": "Kentät", "sv": "Fält", "en": "Fields"},
    "cli.show.field": {"fi": "Kenttä", "sv": "Fält", "en": "Field"},
    "cli.show.kind": {"fi": "Tietuetyyppi", "sv": "Posttyp", "en": "Kind"},
    "cli.show.file": {"fi": "Tiedosto", "sv": "Fil", "en": "File"},
    "cli.show.place": {"fi": "Kohta", "sv": "Plats", "en": "Place"},
    "cli.show.missing": {"fi": "puuttuu", "sv": "saknas", "en": "missing"},
    "cli.show.links_to": {"fi": "Viittaa näihin", "sv": "Länkar till", "en": "Links to"},
    "cli.show.linked_from": {"fi": "Näistä viitataan tähän", "sv": "Länkas från", "en": "Linked from"},
    "cli.show.findings": {"fi": "Tarkistuksen löydökset", "sv": "Fynd vid valideringen", "en": "Findings"},
    "cli.show.no_findings": {
        "fi": "Viimeisin tarkistus ei löytänyt tästä korjattavaa.",
        "sv": "Den senaste valideringen hittade inget att rätta här.",
        "en": "The last validate found nothing to fix here.",
    },
    "cli.show.not_validated": {
        "fi": "Löydöksiä ei näytetä: pankkia ei ole tarkistettu muutosten jälkeen (journeyops validate).",
        "sv": "Inga fynd visas: banken har inte validerats efter ändringarna (journeyops validate).",
        "en": "No findings shown: the bank was not validated since it changed (journeyops validate).",
    },
    # --- rename / link ---
    "cli.rename.bad_id": {
        "fi": "'{new}' ei kelpaa tunnisteeksi: käytä pieniä kirjaimia a–z, numeroita ja väliviivoja "
              "(enintään 64 merkkiä, alussa kirjain tai numero)",
        "sv": "'{new}' duger inte som id: använd små bokstäver a–z, siffror och bindestreck "
              "(högst 64 tecken, först en bokstav eller siffra)",
        "en": "'{new}' cannot be an id: use lower-case letters a-z, digits and hyphens "
              "(at most 64, starting with a letter or digit)",
    },
    "cli.rename.other_journey": {
        "fi": "'{new}': vaiheen voi nimetä uudelleen vain polulla '{journey}'; anna pelkkä uusi vaiheen tunniste",
        "sv": "'{new}': steget kan bara byta namn inom resan '{journey}'; ange bara stegets nya id",
        "en": "'{new}': a step is renamed within its journey '{journey}'; give the new step id alone",
    },
    "cli.rename.same": {
        "fi": "'{old}' on jo tämän niminen; mitään ei muutettu",
        "sv": "'{old}' heter redan så; inget ändrades",
        "en": "'{old}' already has that id; nothing changed",
    },
    "cli.rename.step_taken": {
        "fi": "polulla '{journey}' on jo vaihe '{new}'; valitse toinen tunniste",
        "sv": "resan '{journey}' har redan ett steg '{new}'; välj ett annat id",
        "en": "journey '{journey}' already has a step '{new}'; choose another id",
    },
    "cli.rename.id_taken": {
        "fi": "tunniste '{new}' on jo käytössä; valitse toinen tunniste",
        "sv": "id '{new}' används redan; välj ett annat id",
        "en": "the id '{new}' is taken; choose another id",
    },
    "cli.rename.file_exists": {
        "fi": "tiedosto {path} on jo olemassa; mitään ei muutettu",
        "sv": "filen {path} finns redan; inget ändrades",
        "en": "{path} already exists; nothing changed",
    },
    "cli.rename.unloaded_referrer": {
        "fi": "{path} viittaa kohteeseen '{old}', mutta tiedostoa ei voitu lukea; korjaa se ensin "
              "(journeyops validate kertoo syyn)",
        "sv": "{path} hänvisar till '{old}' men kunde inte läsas; rätta filen först (journeyops validate säger varför)",
        "en": "{path} refers to '{old}' but failed to load; fix it first (journeyops validate says why)",
    },
    "cli.rename.would_break": {
        "fi": "uudelleennimeäminen tekisi pankista virheellisen; mitään ei kirjoitettu",
        "sv": "namnbytet skulle göra banken ogiltig; inget skrevs",
        "en": "the rename would make the bank invalid; nothing was written",
    },
    "cli.rename.would_move": {
        "fi": "{old} nimettäisiin uudelleen: {new}",
        "sv": "{old} skulle byta namn till {new}",
        "en": "{old} would be renamed to {new}",
    },
    "cli.rename.moved": {
        "fi": "{old} nimettiin uudelleen: {new}",
        "sv": "{old} bytte namn till {new}",
        "en": "{old} renamed to {new}",
    },
    "cli.rename.dry_run": {
        "fi": "Esikatselu: mitään ei kirjoitettu.",
        "sv": "Förhandsvisning: inget skrevs.",
        "en": "Dry run: nothing was written.",
    },
    "cli.rename.done": {
        "fi": "{old} → {new}. Päivitettyjä viittauksia: {n}, muuttuneita tiedostoja: {files}.",
        "sv": "{old} → {new}. Uppdaterade hänvisningar: {n}, ändrade filer: {files}.",
        "en": "{old} → {new}. References updated: {n}, files changed: {files}.",
    },
    "cli.link.linked": {"fi": "linkitetty", "sv": "länkad", "en": "linked"},
    "cli.link.already_linked": {"fi": "oli jo linkitetty", "sv": "redan länkad", "en": "already linked"},
    "cli.link.unlinked": {"fi": "linkki poistettu", "sv": "länken borttagen", "en": "unlinked"},
    "cli.link.not_linked": {"fi": "ei ollut linkitetty", "sv": "var inte länkad", "en": "not linked"},
    "cli.link.no_targets": {
        "fi": "{source}: anna kohteet sen jälkeen (polku#vaihe) tai valitsimella --to",
        "sv": "{source}: ange målen efter den (resa#steg) eller med --to",
        "en": "{source}: name the targets after it (journey-id#step-id), or give them with --to",
    },
    # --- templates / starters ---
    "cli.templates.broken": {
        "fi": "{path}:{line}: pohjaa ei voi käyttää: {problem}; mitään ei kirjoitettu",
        "sv": "{path}:{line}: mallen kan inte användas: {problem}; inget skrevs",
        "en": "{path}:{line}: the template cannot be used: {problem}; nothing was written",
    },
    "cli.templates.over_budget": {
        "fi": "{path}: pohjaa ei voi käyttää: se tarvitsee yli {seconds} s suoritinaikaa tai {megabytes} Mt "
              "muistia; mitään ei kirjoitettu",
        "sv": "{path}: mallen kan inte användas: den behöver mer än {seconds} s processortid eller {megabytes} "
              "MB minne; inget skrevs",
        "en": "{path}: the template cannot be used: it needs more than {seconds} s of CPU time or {megabytes} MB "
              "of memory; nothing was written",
    },
    "cli.templates.not_a_record": {
        "fi": "{path}: pohjan kirjoittama teksti ei ole kelvollinen {kind}-tietue (tulosteen kohta {where}: "
              "{problem}); mitään ei kirjoitettu",
        "sv": "{path}: det mallen skriver är inte en giltig post av typen {kind} (utdata vid {where}: "
              "{problem}); inget skrevs",
        "en": "{path}: what the template writes is not a valid {kind} (its output at {where}: {problem}); "
              "nothing was written",
    },
    "cli.templates.wrong_record": {
        "fi": "{path}: pohjan on kirjoitettava yksi tietue, jonka laji on {kind} ja tunniste sille annettu "
              "'{id}'; mitään ei kirjoitettu",
        "sv": "{path}: mallen ska skriva en post av typen {kind} med det id den får, '{id}'; inget skrevs",
        "en": "{path}: the template must write one record of kind {kind} with the id it is given, '{id}'; "
              "nothing was written",
    },
    "cli.starter.unknown": {
        "fi": "--template {name}: tällaista aloituspohjaa ei ole; anna kansio (./{name}), journeyopsin mukana "
              "tuleva aloituspohja ({names}) tai asennettu Python-paketti, jossa on starter/-kansio",
        "sv": "--template {name}: ingen sådan startmall; ange en mapp (./{name}), en startmall som följer med "
              "journeyops ({names}) eller ett installerat Python-paket med en starter/-mapp",
        "en": "--template {name}: no such starter; give a folder (./{name}), a starter that comes with "
              "journeyops ({names}) or an installed Python package that holds a starter/ folder",
    },
    "cli.starter.not_a_folder": {
        "fi": "--template {name}: kansiota {path} ei ole",
        "sv": "--template {name}: mappen {path} finns inte",
        "en": "--template {name}: there is no folder {path}",
    },
    "cli.starter.no_config": {
        "fi": "{path}: aloituspohjassa pitää olla journeyops.yaml.j2 (pankin asetukset; pohja saa arvot name "
              "ja languages)",
        "sv": "{path}: en startmall behöver en journeyops.yaml.j2 (bankens inställningar; mallen får värdena "
              "name och languages)",
        "en": "{path}: a starter needs a journeyops.yaml.j2 (the bank's settings; the template gets name and "
              "languages)",
    },
    "cli.starter.bad_settings": {
        "fi": "{path}: kirjoita kielet ISO 639 -koodeina, esimerkiksi languages: [fi, sv, en]",
        "sv": "{path}: skriv språken som ISO 639-koder, till exempel languages: [fi, sv, en]",
        "en": "{path}: write the languages as ISO 639 codes, e.g. languages: [fi, sv, en]",
    },
    "cli.starter.link": {
        "fi": "{path}: aloituspohjassa on vain tavallisia tiedostoja ja kansioita, ei linkkejä",
        "sv": "{path}: en startmall innehåller bara vanliga filer och mappar, inga länkar",
        "en": "{path}: a starter holds plain files and folders, not links",
    },
    "cli.starter.twice": {
        "fi": "{first} ja {second}: molemmista tulisi pankin tiedosto {path}; jätä toinen pois",
        "sv": "{first} och {second}: båda skulle bli bankens fil {path}; ta bort den ena",
        "en": "{first} and {second}: both would be the bank's file {path}; leave one out",
    },
    "cli.starter.invalid": {
        "fi": "{path}: tämän aloituspohjan tekemä pankki ei läpäisisi tarkistusta `journeyops validate` "
              "(alla); mitään ei kirjoitettu",
        "sv": "{path}: banken som den här startmallen gör skulle inte klara `journeyops validate` (nedan); "
              "inget skrevs",
        "en": "{path}: the bank this starter makes would not pass `journeyops validate` (below); nothing was "
              "written",
    },
    # --- lanes ---
    "cli.studio.lane_not_a_number": {
        "fi": "{lane} '{value}': anna luku (desimaalit pilkulla tai pisteellä)",
        "sv": "{lane} '{value}': ange ett tal (decimaler med komma eller punkt)",
        "en": "{lane} '{value}': give a number (decimals with a comma or a point)",
    },
    "cli.studio.lane_not_a_choice": {
        "fi": "{lane} '{value}': valitse jokin vaihtoehdoista {choices}",
        "sv": "{lane} '{value}': välj ett av alternativen {choices}",
        "en": "{lane} '{value}': pick one of {choices}",
    },
    "cli.studio.own_lanes": {
        "fi": "Pankin omat kaistat",
        "sv": "Bankens egna banor",
        "en": "The bank's own lanes",
    },
    # --- loader hints ---
    # --- validate (the text report's own words; findings stay `path:line:col: CODE [severity]`) ---
    "cli.validate.clean": {
        "fi": "✓ {checked} tarkistettu: ei ongelmia",
        "sv": "✓ {checked} kontrollerade: inga problem",
        "en": "✓ {checked} checked: no problems found",
    },
    "cli.validate.found": {
        "fi": "{mark} {counts} {files} ({checked} tarkistettu)",
        "sv": "{mark} {counts} i {files} ({checked} kontrollerade)",
        "en": "{mark} {counts} in {files} ({checked} checked)",
    },
    "cli.validate.hint": {"fi": "vihje:", "sv": "tips:", "en": "hint:"},
    "cli.validate.took": {"fi": " · {seconds} s", "sv": " på {seconds} s", "en": " in {seconds} s"},
    "count.errors.one": {"fi": "{n} virhe", "sv": "{n} fel", "en": "{n} error"},
    "count.errors.other": {"fi": "{n} virhettä", "sv": "{n} fel", "en": "{n} errors"},
    "count.warnings.one": {"fi": "{n} varoitus", "sv": "{n} varning", "en": "{n} warning"},
    "count.warnings.other": {"fi": "{n} varoitusta", "sv": "{n} varningar", "en": "{n} warnings"},
    "count.infos.one": {"fi": "{n} huomautus", "sv": "{n} upplysning", "en": "{n} info"},
    "count.infos.other": {"fi": "{n} huomautusta", "sv": "{n} upplysningar", "en": "{n} info"},
    "count.files.one": {"fi": "{n} tiedosto", "sv": "{n} fil", "en": "{n} file"},
    "count.files.other": {"fi": "{n} tiedostoa", "sv": "{n} filer", "en": "{n} files"},
    "count.files_in.one": {"fi": "{n} tiedostossa", "sv": "{n} fil", "en": "{n} file"},
    "count.files_in.other": {"fi": "{n} tiedostossa", "sv": "{n} filer", "en": "{n} files"},
    "count.records.one": {"fi": "{n} tietue", "sv": "{n} post", "en": "{n} record"},
    "count.records.other": {"fi": "{n} tietuetta", "sv": "{n} poster", "en": "{n} records"},
}
