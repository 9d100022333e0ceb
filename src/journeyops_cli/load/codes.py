"""The codes the loader reports (file, YAML, schema and config problems), as data.

The loader names its findings from this table, and `rules/source.py` documents each code
as a rule (so `--select`, `--ignore`, severities and `journeyops rules` treat them like
any other). Keeping the table here lets the loader name a finding without importing the
rule registry, which imports the rules, which read the Bank, which the loader builds.
"""

from __future__ import annotations

from dataclasses import dataclass

from journeyops_cli.findings import Severity


@dataclass(frozen=True, slots=True)
class LoaderCode:
    """A loader code's readable name, its groups and its default severity."""

    name: str
    groups: tuple[str, ...]
    severity: Severity = Severity.ERROR


CODES: dict[str, LoaderCode] = {
    "JO001": LoaderCode("yaml.syntax", ("yaml",)),
    "JO002": LoaderCode("file.encoding", ("file",)),
    "JO003": LoaderCode("yaml.duplicate-key", ("yaml",)),
    "JO004": LoaderCode("file.bom", ("file",), Severity.WARNING),
    "JO005": LoaderCode("yaml.alias", ("yaml", "safety")),
    "JO006": LoaderCode("yaml.too-deep", ("yaml", "safety")),
    "JO007": LoaderCode("yaml.tag", ("yaml", "safety")),
    "JO008": LoaderCode("file.link", ("file",), Severity.WARNING),
    "JO009": LoaderCode("file.too-large", ("file", "safety")),
    "JO010": LoaderCode("file.empty", ("file",), Severity.WARNING),
    "JO011": LoaderCode("record.not-mapping", ("schema",)),
    "JO012": LoaderCode("record.unknown-kind", ("schema",)),
    "JO013": LoaderCode("yaml.readers-disagree", ("yaml",), Severity.WARNING),
    "JO020": LoaderCode("schema.invalid", ("schema",)),
    "JO021": LoaderCode("schema.lane-value", ("schema", "lanes")),
    "JO030": LoaderCode("config.invalid", ("config",)),
    "JO031": LoaderCode("config.lane", ("config", "lanes")),
}
