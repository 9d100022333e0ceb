"""The interactive `new` on a pseudo-terminal (pexpect), in Finnish and in English: what is
asked, what is written, and that Ctrl-C or the end of input leaves nothing behind."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest
import yaml
from tests.runner import run_cli
from tests.scaffold.small_bank import make_bank, ok

pytestmark = pytest.mark.slow


def session(bank: Path, *args: str) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k not in ("JOURNEYOPS_LANG", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="C.UTF-8", NO_COLOR="1")
    return pexpect.spawn(sys.executable, ["-m", "journeyops_cli", "new", *args], cwd=str(bank), env=env,
                         encoding="utf-8", timeout=60)


def talk(child: pexpect.spawn, *turns: tuple[str, str]) -> None:
    """Wait for each prompt (exactly) and answer it."""
    for prompt, reply in turns:
        child.expect_exact(prompt)
        child.sendline(reply)


def finish(child: pexpect.spawn, line: str) -> None:
    child.expect_exact(line)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def read(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def test_finnish_a_journey_in_both_languages_and_an_insight_with_step_links(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="fi,en")
    child = session(bank, "journey")
    talk(
        child,
        ("Otsikko suomeksi: ", "Päiväkotipaikan vastaanottaminen"),
        ("Otsikko englanniksi (Enter ohittaa): ", "Accepting a daycare place"),
        ("Tunniste [paivakotipaikan-vastaanottaminen]: ", "paikan-vastaanotto"),
        ("  2) Tavoitetila\r\nNykytila vai tavoitetila [1]: ", ""),
        ("  3) Yksityiskohtainen polku\r\nTaso [3]: ", ""),
        ("  1) Päiväkotiin hakeminen (paivakotiin-hakeminen)\r\nYlemmän tason polku [1]: ", ""),
        ("  1) Varhaiskasvatus (varhaiskasvatus)\r\nAnkkuriteema [1]: ", ""),
        ("Kuvaus suomeksi (Enter ohittaa): ", ""),
        ("Vaiheiden otsikot pilkuilla erotettuina suomeksi: ", "Saa päätös, Ota paikka vastaan"),
        ("Vaiheiden otsikot pilkuilla erotettuina englanniksi (Enter ohittaa): ", "Get the decision"),
        ("Virhe: anna 2 kohtaa samassa järjestyksessä kuin ensimmäisellä kielellä\r\n"
         "Vaiheiden otsikot pilkuilla erotettuina englanniksi (Enter ohittaa): ", "Get the decision, Accept"),
        ("  2) Hae (hae)\r\nYläpolun paivakotiin-hakeminen vaihe, jota 'Saa päätös' tarkentaa [1]: ", "2"),
        ("Yläpolun paivakotiin-hakeminen vaihe, jota 'Ota paikka vastaan' tarkentaa [2]: ", ""),
        ("Omistaja (Enter ohittaa): ", "Varhaiskasvatuksen palveluohjaus"),
        ("  1) Asiakaskokemus (asiakaskokemus)\r\nTiimi (Enter ohittaa): ", "1"),
        ("  2) Maahan muuttaneet (maahan-muuttaneet)\r\n"
         "Asiakasryhmät (numerot, esim. 1,3; Enter ohittaa): ", "1,3"),
        ("Virhe: '3' ei ole vaihtoehto; anna numero 1–2\r\n"
         "Asiakasryhmät (numerot, esim. 1,3; Enter ohittaa): ", "1"),
        ("Asiakaskokemuksen tavoitteet puolipisteillä erotettuina suomeksi (Enter ohittaa): ",
         "Perhe tietää, milloin hoito alkaa"),
        ("Asiakaskokemuksen tavoitteet puolipisteillä erotettuina englanniksi (Enter ohittaa): ", ""),
        ("  3) Poistunut\r\nTila [1]: ", ""),
    )
    finish(child, "luotu  journeys/detailed/paikan-vastaanotto.yaml")
    journey = read(bank / "journeys" / "detailed" / "paikan-vastaanotto.yaml")
    assert journey["title"] == {"fi": "Päiväkotipaikan vastaanottaminen", "en": "Accepting a daycare place"}
    assert [s["title"] for s in journey["steps"]] == [
        {"fi": "Saa päätös", "en": "Get the decision"}, {"fi": "Ota paikka vastaan", "en": "Accept"},
    ]
    assert [s["parent_step"] for s in journey["steps"]] == ["hae", "hae"]
    assert (journey["theme"], journey["team"], journey["customer_groups"]) == (
        "varhaiskasvatus", "asiakaskokemus", ["lapsiperheet"])
    assert journey["cx_goals"] == ["Perhe tietää, milloin hoito alkaa"]

    child = session(bank, "insight")
    talk(
        child,
        ("Otsikko suomeksi: ", "Päätös tulee myöhään"),
        ("Otsikko englanniksi (Enter ohittaa): ", ""),
        ("Tunniste [paatos-tulee-myohaan]: ", ""),
        ("  8) Palveludata\r\nTyyppi [1]: ", "9"),
        ("Virhe: '9' ei ole vaihtoehto; anna numero 1–8\r\nTyyppi [1]: ", "haastattelu"),  # by its name
        ("Tiivistelmä suomeksi: ", "Perheet saavat päätöksen vasta viikkoa ennen aloitusta."),
        ("Tiivistelmä englanniksi (Enter ohittaa): ", "Families hear a week before the start."),
    )
    child.expect(r"Päivämäärä \[\d{4}-\d\d-\d\d\]: ")
    child.sendline("2.3.2026")
    talk(
        child,
        ("Virhe: Päivämäärä '2.3.2026': kirjoita päivämäärä muodossa VVVV-KK-PP\r\n", "2026-03-02"),
        ("  4) Kriittinen\r\nVakavuus [2]: ", "3"),
        ("Varmuus [2]: ", ""),
        ("Lähde: ", "Perhehaastattelut 2026"),
        ("Linkki aineistoon (Enter ohittaa): ", ""),
        ("  4) Päiväkotipaikan vastaanottaminen (paikan-vastaanotto)\r\n"
         "Palvelupolut, joiden vaiheita se koskee (numerot, esim. 1,3; Enter ohittaa): ", "4"),
        ("Polun paikan-vastaanotto vaiheet, joita se koskee (numerot, esim. 1,3): ", "1"),
    )
    finish(child, "luotu  insights/paatos-tulee-myohaan.yaml")
    insight = read(bank / "insights" / "paatos-tulee-myohaan.yaml")
    assert insight["summary"] == {"fi": "Perheet saavat päätöksen vasta viikkoa ennen aloitusta.",
                                  "en": "Families hear a week before the start."}
    assert (insight["type"], str(insight["date"]), insight["severity"]) == ("interview", "2026-03-02", "high")
    assert insight["steps"] == ["paikan-vastaanotto#saa-paatos"]
    result = run_cli("validate", cwd=bank)
    assert result.returncode == 0, result.stdout


def test_english_an_opportunity_with_the_rice_estimates(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="en", scoring="scoring:\n  model: rice\n")
    child = session(bank, "opportunity")
    talk(
        child,
        ("Title: ", "Earlier decisions"),
        ("Id [earlier-decisions]: ", ""),
        ("Problem: ", "Families hear too late"),
        ("Idea (Enter skips): ", "Decide within two weeks"),
        ("  6) Rejected\r\nStatus [1]: ", "2"),
        ("Owner (Enter skips): ", ""),
        ("Team (Enter skips): ", ""),
        ("Journeys whose steps it concerns (numbers, e.g. 1,3; Enter skips): ", "2"),
        ("  2) Hae (hae)\r\nSteps of paivakotiin-hakeminen it concerns (numbers, e.g. 1,3): ", ""),
        ("Error: an answer is needed\r\n", "hae"),
        ("Reach (customers a year) (Enter skips): ", "4000"),
        ("Impact (0.25 minimal … 3 massive) (Enter skips): ", "2"),
        ("Confidence (0–1) (Enter skips): ", "1.5"),
        ("Error: '1.5' will not do: 0–1\r\n", "0.8"),
        ("Effort (person-months, more than 0) (Enter skips): ", "3"),
    )
    finish(child, "create  opportunities/earlier-decisions.yaml")
    data = read(bank / "opportunities" / "earlier-decisions.yaml")
    assert data["estimates"] == {"reach": 4000, "impact": 2, "confidence": 0.8, "effort": 3}
    assert (data["status"], data["idea"], data["steps"]) == ("proposed", "Decide within two weeks",
                                                             ["paivakotiin-hakeminen#hae"])
    result = run_cli("validate", cwd=bank)
    assert result.returncode == 0, result.stdout


def test_finnish_an_opportunity_with_its_evidence_and_the_estimates(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="fi,en")
    ok("new", "insight", "--title", "Päätös tulee myöhään", "--type", "interview", "--source", "Haastattelut",
       "--summary", "Perheet kuulevat päätöksestä myöhään.", "--link-step", "paivakotiin-hakeminen#hae",
       "--no-input", cwd=bank)
    ok("new", "metric", "--title", "Odotusaika", "--unit", "päivää", "--no-input", cwd=bank)
    child = session(bank, "opportunity")
    talk(
        child,
        ("Otsikko suomeksi: ", "Päätökset aiemmin"),
        ("Otsikko englanniksi (Enter ohittaa): ", "Earlier decisions"),
        ("Tunniste [paatokset-aiemmin]: ", ""),
        ("Ongelma suomeksi: ", "Perheet kuulevat liian myöhään"),
        ("Ongelma englanniksi (Enter ohittaa): ", ""),
        ("Idea suomeksi (Enter ohittaa): ", "Päätös kahdessa viikossa"),
        ("Idea englanniksi (Enter ohittaa): ", ""),
        ("  6) Hylätty\r\nTila [1]: ", "suunni"),  # part of a choice's name
        ("Omistaja (Enter ohittaa): ", ""),
        ("  1) Asiakaskokemus (asiakaskokemus)\r\nTiimi (Enter ohittaa): ", ""),
        ("Palvelupolut, joiden vaiheita se koskee (numerot, esim. 1,3; Enter ohittaa): ", "2"),
        ("Polun paivakotiin-hakeminen vaiheet, joita se koskee (numerot, esim. 1,3): ", "2"),
        ("  1) Päätös tulee myöhään (paatos-tulee-myohaan)\r\n"
         "Taustalla olevat havainnot (numerot, esim. 1,3; Enter ohittaa): ", "1"),
        ("  1) Odotusaika (odotusaika)\r\nMittarit (numerot, esim. 1,3; Enter ohittaa): ", "1"),
        ("Vaikutus (0,25 vähäinen … 3 valtava) (Enter ohittaa): ", "2"),
        ("Arvion varmuus (0–1) (Enter ohittaa): ", "2,5"),
        ("Virhe: '2,5' ei käy: 0–1\r\nArvion varmuus (0–1) (Enter ohittaa): ", "0,7"),
        ("Työmäärä (henkilökuukautta, yli 0) (Enter ohittaa): ", "1,5"),
    )
    finish(child, "luotu  opportunities/paatokset-aiemmin.yaml")
    data = read(bank / "opportunities" / "paatokset-aiemmin.yaml")
    assert data["title"] == {"fi": "Päätökset aiemmin", "en": "Earlier decisions"}
    assert (data["status"], data["steps"], data["insights"], data["metrics"]) == (
        "planned", ["paivakotiin-hakeminen#hae"], ["paatos-tulee-myohaan"], ["odotusaika"])
    assert data["estimates"] == {"impact": 2, "confidence": 0.7, "effort": 1.5}
    result = run_cli("validate", cwd=bank)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(("stop", "code"), [("\x03", 130), ("\x04", 1)])
def test_ctrl_c_or_the_end_of_input_writes_nothing(tmp_path: Path, stop: str, code: int) -> None:
    bank = make_bank(tmp_path, languages="fi,en")
    def files() -> list[str]:  # the bank's own files (the load cache may change)
        return sorted(p.relative_to(bank).as_posix() for p in bank.rglob("*") if ".journeyops_cache" not in p.parts)

    before = files()
    child = session(bank, "theme")
    talk(child, ("Otsikko suomeksi: ", "Asuminen"), ("Otsikko englanniksi (Enter ohittaa): ", "Housing"))
    child.expect_exact("Tunniste [asuminen]: ")
    child.send(stop)
    child.expect_exact("keskeytetty; mitään ei kirjoitettu\r\n")  # after `journeyops: error:` (bold)
    assert (child.before or "").startswith(("^C\r\njourneyops: ", "\r\njourneyops: "))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == code
    assert "Traceback" not in (child.before or "")
    assert files() == before


def test_an_id_the_title_cannot_make_and_a_refused_option_are_asked(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="en")
    child = session(bank, "journey", "--title", "!!!", "--level", "mid", "--parent", "servise-journey",
                    "--steps", "Find", "--status", "drafty", "--theme", "varhaiskasvatus")
    talk(
        child,
        ("Error: --status drafty will not do, so it is asked\r\nId: ", ""),
        ("Error: an answer is needed\r\nId: ", "moving"),
        ("As-is or to-be [1]: ", ""),
        ("Description (Enter skips): ", ""),
        ("Owner (Enter skips): ", ""),
        ("Team (Enter skips): ", ""),
        ("Customer groups (numbers, e.g. 1,3; Enter skips): ", ""),
        ("Customer-experience goals, separated by semicolons (Enter skips): ", ""),
        ("  3) Retired\r\nStatus [1]: ", "2"),
        # the option is refused when the record is built, and asked for
        ("Error: --parent servise-journey will not do, so it is asked\r\n"
         "  1) Service journey (service-journey)\r\nParent journey [1]: ", ""),
        ("Parent step of 'Find' in service-journey [1]: ", "2"),
    )
    finish(child, "create  journeys/mid/moving.yaml")
    data = read(bank / "journeys" / "mid" / "moving.yaml")
    assert (data["title"], data["parent"], data["steps"][0]["parent_step"]) == ("!!!", "service-journey",
                                                                              "transaction")
    assert data["status"] == "active"


def test_a_reply_is_edited_with_the_arrow_keys(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="en")
    child = session(bank, "theme")
    child.timeout = 15
    child.expect_exact("Title: ")
    child.send("Housng\x1b[D\x1b[Di\r")  # two to the left, the missing i
    child.expect_exact("Id [housing]: ")
    child.send("\x03")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130


def test_english_a_to_be_journey_from_the_as_is_one(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="en")
    child = session(bank, "journey", "--title", "Applying 2027", "--improves", "paivakotiin-hakemnen")
    talk(
        child,
        ("Error: --improves paivakotiin-hakemnen will not do, so it is asked\r\nId [applying-2027]: ", ""),
        ("  2) To-be\r\nAs-is or to-be [1]: ", "2"),
        ("  3) Hakemuksen lähettäminen (laheta)\r\nThe as-is journey it improves (Enter skips): ", "hakeminen"),
        ("Description (Enter skips): ", ""),  # level, parent, theme and steps: from the as-is journey
        ("Owner (Enter skips): ", ""),
        ("Team (Enter skips): ", ""),
        ("Customer groups (numbers, e.g. 1,3; Enter skips): ", ""),
        ("Customer-experience goals, separated by semicolons (Enter skips): ", "Families know the start date"),
        ("Status [1]: ", ""),
    )
    finish(child, "create  journeys/mid/applying-2027.yaml")
    data = read(bank / "journeys" / "mid" / "applying-2027.yaml")
    assert (data["state"], data["improves"], data["parent"]) == ("target", "paivakotiin-hakeminen", "service-journey")
    assert [s["id"] for s in data["steps"]] == ["etsi", "hae"]
    result = run_cli("validate", cwd=bank)
    assert result.returncode == 0, result.stdout


def test_without_a_kind_the_kind_is_asked(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="fi,en")
    child = session(bank)
    child.expect_exact("  1) Ankkuriteema (theme)\r\n  2) Palvelupolku (journey)\r\n")
    talk(
        child,
        ("  8) Tiimi (team)\r\nMitä lisätään [2]: ", "teema"),  # part of its name
        ("Otsikko suomeksi: ", "Asuminen"),
        ("Otsikko englanniksi (Enter ohittaa): ", ""),
        ("Tunniste [asuminen]: ", ""),
        ("Kuvaus suomeksi (Enter ohittaa): ", ""),
        ("Omistaja (Enter ohittaa): ", ""),
        ("Tiimi (Enter ohittaa): ", ""),
    )
    finish(child, "luotu  themes/asuminen.yaml")
    result = run_cli("new", cwd=bank)  # not on a terminal: nothing is asked
    assert result.returncode == 2
    assert result.stderr == ("journeyops: error: missing KIND: journey, theme, insight, metric, opportunity, "
                             "customer-group, life-event or team\n")


def test_a_rule_the_bank_makes_fail_asks_again_instead_of_ending(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="en", lint="  severity:\n    JO301: error\n")
    child = session(bank, "insight", "--title", "Late", "--type", "survey", "--source", "Survey", "--summary",
                    "Families hear late.", "--date", "2026-03-02", "--severity", "high", "--confidence", "high")
    talk(
        child,
        ("Id [late]: ", ""),
        ("Evidence link (Enter skips): ", ""),
        ("Journeys whose steps it concerns (numbers, e.g. 1,3; Enter skips): ", ""),
        ("Error: JO301 An insight is not linked to any journey step. Link the insight to the journey steps it "
         "concerns (the command `journeyops link` or the field `steps`).\r\n"
         "  1) Service journey (service-journey)\r\n", ""),
        ("Journeys whose steps it concerns (numbers, e.g. 1,3; Enter skips): ", "3"),
        ("Steps of laheta it concerns (numbers, e.g. 1,3) [1]: ", ""),  # its one step: Enter
    )
    finish(child, "create  insights/late.yaml")
    assert read(bank / "insights" / "late.yaml")["steps"] == ["laheta#laheta"]


def test_the_banks_own_template_refused_after_the_questions_is_said_in_the_banks_language(tmp_path: Path) -> None:
    bank = make_bank(tmp_path, languages="fi")
    (bank / "templates" / "records").mkdir(parents=True)
    (bank / "templates" / "records" / "theme.yaml.j2").write_text("kind: Theme\nid: {{ id }}\ntitle: {{ nope }}\n",
                                                                  encoding="utf-8")
    child = session(bank, "theme")
    talk(child, ("Otsikko: ", "Asuminen"), ("Tunniste [asuminen]: ", ""), ("Kuvaus (Enter ohittaa): ", ""),
         ("Omistaja (Enter ohittaa): ", ""), ("Tiimi (Enter ohittaa): ", ""))
    child.expect_exact(  # after `journeyops: error:` (bold)
        "templates/records/theme.yaml.j2:3: pohjaa ei voi käyttää: 'nope' is undefined; mitään ei kirjoitettu\r\n")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert not (bank / "themes" / "asuminen.yaml").exists()
