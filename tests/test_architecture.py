"""The import layering of `src/journeyops_cli` (docs/architecture.md): no module imports,
directly or through others, a module that imports it back; only cli/ depends on cli/ and
on typer; the error type depends on nothing.

The graph is built from the source (the AST), not by importing it: every `import` and
`from … import …` counts, at module level and inside functions, because an import inside a
function is still a dependency — it only runs later. An import under `if TYPE_CHECKING:` is
not an edge (it never runs). `from package import name` is an edge to `package.name` when
that is a module, else to `package`. `importlib.import_module("…")` with a literal name is
an edge too; with any other argument it would hide an edge, so it fails the test. A cycle
is reported with every module on it, so the message says which import to move.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = "journeyops_cli"
SOURCE = Path(__file__).resolve().parents[1] / "src" / PACKAGE


def module_files(source: Path = SOURCE) -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    modules: dict[str, Path] = {}
    for path in sorted(source.rglob("*.py")):
        parts = list(path.relative_to(source.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


Statement = ast.Import | ast.ImportFrom | ast.Call


def _is_dynamic(node: ast.AST) -> bool:
    """`importlib.import_module(…)`, `import_module(…)` or `__import__(…)`."""
    if not isinstance(node, ast.Call):
        return False
    function = node.func
    name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
    return name in ("import_module", "__import__")


def _imports(node: ast.AST) -> Iterator[Statement]:
    """Every import statement (and dynamic import call) under `node`, skipping
    `if TYPE_CHECKING:` bodies (their `else:` branch runs, so it counts)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _imports_of(other)
            continue
        yield from _imports_of(child)


def _imports_of(node: ast.AST) -> Iterator[Statement]:
    if isinstance(node, ast.Import | ast.ImportFrom) or _is_dynamic(node):
        yield node  # type: ignore[misc]
    if not isinstance(node, ast.Import | ast.ImportFrom):
        yield from _imports(node)


def _absolute(module: str, is_package: bool, statement: ast.ImportFrom) -> str:
    """The module a (possibly relative) `from … import` names."""
    if not statement.level:
        return statement.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    for _ in range(statement.level - 1):
        base.pop()
    return ".".join(base + ([statement.module] if statement.module else []))


class HiddenImport(Exception):
    """A dynamic import whose module name is not a literal: the graph cannot see it."""


def import_graph(source: Path = SOURCE) -> dict[str, set[str]]:
    """module → the package's modules it imports (at run time)."""
    modules = module_files(source)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        for statement in _imports(tree):
            if isinstance(statement, ast.Call):
                argument = statement.args[0] if statement.args else None
                if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                    raise HiddenImport(
                        f"{path}:{statement.lineno}: import the module by name (a literal), "
                        "so the import graph sees it"
                    )
                targets = [argument.value]
            elif isinstance(statement, ast.Import):
                targets = [alias.name for alias in statement.names]
            else:
                origin = _absolute(name, is_package, statement)
                targets = [
                    f"{origin}.{alias.name}" if f"{origin}.{alias.name}" in modules else origin
                    for alias in statement.names
                ]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each as
    one cycle through all of them where the component is a ring, sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _path(graph: dict[str, set[str]], start: str, members: set[str]) -> list[str]:
    """One concrete cycle from `start` back to it inside a component (for the message)."""
    trail = [start]
    seen = {start}
    while True:
        options = sorted(graph[trail[-1]] & members)
        if start in options and len(trail) > 1:
            return [*trail, start]
        following = next((o for o in options if o not in seen), None)
        if following is None:
            return [*trail, options[0]] if options else trail
        trail.append(following)
        seen.add(following)


def describe(graph: dict[str, set[str]]) -> list[str]:
    return [" -> ".join(_path(graph, component[0], set(component))) for component in cycles(graph)]


def test_the_package_has_no_import_cycles() -> None:
    assert describe(import_graph()) == []


# The packages (and top-level modules) from the bottom up: a module imports only its own
# package and the layers below it. `rules` and `lint` share a layer: rules/engine runs
# lint/suppress, which resolves rule names. A new package goes here and in
# docs/architecture.md.
LAYERS: list[set[str]] = [
    {"__init__", "errors", "findings", "jsontext", "resources", "suggest"},
    {"models"},
    {"slug", "revisions"},
    {"speed"},
    {"load"},
    {"bank", "place"},
    {"render"},
    {"score"},
    {"rules", "lint"},
    {"pipeline"},
    {"browse"},
    {"report", "edit", "schemas", "diff", "scorecard"},
    {"scaffold", "owners"},
    {"sheets"},
    {"site"},
    {"studio"},
    {"cli"},
    {"__main__"},
]
SHARED_LAYER = {("rules", "lint"), ("lint", "rules")}


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layering_violations(graph: dict[str, set[str]]) -> list[str]:
    rank = {package: level for level, packages in enumerate(LAYERS) for package in packages}
    unknown = sorted({package_of(m) for m in graph} - set(rank))
    if unknown:
        return [f"{', '.join(unknown)}: not in LAYERS (tests/test_architecture.py, docs/architecture.md)"]
    wrong: list[str] = []
    for module, targets in sorted(graph.items()):
        here = package_of(module)
        for target in sorted(targets):
            there = package_of(target)
            if here == there or (here, there) in SHARED_LAYER or rank[there] < rank[here]:
                continue
            wrong.append(f"{module} -> {target}: {here} must not depend on {there}")
    return wrong


def test_each_package_imports_only_the_layers_below_it() -> None:
    assert layering_violations(import_graph()) == []


def test_only_the_cli_depends_on_the_cli_and_on_typer() -> None:
    """The core returns data and raises JourneyopsError; only cli/ prints, parses options
    and decides exit codes (`__main__` is the entry point that starts it)."""
    graph = import_graph()
    outside = {m for m in graph if not m.startswith(f"{PACKAGE}.cli") and m != f"{PACKAGE}.__main__"}
    importing_cli = [m for m in sorted(outside) if any(t.startswith(f"{PACKAGE}.cli") for t in graph[m])]
    assert importing_cli == []
    uses_typer = [
        m
        for m in sorted(outside)
        for statement in _imports(ast.parse(module_files()[m].read_text(encoding="utf-8")))
        if isinstance(statement, ast.Import | ast.ImportFrom)
        and any(
            name.split(".")[0] in ("typer", "click")
            for name in (
                [alias.name for alias in statement.names]
                if isinstance(statement, ast.Import)
                else [statement.module or ""]
            )
        )
    ]
    assert uses_typer == []


def test_the_error_type_imports_nothing_of_the_package() -> None:
    """`journeyops --help` imports it (the handler catches it), so it must stay light."""
    assert import_graph()[f"{PACKAGE}.errors"] == set()


def test_the_graph_sees_imports_inside_functions_and_skips_type_checking(tmp_path: Path) -> None:
    package = tmp_path / PACKAGE
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from journeyops_cli import b\n"
        "def f():\n    from journeyops_cli.sub import c\n"
    )
    (package / "d.py").write_text("import importlib\nimportlib.import_module('journeyops_cli.a')\n")
    (package / "b.py").write_text("import journeyops_cli.a\n")
    (package / "sub" / "c.py").write_text("from .. import b\n")
    graph = import_graph(package)
    assert graph["journeyops_cli.a"] == {"journeyops_cli.sub.c"}
    assert graph["journeyops_cli.sub.c"] == {"journeyops_cli.b"}
    assert graph["journeyops_cli.d"] == {"journeyops_cli.a"}
    assert describe(graph) == [
        "journeyops_cli.a -> journeyops_cli.sub.c -> journeyops_cli.b -> journeyops_cli.a"
    ]


def test_a_layering_violation_names_the_import() -> None:
    graph = {
        "journeyops_cli.models.base": {"journeyops_cli.bank"},
        "journeyops_cli.bank": {"journeyops_cli.models.base"},
    }
    assert layering_violations(graph) == [
        "journeyops_cli.models.base -> journeyops_cli.bank: models must not depend on bank"
    ]
    assert layering_violations({"journeyops_cli.turbo.store": set()}) == [
        "turbo: not in LAYERS (tests/test_architecture.py, docs/architecture.md)"
    ]


def test_a_dynamic_import_by_a_computed_name_fails(tmp_path: Path) -> None:
    package = tmp_path / PACKAGE
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "e.py").write_text(
        "import importlib\nfor name in ('a', 'b'):\n    importlib.import_module(name)\n"
    )
    with pytest.raises(HiddenImport) as raised:
        import_graph(package)
    assert str(raised.value) == (
        f"{package / 'e.py'}:3: import the module by name (a literal), so the import graph sees it"
    )
