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
        "worst step rental-application#form: emotion -1, 2 pain points",
        "1 insight, strength 0.25",
        "1 type: feedback",
        "completion: latest 60 vs target 80 (increase)",
        "move-home is a mid journey",
        "no volume metric at the linked steps",
        "impact 1, confidence 0.5 (default), effort 3 (default)",
    ]


def test_the_explanation_in_finnish(bank) -> None:  # type: ignore[no-untyped-def]
    row = rank(bank, Request()).find("form-autosave")
    assert row is not None
    factors, missing = in_words(explanation(row.score), "fi")
    assert factors == [
        "asiakkaan kipu 17,71: heikoin vaihe `rental-application#form`: tunne -1, 2 kipukohtaa",
        "näytön vahvuus 3,98: 1 havainto, yhteisvahvuus 0,25",
        "näyttölähteiden määrä 0: 1 lähdetyyppi: Palaute",
        "mittarien ero tavoitteesta 3,75: `completion`: viimeisin 60, tavoite 80 (suurempi on parempi)",
        "polun taso 6: `move-home` on keskitason polku",
        "asiointimäärä 5: linkitetyissä vaiheissa ei ole asiointimäärän mittaria",
        "tiimin arviot 3,61: vaikutus 1, arvion varmuus 0,5 (oletus), työmäärä (henkilökuukautta) 3 (oletus)",
    ]
    assert missing == [
        "asiakkaan kipu: vaiheelle `move-home#sign` ei ole kirjattu tunnetta (käytettiin arvoa 0)",
        "asiointimäärä: linkitetyissä vaiheissa ei ole asiointimäärän mittaria (käytettiin arvoa 0,5)",
        "tiimin arviot: arvion varmuus puuttuu (käytettiin arvoa 0,5)",
        "tiimin arviot: työmäärä (henkilökuukautta) puuttuu (käytettiin arvoa 3)",
    ]


def test_the_explanation_in_english_and_swedish(bank) -> None:  # type: ignore[no-untyped-def]
    row = rank(bank, Request()).find("better-search")
    assert row is not None
    factors, missing = in_words(explanation(row.score), "en")
    assert factors[0] == "customer pain 25: worst step `move-home#search`: emotion -2, 3 pain points"
    assert factors[2] == "number of sources 2.5: 2 types: Analytics, Interview"
    assert factors[5] == "volume of use 8: `searches`: 9,999 searches/year (largest in the bank 99,999)"
    assert missing == [
        "metrics' gap to target: no linked metric with direction, target and an observation (used 0)"
    ]
    factors, _ = in_words(explanation(row.score), "sv")
    assert factors[0] == "kundens smärta 25: sämsta steget `move-home#search`: känsla -2, 3 smärtpunkter"


def test_multiplicative_models_say_how_each_input_enters(bank) -> None:  # type: ignore[no-untyped-def]
    row = rank(bank, Request(model="wsjf")).find("better-search")
    assert row is not None
    assert [f.detail for f in row.score.factors] == [
        "+ business value (cost of delay)", "+ time criticality (cost of delay)",
        "+ risk reduction (cost of delay)", "÷ job size",
    ]
    factors, _ = in_words(explanation(row.score), "fi")
    assert factors[0].endswith(": + hyöty toiminnalle (viivästyksen kustannus)")
    assert factors[3].endswith(": ÷ työn koko")


def test_inherited_pain_in_words() -> None:
    said = {"step": Ref("a#b", "step"), "emotion": -2.0, "pain_points": Counted("pain_points", 0),
            "source": Ref("c#d", "step")}
    reason = Reason.of("explain.pain_inherited", **said)
    assert words(reason) == "worst step a#b: emotion -2, 0 pain points (inherited from parent step c#d)"
    assert words(reason, "fi", page=True) == (
        "heikoin vaihe `a#b`: tunne -2, 0 kipukohtaa (peritty yläpolun vaiheelta `c#d`)"
    )
    # a page names the records it knows by their titles, the others stay ids
    titles = {("step", "a#b"): "Hakemus › Liitteet"}
    assert words(reason, "sv", page=True, label=lambda kind, ref: titles.get((kind, ref))) == (
        "sämsta steget Hakemus › Liitteet: känsla -2, 0 smärtpunkter (ärvt från det överordnade steget `c#d`)"
    )
