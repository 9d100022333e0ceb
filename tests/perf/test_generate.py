"""The benchmark generator writes the same records in every style, and its varied style
really varies from file to file."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from benchmarks.generate import generate


def test_same_records_whatever_the_style(tmp_path: Path) -> None:
    generate(30, tmp_path / "varied", seed=5, style="varied")
    generate(30, tmp_path / "classic", seed=5, style="classic")
    files = sorted(p.relative_to(tmp_path / "classic") for p in (tmp_path / "classic").rglob("*.yaml"))
    assert files == sorted(p.relative_to(tmp_path / "varied") for p in (tmp_path / "varied").rglob("*.yaml"))
    differ = 0
    for rel in files:
        varied = (tmp_path / "varied" / rel).read_text("utf-8")
        classic = (tmp_path / "classic" / rel).read_text("utf-8")
        def records(text: str) -> list[object]:
            return list(yaml.load_all(text, Loader=yaml.CSafeLoader))

        assert records(varied) == records(classic), rel
        differ += varied != classic
    assert differ > len(files) * 0.9


def test_the_varied_style_has_every_feature_in_some_files_and_not_in_all(tmp_path: Path) -> None:
    generate(30, tmp_path, seed=5, style="varied")
    texts = [p.read_text("utf-8") for p in sorted(tmp_path.rglob("*.yaml")) if p.name != "journeyops.yaml"]
    features = {
        "folded": re.compile(r": >-\n"),
        "literal": re.compile(r": \|-\n"),
        "single-quoted": re.compile(r": '"),
        "double-quoted": re.compile(r': "'),
        "quoted URL": re.compile(r"evidence: [\"']https://"),
        "plain URL": re.compile(r"evidence: https://"),
        "flow list": re.compile(r"(?m)^ *\w+: \[[^\]]"),
        "block list, indented": re.compile(r"(?m)^(\w+):\n {2,}- "),
        "block list, not indented": re.compile(r"(?m)^(\w+):\n- "),
        "4-space indent": re.compile(r"(?m)^\w+:\n {4}\w+: "),
        "trailing comment": re.compile(r"(?m)\S  # "),
        "own-line comment inside": re.compile(r"(?m)^ +# "),
        "explicit document start": re.compile(r"(?m)\A(#.*\n)*---\n"),
        "several documents": re.compile(r"(?m)^---\n(?!\Z)[\s\S]*^---\n"),
    }
    for name, pattern in features.items():
        having = sum(1 for text in texts if pattern.search(text))
        assert 0 < having < len(texts), (name, having, len(texts))
