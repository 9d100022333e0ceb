"""Every rule's documented examples are test cases.

A rule's docstring (shown by `journeyops rules CODE` and in docs/rules.md) shows a failing
example and the fix as indented YAML blocks after a paragraph that starts with "Failing"
(or "Example") and one that starts with "Fixed" (or "Meeting it") and ends with ":".
Each example is put into the bank in `doc_bank/`, which holds every record the examples
name and is clean under every rule:

- a whole record (it has `kind`, or is a list) replaces the bank's record of that kind and
  id, or is added in a file of its own; the fields it leaves out come from `TEMPLATES`;
- a fragment (keys without `kind`) replaces those keys of the record `SUBJECT` names for
  the rule (by default the detailed journey `daycare-application`); in the fix, of the
  record the failing example is about;
- a whole record in the fix replaces the failing example's record, unless the failing
  example is a fragment (then the fix adds a record);
- a comment line `# PATH.yaml` starts what goes into the file PATH;
- lines up to a `---` go before the file (a `%YAML` directive); records separated by
  `---` go into one file.

The failing example must give the rule's code and the fix, applied on top of it, must not.
Examples that are prose (a file in Latin-1, a 40 MB file) are cases in `cases/*.yaml`
instead, and `test_every_code_has_a_case` holds every registered code to one or the other.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.rules.test_cases import CASES, findings_of, load_cases

from journeyops_cli.rules.registry import all_rules

DOC_BANK = Path(__file__).parent / "doc_bank"

# The record a fragment example belongs to, when it is not the detailed journey.
INSIGHT = "insights/long-queues.yaml"
SUBJECT = {"JO030": "journeyops.yaml", "JO031": "journeyops.yaml", "JO102": INSIGHT, "JO308": INSIGHT, "JO502": INSIGHT,
           "JO503": INSIGHT, "JO901": INSIGHT}
DEFAULT_SUBJECT = "journeys/daycare-application.yaml"
# Rules selected besides the rule itself: JO901 judges the suppressions of rules that ran.
ALSO = {"JO901": ["JO301"]}

# What a whole-record example leaves out (the fields its kind requires).
TEMPLATES = {
    "Journey": "title: Example journey\nlevel: detailed\nsteps:\n  - id: example-step\n    title: Example step\n",
    "Insight": (
        "title: Example insight\ntype: feedback\nsource: Feedback\ndate: 2025-02-01\n"
        "summary: What customers said.\n"
    ),
    "Metric": "title: Example metric\nunit: days\n",
    "Opportunity": "title: Example opportunity\nproblem: What hurts.\n",
}
FOLDERS = {"Journey": "journeys", "Insight": "insights", "Metric": "metrics", "Opportunity": "opportunities"}

FILE_HEADER = re.compile(r"# (\S+\.yaml)$")
TOP_KEY = re.compile(r"([A-Za-z_][\w.-]*):(?:\s|$)")
KIND = re.compile(r"^(?:- )?kind: (\w+)", re.M)
ID = re.compile(r"^(?:- |  )?id: ([\w-]+)", re.M)


@dataclass
class Example:
    code: str
    failing: str
    fixed: str | None


def _blocks(doc: str) -> list[tuple[str, str]]:
    """(the paragraph before it, the dedented block) for each indented block of `doc`."""
    found: list[tuple[str, str]] = []
    paragraphs = re.split(r"\n\s*\n", doc)
    previous = ""
    for paragraph in paragraphs:
        lines = paragraph.split("\n")
        if all(line.startswith("    ") or not line.strip() for line in lines):
            found.append((previous, "\n".join(line[4:] for line in lines) + "\n"))
        else:
            previous = paragraph
    return found


def examples() -> list[Example]:
    out = []
    for code, rule in all_rules().items():
        failing = fixed = None
        for intro, block in _blocks(rule.documentation()):
            head = intro.strip()
            if not head.endswith(":"):
                continue
            if head.startswith(("Failing", "Example")) and failing is None:
                failing = block
            elif head.startswith(("Fixed", "Meeting it")) and failing is not None:
                fixed = block
        if failing is not None:
            out.append(Example(code, failing, fixed))
    return out


def _parts(example: str) -> list[tuple[str | None, str]]:
    """The example split at `# PATH.yaml` lines: (path or None, text)."""
    parts: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in example.splitlines(keepends=True):
        header = FILE_HEADER.match(line.rstrip("\n"))
        if header:
            parts.append((header.group(1), []))
        else:
            parts[-1][1].append(line)
    return [(path, "".join(lines)) for path, lines in parts if "".join(lines).strip()]


def _blocks_of(text: str) -> list[tuple[str | None, str]]:
    """The text as top-level blocks: (key or None, lines of the block)."""
    blocks: list[tuple[str | None, str]] = []
    for line in text.splitlines(keepends=True):
        key = TOP_KEY.match(line)
        if key or not blocks or (not line.startswith((" ", "-", "\t")) and line.strip()):
            blocks.append((key.group(1) if key else None, line))
        else:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + line)
    return blocks


def _documents(part: str) -> tuple[str, list[str]]:
    """The directives before a first `---` (a `%YAML` line), and the documents."""
    pieces = re.split(r"^---\s*\n", part, flags=re.M)
    prefix = ""
    if len(pieces) > 1 and all(line.startswith(("%", "#")) or not line.strip()
                               for line in pieces[0].splitlines()):
        prefix = pieces.pop(0) + "---\n"
    return prefix, pieces


def merge(base: str, part: str) -> str:
    """`part`'s top-level keys written over those of `base` (as text, so that duplicate
    keys, tags and syntax errors in the example survive); each document of a file of
    several gets its own copy of `base`."""
    prefix, documents = _documents(part)
    if len(documents) > 1:
        return prefix + "---\n".join(merge(base, document) for document in documents)
    part = documents[0]
    if part.startswith("- "):
        return prefix + part
    keys = {key for key, _ in _blocks_of(part) if key}
    kept = "".join(text for key, text in _blocks_of(base) if key not in keys and key is not None)
    return prefix + kept + part


def _record_file(files: dict[str, str], kind: str, record_id: str | None) -> str | None:
    for path, text in files.items():
        kinds, ids = KIND.findall(text), ID.findall(text)
        if kinds[:1] == [kind] and ids[:1] == [record_id]:
            return path
    return None


def _is_fragment(part: str) -> bool:
    return KIND.search(part) is None and not part.startswith("- ")


def put(files: dict[str, str], code: str, example: str, over: tuple[str, bool] | None = None) -> tuple[str, bool]:
    """Put `example` into the bank `files` (path -> text); see the module docstring.
    `over`: where the failing example went and whether it was a fragment, for its fix.
    Returns the same for this example's first part."""
    first: tuple[str, bool] | None = None
    for path, part in _parts(example):
        if _is_fragment(part):
            target = path or (over[0] if over else SUBJECT.get(code, DEFAULT_SUBJECT))
            files[target] = merge(files.get(target, ""), part)
        else:
            kind = KIND.search(part)
            kind_name = kind.group(1) if kind else ""
            record_id = (ID.findall(part) or [None])[0]
            target = path or (over[0] if over and not over[1] else None) or _record_file(
                files, kind_name, record_id
            ) or f"{FOLDERS.get(kind_name, 'records')}/{record_id or 'example'}.yaml"
            files[target] = merge(TEMPLATES.get(kind_name, ""), part)
        first = first or (target, _is_fragment(part))
    assert first is not None, f"{code}: an empty example"
    return first


def doc_bank_files() -> dict[str, str]:
    return {
        path.relative_to(DOC_BANK).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(DOC_BANK.rglob("*.yaml"))
    }


def codes_in(tmp_path: Path, files: dict[str, str], select: list[str] | None) -> list[str]:
    root = tmp_path / "bank"
    if root.exists():
        shutil.rmtree(root)
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return [f"{f.path}:{f.line}:{f.column} {f.code} {f.message}" for f in findings_of(root, select)]


def test_the_doc_bank_is_clean_under_every_rule(tmp_path: Path) -> None:
    assert codes_in(tmp_path, doc_bank_files(), None) == []


@pytest.mark.parametrize("example", examples(), ids=lambda e: e.code)
def test_documented_example(tmp_path: Path, example: Example) -> None:
    files = doc_bank_files()
    select = [example.code, *ALSO.get(example.code, [])]
    where = put(files, example.code, example.failing)
    failing = codes_in(tmp_path, files, select)
    assert any(f" {example.code} " in line for line in failing), (
        f"{example.code}'s failing example gives no {example.code}:\n" + "\n".join(failing)
    )
    if example.fixed is not None:
        put(files, example.code, example.fixed, over=where)
        fixed = codes_in(tmp_path, files, select)
        assert not any(f" {example.code} " in line for line in fixed), (
            f"{example.code}'s fixed example still gives it:\n" + "\n".join(fixed)
        )


def test_every_code_has_a_case() -> None:
    documented = {example.code for example in examples()}
    in_cases = {  # the codes some case expects to be found
        expected.split()[-1] for case in load_cases() for expected in case.values[0]["expect"]
    }
    missing = sorted(set(all_rules()) - documented - in_cases)
    assert missing == [], f"codes with neither a documented example nor a case in {CASES}: {missing}"
    assert len(documented) >= 30
