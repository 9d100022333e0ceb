"""The bank's own step lanes (`lanes:` in journeyops.yaml): declarations, values, the
loader's findings at exact places, and the caches that must know the lanes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journeyops_cli.errors import JourneyopsError
from journeyops_cli.load.files import FileResult, load_text
from journeyops_cli.models import Journey
from journeyops_cli.models.config import BankConfig
from journeyops_cli.models.lanes import STEP_FIELDS
from journeyops_cli.pipeline import load_bank, load_config, validate

BLUEPRINT = Path(__file__).resolve().parents[1] / "banks" / "blueprint"

LANES = {
    "frontstage": {"type": "list", "title": {"fi": "Asiakkaalle näkyvä", "en": "Frontstage"}},
    "backstage": {"type": "text", "title": "Backstage"},
    "waiting_days": {"type": "number", "title": "Waiting", "unit": "days"},
    "channel_owner": {"type": "choice", "title": "Owner", "choices": {"city": "City", "partner": "Partner"}},
}
CONFIG = BankConfig.model_validate({"name": "x", "languages": ["fi", "en"], "lanes": LANES})
JOURNEY = "kind: Journey\nid: j\ntitle: J\nlevel: top\nsteps:\n  - id: s\n    title: S\n"


def load(text: str, config: BankConfig = CONFIG) -> FileResult:
    result = FileResult("x.yaml")
    load_text(text, "x.yaml", config.limits, result)
    return result


def findings(text: str, config: BankConfig = CONFIG) -> list[tuple[str, int, int, str, str | None]]:
    return [(f.code, f.line, f.column, f.message, f.hint) for f in load(text, config).findings]


def copy_blueprint(tmp_path: Path) -> Path:
    root = tmp_path / "blueprint"
    shutil.copytree(BLUEPRINT, root, ignore=shutil.ignore_patterns(".journeyops_cache"))
    return root


def test_the_blueprint_bank_validates_clean(tmp_path: Path) -> None:
    result = validate(copy_blueprint(tmp_path))
    assert [f"{f.path}:{f.line}:{f.column} {f.code}" for f in result.findings] == []
    assert result.records == 2


def test_lane_values_are_kept_on_the_journey_in_declared_order(tmp_path: Path) -> None:
    journey = load_bank(copy_blueprint(tmp_path), cache=False).bank.by_kind["Journey"]["parking-permit"]
    assert isinstance(journey, Journey)
    apply = journey.lanes_of(journey.steps[1])
    assert list(apply) == ["frontstage", "backstage", "support_processes", "waiting_days", "channel_owner"]
    assert apply["waiting_days"] == 2.5
    assert apply["channel_owner"] == "partner"
    assert journey.lanes_of(2) == {"waiting_days": 0}
    assert journey.lanes_of(7) == {}


def test_a_bank_without_lanes_keeps_unknown_step_fields_errors() -> None:
    text = JOURNEY + "    frontstage: [a]\n"
    assert findings(text, BankConfig(name="x")) == [
        ("JO020", 8, 5, "unknown field 'frontstage'", findings(text, BankConfig(name="x"))[0][4])
    ]


def test_an_undeclared_step_field_is_an_error_that_suggests_the_lane() -> None:
    assert findings(JOURNEY + "    frontstge: [a]\n") == [
        ("JO020", 8, 5, "unknown field 'frontstge'", "did you mean 'frontstage'?")
    ]


def test_declared_lanes_load_clean() -> None:
    text = JOURNEY + (
        "    frontstage: [Lomake, {fi: Viesti, en: Message}]\n    backstage: {fi: Käsittely, en: Handling}\n"
        "    waiting_days: 3\n    channel_owner: city\n"
    )
    result = load(text)
    assert result.findings == []
    journey = result.records[0]
    assert isinstance(journey, Journey)
    assert journey.lanes_of(0) == {
        "frontstage": ["Lomake", {"fi": "Viesti", "en": "Message"}],
        "backstage": {"fi": "Käsittely", "en": "Handling"},
        "waiting_days": 3,
        "channel_owner": "city",
    }


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("    waiting_days: 3,5\n", ("JO021", 8, 19, "'waiting_days' should be a number, not '3,5'",
                                    "write decimals with a point: 3.5")),
        ("    waiting_days: true\n",
         ("JO021", 8, 19, "'waiting_days' should be a number, not true (a yes/no value)", None)),
        ("    waiting_days: .nan\n", ("JO021", 8, 19, "'waiting_days': input should be a finite number", None)),
        ("    channel_owner: citty\n",
         ("JO021", 8, 20, "'citty' is not allowed for 'channel_owner'; use one of: city, partner",
          "did you mean 'city'?")),
        ("    backstage: 12\n",
         ("JO021", 8, 16, "'backstage' should be text, or a mapping from language code to text, not the number 12",
          "quote it: YAML reads this as a number, a yes/no value or nothing, not text")),
        ("    backstage: {Suomi: Käsittely}\n", ("JO021", 8, 17, "'Suomi' is not a language code",
                                               "use ISO 639 codes such as fi, sv or en")),
        ("    frontstage: Lomake\n", ("JO021", 8, 17, "'frontstage' should be a list, not 'Lomake'", None)),
        ("    frontstage: [Lomake, [nested]]\n",
         ("JO021", 8, 26, "'frontstage' should be text, or a mapping from language code to text, not a list", None)),
    ],
)
def test_a_value_that_does_not_fit_its_lane(lines: str, expected: tuple[str, int, int, str, str | None]) -> None:
    result = load(JOURNEY + lines)
    assert [(f.code, f.line, f.column, f.message, f.hint) for f in result.findings] == [expected]
    # The journey still loads; the value that does not fit is left out.
    journey = result.records[0]
    assert isinstance(journey, Journey)
    assert journey.lanes_of(0) == {}


def test_a_wrong_lane_value_and_a_wrong_field_are_both_reported() -> None:
    text = JOURNEY + "    channel_owner: town\n    emotion: 5\n"
    assert [(code, line) for code, line, *_ in findings(text)] == [("JO021", 8), ("JO020", 9)]


def test_an_empty_lane_value_is_no_value() -> None:
    result = load(JOURNEY + "    backstage:\n")
    assert result.findings == []
    assert result.records[0].lanes_of(0) == {}  # type: ignore[attr-defined]


def config_findings(tmp_path: Path, lanes: str) -> list[str]:
    (tmp_path / "journeyops.yaml").write_text("name: x\nlanes:\n" + lanes, encoding="utf-8")
    with pytest.raises(JourneyopsError) as raised:
        load_config(tmp_path)
    return [f"{f.line}:{f.column} {f.code} {f.message} | {f.hint}" for f in raised.value.findings]


# Lane declarations that cannot be used, with what the loader says (JO031).
UNUSABLE = [
        ("  description: {type: text, title: X}\n",
         "3:3 JO031 'description' is a built-in field of a step and cannot be a lane"
         " | give the lane another id, e.g. 'own_description'"),
        ("  Front-Stage: {type: text, title: X}\n",
         "3:3 JO031 'Front-Stage' is not a valid lane id | lane ids use lowercase letters a-z, digits and "
         "underscores and start with a letter, e.g. 'support_processes'"),
        ("  size: {type: texts, title: X}\n",
         "3:16 JO031 'texts' is not allowed for 'type'; use one of: text, list, number, choice"
         " | did you mean 'text'?"),
        ("  owner: {type: choice, title: X}\n",
         "3:10 JO031 a choice lane needs its choices"
         " | list them under `choices:`, e.g. {city: City, partner: Partner}"),
        ("  owner: {type: text, title: X, choices: {a: A}}\n",
         "3:10 JO031 only a choice lane has choices, not a text lane"
         " | remove `choices:`, or make the lane `type: choice`"),
        ("  owner: {type: list, title: X, unit: days}\n",
         "3:10 JO031 only a number lane has a unit, not a list lane | remove `unit:`, or make the lane `type: number`"),
        ("  owner: {type: choice, title: X, choices: {Kaupunki: A}}\n",
         "3:45 JO031 'Kaupunki' is not a valid id | ids use lowercase letters a-z, digits and hyphens, start with a "
         "letter or digit and are at most 64 characters, e.g. 'kaupunki'"),
        ("  owner: {type: text}\n", "3:10 JO031 missing required field 'title' | None"),
        ("  owner: {type: text, title: X, colour: red}\n",
         "3:33 JO031 unknown field 'colour' | allowed fields here: choices, description, title, type, unit"),
        ("  - frontstage\n", "3:3 JO031 'lanes' should be a mapping, not a list | None"),
]


@pytest.mark.parametrize(("lanes", "expected"), UNUSABLE)
def test_a_lane_declaration_that_cannot_be_used(tmp_path: Path, lanes: str, expected: str) -> None:
    assert config_findings(tmp_path, lanes) == [expected]


def test_the_config_schema_refuses_every_unusable_lane_declaration(tmp_path: Path) -> None:
    """check-jsonschema with schemas/config.schema.json agrees with the loader: every
    declaration JO031 refuses fails the schema too, and the blueprint bank's passes."""
    from tests.tools import check_jsonschema

    schema = Path(__file__).resolve().parents[2] / "schemas/config.schema.json"
    files = []
    for number, (lanes, _expected) in enumerate(UNUSABLE):
        files.append(tmp_path / f"config-{number}.yaml")
        files[-1].write_text("name: x\nlanes:\n" + lanes, encoding="utf-8")
    code, output = check_jsonschema(schema, files)
    assert code == 1
    assert [file.name for file in files if f"{file}::" not in output] == []
    assert check_jsonschema(schema, [BLUEPRINT / "journeyops.yaml"]) == (0, "ok -- validation done\n")


def test_no_builtin_step_field_can_be_a_lane() -> None:
    assert set(STEP_FIELDS) == set(Journey.model_fields["steps"].annotation.__args__[0].model_fields)  # type: ignore[union-attr]


def test_the_load_cache_knows_the_lanes(tmp_path: Path) -> None:
    """A cached result read under one declaration of lanes is not reused under another."""
    root = copy_blueprint(tmp_path)
    assert validate(root).findings == []  # fills the caches
    config = root / "journeyops.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  backstage:\n    type: text", "  backstage:\n    type: number"), encoding="utf-8")
    assert [f"{f.line}:{f.column} {f.code}" for f in validate(root).findings] == ["13:16 JO021", "21:16 JO021"]
    loaded = load_bank(root)  # the load cache alone
    assert "backstage" not in loaded.bank.by_kind["Journey"]["parking-permit"].lanes_of(0)  # type: ignore[attr-defined]


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=8)
_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), _text,
    st.lists(_text, max_size=3), st.dictionaries(st.sampled_from(["fi", "en", "xx1"]), _text, max_size=2),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([*LANES, "frontstge"]), _values, max_size=4))
def test_any_step_values_load_or_give_findings_never_raise(values: dict[str, object]) -> None:
    """Whatever a step gives its lanes, the loader answers with a record or findings, and
    every value it keeps fits the lane it is kept for."""
    import json

    lines = "".join(f"    {key}: {json.dumps(value, ensure_ascii=False)}\n" for key, value in values.items())
    result = load(JOURNEY + lines)
    assert all(f.code in ("JO020", "JO021", "JO001") and f.line >= 1 and f.column >= 1 for f in result.findings)
    for record in result.records:
        kept = record.lanes_of(0)  # type: ignore[attr-defined]
        assert set(kept) <= set(LANES)
        for lane, value in kept.items():
            if LANES[lane]["type"] == "number":
                assert type(value) in (int, float)
            elif LANES[lane]["type"] == "choice":
                assert value in LANES["channel_owner"]["choices"]  # type: ignore[operator]
            elif LANES[lane]["type"] == "text":
                assert isinstance(value, str | dict)
            else:
                assert isinstance(value, list)


def test_the_banks_schemas_know_its_lanes_and_check_jsonschema_agrees(tmp_path: Path) -> None:
    from tests.core.helpers import run_cli
    from tests.tools import check_jsonschema

    root = copy_blueprint(tmp_path)
    out = tmp_path / "schemas"
    result = run_cli("schema", "--bank", str(root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{out}: 10 schema file(s) written\n"
    journey = (root / "journeys/parking-permit.yaml")
    code, output = check_jsonschema(out / "journey.schema.json", [journey])
    assert code == 0, output
    code, output = check_jsonschema(out / "record.schema.json", [journey])
    assert code == 0, output
    # The tool's own schemas know no lanes: the same file has unknown fields there.
    code, output = check_jsonschema(Path(__file__).resolve().parents[2] / "schemas/journey.schema.json", [journey])
    assert code == 1, output
    # A value that does not fit its lane fails both validate and the bank's schema.
    bad = root / "journeys/bad.yaml"
    bad.write_text(
        "kind: Journey\nid: bad\ntitle: B\nlevel: detailed\ntheme: traffic\nsteps:\n"
        "  - {id: s, title: S, channel_owner: town, waiting_days: '3,5'}\n",
        encoding="utf-8",
    )
    code, output = check_jsonschema(out / "journey.schema.json", [bad])
    assert code == 1 and "town" in output and "3,5" in output, output
    assert [f"{f.line}:{f.column} {f.code}" for f in validate(root).findings] == ["7:38 JO021", "7:58 JO021"]
    # The lanes are titled in the bank's first language.
    step = json.loads((out / "journey.schema.json").read_text(encoding="utf-8"))["$defs"]["Step"]["properties"]
    assert step["channel_owner"]["title"] == "Kanavan omistaja"
    assert step["channel_owner"]["anyOf"][0] == {"enum": ["city", "partner"], "type": "string"}
    assert run_cli("schema", "--bank", str(root), "--out", str(out), "--check").returncode == 0
    assert run_cli("schema", "--out", str(out), "--check").stderr == f"run `journeyops schema --out {out}` to update\n"


@pytest.mark.parametrize("lane_id", ["model_config", "model_dump", "json", "copy"])
def test_a_lane_id_that_is_one_of_pydantics_own_names_works_like_any_other(lane_id: str) -> None:
    """The values are checked by a model whose fields are aliased by lane id: an id such as
    `model_config` once raised PydanticUserError from the loader (a traceback)."""
    config = BankConfig.model_validate({"name": "x", "lanes": {lane_id: {"type": "text", "title": "X"}}})
    result = load(JOURNEY + f"    {lane_id}: hello\n  - id: t\n    title: T\n    {lane_id}: 5\n", config)
    assert [(f.code, f.line, f.column, f.message) for f in result.findings] == [
        ("JO021", 11, len(lane_id) + 7,
         f"'{lane_id}' should be text, or a mapping from language code to text, not the number 5")
    ]
    journey = result.records[0]
    assert journey.lanes_of(0) == {lane_id: "hello"} and journey.lanes_of(1) == {}  # type: ignore[attr-defined]
    from journeyops_cli.schemas import generate

    step = json.loads(generate(config.lanes)["journey.schema.json"])["$defs"]["Step"]["properties"]
    assert step[lane_id]["title"] == "X"


def test_validate_says_what_to_do_in_the_banks_language(tmp_path: Path) -> None:
    """JO021's title and what to do come in the bank's first language (Finnish here),
    beneath the finding."""
    from tests.runner import run_cli

    root = copy_blueprint(tmp_path)
    path = root / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("waiting_days: 2.5", "waiting_days: kaksi"),
                    encoding="utf-8")
    done = run_cli("validate", "--no-cache", cwd=root, env={"JOURNEYOPS_LANG": ""})
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[1:3] == [
        "journeys/parking-permit.yaml:24:19: JO021 [error] 'waiting_days' should be a number, not 'kaksi'",
        "    Vaihe antaa pankin omalle kaistalle arvon, joka ei sovi kaistan tyyppiin. Kirjoita arvo kaistan "
        "tyypin mukaan: teksti, tekstien lista, luku (desimaalierottimena piste, ei pilkku) tai jokin kaistan "
        "`choices`-vaihtoehdoista. Kaistat on määritelty tiedostossa `journeyops.yaml`.",
    ]


PERSONAL = "Käsittelijä matti.meikalainen@example.com, puh. 040 123 4567, hetu 131052-308T"


def test_personal_data_in_a_lane_value_is_found_and_never_published(tmp_path: Path) -> None:
    """The privacy rules scan the values of the bank's text and list lanes too (the journey
    keeps them, not its steps): they passed unseen onto the site."""
    from journeyops_cli.lint.withheld import withheld
    from journeyops_cli.pipeline import Selection
    from journeyops_cli.render.journey_page import render_journey
    from journeyops_cli.site.build import build_site

    root = copy_blueprint(tmp_path)
    path = root / "journeys/parking-permit.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "backstage: {fi: Käsittelijä tarkistaa ajoneuvon tiedot, en: A handler checks the vehicle details}",
        f'backstage: {{fi: "{PERSONAL}", en: A handler checks the vehicle details}}',
    ).replace("      - {fi: Ajoneuvorekisterin tarkistus, en: Vehicle register check}",
              "      - Soita 040 765 4321"), encoding="utf-8")
    found = [f"{f.line}:{f.column} {f.code} {f.message}" for f in validate(root).findings]
    assert found == [
        "21:34 JO501 e-mail address (***@***) in `steps.1.backstage.fi`: "
        "personal data must be removed before text enters the bank",
        "21:70 JO502 phone number (+*** *** ****) in `steps.1.backstage.fi`: "
        "personal data must be removed before text enters the bank",
        "21:89 JO503 personal identity code (******-****) in `steps.1.backstage.fi`: "
        "personal data must be removed before text enters the bank",
        "23:15 JO502 phone number (+*** *** ****) in `steps.1.support_processes.0`: "
        "personal data must be removed before text enters the bank",
    ]
    loaded = load_bank(root, cache=False)
    published, changed = withheld(loaded.bank, loaded.files, Selection()).bank(loaded.bank)
    assert changed == 1
    page = render_journey(published, "parking-permit", "md", "fi")
    assert "example.com" not in page and "123 4567" not in page and "765 4321" not in page
    assert "Käsittelijä •••@•••, puh. +••• ••• ••••, hetu ••••••-••••" in page
    own = loaded.bank.by_kind["Journey"]["parking-permit"]
    assert own.lanes_of(1)["support_processes"] == ["Soita 040 765 4321"]  # type: ignore[attr-defined]
    (root / "journeyops.yaml").write_text(
        (root / "journeyops.yaml").read_text(encoding="utf-8") + "site:\n  privacy: redact\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(root, out, workers=1)
    for page_path in out.rglob("*.*"):
        if page_path.suffix in (".html", ".js"):
            text = page_path.read_text(encoding="utf-8")
            assert "example.com" not in text and "765 4321" not in text, page_path
