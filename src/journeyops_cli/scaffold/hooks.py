"""The pre-commit hooks journeyops offers, defined once: the project's own
`.pre-commit-hooks.yaml` (for `repo: <journeyops>` users) holds exactly these, and `init`
writes them into a bank's `.pre-commit-config.yaml` as `repo: local` hooks that install
journeyops from the bank's chosen source (`additional_dependencies`)."""

from __future__ import annotations

# `require_serial`: one `journeyops` run gets every changed file, so a failure is never
# printed beside another batch's "no problems" (pre-commit would otherwise split the files
# over one process per CPU). `pass_filenames`: only the changed files' findings are shown;
# references still resolve against the whole bank.
HOOKS: list[dict[str, str | bool]] = [
    {
        "id": "journeyops-validate",
        "name": "journeyops validate",
        "description": "Check the journey bank's records (schemas, references, consistency).",
        "entry": "journeyops validate",
        "language": "python",
        "files": r"\.(ya?ml)$",
        "pass_filenames": True,
        "require_serial": True,
    },
    {
        "id": "journeyops-fmt",
        "name": "journeyops fmt --check",
        "description": "Fail when a record is not in journeyops' canonical format (run `journeyops fmt`).",
        "entry": "journeyops fmt --check",
        "language": "python",
        "files": r"\.(ya?ml)$",
        "pass_filenames": True,
        "require_serial": True,
    },
]
