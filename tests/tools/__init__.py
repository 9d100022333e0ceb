"""Helpers that drive the real external clients our output is read by.

See shared/TESTING.md.  The clients are installed by ``.ci/install-tools``
(Debian's chromium, Java, node/npm via apt; npm tools into ``.ci/node/``) and
``pip install -e '.[test]'`` (playwright, check-jsonschema, pre-commit ...).

Every helper *skips* the calling test with a clear reason when its tool is
missing on a developer machine, and *fails* it when ``CI=true`` (CI must have
every tool).  Nothing here imports ``journeyops_cli``.

Usage from a test module::

    from tests.tools import run_axe, mermaid_parse, vnu_check, sarif_validate

Browser fixtures (``chromium_browser``, ``page``) live in
:mod:`tests.tools.browser` and are loaded by ``tests/conftest.py``.
"""

from __future__ import annotations

import ctypes.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO_ROOT / ".ci" / "node" / "node_modules"

CHROMIUM = Path(os.environ.get("JOURNEYOPS_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
MERMAID_JS = NODE_MODULES / "mermaid" / "dist" / "mermaid.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
SARIF_MULTITOOL_NATIVE = NODE_MODULES / "@microsoft" / "sarif-multitool-linux" / "Sarif.Multitool"
SARIF_MULTITOOL_BIN = NODE_MODULES / ".bin" / "sarif-multitool"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

INSTALL_HINT = "run `bash .ci/install-tools && pip install -e '.[test]'`"

__all__ = [
    "CHROMIUM",
    "CHROMIUM_ARGS",
    "NODE_MODULES",
    "REPO_ROOT",
    "check_builtin_schema",
    "check_jsonschema",
    "in_ci",
    "mermaid_parse",
    "need",
    "pre_commit",
    "pre_commit_env",
    "require_tool",
    "run_axe",
    "sarif_findings",
    "sarif_validate",
    "vnu_check",
]


# --------------------------------------------------------------------------
# skip locally, fail in CI
# --------------------------------------------------------------------------
def in_ci() -> bool:
    """True when running under CI (``CI=true``)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_tool(available: bool, reason: str) -> None:
    """Skip (locally) or fail (in CI) the current test unless ``available``."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{reason} -- CI=true, so this is a failure: {INSTALL_HINT}", pytrace=False)
    pytest.skip(f"{reason} ({INSTALL_HINT})")


def _which(tool: str) -> str | None:
    """`tool` on PATH, else in this interpreter's scripts folder (if that is not on PATH)."""
    path = shutil.which(tool)
    if path is None:
        candidate = Path(sys.executable).with_name(tool)
        path = str(candidate) if candidate.is_file() else None
    return path


def need(tool: str) -> str:
    """The path of the program `tool`; skips (locally) or fails (in CI) without it."""
    path = _which(tool)
    require_tool(path is not None, f"{tool} not found on PATH")
    assert path is not None
    return path


def _require_file(path: Path, what: str) -> Path:
    require_tool(path.is_file(), f"{what} not found at {path}")
    return path


def _run(cmd: list[str], *, timeout: float, env: dict[str, str] | None = None,
         cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        cmd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
        env=env,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )


# --------------------------------------------------------------------------
# axe-core
# --------------------------------------------------------------------------
_AXE_RUN_JS = """
async (opts) => {
  const results = await axe.run(document, opts);
  return results.violations.map(v => ({
    id: v.id,
    impact: v.impact,
    description: v.description,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, failureSummary: n.failureSummary})),
  }));
}
"""


def run_axe(page: Any, *, impacts: Iterable[str] = ("serious", "critical"),
            options: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Run axe-core on the page's current document.

    Returns the violations whose impact is in ``impacts`` (by default the
    serious and critical ones), each a dict with ``id``, ``impact``,
    ``description``, ``help``, ``helpUrl`` and ``nodes``.
    """
    _require_file(AXE_JS, "axe-core (npm axe-core)")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    opts = {"resultTypes": ["violations"]}
    if options:
        opts.update(options)
    violations = page.evaluate(_AXE_RUN_JS, opts)
    wanted = set(impacts)
    return [v for v in violations if v.get("impact") in wanted]


# --------------------------------------------------------------------------
# Mermaid
# --------------------------------------------------------------------------
# One blank page with mermaid loaded per browser, reused across calls.
_mermaid_pages: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()

_MERMAID_PARSE_JS = """
async (text) => {
  try {
    await mermaid.parse(text);
    return null;
  } catch (e) {
    const msg = (e && (e.message || e.str)) || String(e);
    return String(msg) || 'mermaid.parse rejected the diagram';
  }
}
"""


def _mermaid_page(page_or_browser: Any) -> Any:
    # A Page has .context; a Browser has .new_page but no .context.
    browser = page_or_browser.context.browser if hasattr(page_or_browser, "context") else page_or_browser
    key = browser if browser is not None else page_or_browser
    mpage = _mermaid_pages.get(key)
    if mpage is not None and not mpage.is_closed():
        return mpage
    # A persistent context has no Browser object.
    mpage = browser.new_page() if browser is not None else page_or_browser.context.new_page()
    mpage.goto("about:blank")
    mpage.add_script_tag(path=str(MERMAID_JS))
    mpage.evaluate("() => mermaid.initialize({startOnLoad: false})")
    _mermaid_pages[key] = mpage
    return mpage


def mermaid_parse(page_or_browser: Any, text: str) -> str | None:
    """Parse ``text`` with Mermaid itself, in a blank Chromium page.

    ``page_or_browser`` is a Playwright ``Page`` or ``Browser`` (sync API);
    mermaid is loaded into a separate ``about:blank`` page that is reused for
    later calls.  Returns ``None`` if ``mermaid.parse`` accepts the diagram,
    else the error message.
    """
    _require_file(MERMAID_JS, "mermaid browser bundle (npm mermaid)")
    return _mermaid_page(page_or_browser).evaluate(_MERMAID_PARSE_JS, text)


# --------------------------------------------------------------------------
# Nu HTML Checker (vnu.jar)
# --------------------------------------------------------------------------
# The checker is a short run of a big program: most of a run's CPU time went to the JVM's
# optimising compiler (C2) and parallel GC threads warming up for work that ends in a few
# seconds. The quick compiler only and the serial collector halve its CPU time (4.4 -> 1.9
# CPU-seconds over the 65 pages of the site fixture, 3.9 -> 1.8 for one small page); the
# checker and its verdicts are the same. C1-compiled code needs more stack than the
# default thread size for the HTML schema's recursion, hence the larger -Xss.
VNU_JVM_FLAGS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss8m")


def _vnu_class_archive(java: str) -> tuple[list[str], Path | None]:
    """The JVM options that start the checker from an archive of the classes it loads
    (class data sharing), made by the first run on this machine and used by the later
    ones (a small check 1.8 -> 1.2 CPU-seconds), and the file a run that makes the
    archive writes it to (renamed into place after the run, so no run reads half of
    one). The archive is named by the jar's and java's size and time: a new version of
    either makes a new one. The JVM's log is off: a CDS warning is not a checker's line."""
    jar, jvm = VNU_JAR.stat(), Path(java).resolve().stat()
    key = f"{jar.st_size}-{jar.st_mtime_ns}-{jvm.st_size}-{jvm.st_mtime_ns}"
    archive = Path(tempfile.gettempdir()) / f"journeyops-vnu-{os.getuid()}-{key}.jsa"
    if archive.is_file():
        return ["-Xlog:disable", f"-XX:SharedArchiveFile={archive}"], None
    part = archive.with_name(f"{archive.name}.{os.getpid()}-{threading.get_ident()}.part")
    return ["-Xlog:disable", f"-XX:ArchiveClassesAtExit={part}"], part


def vnu_check(paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
              *, timeout: float = 300) -> list[str]:
    """Run the Nu HTML Checker on files/directories; return its error lines.

    Runs ``java -jar vnu.jar --errors-only --skip-non-html PATHS...``.  An
    empty list means every HTML file is valid.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = [str(p) for p in paths]
    if not paths:
        raise ValueError("vnu_check: no paths given")
    java = shutil.which("java")
    require_tool(java is not None, "java not found on PATH (Debian default-jre-headless)")
    _require_file(VNU_JAR, "Nu HTML Checker (npm vnu-jar)")
    archive_options, part = _vnu_class_archive(java)
    cmd = [
        java,
        *VNU_JVM_FLAGS,
        *archive_options,
        "-Dfile.encoding=UTF-8",
        "-Dsun.stdout.encoding=UTF-8",
        "-Dsun.stderr.encoding=UTF-8",
        "-jar", str(VNU_JAR),
        "--errors-only", "--skip-non-html",
        *paths,
    ]
    proc = _run(cmd, timeout=timeout)
    if part is not None and part.is_file():
        os.replace(part, part.with_name(part.name.split(".jsa.")[0] + ".jsa"))
    lines = [ln for ln in (proc.stderr + "\n" + proc.stdout).splitlines() if ln.strip()]
    if proc.returncode == 0:
        return []
    return lines or [f"vnu.jar exited {proc.returncode} without output"]


# --------------------------------------------------------------------------
# SARIF Multitool
# --------------------------------------------------------------------------
# e.g. "/tmp/x.sarif(1,51): error JSON1002: runs[0].tool.driver: The required ..."
_SARIF_LINE = re.compile(r"^(?P<loc>.*?)(?:\((?P<pos>[\d,]+)\))?:\s+(?P<level>error|warning|note)\s+"
                         r"(?P<code>[A-Z]+\d+):\s*(?P<message>.*)$")


def _sarif_command() -> tuple[list[str], dict[str, str]]:
    env = dict(os.environ)
    # .NET needs libicu; fall back to invariant globalization without it.
    if ctypes.util.find_library("icuuc") is None:
        env["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1"
    env.setdefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
    if SARIF_MULTITOOL_NATIVE.is_file() and os.access(SARIF_MULTITOOL_NATIVE, os.X_OK):
        # Call the native binary: the npm bin.js shim runs it through a shell
        # (spawnSync shell:true), which breaks paths with spaces.
        return [str(SARIF_MULTITOOL_NATIVE)], env
    node = shutil.which("node")
    require_tool(node is not None, "node not found on PATH")
    _require_file(SARIF_MULTITOOL_BIN, "SARIF Multitool (npm @microsoft/sarif-multitool)")
    return [node, str(SARIF_MULTITOOL_BIN)], env


def sarif_findings(path: str | os.PathLike[str], *, timeout: float = 120) -> list[dict[str, str]]:
    """Run ``sarif-multitool validate PATH`` and return every finding.

    Each finding is a dict with ``level`` (error/warning/note), ``code``
    (e.g. ``JSON1002``, ``SARIF1002``, ``SARIF2005``), ``message``, ``pos``
    and ``line`` (the raw output line).  A valid file with no advisories gives [].
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(path)
    base, env = _sarif_command()
    proc = _run([*base, "validate", str(path.resolve())], timeout=timeout, env=env)
    out = proc.stdout + "\n" + proc.stderr
    findings = []
    for line in out.splitlines():
        m = _SARIF_LINE.match(line.strip())
        if m:
            findings.append({"level": m["level"], "code": m["code"], "message": m["message"],
                             "pos": m["pos"] or "", "line": line.strip()})
    if proc.returncode != 0 or "Analysis completed successfully" not in out:
        findings.append({"level": "error", "code": "MULTITOOL", "pos": "",
                         "message": f"sarif-multitool exited {proc.returncode}",
                         "line": f"error MULTITOOL: sarif-multitool did not complete "
                                 f"(exit {proc.returncode}):\n{out.strip()}"})
    return findings


def sarif_validate(path: str | os.PathLike[str], *, timeout: float = 120) -> list[str]:
    """Validate a SARIF file with the SARIF Multitool; return its error lines.

    The multitool exits 0 whether or not the file is valid, so its output is
    read: lines like ``FILE(1,51): error JSON1002: ...`` (schema) or
    ``FILE(8,95): error SARIF1002: ...`` (spec rules).  Warnings (SARIF2xxx
    advisories) are not returned; use :func:`sarif_findings` for those.
    """
    return [f["line"] for f in sarif_findings(path, timeout=timeout) if f["level"] == "error"]


# --------------------------------------------------------------------------
# check-jsonschema
# --------------------------------------------------------------------------
def check_jsonschema(schemafile: str | os.PathLike[str],
                     files: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
                     *extra_args: str, timeout: float = 300) -> tuple[int, str]:
    """Run the ``check-jsonschema`` CLI; return ``(returncode, stdout+stderr)``."""
    if isinstance(files, (str, os.PathLike)):
        files = [files]
    files = [str(f) for f in files]
    exe = _which("check-jsonschema")
    require_tool(exe is not None, "check-jsonschema not installed (PyPI check-jsonschema)")
    proc = _run([exe, "--schemafile", str(schemafile), *extra_args, *files], timeout=timeout)
    return proc.returncode, proc.stdout + proc.stderr


def check_builtin_schema(name: str, files: Iterable[str | os.PathLike[str]],
                         timeout: float = 300, options: Iterable[str] = ()) -> tuple[int, str]:
    """``check-jsonschema --builtin-schema NAME [OPTIONS] FILES`` (e.g.
    ``vendor.github-workflows``, the SchemaStore schemas it vendors); return
    ``(returncode, stdout+stderr)``. ``options`` such as ``--regex-variant python`` (the
    vendored Azure Pipelines schema has patterns the default dialect cannot compile)."""
    exe = need("check-jsonschema")
    proc = _run([exe, "--builtin-schema", name, *options, *map(str, files)], timeout=timeout)
    return proc.returncode, proc.stdout + proc.stderr


# --------------------------------------------------------------------------
# pre-commit
# --------------------------------------------------------------------------
def pre_commit_env(home: Path) -> dict[str, str]:
    """The environment for a ``pre-commit`` run that installs hooks into ``home``
    (PRE_COMMIT_HOME): ours without PYTHONPATH, so the hooks run what pre-commit installs.

    The hook environments pre-commit makes see this interpreter's packages
    (``VIRTUALENV_SYSTEM_SITE_PACKAGES``), where journeyops' dependencies and its build
    backend are installed already, and pip installs offline, without an isolated build
    environment: pre-commit still makes its own virtual environment and pip still builds
    and installs journeyops into it from the hook's repository or
    ``additional_dependencies``; the hook runs that copy. Fetching and installing every
    dependency again from the index took 10 CPU-seconds and 20-40 s of waiting per test.
    """
    full = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    full["PRE_COMMIT_HOME"] = str(home)
    full["VIRTUALENV_SYSTEM_SITE_PACKAGES"] = "1"
    full["PIP_NO_INDEX"] = "1"
    full["PIP_NO_BUILD_ISOLATION"] = "0"  # pip's spelling of --no-build-isolation
    full["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return full


def pre_commit(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
               timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """Run the ``pre-commit`` CLI (PyPI pre-commit) with ``args``."""
    return _run([need("pre-commit"), *args], timeout=timeout, env=env, cwd=cwd)
