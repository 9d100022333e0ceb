"""The read path (libyaml) and the edit path (ruamel.yaml round-trip) must give a file one
meaning. They differ only on a few inputs, which a cheap text test finds: tabs (libyaml
accepts a tab after `:`, ruamel does not) and `%YAML` directives (a `%YAML 1.1` directive
makes ruamel read `NO` as false while journeyops reads every file as YAML 1.2). Only files
with those features pay for the round-trip parse."""

from __future__ import annotations

import re

from journeyops_cli.load.yaml_read import Problem

_DIRECTIVE = re.compile(r"^%YAML[ \t]+([0-9.]+)", re.MULTILINE)


def needs_check(text: str) -> bool:
    return "\t" in text or "%YAML" in text


def disagreements(text: str) -> list[Problem]:
    """Problems where the editing parser would read `text` differently or not at all."""
    problems: list[Problem] = []
    for match in _DIRECTIVE.finditer(text):
        if match.group(1) != "1.2":
            line = text.count("\n", 0, match.start()) + 1
            problems.append(
                Problem(
                    "JO013",
                    line,
                    1,
                    f"'%YAML {match.group(1)}' directive: journeyops reads every file as YAML 1.2 "
                    "(where no, on and NO are text), so editors and tools would disagree",
                    "remove the directive line",
                )
            )
    if "\t" in text:
        from ruamel.yaml import YAML
        from ruamel.yaml.error import MarkedYAMLError

        reader = YAML(typ="rt")
        try:
            for _ in reader.load_all(text):
                pass
        except MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            problems.append(
                Problem(
                    "JO013",
                    line,
                    column,
                    "a tab here is read by `validate` but not by the commands that edit files "
                    "(`link`, `fmt`)",
                    "replace the tab with spaces",
                )
            )
        except Exception:  # noqa: BLE001 - any other failure of the edit parser
            problems.append(
                Problem("JO013", 1, 1, "the commands that edit files cannot read this file",
                        "replace tabs with spaces")
            )
    return problems
