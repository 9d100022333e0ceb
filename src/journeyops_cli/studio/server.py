"""Listening: a socket on 127.0.0.1 only (bound before the server starts, so port 0 gives
a free port whose number the opening link can name) and the uvicorn server on it."""

from __future__ import annotations

import socket
from typing import Any

from journeyops_cli.studio.security import Keys
from journeyops_cli.studio.state import BankState


def listen(port: int) -> socket.socket:
    """A socket bound to 127.0.0.1:`port` (0: any free port); OSError when it cannot be."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
    except OSError:
        sock.close()
        raise
    return sock


def opening_link(sock: socket.socket, keys: Keys) -> str:
    return f"http://127.0.0.1:{sock.getsockname()[1]}/?token={keys.token}"


def server(state: BankState, keys: Keys, sock: socket.socket, **options: Any) -> Any:
    """The uvicorn server of the studio on `sock` (run it with `.run(sockets=[sock])`)."""
    import uvicorn

    from journeyops_cli.studio.app import build_app

    app = build_app(state, keys, sock.getsockname()[1], **options)
    return uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
