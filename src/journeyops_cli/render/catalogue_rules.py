"""Each lint rule's words for the pages, in Finnish, Swedish and English: its title
(`rule.CODE`, a one-line summary) and what to do about a finding of it (`rule_hint.CODE`).

Part of the one catalogue of interface words: `render/catalogue.py` adds these entries to
its `MESSAGES` (this module only keeps the rules' words out of the page words' way). Look
them up with `render.i18n.rule_words`. Text in backticks is code (a field, a command) and
is shown as such. `tests/render/test_catalogue.py` checks that every rule of `journeyops
rules` has both entries and that no other code has.
"""

from __future__ import annotations

RULE_MESSAGES: dict[str, dict[str, str]] = {
    "rule.JO001": {
        "fi": "Tiedosto ei ole kelvollista YAMLia.",
        "sv": "Filen är inte giltig YAML.",
        "en": "The file is not valid YAML.",
    },
    "rule_hint.JO001": {
        "fi": (
            "Korjaa YAML-muoto ilmoitetulla rivillä: tarkista sisennykset (välilyönnit, ei sarkaimia), "
            "kaksoispisteet ja lainausmerkit."
        ),
        "sv": (
            "Rätta YAML-formatet på den angivna raden: kontrollera indragen (mellanslag, inte tabbar), kolon och "
            "citattecken."
        ),
        "en": "Fix the YAML on the line shown: check the indentation (spaces, not tabs), colons and quotes.",
    },
    "rule.JO002": {
        "fi": "Tiedostoa ei voi lukea UTF-8-tekstinä.",
        "sv": "Filen kan inte läsas som UTF-8-text.",
        "en": "The file cannot be read as UTF-8 text.",
    },
    "rule_hint.JO002": {
        "fi": "Tallenna tiedosto editorissa UTF-8-muodossa.",
        "sv": "Spara filen som UTF-8-text i din redigerare.",
        "en": "Save the file as UTF-8 text in your editor.",
    },
    "rule.JO003": {
        "fi": "Sama avain esiintyy kahdesti samassa kuvauksessa.",
        "sv": "En nyckel förekommer två gånger i samma mappning.",
        "en": "A key appears twice in the same mapping.",
    },
    "rule_hint.JO003": {
        "fi": "Jätä vain toinen avaimista: poista ylimääräinen tai anna sille toinen nimi.",
        "sv": "Behåll bara en av nycklarna: ta bort den andra eller ge den ett annat namn.",
        "en": "Keep one of the two keys: remove the other or give it another name.",
    },
    "rule.JO004": {
        "fi": "Tiedosto alkaa BOM-merkillä.",
        "sv": "Filen börjar med ett BOM-tecken.",
        "en": "The file starts with a byte order mark (BOM).",
    },
    "rule_hint.JO004": {
        "fi": "Tallenna tiedosto UTF-8-muodossa ilman BOM-merkkiä.",
        "sv": "Spara filen som UTF-8 utan BOM-tecken.",
        "en": "Save the file as UTF-8 without a byte order mark.",
    },
    "rule.JO005": {
        "fi": "Tiedosto käyttää YAML-viittauksia (`*nimi`) yli sallitun määrän.",
        "sv": "Filen använder YAML-alias (`*namn`) utöver den tillåtna mängden.",
        "en": "The file uses YAML aliases (`*name`) beyond the allowed budget.",
    },
    "rule_hint.JO005": {
        "fi": "Kirjoita arvot auki sen sijaan, että toistat niitä viittauksilla.",
        "sv": "Skriv ut värdena i stället för att upprepa dem med alias.",
        "en": "Write the values out instead of repeating them with aliases.",
    },
    "rule.JO006": {
        "fi": "Tiedoston rakenne on sisäkkäin syvemmällä kuin raja sallii.",
        "sv": "Filens struktur är djupare nästlad än gränsen tillåter.",
        "en": "The file nests mappings or lists deeper than the limit.",
    },
    "rule_hint.JO006": {
        "fi": "Madalla rakennetta: tietue tarvitsee vain muutaman sisäkkäisen tason.",
        "sv": "Gör strukturen plattare: en post behöver bara några få nivåer.",
        "en": "Flatten the structure: a record needs only a few levels of nesting.",
    },
    "rule.JO007": {
        "fi": "Tiedosto käyttää muuta YAML-tagia kuin tavallisia tietotyyppejä.",
        "sv": "Filen använder en annan YAML-tagg än de vanliga datatyperna.",
        "en": "The file uses a YAML tag other than the plain data types.",
    },
    "rule_hint.JO007": {
        "fi": "Poista tagi (`!nimi`) ja kirjoita arvo tavallisena tekstinä, lukuna tai listana.",
        "sv": "Ta bort taggen (`!namn`) och skriv värdet som vanlig text, ett tal eller en lista.",
        "en": "Remove the tag (`!name`) and write the value as plain text, a number or a list.",
    },
    "rule.JO008": {
        "fi": "Symbolinen linkki tai kansio ohitettiin.",
        "sv": "En symbolisk länk eller mapp hoppades över.",
        "en": "A symbolic link or folder was skipped.",
    },
    "rule_hint.JO008": {
        "fi": "Siirrä tiedosto pankin omaan kansioon sen sijaan, että linkität siihen.",
        "sv": "Flytta in filen i bankens egen mapp i stället för att länka till den.",
        "en": "Move the file into the bank's own folder instead of linking to it.",
    },
    "rule.JO009": {
        "fi": "Tiedosto on asetettua rajaa suurempi, eikä sitä luettu.",
        "sv": "Filen är större än den inställda gränsen och lästes inte.",
        "en": "The file is larger than the configured limit and was not read.",
    },
    "rule_hint.JO009": {
        "fi": "Jaa tiedosto pienempiin tiedostoihin tai nosta kokorajaa tiedostossa `journeyops.yaml`.",
        "sv": "Dela upp filen i mindre filer eller höj storleksgränsen i `journeyops.yaml`.",
        "en": "Split the file into smaller files, or raise the size limit in `journeyops.yaml`.",
    },
    "rule.JO010": {
        "fi": "Tiedostossa ei ole yhtään tietuetta.",
        "sv": "Filen innehåller inga poster.",
        "en": "The file holds no records.",
    },
    "rule_hint.JO010": {
        "fi": "Lisää tiedostoon tietue tai poista tiedosto.",
        "sv": "Lägg till en post i filen eller ta bort filen.",
        "en": "Add a record to the file, or delete the file.",
    },
    "rule.JO011": {
        "fi": "Dokumentti on lista tai yksittäinen arvo, ei tietue.",
        "sv": "Ett dokument är en lista eller ett enskilt värde, inte en post.",
        "en": "A document is a list or a single value, not a record.",
    },
    "rule_hint.JO011": {
        "fi": "Aloita jokainen tietue avaimilla `kind:` ja `id:`, ei listan alkiolla tai yksittäisellä arvolla.",
        "sv": (
            "Börja varje post med nycklarna `kind:` och `id:`, inte med ett listelement eller ett enskilt värde."
        ),
        "en": "Start each record with the keys `kind:` and `id:`, not with a list item or a single value.",
    },
    "rule.JO012": {
        "fi": "Tietueelta puuttuu `kind`, tai journeyops ei tunne sitä.",
        "sv": "En post saknar `kind`, eller så känner journeyops inte till den.",
        "en": "A record has no `kind`, or one that journeyops does not know.",
    },
    "rule_hint.JO012": {
        "fi": "Anna tietueelle laji, jonka journeyops tuntee, esimerkiksi `kind: Journey` tai `kind: Insight`.",
        "sv": "Ge posten en typ som journeyops känner till, till exempel `kind: Journey` eller `kind: Insight`.",
        "en": "Give the record a kind journeyops knows, such as `kind: Journey` or `kind: Insight`.",
    },
    "rule.JO013": {
        "fi": "Tiedosto tarkoittaisi muokkaaville komennoille jotain muuta tai ei mitään.",
        "sv": "Filen skulle betyda något annat, eller inget, för kommandona som redigerar filer.",
        "en": "The file would mean something else, or nothing, to the commands that edit files.",
    },
    "rule_hint.JO013": {
        "fi": (
            "Laita ilmoitetun rivin arvo lainausmerkkeihin tai kirjoita se yksinkertaisemmin, jotta kaikki "
            "komennot lukevat sen samoin."
        ),
        "sv": (
            "Sätt värdet på den angivna raden inom citattecken eller skriv det enklare, så att alla kommandon "
            "läser det på samma sätt."
        ),
        "en": (
            "Quote the value on the line shown, or write it more plainly, so that every command reads it the same "
            "way."
        ),
    },
    "rule.JO020": {
        "fi": "Tietue ei vastaa lajinsa muotoa.",
        "sv": "En post motsvarar inte formatet för sin typ.",
        "en": "A record does not match the format of its kind.",
    },
    "rule_hint.JO020": {
        "fi": (
            "Korjaa teknisessä viestissä mainittu kenttä. Sallitut kentät ja arvot ovat `schemas/`-kansion "
            "skeemoissa."
        ),
        "sv": (
            "Rätta fältet som nämns i det tekniska meddelandet. De tillåtna fälten och värdena finns i schemana i "
            "`schemas/`."
        ),
        "en": (
            "Correct the field named in the technical message. The schemas in `schemas/` list the allowed fields "
            "and values."
        ),
    },
    "rule.JO021": {
        "fi": "Vaihe antaa pankin omalle kaistalle arvon, joka ei sovi kaistan tyyppiin.",
        "sv": "Ett steg ger en av bankens egna banor ett värde som inte passar banans typ.",
        "en": "A step gives one of the bank's own lanes a value that does not fit the lane.",
    },
    "rule_hint.JO021": {
        "fi": (
            "Kirjoita arvo kaistan tyypin mukaan: teksti, tekstien lista, luku (desimaalierottimena piste, ei pilkku) "
            "tai jokin kaistan `choices`-vaihtoehdoista. Kaistat on määritelty tiedostossa `journeyops.yaml`."
        ),
        "sv": (
            "Skriv värdet enligt banans typ: text, en lista med texter, ett tal (decimalpunkt, inte komma) eller "
            "ett av banans `choices`-alternativ. Banorna definieras i `journeyops.yaml`."
        ),
        "en": (
            "Write the value as the lane's type asks: a text, a list of texts, a number (with a decimal point) or "
            "one of the lane's `choices`. The lanes are declared in `journeyops.yaml`."
        ),
    },
    "rule.JO030": {
        "fi": "`journeyops.yaml` puuttuu tai ei vastaa asetusten muotoa.",
        "sv": "`journeyops.yaml` saknas eller motsvarar inte konfigurationsformatet.",
        "en": "`journeyops.yaml` is missing or does not match the configuration format.",
    },
    "rule_hint.JO030": {
        "fi": (
            "Korjaa tiedosto `journeyops.yaml` teknisen viestin mukaan. Komento `journeyops init` kirjoittaa "
            "kelvollisen pohjan."
        ),
        "sv": (
            "Rätta `journeyops.yaml` enligt det tekniska meddelandet. Kommandot `journeyops init` skriver en "
            "giltig mall att utgå från."
        ),
        "en": (
            "Correct `journeyops.yaml` as the technical message says. The command `journeyops init` writes a "
            "valid one to start from."
        ),
    },
    "rule.JO031": {
        "fi": "Tiedostossa `journeyops.yaml` määriteltyä omaa kaistaa ei voi käyttää.",
        "sv": "En egen bana som definieras i `journeyops.yaml` kan inte användas.",
        "en": "A lane declared under `lanes:` in `journeyops.yaml` cannot be used.",
    },
    "rule_hint.JO031": {
        "fi": (
            "Anna kaistalle tunniste pienillä kirjaimilla, numeroilla ja alaviivoilla (ei vaiheen omaa kenttää, "
            "kuten `description`), tyyppi (text, list, number tai choice) ja otsikko; valintakaistalle myös "
            "`choices`."
        ),
        "sv": (
            "Ge banan ett id med små bokstäver, siffror och understreck (inte ett av stegets egna fält, som "
            "`description`), en typ (text, list, number eller choice) och en rubrik; en valbana även `choices`."
        ),
        "en": (
            "Give the lane an id of lowercase letters, digits and underscores (not a built-in field of a step such "
            "as `description`), a type (text, list, number or choice) and a title; a choice lane also `choices`."
        ),
    },
    "rule.JO101": {
        "fi": "Kahdella samanlajisella tietueella on sama tunniste.",
        "sv": "Två poster av samma typ har samma id.",
        "en": "Two records of the same kind have the same id.",
    },
    "rule_hint.JO101": {
        "fi": "Anna toiselle tietueelle uusi tunniste tai yhdistä tietueet yhdeksi.",
        "sv": "Ge den ena posten ett nytt id eller slå ihop posterna till en.",
        "en": "Give one of the records a new id, or merge the two into one.",
    },
    "rule.JO102": {
        "fi": "Viittaus nimeää tietueen tai polun vaiheen, jota ei ole.",
        "sv": "En referens pekar på en post eller ett steg som inte finns.",
        "en": "A reference names a record or a journey step that does not exist.",
    },
    "rule_hint.JO102": {
        "fi": (
            "Korjaa viittaus tai lisää puuttuva tietue tai vaihe. Komento `journeyops validate` ehdottaa lähintä "
            "olemassa olevaa tunnistetta."
        ),
        "sv": (
            "Rätta referensen eller lägg till posten eller steget som saknas. Kommandot `journeyops validate` "
            "föreslår närmaste befintliga id."
        ),
        "en": (
            "Correct the reference, or add the missing record or step. The command `journeyops validate` suggests "
            "the nearest existing id."
        ),
    },
    "rule.JO103": {
        "fi": "Polun kahdella vaiheella on sama tunniste.",
        "sv": "Två steg i samma resa har samma id.",
        "en": "Two steps of the same journey have the same id.",
    },
    "rule_hint.JO103": {
        "fi": (
            "Anna toiselle vaiheelle uusi tunniste. Tarkista samalla, mitkä havainnot, mittarit ja "
            "kehitysmahdollisuudet viittaavat siihen."
        ),
        "sv": (
            "Ge det ena steget ett nytt id. Kontrollera samtidigt vilka insikter, mätare och "
            "utvecklingsmöjligheter som hänvisar till det."
        ),
        "en": "Give one of the steps a new id, and check which insights, metrics and opportunities refer to it.",
    },
    "rule.JO201": {
        "fi": "Polun yläpolun on oltava tasan tasoa ylempänä.",
        "sv": "En resas överordnade resa måste ligga exakt en nivå upp.",
        "en": "A journey's parent must be exactly one level up.",
    },
    "rule_hint.JO201": {
        "fi": (
            "Valitse kenttään `parent` polku tasoa ylempää: keskitason polku ylätason polun alle, "
            "yksityiskohtainen polku keskitason polun alle."
        ),
        "sv": (
            "Ange i `parent` en resa en nivå upp: en resa på mellannivå under en övergripande resa, en detaljerad "
            "resa under en resa på mellannivå."
        ),
        "en": (
            "Set `parent` to a journey one level up: a mid journey under a top journey, a detailed journey under "
            "a mid journey."
        ),
    },
    "rule.JO202": {
        "fi": "Tarkentavan polun jokainen vaihe nimeää yläpolun olemassa olevan vaiheen.",
        "sv": "Varje steg i en underordnad resa pekar på ett befintligt steg i den överordnade resan.",
        "en": "Every step of a child journey names an existing step of its parent journey.",
    },
    "rule_hint.JO202": {
        "fi": (
            "Merkitse jokaisen vaiheen kenttään `parent_step` sen yläpolun vaiheen tunniste, jota vaihe "
            "tarkentaa."
        ),
        "sv": "Ange i varje stegs `parent_step` id:t för det steg i den överordnade resan som steget fördjupar.",
        "en": "Set each step's `parent_step` to the id of the parent journey's step that it elaborates.",
    },
    "rule.JO203": {
        "fi": "Polkujen `parent`-linkit muodostavat kehän.",
        "sv": "Resornas `parent`-länkar bildar en cykel.",
        "en": "Journeys' `parent` links form a cycle.",
    },
    "rule_hint.JO203": {
        "fi": "Poista tai muuta jokin `parent`-linkeistä, jotta polut muodostavat puun.",
        "sv": "Ta bort eller ändra en av `parent`-länkarna så att resorna bildar ett träd.",
        "en": "Remove or change one of the `parent` links so that the journeys form a tree.",
    },
    "rule.JO204": {
        "fi": "Tarkentavan polun ankkuriteema on eri kuin yläpolun.",
        "sv": "En underordnad resas ankartema skiljer sig från den överordnades.",
        "en": "A child journey's anchor theme differs from its parent's.",
    },
    "rule_hint.JO204": {
        "fi": "Anna polulle sama ankkuriteema kuin yläpolulla tai siirrä se oman teemansa polun alle.",
        "sv": (
            "Ge resan samma ankartema som den överordnade resan, eller flytta den under en resa inom sitt eget "
            "tema."
        ),
        "en": "Give the journey its parent's anchor theme, or move it under a journey of its own theme.",
    },
    "rule.JO205": {
        "fi": "Tarkentava polku palvelee asiakasryhmää, jota yläpolku ei palvele.",
        "sv": "En underordnad resa betjänar en kundgrupp som den överordnade inte betjänar.",
        "en": "A child journey serves a customer group that its parent journey does not.",
    },
    "rule_hint.JO205": {
        "fi": "Lisää asiakasryhmä myös yläpolulle tai poista se tältä polulta.",
        "sv": "Lägg till kundgruppen även i den överordnade resan, eller ta bort den från den här resan.",
        "en": "Add the customer group to the parent journey too, or remove it from this journey.",
    },
    "rule.JO206": {
        "fi": "Tarkentavan polun vaiheet palaavat yläpolun aiempaan vaiheeseen.",
        "sv": "En underordnad resas steg går tillbaka till ett tidigare steg i den överordnade.",
        "en": "A child journey's steps go back to an earlier step of the parent.",
    },
    "rule_hint.JO206": {
        "fi": (
            "Tarkista vaiheiden järjestys. Jos asiakas todella palaa aiempaan vaiheeseen, jätä järjestys "
            "ennalleen ja kirjaa syy ohituskommenttiin."
        ),
        "sv": (
            "Kontrollera stegens ordning. Om kunden verkligen går tillbaka till ett tidigare steg, låt ordningen "
            "vara och skriv orsaken i en ignore-kommentar."
        ),
        "en": (
            "Check the order of the steps. If the customer really goes back to an earlier step, keep the order "
            "and give the reason in an ignore comment."
        ),
    },
    "rule.JO207": {
        "fi": "Mikään keskitason polku ei tarkenna ylätason polun vaihetta.",
        "sv": "Ingen resa på mellannivå fördjupar ett steg i den övergripande resan.",
        "en": "No mid journey elaborates a step of the top journey.",
    },
    "rule_hint.JO207": {
        "fi": "Kuvaa vaihetta tarkentava keskitason polku, jos vaihe on kehittämisen kannalta tärkeä.",
        "sv": "Beskriv en resa på mellannivå som fördjupar steget, om steget är viktigt för utvecklingen.",
        "en": "Map a mid journey that elaborates the step, when the step matters for development.",
    },
    "rule.JO208": {
        "fi": "Keskitason tai yksityiskohtaisella polulla ei ole ankkuriteemaa.",
        "sv": "En resa på mellannivå eller detaljnivå saknar ankartema.",
        "en": "A mid or detailed journey has no anchor theme.",
    },
    "rule_hint.JO208": {
        "fi": "Lisää polulle kenttä `theme` ja siihen sen ankkuriteeman tunniste, johon polku kuuluu.",
        "sv": "Lägg till fältet `theme` med id:t för det ankartema som resan hör till.",
        "en": "Add the field `theme` with the id of the anchor theme the journey belongs to.",
    },
    "rule.JO209": {
        "fi": "Nykytilan polulla on kenttä `improves`: vain tavoitetilan polku parantaa toista polkua.",
        "sv": "En resa i nuläge har fältet `improves`: bara en resa i önskat läge förbättrar en annan resa.",
        "en": "A current journey names `improves`: only a target journey improves another.",
    },
    "rule_hint.JO209": {
        "fi": "Lisää `state: target`, jos polku kuvaa tavoitetilaa; muuten poista `improves`.",
        "sv": "Lägg till `state: target` om resan beskriver önskat läge; annars ta bort `improves`.",
        "en": "Add `state: target` when the journey is the to-be one; else remove `improves`.",
    },
    "rule.JO210": {
        "fi": "Tavoitetilan polku parantaa toista tavoitetilan polkua tai itseään eikä nykytilan polkua.",
        "sv": "En resa i önskat läge förbättrar en annan resa i önskat läge eller sig själv, inte en resa i nuläge.",
        "en": "A target journey improves another target journey or itself, not a current journey.",
    },
    "rule_hint.JO210": {
        "fi": "Nimeä kentässä `improves` se nykytilan polku, jota tavoitetila parantaa.",
        "sv": "Ange i fältet `improves` den resa i nuläge som det önskade läget förbättrar.",
        "en": "Name in `improves` the current journey that the target improves.",
    },
    "rule.JO211": {
        "fi": "Tavoitetilan polku on eri tasolla kuin nykytilan polku, jota se parantaa.",
        "sv": "En resa i önskat läge är på en annan nivå än resan i nuläge som den förbättrar.",
        "en": "A target journey is on another level than the current journey it improves.",
    },
    "rule_hint.JO211": {
        "fi": "Kuvaa tavoitetila samalla tasolla (`level`) kuin nykytila, tai nimeä oman tasonsa nykytilan "
              "polku.",
        "sv": "Beskriv det önskade läget på samma nivå (`level`) som nuläget, eller ange en resa i nuläge på "
              "dess nivå.",
        "en": "Describe the target on the level (`level`) of the current journey, or name a current journey of "
              "its level.",
    },
    "rule.JO301": {
        "fi": "Havaintoa ei ole liitetty mihinkään polun vaiheeseen.",
        "sv": "En insikt är inte kopplad till något steg.",
        "en": "An insight is not linked to any journey step.",
    },
    "rule_hint.JO301": {
        "fi": (
            "Liitä havainto niihin polun vaiheisiin, joita se koskee (komento `journeyops link` tai kenttä "
            "`steps`)."
        ),
        "sv": "Koppla insikten till de steg den gäller (kommandot `journeyops link` eller fältet `steps`).",
        "en": (
            "Link the insight to the journey steps it concerns (the command `journeyops link` or the field "
            "`steps`)."
        ),
    },
    "rule.JO302": {
        "fi": "Vaiheessa on kipukohtia, mutta siihen ei ole liitetty havaintoa.",
        "sv": "Ett steg har smärtpunkter men ingen insikt är kopplad till det.",
        "en": "A step lists pain points but no insight is linked to it.",
    },
    "rule_hint.JO302": {
        "fi": (
            "Liitä vaiheeseen havainto, joka osoittaa kipukohdat, tai hanki sellainen esimerkiksi haastattelulla "
            "tai asiakaspalautteesta."
        ),
        "sv": (
            "Koppla en insikt som visar smärtpunkterna till steget, eller ta fram en, till exempel genom "
            "intervjuer eller kundrespons."
        ),
        "en": (
            "Link an insight that shows the pain points to the step, or gather one, for example from interviews "
            "or customer feedback."
        ),
    },
    "rule.JO303": {
        "fi": "Kehitysmahdollisuus ei viittaa yhteenkään havaintoon näyttönä.",
        "sv": "En utvecklingsmöjlighet hänvisar inte till någon insikt som belägg.",
        "en": "An opportunity cites no insight as evidence.",
    },
    "rule_hint.JO303": {
        "fi": "Luettele kenttään `insights` havainnot, joihin kehitysmahdollisuus perustuu.",
        "sv": "Lista i fältet `insights` de insikter som utvecklingsmöjligheten bygger på.",
        "en": "List the insights the opportunity rests on in the field `insights`.",
    },
    "rule.JO304": {
        "fi": "Kehitysmahdollisuus ei nimeä vaihetta, jota se parantaisi.",
        "sv": "En utvecklingsmöjlighet anger inget steg som den skulle förbättra.",
        "en": "An opportunity names no journey step it would improve.",
    },
    "rule_hint.JO304": {
        "fi": "Nimeä kenttään `steps` polun vaiheet, joita kehitysmahdollisuus parantaisi (`polku#vaihe`).",
        "sv": "Ange i fältet `steps` de steg som utvecklingsmöjligheten skulle förbättra (`resa#steg`).",
        "en": "Name the journey steps the opportunity would improve in the field `steps` (`journey#step`).",
    },
    "rule.JO305": {
        "fi": "Mittarilla ei ole tavoitetta tai suuntaa.",
        "sv": "En mätare saknar mål eller riktning.",
        "en": "A metric has no target or no direction.",
    },
    "rule_hint.JO305": {
        "fi": "Anna mittarille tavoite (`target`) ja suunta (`direction`: `increase` tai `decrease`).",
        "sv": "Ge mätaren ett mål (`target`) och en riktning (`direction`: `increase` eller `decrease`).",
        "en": "Give the metric a target (`target`) and a direction (`direction`: `increase` or `decrease`).",
    },
    "rule.JO306": {
        "fi": "Mittarin viimeisin havainto ei saavuta tavoitetta.",
        "sv": "Mätarens senaste värde når inte målet.",
        "en": "A metric's latest observation misses its target.",
    },
    "rule_hint.JO306": {
        "fi": (
            "Tarkista, kohdistuuko mittarin vaiheisiin jo jokin kehitysmahdollisuus, ja kirjaa tarvittaessa uusi."
        ),
        "sv": (
            "Kontrollera om någon utvecklingsmöjlighet redan gäller mätarens steg, och lägg vid behov till en ny."
        ),
        "en": "Check whether an opportunity already addresses the metric's steps, and add one if needed.",
    },
    "rule.JO307": {
        "fi": "Kehitysmahdollisuus on valmis, mutta sen vaiheen mittari ei vieläkään ole tavoitteessa.",
        "sv": "En utvecklingsmöjlighet är klar, men en mätare i dess steg når fortfarande inte målet.",
        "en": "An opportunity is done, but a metric of a step it improves is still off target.",
    },
    "rule_hint.JO307": {
        "fi": "Tarkista, toimiko muutos: lisää mittarille uusi mittaustulos tai avaa työ uudelleen.",
        "sv": "Kontrollera om förändringen fungerade: lägg till ett nytt mätvärde eller öppna arbetet igen.",
        "en": "Check whether the change worked: add a newer observation to the metric, or reopen the work.",
    },
    "rule.JO308": {
        "fi": "Aineisto- tai toteutuslinkki ei ole http-, https- tai mailto-osoite.",
        "sv": "En länk till underlag eller genomförande är inte en http-, https- eller mailto-adress.",
        "en": "An evidence or delivery link is not an http, https or mailto address.",
    },
    "rule_hint.JO308": {
        "fi": "Käytä osoitetta, joka alkaa `https://`, `http://` tai `mailto:`.",
        "sv": "Använd en adress som börjar med `https://`, `http://` eller `mailto:`.",
        "en": "Use an address that starts with `https://`, `http://` or `mailto:`.",
    },
    "rule.JO309": {
        "fi": "Kahden eri tiimin avoimet kehitysmahdollisuudet parantavat samaa vaihetta.",
        "sv": "Två öppna utvecklingsmöjligheter från olika team förbättrar samma steg.",
        "en": "Two open opportunities of different teams improve the same journey step.",
    },
    "rule_hint.JO309": {
        "fi": (
            "Sopikaa tiimien kesken: yhdistäkää kehitysmahdollisuudet tai kertokaa kummassakin, miten ne eroavat."
        ),
        "sv": (
            "Kom överens mellan teamen: slå ihop utvecklingsmöjligheterna eller beskriv i båda hur de skiljer sig "
            "åt."
        ),
        "en": "Let the two teams agree: merge the opportunities, or say in each how they differ.",
    },
    "rule.JO310": {
        "fi": "Mittarilla on kaksi havaintoa samana päivänä.",
        "sv": "En mätare har två värden samma dag.",
        "en": "A metric has two observations on the same date.",
    },
    "rule_hint.JO310": {
        "fi": "Mittarilla on yksi arvo päivää kohden: säilytä oikea havainto ja poista toinen.",
        "sv": "En mätare har ett värde per dag: behåll det riktiga värdet och ta bort det andra.",
        "en": "A metric has one value a date: keep the true observation and remove the other.",
    },
    "rule.JO401": {
        "fi": "Käytössä olevalla polulla ei ole omistajaa tai tiimiä.",
        "sv": "En aktiv resa saknar ägare eller team.",
        "en": "An active journey has no owner or no team.",
    },
    "rule_hint.JO401": {
        "fi": "Lisää polulle omistaja (`owner`) ja tiimi (`team`): jonkun on pidettävä polku ajan tasalla.",
        "sv": "Ange ägare (`owner`) och team (`team`) för resan: någon måste hålla den aktuell.",
        "en": "Give the journey an owner (`owner`) and a team (`team`): someone has to keep it up to date.",
    },
    "rule.JO402": {
        "fi": "Käytössä olevaa polkua ei ole tarkistettu asetetun ajan sisällä.",
        "sv": "En aktiv resa har inte granskats inom den inställda tiden.",
        "en": "An active journey was not reviewed within the configured time.",
    },
    "rule_hint.JO402": {
        "fi": "Käy polku läpi omistajan kanssa ja kirjaa tarkistus komennolla `journeyops review`.",
        "sv": "Gå igenom resan med ägaren och registrera granskningen med kommandot `journeyops review`.",
        "en": "Review the journey with its owner and record the review with the command `journeyops review`.",
    },
    "rule.JO403": {
        "fi": "Käännetystä tekstistä puuttuu jokin pankin kielistä.",
        "sv": "En översatt text saknar något av bankens språk.",
        "en": "A translated text lacks some of the bank's languages.",
    },
    "rule_hint.JO403": {
        "fi": "Lisää teksti puuttuvilla kielillä.",
        "sv": "Lägg till texten på de språk som saknas.",
        "en": "Add the text in the missing languages.",
    },
    "rule.JO404": {
        "fi": "Kaksi polkua näyttää samalta polulta: otsikot ja vaiheet ovat hyvin samanlaiset.",
        "sv": "Två resor ser ut som samma resa: titlarna och stegen liknar varandra mycket.",
        "en": "Two journeys look like the same journey: their titles and steps are much alike.",
    },
    "rule_hint.JO404": {
        "fi": (
            "Vertailkaa polkuja omistajien kanssa: yhdistäkää ne tai erottakaa ne toisistaan otsikoilla ja "
            "vaiheilla."
        ),
        "sv": "Jämför resorna tillsammans med ägarna: slå ihop dem, eller låt titlar och steg skilja dem åt.",
        "en": (
            "Compare the two journeys with their owners: merge them, or let their titles and steps tell them "
            "apart."
        ),
    },
    "rule.JO405": {
        "fi": "Polkuja tai kehitysmahdollisuuksia omistavalla tiimillä ei ole koodipalvelun tunnusta.",
        "sv": "Ett team som äger resor eller utvecklingsmöjligheter saknar användarnamn i kodtjänsten.",
        "en": "A team that owns journeys or opportunities has no code-host handle.",
    },
    "rule_hint.JO405": {
        "fi": "Lisää tiimille koodipalvelun tunnus (`handles`), jotta katselmointipyynnöt tavoittavat tiimin.",
        "sv": (
            "Lägg till teamets användarnamn i kodtjänsten (`handles`), så att granskningsbegäranden når teamet."
        ),
        "en": "Add the team's code-host handle (`handles`), so that review requests reach the team.",
    },
    "rule.JO501": {
        "fi": "Havainnossa tai muussa tekstissä on sähköpostiosoite.",
        "sv": "En e-postadress förekommer i en insikt eller annan text.",
        "en": "An e-mail address appears in an insight or other text of the bank.",
    },
    "rule_hint.JO501": {
        "fi": "Poista sähköpostiosoite tekstistä. Kirjoita tarvittaessa henkilön sijaan rooli, kuten ”asiakas”.",
        "sv": (
            "Ta bort e-postadressen ur texten. Skriv vid behov en roll i stället för personen, till exempel "
            "”kunden”."
        ),
        "en": (
            "Remove the e-mail address from the text. Where needed, write a role instead of the person, such as "
            "“the customer”."
        ),
    },
    "rule.JO502": {
        "fi": "Havainnossa tai muussa tekstissä on puhelinnumero.",
        "sv": "Ett telefonnummer förekommer i en insikt eller annan text.",
        "en": "A phone number appears in an insight or other text of the bank.",
    },
    "rule_hint.JO502": {
        "fi": "Poista puhelinnumero tekstistä. Julkisen palvelunumeron voi sallia säännön asetuksissa.",
        "sv": (
            "Ta bort telefonnumret ur texten. Ett offentligt servicenummer kan tillåtas i regelns inställningar."
        ),
        "en": (
            "Remove the phone number from the text. A public service number can be allowed in the rule's "
            "settings."
        ),
    },
    "rule.JO503": {
        "fi": "Pankin tekstissä on suomalainen henkilötunnus.",
        "sv": "En finsk personbeteckning förekommer i bankens text.",
        "en": "A Finnish personal identity code appears in the bank's text.",
    },
    "rule_hint.JO503": {
        "fi": "Poista henkilötunnus heti: sitä ei saa olla pankissa lainkaan.",
        "sv": "Ta genast bort personbeteckningen: den får inte finnas i banken alls.",
        "en": "Remove the personal identity code at once: it must never be in the bank.",
    },
    "rule.JO901": {
        "fi": "Ohituskommentti ei ohita mitään tai nimeää säännön, jota ei ole.",
        "sv": "En ignore-kommentar undertrycker inget eller anger en regel som inte finns.",
        "en": "An ignore comment suppresses nothing, or names a rule that does not exist.",
    },
    "rule_hint.JO901": {
        "fi": "Poista ohituskommentti tai korjaa siinä oleva säännön koodi.",
        "sv": "Ta bort ignore-kommentaren eller rätta regelkoden i den.",
        "en": "Remove the ignore comment, or correct the rule code in it.",
    },
}
