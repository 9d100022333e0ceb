"""A score's explanation in words (issue 15): `prioritise --explain` and the site's
opportunity and backlog pages say the same, from the same data (each factor's `Reason`);
only the wording table's language differs."""

from __future__ import annotations

import pytest
from tests.score.conftest import BANK

from journeyops_cli.pipeline import load_bank
from journeyops_cli.score import Request, rank
from journeyops_cli.score.explain import explain_text, explanation, in_words
from journeyops_cli.score.reasons import Counted, Reason, Ref, words


@pytest.fixture(scope="module")
def bank():  # type: ignore[no-untyped-def]
    return load_bank(BANK).bank


def test_explain_and_the_pages_come_from_the_same_reasons(bank) -> None:  # type: ignore[no-untyped-def]
    ranking = rank(bank, Request())
    row = ranking.find("form-autosave")
    assert row is not None
    text = explain_text(row, ranking)
    explained = explanation(row.score)
    assert [line.reason for line in explained.factors] == [f.reason for f in row.score.factors]
    for factor in row.score.factors:
        assert factor.detail == words(factor.reason)
        assert f"  {factor.detail}" in text
    assert [f.detail for f in row.score.factors] == [
        "worst step rental-application#form (emotion -1, 2 pain points)",
        "1 insight, combined strength 0.25",
        "1 type of source (feedback)",
        "the latest value of completion is 60, target 80 (higher is better)",
        "move-home is a mid journey",
        "no volume metric at the linked steps",
        "impact 1, confidence 0.5 (default), effort 3 (default)",
    ]


def sentences(bank, model: str, opportunity: str, language: str) -> tuple[list[str], list[str]]:  # type: ignore[no-untyped-def]
    row = rank(bank, Request(model=model)).find(opportunity)
    assert row is not None
    return in_words(explanation(row.score), language)


# The sentences below were read as a service director would read them, in each language
# and for each model: no factor named twice, no formula, no colon after a colon.
JOURNEY_MODEL = {
    "fi": ([
        "asiakkaan kipu, 17,71 pistettä: heikoin vaihe `rental-application#form` (tunne -1, 2 kipukohtaa)",
        "näytön vahvuus, 3,98 pistettä: 1 havainto, yhteisvahvuus 0,25",
        "näyttölähteiden määrä, 0 pistettä: 1 lähdetyyppi (Palaute)",
        "mittarien ero tavoitteesta, 3,75 pistettä: mittarin `completion` viimeisin "
        "arvo on 60, tavoite 80 (suurempi on parempi)",
        "polun taso, 6 pistettä: `move-home` on keskitason polku",
        "asiointimäärä, 5 pistettä: linkitetyissä vaiheissa ei ole asiointimäärän mittaria",
        "tiimin arviot, 3,61 pistettä: vaikutus 1, arvion varmuus 0,5 (oletus), työmäärä (henkilökuukautta) 3 (oletus)",
    ], [
        "asiakkaan kipu: vaiheelle `move-home#sign` ei ole kirjattu tunnetta (käytettiin arvoa 0)",
        "asiointimäärä: linkitetyissä vaiheissa ei ole asiointimäärän mittaria (käytettiin arvoa 0,5)",
        "tiimin arviot: arvion varmuus puuttuu (käytettiin arvoa 0,5)",
        "tiimin arviot: työmäärä (henkilökuukautta) puuttuu (käytettiin arvoa 3)",
    ]),
    "sv": ([
        "kundens smärta, 17,71 poäng: sämsta steget `rental-application#form` (känsla -1, 2 smärtpunkter)",
        "beläggens styrka, 3,98 poäng: 1 insikt, sammanlagd styrka 0,25",
        "antal källor, 0 poäng: 1 typ av källa (Respons)",
        "mätarnas avstånd till målet, 3,75 poäng: senaste värdet för `completion` är 60, mål 80 (högre är bättre)",
        "resans nivå, 6 poäng: `move-home` är en resa på mellannivå",
        "ärendevolym, 5 poäng: ingen volymmätare i de kopplade stegen",
        "teamets uppskattningar, 3,61 poäng: effekt 1, säkerhet i uppskattningen 0,5 (standardvärde), "
        "arbetsinsats (personmånader) 3 (standardvärde)",
    ], [
        "kundens smärta: steget `move-home#sign` saknar angiven känsla (värdet 0 användes)",
        "ärendevolym: ingen volymmätare i de kopplade stegen (värdet 0,5 användes)",
        "teamets uppskattningar: säkerhet i uppskattningen saknas (värdet 0,5 användes)",
        "teamets uppskattningar: arbetsinsats (personmånader) saknas (värdet 3 användes)",
    ]),
    "en": ([
        "customer pain, 17.71 points: worst step `rental-application#form` (emotion -1, 2 pain points)",
        "strength of evidence, 3.98 points: 1 insight, combined strength 0.25",
        "number of sources, 0 points: 1 type of source (Feedback)",
        "metrics' gap to target, 3.75 points: the latest value of `completion` is 60, target 80 (higher is better)",
        "journey level, 6 points: `move-home` is a mid journey",
        "volume of use, 5 points: no volume metric at the linked steps",
        "the team's estimates, 3.61 points: impact 1, confidence 0.5 (default), effort (person-months) 3 (default)",
    ], [
        "customer pain: no emotion is recorded for `move-home#sign` (the value 0 was used)",
        "volume of use: no volume metric at the linked steps (the value 0.5 was used)",
        "the team's estimates: confidence not estimated (the value 0.5 was used)",
        "the team's estimates: effort (person-months) not estimated (the value 3 was used)",
    ]),
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_journey_model_in_words(bank, language: str) -> None:  # type: ignore[no-untyped-def]
    assert sentences(bank, "journey", "form-autosave", language) == JOURNEY_MODEL[language]


def test_the_journey_model_in_words_with_a_volume_metric_and_no_metric_gap(bank) -> None:  # type: ignore[no-untyped-def]
    factors, missing = sentences(bank, "journey", "better-search", "en")
    assert factors[0] == "customer pain, 25 points: worst step `move-home#search` (emotion -2, 3 pain points)"
    assert factors[2] == "number of sources, 2.5 points: 2 types of source (Analytics, Interview)"
    assert factors[5] == ("volume of use, 8 points: the latest value of `searches` is "
        "9,999 searches/year (largest in the bank 99,999)")
    assert missing == [
        "metrics' gap to target: no linked metric with direction, target and an observation (the value 0 was used)"
    ]
    factors, _ = sentences(bank, "journey", "better-search", "fi")
    assert factors[5] == ("asiointimäärä, 8 pistettä: mittarin `searches` viimeisin "
        "arvo on 9\u00a0999 searches/year (suurin pankissa 99\u00a0999)")
    factors, _ = sentences(bank, "journey", "better-search", "sv")
    assert factors[0] == "kundens smärta, 25 poäng: sämsta steget `move-home#search` (känsla -2, 3 smärtpunkter)"


MULTIPLIED = {
    "fi": ["tavoittavuus 0: pisteet kerrotaan tällä luvulla", "vaikutus 1: pisteet kerrotaan tällä luvulla",
           "arvion varmuus 0,5: pisteet kerrotaan tällä luvulla",
           "työmäärä (henkilökuukautta) 3: pisteet jaetaan tällä luvulla, joten pienempi luku antaa enemmän pisteitä"],
    "sv": ["räckvidd 0: poängen multipliceras med detta tal", "effekt 1: poängen multipliceras med detta tal",
           "säkerhet i uppskattningen 0,5: poängen multipliceras med detta tal",
           "arbetsinsats (personmånader) 3: poängen divideras med detta tal, så ett mindre tal ger fler poäng"],
    "en": ["reach 0: the score is multiplied by this", "impact 1: the score is multiplied by this",
           "confidence 0.5: the score is multiplied by this",
           "effort (person-months) 3: the score is divided by this, so a smaller number scores higher"],
}
MULTIPLIED_MISSING = {
    "fi": ["tavoittavuus: arvio puuttuu (käytettiin arvoa 0)", "arvion varmuus: arvio puuttuu (käytettiin arvoa 0,5)",
           "työmäärä (henkilökuukautta): arvio puuttuu (käytettiin arvoa 3)"],
    "sv": ["räckvidd: uppskattning saknas (värdet 0 användes)",
           "säkerhet i uppskattningen: uppskattning saknas (värdet 0,5 användes)",
           "arbetsinsats (personmånader): uppskattning saknas (värdet 3 användes)"],
    "en": ["reach: no estimate (the value 0 was used)", "confidence: no estimate (the value 0.5 was used)",
           "effort (person-months): no estimate (the value 3 was used)"],
}


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_rice_in_words_names_each_input_once(bank, language: str) -> None:  # type: ignore[no-untyped-def]
    assert sentences(bank, "rice", "form-autosave", language) == (MULTIPLIED[language], MULTIPLIED_MISSING[language])


def test_ice_and_wsjf_in_words(bank) -> None:  # type: ignore[no-untyped-def]
    factors, missing = sentences(bank, "ice", "better-search", "fi")
    assert factors == ["vaikutus 2: pisteet kerrotaan tällä luvulla",
                       "arvion varmuus 0,8: pisteet kerrotaan tällä luvulla",
                       "helppous 6: pisteet kerrotaan tällä luvulla"]
    assert missing == []
    factors, _ = sentences(bank, "wsjf", "better-search", "fi")
    assert factors == [
        "hyöty toiminnalle 8: lasketaan mukaan viivästyksen kustannukseen, joka jaetaan työn koolla",
        "kiireellisyys 5: lasketaan mukaan viivästyksen kustannukseen, joka jaetaan työn koolla",
        "riskin pieneneminen 3: lasketaan mukaan viivästyksen kustannukseen, joka jaetaan työn koolla",
        "työn koko 4: pisteet jaetaan tällä luvulla, joten pienempi luku antaa enemmän pisteitä",
    ]
    factors, _ = sentences(bank, "wsjf", "better-search", "sv")
    assert factors[0] == "verksamhetsnytta 8: räknas in i förseningskostnaden, som divideras med jobbets storlek"
    assert factors[3] == "jobbets storlek 4: poängen divideras med detta tal, så ett mindre tal ger fler poäng"
    factors, _ = sentences(bank, "wsjf", "better-search", "en")
    assert factors[0] == "business value 8: adds to the cost of delay, which is divided by the job size"
    assert factors[3] == "job size 4: the score is divided by this, so a smaller number scores higher"


def test_weighted_in_words_says_the_estimate_and_its_scale(bank) -> None:  # type: ignore[no-untyped-def]
    assert sentences(bank, "weighted", "form-autosave", "fi")[0][1] == (
        "vaikutus, 16,67 pistettä: arvio 1 asteikolla 0,25 (vähäinen) – 3 (erittäin suuri)")
    assert sentences(bank, "weighted", "form-autosave", "sv")[0][1] == (
        "effekt, 16,67 poäng: uppskattad till 1 på en skala från 0,25 (minimal) till 3 (mycket stor)")
    assert sentences(bank, "weighted", "form-autosave", "en")[0][1] == (
        "impact, 16.67 points: estimated at 1 on a scale from 0.25 (minimal) to 3 (massive)")


@pytest.mark.parametrize(("name", "value", "fi", "sv", "en"), [
    ("reach", 2400.0, "2\u00a0400 asiakasta vuodessa, logaritmisella asteikolla "
    "suhteessa pankin suurimpaan tavoittavuuteen",
     "2\u00a0400 kunder per år, på logaritmisk skala mot den största räckvidden i banken",
     "2,400 customers a year, on a log scale against the largest reach in the bank"),
    ("confidence", 0.8, "arvio 0,8 asteikolla 0 (arvaus) – 1 (varma)",
     "uppskattad till 0,8 på en skala från 0 (en gissning) till 1 (säker)",
     "estimated at 0.8 on a scale from 0 (a guess) to 1 (certain)"),
    ("effort", 2.0, "2 henkilökuukautta; mitä pienempi työmäärä, sitä enemmän pisteitä",
     "2 personmånader; ju mindre arbetsinsats, desto fler poäng", "2 person-months; less effort scores higher"),
    ("ease", 7.0, "arvio 7 asteikolla 1–10", "uppskattad till 7 på en skala från 1 till 10",
     "estimated at 7 on a scale from 1 to 10"),
    ("business_value", 8.0, "arvio 8 suhteellisella asteikolla 1, 2, 3, 5, 8, 13, 20",
     "uppskattad till 8 på en relativ skala 1, 2, 3, 5, 8, 13, 20",
     "estimated at 8 on a relative scale of 1, 2, 3, 5, 8, 13, 20"),
    ("job_size", 3.0, "arvio 3 suhteellisella asteikolla; mitä pienempi työ, sitä enemmän pisteitä",
     "uppskattad till 3 på en relativ skala; ju mindre jobb, desto fler poäng",
     "estimated at 3 on a relative scale; a smaller job scores higher"),
])
def test_every_estimate_of_the_weighted_model_in_words(name: str, value: float, fi: str, sv: str, en: str) -> None:
    from journeyops_cli.score.factors import NORMALISE
    reason = Reason.of(NORMALISE[name][1], value=value)
    assert [words(reason, language, page=True) for language in ("fi", "sv", "en")] == [fi, sv, en]


def test_inherited_pain_in_words() -> None:
    said = {"step": Ref("a#b", "step"), "emotion": -2.0, "pain_points": Counted("pain_points", 0),
            "source": Ref("c#d", "step")}
    reason = Reason.of("explain.pain_inherited", **said)
    assert words(reason) == "worst step a#b (emotion -2, 0 pain points, inherited from parent step c#d)"
    assert words(reason, "fi", page=True) == (
        "heikoin vaihe `a#b` (tunne -2, 0 kipukohtaa, peritty yläpolun vaiheelta `c#d`)"
    )
    # a page names the records it knows by their titles, the others stay ids
    titles = {("step", "a#b"): "Hakemus › Liitteet"}
    assert words(reason, "sv", page=True, label=lambda kind, ref: titles.get((kind, ref))) == (
        "sämsta steget Hakemus › Liitteet (känsla -2, 0 smärtpunkter, ärvt från det överordnade steget `c#d`)"
    )


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_sentences_written_once_are_the_sentences_written_afresh(bank, language: str) -> None:  # type: ignore[no-untyped-def]
    # A site keeps each line's sentence (`written`) and writes a line again only when no
    # equal line was written: every opportunity of every model reads as it would alone.
    from journeyops_cli.score.base import Missing
    from journeyops_cli.score.explain import Explanation, Line
    from journeyops_cli.score.reasons import Amount, Term

    written: dict[Line | Missing, str] = {}
    titles = {("step", "rental-application#form"): "Hakemus › Lomake"}

    def label(kind: str, ref: str) -> str | None:
        return titles.get((kind, ref))

    seen = 0
    for model in ("journey", "rice", "ice", "wsjf", "weighted"):
        for row in rank(bank, Request(model=model)).rows:
            explained = explanation(row.score)
            assert in_words(explained, language, label, written) == in_words(explained, language, label)
            seen += 1
    assert seen > 5 and written
    # Equal lines whose numbers differ only in type (1 and 1.0) share a sentence: it is the same.
    for one in (1, 1.0, 2, 2.0, 0, 0.0):
        line = Line("volume", float(one), Reason.of("explain.volume", metric=Ref("m", "metric"),
                                                    value=Amount(one, "day"), top=one), points=True)
        missing = Missing("impact", "impact", one, Reason.of("explain.no_estimate", factor=Term("factor", "impact")))
        alone = Explanation((line,), (missing,))
        assert in_words(alone, language, label, written) == in_words(alone, language, label)
