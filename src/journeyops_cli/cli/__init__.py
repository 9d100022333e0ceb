"""The `journeyops` command: thin typer commands, one module each.

Each command parses options, calls one stage of the pipeline, prints, and maps the result
to an exit code: 0 clean, 1 findings at or above the failing severity, 2 usage or config
error. Heavy imports happen inside the commands, so `--version` and `--help` stay fast.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Entry point of the console script and `python -m journeyops_cli`."""
    if sys.argv[1:] == ["--version"]:
        from journeyops_cli import __version__

        print(f"journeyops {__version__}")
        return
    from journeyops_cli.cli.app import app

    app()
