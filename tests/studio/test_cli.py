"""`journeyops studio` as a command: options refused with exit 2, and the real process
serving the example bank on 127.0.0.1 behind its opening link."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from journeyops_cli.cli.app import app


def test_a_port_out_of_range_is_a_usage_error(bank: Path) -> None:
    result = CliRunner().invoke(app, ["studio", "--bank", str(bank), "--port", "70000", "--no-browser"])
    assert result.exit_code == 2
    assert "--port 70000: use a port from 1 to 65535, or 0 for any free port" in result.output


def test_the_command_serves_the_bank_behind_its_opening_link(bank: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "journeyops_cli", "studio", "--bank", str(bank), "--no-browser"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith(f"journeyops studio for {bank.resolve()} on http://127.0.0.1:")
        link = process.stdout.readline().removeprefix("Open (once): ").strip()
        assert link.startswith("http://127.0.0.1:") and "/?token=" in link
        with httpx.Client() as client:
            for _ in range(200):
                try:
                    answer = client.get(link, follow_redirects=True)
                    break
                except httpx.ConnectError:
                    time.sleep(0.02)
            ready = time.perf_counter() - start
            assert answer.status_code == 200
            assert "Helsingin palvelupolut" in answer.text
            assert client.get(link).status_code == 403  # spent
        print(f"studio start-up to the first page: {ready:.2f} s")
    finally:
        process.terminate()
        process.wait(timeout=10)
