"""The `journeyops` command: thin typer commands, one module each.

Each command parses options, calls one stage of the pipeline, prints, and maps the result
to an exit code: 0 clean, 1 findings at or above the failing severity, 2 usage or config
error. Heavy imports happen inside the commands, so `--version` and `--help` stay fast.
"""

from __future__ import annotations

import gc
import sys


def main() -> None:
    """Entry point of the console script and `python -m journeyops_cli`."""
    if sys.argv[1:] == ["--version"]:
        from journeyops_cli import __version__

        print(f"journeyops {__version__}")
        return
    from journeyops_cli.cli.app import app

    try:
        app()
    finally:
        # The process ends here: what the command left behind (after a site build at
        # 2,000 journeys, the bank and the plan, 1.3 million objects of cyclic garbage)
        # is left to the operating system rather than walked and freed by the
        # collector's last run at exit (1 to 2 CPU seconds). atexit handlers still run.
        gc.freeze()
