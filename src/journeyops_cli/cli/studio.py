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
    import socket
    import webbrowser

    try:
        import uvicorn

        from journeyops_cli.studio.app import build_app
    except ImportError as error:
        fail(f"the studio needs its extra: pip install 'journeyops[studio]' ({error.name} is missing)")
    from journeyops_cli.studio.security import Keys
    from journeyops_cli.studio.state import BankState

    if not 0 <= port <= 65535:
        fail(f"--port {port}: use a port from 1 to 65535, or 0 for any free port")
    root = bank_root(bank)
    state = BankState(root)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port))
    except OSError as error:
        sock.close()
        fail(f"--port {port}: cannot listen on 127.0.0.1 ({error.strerror})")
    bound = sock.getsockname()[1]
    keys = Keys()
    url = f"http://127.0.0.1:{bound}/?token={keys.token}"
    typer.echo(f"journeyops studio for {root} on http://127.0.0.1:{bound}/ (Ctrl-C stops)")
    typer.echo(f"Open: {url}")
    config = uvicorn.Config(build_app(state, keys, bound), log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    if not no_browser:
        webbrowser.open(url)
    server.run(sockets=[sock])
