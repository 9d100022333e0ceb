"""What `validate` reports as personal data is never published, and what the bank allows
(config, per-path ignores, inline suppressions) is: the site and `render` take lint's own
JO501-JO503 findings (`lint/withheld.py`), not a scanner of their own."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from journeyops_cli.cli.app import app
from journeyops_cli.cli.site import findings_note
from journeyops_cli.site.build import build_site

EMAIL = "liisa.virtanen@example.org"
PHONE = "040 765 4321"
DESCRIPTION = f"Ota yhteyttä {EMAIL} tai {PHONE}."


def describe(bank: Path, comment: str = "") -> Path:
    """Give the journey `sahkoinen-hakemus` a description with an e-mail address and a
    phone number (with `comment` after it on its line)."""
    path = bank / "journeys" / "detailed.yaml"
    text = path.read_text("utf-8")
    line = f"description: \"{DESCRIPTION}\"{comment}\n"
    path.write_text(text.replace("status: draft\n", f"status: draft\n{line}", 1), "utf-8")
    return path


def validate(bank: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", str(bank)], env={"NO_COLOR": "1"})
    return result.exit_code, result.output


def published(out: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in sorted(out.rglob("*")) if p.is_file())


def test_reported_values_are_on_no_page_and_not_in_the_search_index(bank_copy: Path, tmp_path: Path) -> None:
    describe(bank_copy)
    code, output = validate(bank_copy)
    assert code == 1
    assert "journeys/detailed.yaml:8:28: JO501 [error] e-mail address (***@***) in `description`" in output
    assert "journeys/detailed.yaml:8:59: JO502 [error] phone number (+*** *** ****) in `description`" in output
    out = tmp_path / "out"
    build_site(bank_copy, out)
    everything = published(out)
    assert EMAIL not in everything and PHONE not in everything
    assert "Ota yhteyttä •••@••• tai +••• ••• ••••." in (out / "fi/journeys/sahkoinen-hakemus.html").read_text("utf-8")
    search = (out / "assets/search-fi.js").read_text("utf-8")
    assert "ota yhteytta •••@••• tai +••• ••• ••••." in search
    assert "liisa" not in search


@pytest.mark.parametrize("comment", ["  # journeyops: ignore[JO501, JO502]", "  # journeyops: ignore[privacy]"])
def test_an_inline_suppression_publishes_the_values(bank_copy: Path, tmp_path: Path, comment: str) -> None:
    describe(bank_copy, comment)
    code, output = validate(bank_copy)
    assert code == 1  # the insight nobody allowed
    assert "detailed.yaml" not in output
    out = tmp_path / "out"
    build_site(bank_copy, out)
    page = (out / "fi/journeys/sahkoinen-hakemus.html").read_text("utf-8")
    assert DESCRIPTION in page
    assert EMAIL in (out / "assets/search-fi.js").read_text("utf-8")
    # The insight nobody allowed stays masked.
    assert "matti.meikalainen@example.fi" not in published(out)


@pytest.mark.parametrize("lint", [
    "lint: {ignore: [JO501, JO502]}",
    "lint: {per_path_ignores: {'journeys/*': [privacy]}}",
    "lint: {options: {privacy.email: {allow: ['*@example.org']}, privacy.phone: {allow: ['040 765 *']}}}",
])
def test_the_bank_config_publishes_what_it_allows(bank_copy: Path, tmp_path: Path, lint: str) -> None:
    describe(bank_copy)
    config = bank_copy / "journeyops.yaml"
    config.write_text(config.read_text("utf-8") + lint + "\n", "utf-8")
    assert "detailed.yaml" not in validate(bank_copy)[1]
    out = tmp_path / "out"
    build_site(bank_copy, out)
    assert DESCRIPTION in (out / "fi/journeys/sahkoinen-hakemus.html").read_text("utf-8")


def test_masks_in_finding_messages_and_commit_subjects(bank_copy: Path, tmp_path: Path) -> None:
    from journeyops_cli.lint.withheld import withheld
    from journeyops_cli.pipeline import Selection, load_bank, load_config

    describe(bank_copy)
    loaded = load_bank(bank_copy, load_config(bank_copy))
    personal = withheld(loaded.bank, loaded.files, Selection())
    assert [(f.path, f.line, f.column, f.code) for f in personal.findings] == [
        ("insights/insights.yaml", 20, 43, "JO501"),
        ("insights/insights.yaml", 20, 76, "JO502"),
        ("journeys/detailed.yaml", 8, 28, "JO501"),
        ("journeys/detailed.yaml", 8, 59, "JO502"),
    ]
    assert personal.text(f"title '{EMAIL}' repeats") == "title '•••@•••' repeats"
    # A commit subject is not in the bank: every value the active rules find is masked.
    assert personal.anywhere("Palaute: soita 050 111 2233 (131052-308T)") == (
        "Palaute: soita +••• ••• •••• (••••••-••••)"
    )


def test_render_masks_what_validate_reports(bank_copy: Path) -> None:
    describe(bank_copy)
    runner = CliRunner()
    for fmt in ("md", "html"):
        result = runner.invoke(app, ["render", "sahkoinen-hakemus", "--bank", str(bank_copy), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert EMAIL not in result.output and PHONE not in result.output
        assert "•••@•••" in result.output


def test_render_publishes_what_a_suppression_allows(bank_copy: Path) -> None:
    describe(bank_copy, "  # journeyops: ignore[privacy]")
    result = CliRunner().invoke(app, ["render", "sahkoinen-hakemus", "--bank", str(bank_copy), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert DESCRIPTION in result.output


def test_a_wrong_lint_setting_is_a_usage_error(bank_copy: Path, tmp_path: Path) -> None:
    config = bank_copy / "journeyops.yaml"
    config.write_text(config.read_text("utf-8") + "lint: {ignore: [JO5011]}\n", "utf-8")
    for args in (["site", "build", str(bank_copy), "--out", str(tmp_path / "out")],
                 ["render", "sahkoinen-hakemus", "--bank", str(bank_copy)]):
        result = CliRunner().invoke(app, args)
        assert result.exit_code == 2, result.output
        assert (
            "journeyops: error: journeyops.yaml:7:17: lint.ignore: unknown rule, name or group 'JO5011'; "
            "did you mean 'JO501'?\n"
        ) in result.output
    assert not (tmp_path / "out").exists()


def test_the_findings_note_says_where_findings_are() -> None:
    assert findings_note(3, 3) == "3 finding(s) from validation are shown on the journey pages"
    assert findings_note(2, 0) == (
        "2 finding(s) from validation are in files without a journey page; run `journeyops validate` to see them"
    )
    assert findings_note(8, 4) == (
        "8 finding(s) from validation, 4 of them shown on the journey pages; "
        "run `journeyops validate` to see the other 4"
    )


def test_a_suppressed_insight_value_is_published(bank_copy: Path, tmp_path: Path) -> None:
    path = bank_copy / "insights" / "insights.yaml"
    text = path.read_text("utf-8")
    line = 'summary: "Asiakas kirjoitti: ota yhteyttä matti.meikalainen@example.fi tai 040 123 4567."'
    path.write_text(text.replace(line, line + "  # journeyops: ignore[JO501]"), "utf-8")
    out = tmp_path / "out"
    build_site(bank_copy, out)
    page = (out / "fi/insights/paatos-viipyy.html").read_text("utf-8")
    # The e-mail address is allowed on this line; the phone number is still reported.
    assert "ota yhteyttä matti.meikalainen@example.fi tai +••• ••• ••••." in page


def test_lint_memo_gives_the_values_a_whole_scan_finds(bank_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cache on, the values to withhold in files whose content the rule memo
    knows come from lint's own findings there (`lint/withheld.py`); only the other files
    are scanned. It withholds what a whole scan of the bank withholds, also after a file
    changed since the last lint."""
    from journeyops_cli.lint.withheld import withheld
    from journeyops_cli.pipeline import Selection, load_bank, load_config
    from journeyops_cli.rules.privacy.scan import PersonalDataRule

    monkeypatch.delenv("JOURNEYOPS_NO_CACHE", raising=False)
    path = describe(bank_copy)
    assert validate(bank_copy)[0] == 1  # lint keeps its per-record findings by file
    scanned: list[set[str]] = []
    real = PersonalDataRule.hits

    def noted(rule: PersonalDataRule, bank: object) -> object:
        scanned.append({record.source_path for record in bank.records()})  # type: ignore[attr-defined]
        return real(rule, bank)  # type: ignore[arg-type]

    monkeypatch.setattr(PersonalDataRule, "hits", noted)

    def both() -> tuple[tuple[object, object], tuple[object, object]]:
        loaded = load_bank(bank_copy, load_config(bank_copy))
        assert loaded.bank.digests
        from_memo = withheld(loaded.bank, loaded.files, Selection())
        loaded.bank.digests = {}  # no memo: every file is scanned
        whole = withheld(loaded.bank, loaded.files, Selection())
        return (from_memo.findings, from_memo.masks), (whole.findings, whole.masks)

    from_memo, whole = both()
    assert from_memo == whole and set(whole[1]) >= {EMAIL, PHONE}  # type: ignore[arg-type]
    assert all(not files for files in scanned[:3])  # every file was known: nothing scanned
    scanned.clear()
    path.write_text(path.read_text("utf-8").replace(EMAIL, "matti.meikalainen@example.org"), "utf-8")
    from_memo, whole = both()
    assert from_memo == whole
    assert "matti.meikalainen@example.org" in whole[1] and EMAIL not in whole[1]  # type: ignore[operator]
    assert all(files == {"journeys/detailed.yaml"} for files in scanned[:3])  # only the changed file
