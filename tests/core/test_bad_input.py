"""Every kind of bad input gets a finding with its place; the other files still load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from tests.core.helpers import make_bank, run_cli

from journeyops_cli.findings import Severity
from journeyops_cli.pipeline import load_bank

GOOD = "kind: Team\nid: good-team\ntitle: Good\n"


def findings_of(root: Path) -> list[tuple[str, str, int, int, str]]:
    loaded = load_bank(root)
    # The good file always loads whatever its neighbours hold.
    assert "good-team" in loaded.bank.by_kind["Team"]
    return [(f.path, f.code, f.line, f.column, f.message) for f in loaded.findings]


CASES = {
    "malformed": (
        "kind: Team\nid: t\ntitle: [unclosed\n",
        [("bad.yaml", "JO001", 4, 1,
          "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence)")],
    ),
    "empty": ("", [("bad.yaml", "JO010", 1, 1, "file holds no records")]),
    "only comments": ("# nothing yet\n", [("bad.yaml", "JO010", 1, 1, "file holds no records")]),
    "list document": (
        "- kind: Team\n  id: t\n",
        [("bad.yaml", "JO011", 1, 1, "a record must be a mapping with `kind` and `id`, not a list")],
    ),
    "scalar document": (
        "just text\n",
        [("bad.yaml", "JO011", 1, 1,
          "a record must be a mapping with `kind` and `id`, not a single value ('just text')")],
    ),
    "duplicate keys": (
        "kind: Team\nid: t\ntitle: A\ntitle: B\n",
        [("bad.yaml", "JO003", 4, 1, "duplicate key 'title' (first defined at line 3)")],
    ),
    "unknown kind": (
        "kind: Jorney\nid: t\n",
        [("bad.yaml", "JO012", 1, 7, "unknown kind 'Jorney'")],
    ),
    "missing kind": ("id: t\ntitle: x\n", [("bad.yaml", "JO012", 1, 1, "record has no `kind`")]),
    "alias bomb": (
        'kind: Team\nid: t\ntitle: T\na: &a ["x","x"]\nb: &b [*a,*a,*a,*a]\nc: [*b,*b,*b,*b]\n',
        [("bad.yaml", "JO005", 5, 8, "YAML aliases (*name) are not allowed in a journey bank")],
    ),
    "deep nesting": (
        "kind: Team\nid: t\ntitle: " + "[" * 50_000 + "]" * 50_000 + "\n",
        [("bad.yaml", "JO006", 3, 71, "nesting is deeper than 64 levels")],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(tmp_path: Path, case: str) -> None:
    text, expected = CASES[case]
    root = make_bank(tmp_path, {"good.yaml": GOOD, "bad.yaml": text})
    assert findings_of(root) == expected


def test_yaml_1_1_booleans_stay_strings(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {
        "good.yaml": GOOD,
        "groups.yaml": "kind: CustomerGroup\nid: norway\ntitle: NO\ndescription: no\n",
    })
    loaded = load_bank(root)
    assert loaded.findings == []
    group = loaded.bank.by_kind["CustomerGroup"]["norway"]
    assert (group.title, group.description) == ("NO", "no")


def test_not_utf8(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"good.yaml": GOOD, "bad.yaml": b"kind: Team\nid: t\ntitle: P\xe4iv\xe4\n"})
    assert findings_of(root) == [("bad.yaml", "JO002", 3, 9, "file is not valid UTF-8 (byte 0xe4)")]


def test_utf16(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"good.yaml": GOOD, "bad.yaml": GOOD.encode("utf-16")})
    assert findings_of(root) == [("bad.yaml", "JO002", 1, 1, "file is UTF-16, not UTF-8")]


def test_bom_is_a_warning_and_the_record_loads(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"good.yaml": GOOD, "bom.yaml": b"\xef\xbb\xbfkind: Team\nid: b\ntitle: B\n"})
    assert findings_of(root) == [("bom.yaml", "JO004", 1, 1, "file starts with a byte order mark (BOM)")]
    assert "b" in load_bank(root).bank.by_kind["Team"]


def test_very_large_file_is_not_read(tmp_path: Path) -> None:
    config = "name: T\nlimits: {max_file_bytes: 1000}\n"
    big = GOOD + "description: " + "x" * 5000 + "\n"
    root = make_bank(tmp_path, {"good.yaml": GOOD, "big.yaml": big}, config=config)
    assert findings_of(root) == [
        ("big.yaml", "JO009", 1, 1, "file is 5,051 bytes, more than the limit of 1,000")
    ]


def test_symlink_loop_and_folder_links(tmp_path: Path) -> None:
    root = make_bank(tmp_path / "bank", {"good.yaml": GOOD})
    os.symlink("loop.yaml", root / "loop.yaml")
    os.symlink(root, root / "again")  # a folder link back to the bank
    outside = tmp_path / "outside.yaml"
    outside.write_text(GOOD.replace("good-team", "outside"))
    os.symlink(outside, root / "outside.yaml")
    assert findings_of(root) == [
        ("again", "JO008", 1, 1, "folder links are not followed; skipped"),
        ("loop.yaml", "JO008", 1, 1, "symbolic link is broken or loops; skipped"),
        ("outside.yaml", "JO008", 1, 1, "symbolic link leads outside the bank; skipped"),
    ]


def test_hidden_folders_site_output_and_excludes_are_skipped(tmp_path: Path) -> None:
    config = "name: T\nexclude: ['drafts', 'old/*.yaml']\n"
    root = make_bank(tmp_path, {
        "good.yaml": GOOD,
        ".github/workflows/ci.yaml": "on: push\n",
        "site/data.yaml": "not: a record\n",
        "drafts/a.yaml": "broken: [\n",
        "old/b.yaml": "broken: [\n",
        "node_modules/x.yaml": "broken: [\n",
    }, config=config)
    assert findings_of(root) == []


def test_every_bad_input_through_the_cli_has_no_traceback(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"{i}.yaml": text for i, (text, _) in enumerate(CASES.values())}
    files["latin1.yaml"] = b"kind: Team\nid: l\ntitle: P\xe4iv\xe4\n"
    root = make_bank(tmp_path, files)
    result = run_cli("validate", cwd=root)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stdout.rstrip().endswith(
        "✗ 9 errors, 2 warnings in 11 files (11 files, 0 records checked)"
    )


def test_readers_disagree_on_yaml_1_1_directive(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {
        "good.yaml": GOOD,
        "old.yaml": "%YAML 1.1\n---\nkind: CustomerGroup\nid: norway\ntitle: NO\n",
    })
    assert findings_of(root) == [
        ("old.yaml", "JO013", 1, 1,
         "'%YAML 1.1' directive: journeyops reads every file as YAML 1.2 (where no, on and NO "
         "are text), so editors and tools would disagree"),
    ]
    # The record still loads with its YAML 1.2 meaning.
    assert load_bank(root).bank.by_kind["CustomerGroup"]["norway"].title == "NO"


def test_readers_disagree_on_a_tab_after_a_colon(tmp_path: Path) -> None:
    root = make_bank(tmp_path, {"good.yaml": GOOD, "tab.yaml": "kind: Team\nid: t\ntitle:\tTabbed\n"})
    assert findings_of(root) == [
        ("tab.yaml", "JO013", 3, 7,
         "a tab here is read by `validate` but not by the commands that edit files (`link`, `fmt`)"),
    ]


def test_what_a_file_that_cannot_be_parsed_names_is_known() -> None:
    from journeyops_cli.load.files import named

    text = (
        "kind: Journey\nid: daycare\nsteps:\n  - id: apply # first\n  - {id: 'send', title: x}\n"
        "  - id: Not_A_Slug\nparent_id: nope\n---\n{kind: Team, id: t}\n"
    )
    unread = named(text)
    assert (unread.kinds, unread.ids) == (frozenset({"Journey", "Team"}), frozenset({"daycare", "apply", "send", "t"}))
    assert unread.may_hold("Journey", "daycare") and not unread.may_hold("Metric")


def test_a_file_that_is_not_utf8_still_says_what_it_may_hold(tmp_path: Path) -> None:
    from journeyops_cli.load.parallel import load_one
    from journeyops_cli.models.config import LimitsConfig

    root = make_bank(tmp_path, {"latin1.yaml": b"kind: Team\nid: t\ntitle: P\xe4iv\xe4\n"})
    loaded = load_one(root, "latin1.yaml", LimitsConfig())
    assert loaded is not None
    unread = loaded.result.unread
    assert unread is not None and (unread.kinds, unread.ids) == (frozenset({"Team"}), frozenset({"t"}))


def test_the_loader_takes_severity_and_name_from_its_table_of_codes() -> None:
    from journeyops_cli.load.files import finding

    bom = finding("JO004", "a.yaml", 1, 1, "file starts with a byte order mark (BOM)")
    assert (bom.severity.label, bom.name) == ("warning", "file.bom")
    folder = finding("JO008", "again", 1, 1, "folder links are not followed; skipped", severity=Severity.INFO)
    assert (folder.severity.label, folder.name) == ("info", "file.link")


def _problems(root: Path) -> list[tuple[str, int, int, str, str | None]]:
    return [(f.path, f.line, f.column, f.message, f.hint) for f in load_bank(root).findings]


def test_a_decimal_comma_in_a_flow_mapping(tmp_path: Path) -> None:
    """`{date: …, value: 26,5}` reads as `value: 26` and a key `5`: say so, not "keys should be strings"."""
    metric = (
        "kind: Metric\nid: wait\ntitle: Odotus\nunit: days\ndirection: decrease\n"
        "observations:\n  - {date: 2026-09-30, value: 26,5}\n  - date: 2026-10-31\n    value: 24,5\n"
    )
    root = make_bank(tmp_path, {"good.yaml": GOOD, "m.yaml": metric})
    assert _problems(root) == [
        ("m.yaml", 7, 34,
         "'value' is followed by a comma and 5: in a {…} mapping a comma starts the next key, "
         "so a decimal comma splits the number",
         "write decimals with a point: value: 26.5 (not 26,5)"),
        ("m.yaml", 9, 12, "'value' should be a number, not '24,5'", "write decimals with a point: 24.5"),
    ]


def test_an_unquoted_comma_in_flow_mapping_text(tmp_path: Path) -> None:
    """`{fi: Lasten, nuorten ja perheiden palvelut, en: …}`: the words after the comma become a key."""
    team = "kind: Team\nid: kasko\ntitle: {fi: Lasten, nuorten ja perheiden palvelut, en: Children's services}\n"
    flow_team = "{kind: Team, id: kasvatus, title: Kasvatus, ja koulutus}\n"
    root = make_bank(tmp_path, {"good.yaml": GOOD, "t.yaml": team, "f.yaml": flow_team})
    assert _problems(root) == [
        ("f.yaml", 1, 45, "unknown field 'ja koulutus'",
         'a comma inside {…} ends the text; if it belongs to the text, quote it: title: "Kasvatus, ja koulutus"'),
        ("t.yaml", 3, 21, "'nuorten ja perheiden palvelut' is not a language code",
         'a comma inside {…} ends the text; if it belongs to the text, quote it: '
         'fi: "Lasten, nuorten ja perheiden palvelut"'),
    ]
