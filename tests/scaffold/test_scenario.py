"""The issue's done-when scenario, through the CLI: `init` to a clean bank with a theme, a mid
and a detailed journey, an insight linked to two steps and an opportunity citing it —
once with --no-input, once answering prompts on a pseudo-terminal."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from tests.runner import run_cli

CLI = [sys.executable, "-m", "journeyops_cli"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd)


def ok(*args: str, cwd: Path) -> str:
    result = run(*args, cwd=cwd)
    assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result.stdout


def test_done_when_without_a_terminal(tmp_path: Path) -> None:
    out = ok("init", "bank", "--name", "Demo", "--languages", "fi,en", cwd=tmp_path)
    assert out.splitlines()[:2] == [
        "   create  bank/journeyops.yaml",
        "   create  bank/journeys/top/service-journey.yaml",
    ]
    bank = tmp_path / "bank"
    assert ok("new", "theme", "--title", "Varhaiskasvatus", "--no-input", cwd=bank) == (
        "create  themes/varhaiskasvatus.yaml\n"
    )
    assert ok(
        "new", "journey", "--title", "Päiväkotiin hakeminen", "--level", "mid", "--parent", "service-journey",
        "--theme", "varhaiskasvatus", "--steps", "Find,Apply,Wait,Use",
        "--step-parents", "findability,transaction,processing,customership", "--no-input", cwd=bank,
    ) == "create  journeys/mid/paivakotiin-hakeminen.yaml\n"
    ok(
        "new", "journey", "--title", "Daycare application", "--level", "detailed",
        "--parent", "paivakotiin-hakeminen", "--steps", "Fill in,Send", "--step-parents", "apply,apply",
        "--no-input", cwd=bank,
    )
    ok("new", "insight", "--title", "Deadline surprises", "--type", "feedback", "--source", "Feedback",
       "--summary", "Families miss the deadline.", "--no-input", cwd=bank)
    assert ok("link", "deadline-surprises", "paivakotiin-hakeminen#apply", "daycare-application#send",
              cwd=bank) == (
        "insights/deadline-surprises.yaml: linked deadline-surprises -> paivakotiin-hakeminen#apply\n"
        "insights/deadline-surprises.yaml: linked deadline-surprises -> daycare-application#send\n"
    )
    ok("new", "opportunity", "--title", "Clear deadlines", "--problem", "Deadlines surprise families",
       "--insight", "deadline-surprises", "--link-step", "daycare-application#send", "--no-input", cwd=bank)
    detailed = (bank / "journeys" / "detailed" / "daycare-application.yaml").read_text()
    assert "theme: varhaiskasvatus\n" in detailed  # inherited from the parent
    result = run("validate", cwd=bank)
    assert result.returncode == 0
    assert result.stdout.startswith("✓ 6 files, 6 records checked: no problems found")
    assert run("fmt", "--check", cwd=bank).returncode == 0


@pytest.mark.slow
def test_done_when_on_a_terminal(tmp_path: Path) -> None:
    ok("init", "bank", "--languages", "en", cwd=tmp_path)
    bank = tmp_path / "bank"

    def session(*args: str) -> pexpect.spawn:
        child = pexpect.spawn(CLI[0], [*CLI[1:], *args], cwd=str(bank), encoding="utf-8", timeout=30)
        return child

    child = session("new", "theme")
    child.expect_exact("Title: ")
    child.sendline("Varhaiskasvatus")
    child.expect_exact("Id [varhaiskasvatus]: ")
    child.sendline("")
    child.expect_exact("Description (Enter skips): ")
    child.sendline("")
    child.expect_exact("Owner (Enter skips): ")
    child.sendline("")
    child.expect_exact("create  themes/varhaiskasvatus.yaml")
    child.expect(pexpect.EOF)

    child = session("new", "journey")
    child.expect_exact("Title: ")
    child.sendline("Päiväkotiin hakeminen")
    child.expect_exact("Id [paivakotiin-hakeminen]: ")
    child.sendline("")
    child.expect_exact("  2) To-be\r\nAs-is or to-be [1]: ")
    child.sendline("")
    child.expect_exact("  3) Detailed journey\r\nLevel [2]: ")  # the bank has a top journey already
    child.sendline("")
    child.expect_exact("  1) Service journey (service-journey)\r\nParent journey [1]: ")
    child.sendline("")
    child.expect_exact("  1) Varhaiskasvatus (varhaiskasvatus)\r\nTheme [1]: ")
    child.sendline("")
    child.expect_exact("Description (Enter skips): ")
    child.sendline("")
    child.expect_exact("Step titles, comma-separated: ")
    child.sendline("Find, Apply")
    child.expect_exact("  4) Customership (customership)\r\nParent step of 'Find' in service-journey [1]: ")
    child.sendline("")
    child.expect_exact("Parent step of 'Apply' in service-journey [1]: ")
    child.sendline("nonsense")
    child.expect_exact("Error: 'nonsense' is not one of the choices; give a number from 1 to 4")
    child.sendline("transaction")
    child.expect_exact("Owner (Enter skips): ")
    child.sendline("")
    child.expect_exact("Customer-experience goals, separated by semicolons (Enter skips): ")
    child.sendline("")
    child.expect_exact("Status [1]: ")
    child.sendline("")
    child.expect_exact("create  journeys/mid/paivakotiin-hakeminen.yaml")
    child.expect(pexpect.EOF)

    child = session("new", "journey", "--title", "Daycare application", "--id", "daycare-application",
                    "--level", "detailed", "--steps", "Send", "--status", "draft")
    child.expect_exact("As-is or to-be [1]: ")
    child.sendline("")
    child.expect_exact("Parent journey [1]: ")
    child.sendline("paivakotiin-hakeminen")
    child.expect_exact("Theme [1]: ")  # the parent's
    child.sendline("")
    child.expect_exact("Description (Enter skips): ")
    child.sendline("")
    child.expect_exact("  2) Apply (apply)\r\nParent step of 'Send' in paivakotiin-hakeminen [1]: ")
    child.sendline("2")
    child.expect_exact("Owner (Enter skips): ")
    child.sendline("")
    child.expect_exact("Customer-experience goals, separated by semicolons (Enter skips): ")
    child.sendline("")
    child.expect_exact("create  journeys/detailed/daycare-application.yaml")
    child.expect(pexpect.EOF)

    child = session("new", "insight", "--title", "Deadline surprises", "--id", "deadline-surprises",
                    "--date", "2026-03-02", "--severity", "medium", "--confidence", "medium", "--evidence",
                    "https://example.org/feedback")
    child.expect_exact("  8) Service data\r\nType [1]: ")
    child.sendline("5")
    child.expect_exact("Summary: ")
    child.sendline("no")
    child.expect_exact("Source: ")
    child.sendline("Feedback service")
    child.expect_exact("Journeys whose steps it concerns (numbers, e.g. 1,3; Enter skips): ")
    child.sendline("")
    child.expect_exact("create  insights/deadline-surprises.yaml")
    child.expect(pexpect.EOF)
    assert 'summary: "no"\n' in (bank / "insights" / "deadline-surprises.yaml").read_text()

    ok("link", "deadline-surprises", "paivakotiin-hakeminen#apply", "daycare-application#send", cwd=bank)
    child = session("new", "opportunity", "--title", "Clear deadlines", "--id", "clear-deadlines",
                    "--insight", "deadline-surprises", "--link-step", "daycare-application#send", "--status",
                    "idea", "--idea", "Remind", "--owner", "Lead")
    child.expect_exact("Problem: ")
    child.sendline("Deadlines surprise families")
    for _ in ("impact", "confidence", "effort"):  # the journey model's estimates, skipped
        child.expect_exact("(Enter skips): ")
        child.sendline("")
    child.expect_exact("create  opportunities/clear-deadlines.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    result = run("validate", cwd=bank)
    assert result.returncode == 0, result.stdout
    # Only two of the four top phases are elaborated here: two infos, nothing worse.
    assert result.stdout.endswith("! 2 info in 1 file (6 files, 6 records checked)\n")


@pytest.mark.parametrize("title", ["no", "2024", "a: b", "#hash", "yes please", "Ääni: 'x'"])
def test_titles_survive_as_text(tmp_path: Path, title: str) -> None:
    ok("init", "bank", cwd=tmp_path)
    bank = tmp_path / "bank"
    ok("new", "theme", "--title", title, "--id", "t", "--no-input", cwd=bank)
    from journeyops_cli.pipeline import load_bank

    theme = load_bank(bank).bank.get_kind("Theme", "t")
    assert theme is not None and theme.title == title  # type: ignore[attr-defined]
