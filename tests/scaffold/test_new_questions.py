"""The questions of the interactive `new` (scaffold/questions.py), in-process: what is asked
in which order and language, what a reply means, and the words a bad reply gets."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from tests.runner import run_cli
from tests.scaffold.small_bank import make_bank

from journeyops_cli.bank import Bank
from journeyops_cli.pipeline import load_bank
from journeyops_cli.scaffold.new import NewRecord, build
from journeyops_cli.scaffold.questions import (
    BadAnswer,
    Choice,
    Interview,
    Question,
    choice_lines,
    terminal_prompt,
)

TODAY = dt.date(2026, 3, 2)


def bank_at(root: Path) -> Bank:
    return load_bank(root).bank


def drive(interview: Interview, replies: dict[str, str]) -> list[str]:
    """Answer every question (by its key; Enter for the others); the keys asked, in order."""
    asked = []
    while (question := interview.next()) is not None:
        asked.append(question.key)
        interview.answer(question, replies.get(question.key, ""))
    return asked


def written(root: Path, record: NewRecord, bank: Bank) -> dict:
    planned = build(record, bank, today=TODAY)
    (root / planned.path).parent.mkdir(parents=True, exist_ok=True)
    (root / planned.path).write_bytes(planned.content)
    return yaml.safe_load(planned.content)


def test_a_journey_in_a_finnish_and_english_bank_asks_every_text_in_both(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    bank = bank_at(root)
    record = NewRecord("journey")
    interview = Interview(record, bank, "fi", today=TODAY)
    asked = drive(interview, {
        "title.fi": "Päiväkodin vaihtaminen",
        "title.en": "Changing daycare",
        "level": "3",
        "description.fi": "Kun perhe muuttaa.",
        "steps.fi": "Hae siirtoa, Aloita",
        "steps.en": "Apply for a transfer, Start",
        "step_parents.1": "hae",
        "owner": "Palveluohjaaja",
        "team": "1",
        "customer_groups": "1,2",
        "cx_goals.fi": "Perhe tietää, milloin paikka alkaa; Siirto on helppo",
        "cx_goals.en": "The family knows when the place starts; The transfer is easy",
    })
    assert asked == [
        "title.fi", "title.en", "id", "state", "level", "parent", "theme", "description.fi", "description.en",
        "steps.fi", "steps.en", "step_parents.0", "step_parents.1", "owner", "team", "customer_groups",
        "cx_goals.fi", "cx_goals.en", "status",
    ]
    data = written(root, record, bank)
    assert data["id"] == "paivakodin-vaihtaminen"
    assert data["title"] == {"fi": "Päiväkodin vaihtaminen", "en": "Changing daycare"}
    assert data["description"] == "Kun perhe muuttaa."  # the English one was skipped
    assert (data["level"], data["parent"], data["theme"]) == ("detailed", "paivakotiin-hakeminen", "varhaiskasvatus")
    assert data["steps"] == [
        {"id": "hae-siirtoa", "title": {"fi": "Hae siirtoa", "en": "Apply for a transfer"},
         "parent_step": "etsi"},
        {"id": "aloita", "title": {"fi": "Aloita", "en": "Start"}, "parent_step": "hae"},
    ]
    assert (data["owner"], data["team"], data["status"]) == ("Palveluohjaaja", "asiakaskokemus", "draft")
    assert data["customer_groups"] == ["lapsiperheet", "maahan-muuttaneet"]
    assert data["cx_goals"] == [
        {"fi": "Perhe tietää, milloin paikka alkaa", "en": "The family knows when the place starts"},
        {"fi": "Siirto on helppo", "en": "The transfer is easy"},
    ]
    assert run_cli("validate", cwd=root).returncode == 0


def test_the_prompts_read_in_the_readers_language(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    interview = Interview(NewRecord("journey", {"title": "Muutto"}), bank_at(root), "fi")
    question = interview.next()
    assert question is not None
    assert terminal_prompt(question, "fi") == "Otsikko englanniksi (Enter ohittaa): "
    interview.answer(question, "")
    question = interview.next()
    assert question is not None
    assert terminal_prompt(question, "fi") == "Tunniste [muutto]: "
    interview.answer(question, "")
    question = interview.next()
    assert question is not None
    assert choice_lines(question, "fi") == ["  1) Nykytila", "  2) Tavoitetila"]
    assert terminal_prompt(question, "fi") == "Nykytila vai tavoitetila [1]: "
    interview.answer(question, "")
    assert "state" not in interview.record.values  # as-is, the default, is not written
    question = interview.next()
    assert question is not None and question.key == "level"
    assert choice_lines(question, "fi") == [
        "  1) Ylätason polku", "  2) Keskitason polku", "  3) Yksityiskohtainen polku",
    ]
    assert terminal_prompt(question, "fi") == "Taso [3]: "  # top and mid journeys exist already
    interview.answer(question, "2")
    question = interview.next()
    assert question is not None
    assert choice_lines(question, "fi") == ["  1) Palvelupolku (service-journey)"]
    assert terminal_prompt(question, "fi") == "Ylemmän tason polku [1]: "  # one possible answer: Enter
    interview.answer(question, "")
    assert interview.record.get("parent") == "service-journey"
    sv = Interview(NewRecord("journey", {"title": "Flytt"}), bank_at(root), "sv")
    first = sv.next()
    assert first is not None and terminal_prompt(first, "sv") == "Rubrik på engelska (Enter hoppar över): "


def test_a_one_language_bank_asks_without_naming_the_language(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en")
    interview = Interview(NewRecord("customer-group"), bank_at(root), "en")
    assert drive(interview, {"title.en": "Families"}) == ["title.en", "id", "description.en"]
    assert interview.record.values == {"title": "Families", "id": "families"}
    question = Interview(NewRecord("theme"), bank_at(root), "en").next()
    assert question is not None and terminal_prompt(question, "en") == "Title: "


@pytest.mark.parametrize(
    ("key", "reply", "words"),
    [
        ("title.fi", "", "vastaus puuttuu"),
        ("id", "Päiväkoti", "'Päiväkoti' ei kelpaa tunnisteeksi: käytä pieniä kirjaimia a–z, numeroita ja "
                            "yhdysmerkkejä (enintään 64 merkkiä, ei yhdysmerkkiä alussa)"),
        ("id", "paivakotiin-hakeminen", "tunniste 'paivakotiin-hakeminen' on jo käytössä "
                                        "(journeys/mid/paivakotiin-hakeminen.yaml); anna toinen"),
        ("level", "4", "'4' ei ole vaihtoehto; anna numero 1–3"),
        ("level", "1,2", "'1,2' ei ole vaihtoehto; anna numero 1–3"),
        ("steps.en", "Apply", "anna 2 kohtaa samassa järjestyksessä kuin ensimmäisellä kielellä"),
    ],
)
def test_a_bad_reply_is_named_in_the_banks_language_and_changes_nothing(
    tmp_path: Path, key: str, reply: str, words: str
) -> None:
    root = make_bank(tmp_path)
    record = NewRecord("journey")
    interview = Interview(record, bank_at(root), "fi")
    replies = {"title.fi": "Muutto", "level": "1", "steps.fi": "Hae, Muuta"}
    while (question := interview.next()) is not None and question.key != key:
        interview.answer(question, replies.get(question.key, ""))
    assert question is not None
    before = dict(record.values)
    with pytest.raises(BadAnswer) as refused:
        interview.answer(question, reply)
    assert str(refused.value) == words
    assert record.values == before and interview.next() == question


def test_an_insight_links_steps_journey_by_journey(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en")
    bank = bank_at(root)
    record = NewRecord("insight")
    interview = Interview(record, bank, "en", today=TODAY)
    journeys = None
    asked = []
    while (question := interview.next()) is not None:
        asked.append(question.key)
        if question.key == "link_journeys":
            journeys = choice_lines(question, "en")
        reply = {"title.en": "Deadline surprises", "type": "5", "summary.en": "Families miss it.",
                 "date": "2026-02-27", "severity": "3", "source": "Feedback service",
                 "link_journeys": "3 2", "steps.paivakotiin-hakeminen": "2,1"}.get(question.key, "")
        interview.answer(question, reply)
    assert journeys == [
        "  1) Service journey (service-journey)",
        "  2) Päiväkotiin hakeminen (paivakotiin-hakeminen)",
        "  3) Hakemuksen lähettäminen (laheta)",
    ]
    assert asked == ["title.en", "id", "type", "summary.en", "date", "severity", "confidence", "source", "evidence",
                     "link_journeys", "steps.paivakotiin-hakeminen", "steps.laheta"]
    data = written(root, record, bank)
    assert (data["type"], data["date"], data["severity"], data["confidence"]) == (
        "feedback", dt.date(2026, 2, 27), "high", "medium")
    # the chosen journeys in the list's order, each one's steps in the journey's order; a
    # journey of one step takes Enter
    assert data["steps"] == ["paivakotiin-hakeminen#etsi", "paivakotiin-hakeminen#hae", "laheta#laheta"]
    assert run_cli("validate", cwd=root).returncode == 0


def test_a_date_is_refused_until_it_is_a_date(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en")
    interview = Interview(NewRecord("insight", {"title": "x", "id": "x", "type": "survey", "summary": "s"}),
                          bank_at(root), "en", today=TODAY)
    question = interview.next()
    assert question is not None and terminal_prompt(question, "en") == "Date [2026-03-02]: "
    with pytest.raises(BadAnswer) as refused:
        interview.answer(question, "2.3.2026")
    assert str(refused.value) == "Date '2.3.2026': write the date as YYYY-MM-DD"
    interview.answer(question, "")
    assert interview.record.get("date") == "2026-03-02"


@pytest.mark.parametrize(
    ("scoring", "asked"),
    [
        ("", ["impact", "confidence", "effort"]),
        ("scoring:\n  model: rice\n", ["reach", "impact", "confidence", "effort"]),
        ("scoring:\n  model: ice\n", ["impact", "confidence", "ease"]),
        ("scoring:\n  model: wsjf\n", ["business_value", "time_criticality", "risk_reduction", "job_size"]),
        ("scoring:\n  weights: {estimates: 0}\n", []),
        ("scoring:\n  model: weighted\n  weighted: {pain: 2, reach: 1}\n", ["reach"]),
    ],
)
def test_an_opportunity_is_asked_the_estimates_its_scoring_model_uses(
    tmp_path: Path, scoring: str, asked: list[str]
) -> None:
    root = make_bank(tmp_path, languages="en", scoring=scoring)
    interview = Interview(NewRecord("opportunity", {"title": "Clear deadlines", "problem": "Surprises"}),
                          bank_at(root), "en")
    keys = drive(interview, {})
    assert [key.split(".", 1)[1] for key in keys if key.startswith("estimates.")] == asked


def test_estimates_take_a_decimal_comma_and_refuse_what_the_model_refuses(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en", scoring="scoring:\n  model: rice\n")
    bank = bank_at(root)
    record = NewRecord("opportunity")
    interview = Interview(record, bank, "en")
    prompts = {}
    while (question := interview.next()) is not None:
        prompts[question.key] = terminal_prompt(question, "en")
        if question.key == "estimates.confidence":
            with pytest.raises(BadAnswer) as refused:
                interview.answer(question, "80")
            assert str(refused.value) == "'80' will not do: 0–1"
            with pytest.raises(BadAnswer) as refused:
                interview.answer(question, "much")
            assert str(refused.value) == "Confidence (0–1) 'much': give a number"
        reply = {"title.en": "Clear deadlines", "problem.en": "Deadlines surprise families",
                 "idea.en": "Remind families", "status": "2", "link_journeys": "2", "steps.paivakotiin-hakeminen": "2",
                 "estimates.reach": "1 200", "estimates.impact": "2", "estimates.confidence": "0,8",
                 "estimates.effort": "1,5"}.get(question.key, "")
        interview.answer(question, reply)
    assert prompts["estimates.reach"] == "Reach (customers a year) (Enter skips): "
    assert prompts["estimates.effort"] == "Effort (person-months, more than 0) (Enter skips): "
    data = written(root, record, bank)
    assert data["estimates"] == {"reach": 1200, "impact": 2, "confidence": 0.8, "effort": 1.5}
    assert (data["status"], data["idea"], data["steps"]) == ("proposed", "Remind families",
                                                             ["paivakotiin-hakeminen#hae"])
    assert run_cli("prioritise", "--model", "rice", cwd=root).returncode == 0


def test_a_long_list_of_choices_is_not_printed(tmp_path: Path) -> None:
    question = Question("x", "insights", "Insights", form="choice", many=True,
                        choices=[Choice(f"i-{n}", f"I {n}") for n in range(41)])
    assert choice_lines(question, "fi") == ["41 vaihtoehtoa: kirjoita numero, tunniste (esim. i-0) tai osa nimestä"]


def test_a_taken_id_is_not_offered(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en")
    (root / "themes" / "varhaiskasvatus-2.yaml").write_text(
        "kind: Theme\nid: varhaiskasvatus-2\ntitle: Second\n", encoding="utf-8")
    interview = Interview(NewRecord("theme", {"title": "Varhaiskasvatus"}), bank_at(root), "en")
    question = interview.next()
    assert question is not None and terminal_prompt(question, "en") == "Id [varhaiskasvatus-3]: "


def test_every_word_of_new_is_used() -> None:
    """The catalogue test reads catalogue_cli.py itself, so it cannot see an unused `cli.new.`
    id: every one is named (or its f-string prefix is) by the questions or the command."""
    import re

    from journeyops_cli.render.catalogue import MESSAGES

    src = Path(__file__).resolve().parents[2] / "src" / "journeyops_cli"
    text = (src / "scaffold" / "questions.py").read_text("utf-8") + (src / "cli" / "new.py").read_text("utf-8")
    named = set(re.findall(r"""["'](cli\.new\.[a-z_.]+)["']""", text))
    prefixes = set(re.findall(r"""f["'](cli\.new\.[a-z_.]*\.)\{""", text))
    unused = [key for key in MESSAGES if key.startswith("cli.new.") and key not in named
              and not any(key.startswith(p) for p in prefixes)]
    assert unused == []
    assert {"cli.new.cancelled", "cli.new.needed"} <= named


def test_a_choice_can_be_named_by_part_of_its_name(tmp_path: Path) -> None:
    root = make_bank(tmp_path, languages="en")
    record = NewRecord("insight", {"title": "x", "id": "x", "type": "survey", "summary": "s", "source": "s",
                                   "date": "2026-03-02", "severity": "low", "confidence": "low"})
    interview = Interview(record, bank_at(root), "en")
    question = interview.next()
    while question is not None and question.key != "link_journeys":
        interview.answer(question, "")
        question = interview.next()
    assert question is not None
    with pytest.raises(BadAnswer) as refused:
        interview.answer(question, "HAKE")
    assert str(refused.value) == (
        "'HAKE' matches 2 choices; give a number:\n"
        "  2) Päiväkotiin hakeminen (paivakotiin-hakeminen)\n"
        "  3) Hakemuksen lähettäminen (laheta)"
    )
    with pytest.raises(BadAnswer) as refused:
        interview.answer(question, "moving")
    assert str(refused.value) == "'moving' is not one of the choices; give a number from 1 to 3"
    interview.answer(question, "päiväkotiin hakem")
    assert record.get("link_journeys") == ["paivakotiin-hakeminen"]


def test_a_bank_without_themes_is_told_so_before_the_parent_is_asked(tmp_path: Path) -> None:
    from tests.scaffold.small_bank import ok

    from journeyops_cli.edit import EditError

    ok("init", "bank", "--languages", "fi", cwd=tmp_path)
    interview = Interview(NewRecord("journey"), bank_at(tmp_path / "bank"), "fi")
    asked = []
    with pytest.raises(EditError) as refused:
        while (question := interview.next()) is not None:
            asked.append(question.key)
            interview.answer(question, {"title.fi": "Muutto", "level": "2"}.get(question.key, ""))
    assert asked == ["title.fi", "id", "state", "level"]
    assert refused.value.message == (
        "pankissa ei ole ankkuriteemaa, johon keskitason polku kuuluisi; "
        "tee ensin teema komennolla `journeyops new theme`"
    )


@pytest.mark.parametrize(
    ("kind", "replies", "asked", "expected"),
    [
        ("metric",
         {"title.fi": "Päätöksen odotusaika", "title.en": "Waiting for the decision", "unit": "päivää",
          "direction": "2", "target": "14,5", "source": "Asiakastietojärjestelmä", "link_journeys": "2",
          "steps.paivakotiin-hakeminen": "2"},
         ["title.fi", "title.en", "id", "description.fi", "unit", "direction", "target", "source",
          "link_journeys", "steps.paivakotiin-hakeminen"],
         {"id": "paatoksen-odotusaika", "title": {"fi": "Päätöksen odotusaika", "en": "Waiting for the decision"},
          "unit": "päivää", "direction": "decrease", "target": 14.5, "source": "Asiakastietojärjestelmä",
          "steps": ["paivakotiin-hakeminen#hae"]}),
        ("theme",
         {"title.fi": "Asuminen", "description.fi": "Asunnon etsiminen ja vaihtaminen.",
          "description.en": "Finding and changing a home.", "owner": "Asumisen palvelut", "team": "1"},
         ["title.fi", "title.en", "id", "description.fi", "description.en", "owner", "team"],
         {"id": "asuminen", "title": "Asuminen", "owner": "Asumisen palvelut", "team": "asiakaskokemus",
          "description": {"fi": "Asunnon etsiminen ja vaihtaminen.", "en": "Finding and changing a home."}}),
        ("team",
         {"title.fi": "Palveluohjaus", "title.en": "Service guidance", "contact": "palveluohjaus@example.fi"},
         ["title.fi", "title.en", "id", "description.fi", "contact"],  # no English without the Finnish
         {"id": "palveluohjaus", "title": {"fi": "Palveluohjaus", "en": "Service guidance"},
          "contact": "palveluohjaus@example.fi"}),
        ("life-event",
         {"title.fi": "Lapsen syntymä", "title.en": "A child is born", "description.fi": "Perhe kasvaa."},
         ["title.fi", "title.en", "id", "description.fi", "description.en"],
         {"id": "lapsen-syntyma", "title": {"fi": "Lapsen syntymä", "en": "A child is born"},
          "description": "Perhe kasvaa."}),
    ],
)
def test_every_kind_is_asked_what_it_holds_and_validates(
    tmp_path: Path, kind: str, replies: dict[str, str], asked: list[str], expected: dict
) -> None:
    root = make_bank(tmp_path)
    bank = bank_at(root)
    record = NewRecord(kind)
    assert drive(Interview(record, bank, "fi", today=TODAY), replies) == asked
    planned = build(record, bank, today=TODAY)
    data = yaml.safe_load(planned.content)
    assert {key: data.get(key) for key in expected} == expected
    (root / planned.path).parent.mkdir(parents=True, exist_ok=True)
    (root / planned.path).write_bytes(planned.content)
    result = run_cli("validate", cwd=root)
    assert result.returncode == 0, result.stdout


def test_options_a_question_would_refuse_are_named_and_asked(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    record = NewRecord("insight", {"title": "Muutto", "type": "interview", "severity": "huge", "date": "2.3.2026",
                                   "confidence": "high", "source": "Kysely", "summary": "s"})
    interview = Interview(record, bank_at(root), "fi", today=TODAY)
    assert interview.refuse_given() == [
        "--severity huge ei kelpaa, joten se kysytään",
        "--date 2.3.2026 ei kelpaa, joten se kysytään",
    ]
    assert drive(interview, {"severity": "4"}) == ["title.en", "id", "summary.en", "date", "severity", "evidence",
                                                   "link_journeys"]
    assert (record.get("type"), record.get("severity"), record.get("date"), record.get("confidence")) == (
        "interview", "critical", "2026-03-02", "high")
    metric = Interview(NewRecord("metric", {"title": "Odotus", "unit": "pv", "target": "paljon"}), bank_at(root), "en")
    assert metric.refuse_given() == ["--target paljon will not do, so it is asked"]


def test_a_reference_the_build_refuses_names_the_question_to_ask_again(tmp_path: Path) -> None:
    from tests.scaffold.small_bank import ok

    from journeyops_cli.scaffold.new import FieldError

    root = make_bank(tmp_path, languages="en")
    ok("new", "insight", "--title", "Late", "--type", "survey", "--source", "s", "--summary", "s", "--no-input",
       cwd=root)
    ok("new", "metric", "--title", "Wait", "--unit", "days", "--no-input", cwd=root)
    bank = bank_at(root)
    for name, option, value, asked in (
        ("insights", "--insight", ["nope"], "insights"),
        ("metrics", "--metric", ["nope"], "metrics"),
        ("steps", "--link-step", ["laheta#nope"], "link_journeys"),  # a step: its journey first
    ):
        record = NewRecord("opportunity", {"title": "x", "problem": "p", name: value})
        interview = Interview(record, bank, "en")
        drive(interview, {})
        with pytest.raises(FieldError) as refused:
            build(record, bank)
        assert refused.value.field == name
        assert interview.reopen(name) == f"{option} {value[0]} will not do, so it is asked"
        question = interview.next()
        assert question is not None and question.name == asked
    assert str(refused.value) == "no step 'laheta#nope' in the bank; did you mean 'laheta#laheta'?"


@pytest.mark.parametrize(
    ("lint", "key", "reply", "words"),
    [
        ("", "summary.fi", "Soita 040 1234567",
         "JO502 Havainnossa tai muussa tekstissä on puhelinnumero. Poista puhelinnumero tekstistä. Julkisen "
         "palvelunumeron voi sallia säännön asetuksissa."),
        ("", "evidence", "K:\\Asiakaskokemus\\haastattelut.docx",
         "JO308 Aineisto- tai toteutuslinkki ei ole http-, https- tai mailto-osoite. Käytä osoitetta, joka alkaa "
         "`https://`, `http://` tai `mailto:`."),
        ("", "source", "Kysely, vastaukset: matti@example.org",
         "JO501 Havainnossa tai muussa tekstissä on sähköpostiosoite. Poista sähköpostiosoite tekstistä. Kirjoita "
         "tarvittaessa henkilön sijaan rooli, kuten ”asiakas”."),
        ("  options:\n    privacy.email: {allow: ['*@hel.fi']}\n", "summary.fi", "Palaute osoitteeseen palaute@hel.fi",
         None),
        ("  severity:\n    privacy: warning\n", "summary.fi", "Soita 040 1234567", None),
        ("  per_path_ignores:\n    'insights/archive/*': [evidence]\n", "evidence", "K:\\haastattelut", None),
    ],
)
def test_a_reply_the_banks_rules_would_refuse_is_refused_at_its_question(
    tmp_path: Path, lint: str, key: str, reply: str, words: str | None
) -> None:
    root = make_bank(tmp_path, lint=lint)
    record = NewRecord("insight", {"title": "Palaute", "id": "palaute", "type": "feedback"})
    interview = Interview(record, bank_at(root), "fi")
    replies = {"summary.fi": "Perheet kysyvät samaa.", "source": "Palautejärjestelmä"}
    while (question := interview.next()) is not None and question.key != key:
        interview.answer(question, replies.get(question.key, ""))
    assert question is not None
    if words is None:
        interview.answer(question, reply)
        assert interview.next() != question
        return
    with pytest.raises(BadAnswer) as refused:
        interview.answer(question, reply)
    assert str(refused.value) == words
    assert interview.next() == question


def test_options_the_banks_rules_would_refuse_are_named_and_asked(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    record = NewRecord("insight", {"title": "Palaute", "type": "feedback", "source": "Palautejärjestelmä",
                                   "summary": "Soita 040 1234567", "evidence": "K:\\palaute"})
    interview = Interview(record, bank_at(root), "fi")
    assert interview.refuse_given() == [
        "--summary Soita 040 1234567 ei kelpaa, joten se kysytään: JO502 Havainnossa tai muussa tekstissä on "
        "puhelinnumero. Poista puhelinnumero tekstistä. Julkisen palvelunumeron voi sallia säännön asetuksissa.",
        "--evidence K:\\palaute ei kelpaa, joten se kysytään: JO308 Aineisto- tai toteutuslinkki ei ole http-, "
        "https- tai mailto-osoite. Käytä osoitetta, joka alkaa `https://`, `http://` tai `mailto:`.",
    ]
    question = interview.next()
    assert question is not None and question.key == "title.en"
    assert "summary.fi" in drive(interview, {"summary.fi": "Perheet soittavat."})
    assert record.get("summary") == "Perheet soittavat." and record.get("evidence") is None


def test_steps_given_whole_are_not_asked(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    bank = bank_at(root)
    details = [{"id": "etsi-tietoa", "title": "Etsi", "parent_step": "findability"}]
    record = NewRecord("journey", {"title": "Haku", "level": "mid", "parent": "service-journey",
                                   "steps": ["Etsi"], "step_parents": ["findability"], "step_details": details})
    asked = drive(Interview(record, bank, "fi"), {})
    assert not any(key.startswith(("steps.", "step_parents.")) for key in asked)
    steps = written(root, record, bank)["steps"]
    assert steps == [{"id": "etsi-tietoa", "title": "Etsi", "parent_step": "findability"}]


def test_a_to_be_journey_starts_from_the_as_is_journey_it_improves(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    bank = bank_at(root)
    record = NewRecord("journey")
    interview = Interview(record, bank, "fi")
    asked = []
    while (question := interview.next()) is not None:
        asked.append(question.key)
        if question.key == "improves":
            assert terminal_prompt(question, "fi") == "Nykytilan polku, jota tämä parantaa (Enter ohittaa): "
            assert choice_lines(question, "fi")[1] == "  2) Päiväkotiin hakeminen (paivakotiin-hakeminen)"
        interview.answer(question, {"title.fi": "Päiväkotiin hakeminen 2027", "state": "2",
                                    "improves": "hakeminen"}.get(question.key, ""))
    # level, parent, theme and steps come from the improved journey: not asked
    assert asked == ["title.fi", "title.en", "id", "state", "improves", "description.fi", "owner", "team",
                     "customer_groups", "cx_goals.fi", "status"]
    data = written(root, record, bank)
    assert (data["state"], data["improves"], data["level"], data["parent"], data["theme"]) == (
        "target", "paivakotiin-hakeminen", "mid", "service-journey", "varhaiskasvatus")
    assert [(s["id"], s["title"], s["parent_step"]) for s in data["steps"]] == [
        ("etsi", "Etsi", "findability"), ("hae", "Hae", "transaction")]
    assert run_cli("validate", cwd=root).returncode == 0


def test_an_unknown_improves_option_is_named_and_asked(tmp_path: Path) -> None:
    root = make_bank(tmp_path)
    record = NewRecord("journey", {"title": "Uusi haku", "improves": "hakemnen", "state": "tobe"})
    interview = Interview(record, bank_at(root), "fi")
    assert interview.refuse_given() == ["--state tobe ei kelpaa, joten se kysytään",
                                        "--improves hakemnen ei kelpaa, joten se kysytään"]
    question = interview.next()
    assert question is not None and question.key == "title.en"
    assert "state" not in record.values and "improves" not in record.values


def test_a_child_is_offered_only_what_its_parent_allows(tmp_path: Path) -> None:
    from tests.scaffold.small_bank import ok

    root = make_bank(tmp_path, languages="en")
    ok("new", "theme", "--title", "Asuminen", "--no-input", cwd=root)
    ok("new", "journey", "--title", "Muutto", "--level", "mid", "--parent", "service-journey", "--theme", "asuminen",
       "--steps", "Etsi", "--step-parents", "findability", "--no-input", cwd=root)
    path = root / "journeys" / "mid" / "muutto.yaml"
    path.write_text(path.read_text("utf-8").replace("steps:\n", "customer_groups: [lapsiperheet]\nsteps:\n"),
                    encoding="utf-8")
    bank = bank_at(root)
    record = NewRecord("journey")
    interview = Interview(record, bank, "en")
    lines = {}
    while (question := interview.next()) is not None:
        lines[question.key] = choice_lines(question, "en")
        interview.answer(question, {"title.en": "Vuokra-asunto", "level": "3", "parent": "muutto",
                                    "steps.en": "Hae", "customer_groups": "1"}.get(question.key, ""))
    assert lines["theme"] == ["  1) Asuminen (asuminen)"]  # the parent's (JO204)
    assert lines["customer_groups"] == ["  1) Lapsiperheet (lapsiperheet)"]  # among the parent's (JO205)
    data = written(root, record, bank)
    assert (data["theme"], data["customer_groups"]) == ("asuminen", ["lapsiperheet"])
    assert run_cli("validate", cwd=root).returncode == 0


def test_a_rule_the_bank_makes_fail_asks_its_values_again(tmp_path: Path) -> None:
    from journeyops_cli.scaffold.new import RuleRefusal

    root = make_bank(tmp_path, lint="  severity:\n    JO301: error\n")
    bank = bank_at(root)
    record = NewRecord("insight", {"title": "Palaute", "id": "palaute", "type": "feedback", "source": "Kysely",
                                   "summary": "Perheet kysyvät samaa."})
    interview = Interview(record, bank, "fi")
    drive(interview, {})  # no step links
    with pytest.raises(RuleRefusal) as refused:
        build(record, bank)
    assert refused.value.code == "JO301"
    assert interview.reopen_for_rule("JO301") == (
        "JO301 Havaintoa ei ole liitetty mihinkään polun vaiheeseen. Liitä havainto niihin polun vaiheisiin, "
        "joita se koskee (komento `journeyops link` tai kenttä `steps`).")
    assert drive(interview, {"link_journeys": "2", "steps.paivakotiin-hakeminen": "2"}) == [
        "link_journeys", "steps.paivakotiin-hakeminen"]
    assert written(root, record, bank)["steps"] == ["paivakotiin-hakeminen#hae"]
    assert interview.reopen_for_rule("JO999") is None
