"""Random edits of a real bank, for the tests that hold an incremental path to the whole
run (tests/core/test_bank_replace.py, tests/rules/test_incremental.py): each edit
rewrites, breaks, adds or removes a few files, choosing ids and references that exist,
ones that do not and ones already taken, so duplicates, dangling references, cycles,
records that do not load and inline suppressions all come and go. Each file an edit
writes is written in a style of its own, the ways people write YAML (the benchmark
generator's styles: folded and literal text, flow and block lists, comments, quoting,
indentation, `---`), so that no incremental path is held to the whole run on one layout
only."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import yaml
from benchmarks.generate import Emitter, style_for

from journeyops_cli.load.files import FileResult, digest_of, discover, load_bytes
from journeyops_cli.load.parallel import load_files
from journeyops_cli.load.yaml_read import parse
from journeyops_cli.models.config import BankConfig


def load_results(root: Path, config: BankConfig) -> dict[str, FileResult]:
    """Every file's load result, in the bank's file order, without the caches."""
    found = discover(root, config.exclude, config.site.out)
    results = load_files(root, found.files, config.limits, None, workers=1)
    return {result.path: result for result in results}


def write_edits(root: Path, texts: dict[str, bytes | None]) -> None:
    """Write an edit's files into the bank at `root` (None: remove the file)."""
    for rel, data in texts.items():
        if data is None:
            (root / rel).unlink(missing_ok=True)
        else:
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)


def load_new(rel: str, data: bytes | None, config: BankConfig) -> FileResult | None:
    """What the loader makes of a file's new bytes (None: the file is gone)."""
    if data is None:
        return None
    result = load_bytes(rel, data, [], config.limits)
    result.digest = digest_of(data)
    return result


class Editor:
    """Random edits of the bank at `root` whose files' results are `results`."""

    def __init__(self, rng: random.Random, root: Path, results: dict[str, FileResult]) -> None:
        self.rng = rng
        self.root = root
        self.results = results
        self.ids: dict[str, list[str]] = {}
        self.steps: list[str] = []
        self.styled = 0  # files written in a style of their own (`written`)
        for result in results.values():
            for record in result.records:
                self.ids.setdefault(record.kind, []).append(record.id)
                for step in getattr(record, "steps", []) if record.kind == "Journey" else []:
                    self.steps.append(f"{record.id}#{step.id}")

    def some_id(self, kind: str) -> str:
        choice = self.rng.random()
        known = self.ids.get(kind) or ["nothing"]
        if choice < 0.7:
            return self.rng.choice(known)
        if choice < 0.85:
            return self.rng.choice(known)[:-1] + "x"
        return f"new-{kind.lower()}-{self.rng.randrange(3)}"

    def some_step(self) -> str:
        choice = self.rng.random()
        if choice < 0.7 and self.steps:
            return self.rng.choice(self.steps)
        if choice < 0.85 and self.steps:
            journey, _, step = self.rng.choice(self.steps).partition("#")
            return f"{journey}#{step[:-1]}x"
        return f"{self.some_id('Journey')}#start"

    def edit(self, count: int = 3) -> dict[str, bytes | None]:
        """New bytes for up to `count` files (None: remove it)."""
        out: dict[str, bytes | None] = {}
        paths = sorted(self.results)
        for _ in range(self.rng.randint(1, count)):
            what = self.rng.random()
            if what < 0.08:
                out[self.rng.choice(paths)] = None
                continue
            if what < 0.2:  # a new file, before or after the others in file order
                source = self.results[self.rng.choice(paths)]
                data = [self._data(source)] if source.records else [{"kind": "Insight", "id": "lonely"}]
                if self.rng.random() < 0.5:
                    data.append(self.mutate(dict(data[0])))
                folder = self.rng.choice(["aa", "zz", source.path.rsplit("/", 1)[0]])
                out[f"{folder}/new-{self.rng.randrange(4)}.yaml"] = self.dump(data)
                continue
            path = self.rng.choice(paths)
            result = self.results[path]
            if what < 0.28:
                out[path] = self.rng.choice([b"kind: Journey\nid: [broken\n", b"kind: Insight\nid: x-y\nbogus: 1\n",
                                             b"kind: Metric\nid: bad id\n"])
                continue
            if not result.records:
                continue
            documents = [self.mutate(self._data(result, index)) for index in range(len(result.records))]
            if self.rng.random() < 0.2:
                self.rng.shuffle(documents)
            text = self.dump(documents)
            if self.rng.random() < 0.1:
                text = b"# journeyops: ignore[JO102]\n" + text
            out[path] = text
        return out

    def dump(self, documents: list[dict[str, Any]]) -> bytes:
        """`documents` as one file, in a style of its own when one can write them."""
        text = written(documents, self.rng)
        self.styled += text is not None
        return _plain_dump(documents) if text is None else text

    def _data(self, result: FileResult, index: int = 0) -> dict[str, Any]:
        """The data of a record of the file, as read."""
        record = result.records[index]
        text = (self.root / result.path).read_text(encoding="utf-8")
        documents = parse(text).documents
        data = documents[record.source_document].data
        assert isinstance(data, dict)
        return data

    def mutate(self, data: dict[str, Any]) -> dict[str, Any]:
        """The record with one to three of its ids or references changed."""
        rng = self.rng
        kind = data.get("kind", "")
        for _ in range(rng.randint(1, 3)):
            roll = rng.random()
            if roll < 0.15:
                data["id"] = self.some_id(kind)
            elif kind == "Journey":
                steps = data.get("steps") or []
                if roll < 0.3:
                    data["parent"] = self.some_id("Journey")
                elif roll < 0.4:
                    data.pop("parent", None)
                elif roll < 0.5:
                    data["level"] = rng.choice(["top", "mid", "detailed"])
                elif roll < 0.55:
                    data["theme"] = self.some_id("Theme")
                elif roll < 0.6:
                    data["customer_groups"] = [self.some_id("CustomerGroup")]
                elif steps and roll < 0.7:
                    step = rng.choice(steps)
                    step["id"] = rng.choice([s["id"] for s in steps]) if rng.random() < 0.5 else step["id"] + "x"
                elif steps and roll < 0.8:
                    rng.choice(steps)["parent_step"] = self.some_step().partition("#")[2]
                elif steps and roll < 0.9:
                    rng.choice(steps)["metrics"] = [self.some_id("Metric")]
                elif steps:
                    steps.remove(rng.choice(steps))
            elif kind in ("Insight", "Metric", "Opportunity"):
                if roll < 0.6:
                    data["steps"] = [self.some_step() for _ in range(rng.randint(0, 2))]
                elif kind == "Opportunity" and roll < 0.8:
                    data["insights"] = [self.some_id("Insight")]
                elif kind == "Opportunity":
                    data["metrics"] = [self.some_id("Metric")]
                elif kind == "Insight" and roll < 0.8:
                    data["evidence"] = rng.choice(["javascript:alert(1)", "https://example.org/x"])

        return data


def written(documents: list[dict[str, Any]], rng: random.Random) -> bytes | None:
    """`documents` as one file in a style drawn from `rng`; None when that style cannot
    write them so that the loader reads them back as they are (e.g. a null, which the
    generator never writes)."""
    style = style_for(f"edit-{rng.random()}", 0, "varied")
    emitter = Emitter(style, random.Random(rng.random()))
    head = rng.choice(["", "# edited\n"]) + ("---\n" if style.document_start else "")
    text = head + "---\n".join(emitter.document(data) for data in documents)
    try:
        back = [document.data for document in parse(text).documents]
    except Exception:  # noqa: BLE001 - a style that cannot write these records
        return None
    return text.encode("utf-8") if back == documents else None


def _plain_dump(documents: list[dict[str, Any]]) -> bytes:
    return yaml.safe_dump_all(documents, allow_unicode=True, sort_keys=False).encode("utf-8")
