"""The tool works when installed from a wheel into a fresh virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# Both tests share the built wheel: one worker runs them, started first (tests/conftest.py).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True,
        timeout=300,
    )
    (wheel,) = out.glob("journeyops-*.whl")
    return wheel


def test_wheel_ships_templates_schemas_and_the_playbook(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "journeyops_cli/_data/schemas/journey.schema.json" in names
    templates = [n for n in names if n.startswith("journeyops_cli/_data/templates/")]
    expected = sorted(
        "journeyops_cli/_data/templates/" + p.relative_to(REPO / "templates").as_posix()
        for p in (REPO / "templates").rglob("*")
        if p.is_file()
    )
    assert sorted(templates) == expected
    # The playbook, which the site publishes (resources.guide_dir).
    guide = REPO / "docs" / "guide"
    assert sorted(n for n in names if n.startswith("journeyops_cli/_data/guide/")) == sorted(
        "journeyops_cli/_data/guide/" + p.relative_to(guide).as_posix() for p in guide.rglob("*.md"))


def test_fresh_venv_runs_validate_on_the_example_bank(wheel: Path, tmp_path: Path) -> None:
    # A fresh environment that sees this interpreter's packages (the dependencies are
    # installed there already; resolving and installing them again from the index took
    # most of this test's time and its network) and gets our wheel itself installed by
    # pip, offline: what runs below is the wheel's code, its entry point and its data.
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--disable-pip-version-check",
         "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=600,
    )
    copy = tmp_path / "bank"
    shutil.copytree(REPO / "examples" / "helsinki", copy)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GITHUB_ACTIONS")}
    env["NO_COLOR"] = "1"
    script = env_dir / "bin" / "journeyops"
    # The package imported in the environment is the wheel's, not this checkout's (whose
    # editable install the system site-packages also hold).
    result = subprocess.run(
        [str(python), "-c", "import journeyops_cli; print(journeyops_cli.__file__)"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.stdout.startswith(str(env_dir / "lib")), result.stdout + result.stderr
    result = subprocess.run(
        [str(script), "validate"], cwd=copy, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Clean, or only deliberate info findings (metrics that miss their targets).
    assert "records checked" in result.stdout.splitlines()[-1]
    assert "[error]" not in result.stdout and "[warning]" not in result.stdout
    # The packaged schemas are found without the checkout.
    result = subprocess.run(
        [str(python), "-c", "from journeyops_cli.resources import schemas_dir; print(schemas_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert "/_data/schemas" in result.stdout
    # The starters come in the wheel: a bank from the shipped helsinki starter.
    result = subprocess.run(
        [str(script), "init", "started", "--template", "helsinki"], cwd=tmp_path, env=env,
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "started" / "templates" / "records" / "insight.yaml.j2").is_file()
    # The packaged playbook is found without the checkout too.
    result = subprocess.run(
        [str(python), "-c", "from journeyops_cli.resources import guide_dir; print(guide_dir())"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60,
    )
    assert "/_data/guide" in result.stdout
