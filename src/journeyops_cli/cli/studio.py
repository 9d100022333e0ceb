"""`journeyops studio`: edit the bank in a browser (a local web app on 127.0.0.1).

Starlette and uvicorn come with the `studio` extra (`pip install 'journeyops[studio]'`) and
are imported only here, inside the command.
"""

from __future__ import annotations

from typing import Annotated

import typer

from journeyops_cli.cli.common import BankOption, bank_root, fail

app = typer.Typer()


@app.command()
def studio(
    bank: BankOption = None,
    port: Annotated[int, typer.Option("--port", help="The port on 127.0.0.1 (0: any free port).")] = 0,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the opening link; do not open a browser.")
    ] = False,
) -> None:
    """Edit the bank in a browser: add insights, triage, edit steps, add observations and
    opportunities, create journeys, and commit. Listens on 127.0.0.1 only; the printed
    link opens it once, for this browser."""
    import importlib.util
    import webbrowser

    missing = [name for name in ("starlette", "uvicorn") if importlib.util.find_spec(name) is None]
    if missing:
        fail(f"the studio needs its extra: pip install 'journeyops[studio]' ({', '.join(missing)} missing)")
    if not 0 <= port <= 65535:
        fail(f"--port {port}: use a port from 1 to 65535, or 0 for any free port")
    from journeyops_cli.studio.security import Keys
    from journeyops_cli.studio.server import listen, opening_link, server
    from journeyops_cli.studio.state import BankState

    root = bank_root(bank)
    try:
        sock = listen(port)
    except OSError as error:
        fail(f"--port {port}: cannot listen on 127.0.0.1 ({error.strerror})")
    state = BankState(root)
    keys = Keys()
    url = opening_link(sock, keys)
    typer.echo(f"journeyops studio for {root} on http://127.0.0.1:{sock.getsockname()[1]}/ (Ctrl-C stops)")
    typer.echo(f"Open (once): {url}")
    running = server(state, keys, sock)
    if not no_browser:
        webbrowser.open(url)
    running.run(sockets=[sock])
