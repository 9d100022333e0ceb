"""`journeyops site serve`: serve the built site on 127.0.0.1 and rebuild on changes.

No new dependency: `http.server` in a thread, and a loop that polls the bank's files'
modification times every second (the site's own output folder is not watched).
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable
from pathlib import Path

WATCHED_SUFFIXES = (".yaml", ".yml")


def snapshot(root: Path, out: Path) -> dict[str, tuple[int, int]]:
    """(mtime, size) of every YAML file of the bank, skipping hidden folders and `out`."""
    seen: dict[str, tuple[int, int]] = {}
    out = out.resolve()
    for folder, dirs, files in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and (here / d).resolve() != out and not (here / d).is_symlink()
        )
        for name in files:
            if name.endswith(WATCHED_SUFFIXES):
                try:
                    stat = (here / name).stat()
                except OSError:
                    continue
                seen[str(here / name)] = (stat.st_mtime_ns, stat.st_size)
    return seen


class _Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet: one line per build instead
        pass


def serve_site(
    root: Path,
    out: Path,
    port: int,
    rebuild: Callable[[], None],
    announce: Callable[[str], None] = print,
    stop: threading.Event | None = None,
    interval: float = 1.0,
) -> None:
    """Serve `out` until `stop` is set (or Ctrl-C), calling `rebuild` when a file changes.

    The handler serves whatever folder is at `out` at request time, so the swap a rebuild
    does is picked up without restarting the server.
    """
    handler = functools.partial(_Handler, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bound = server.server_address[1]
    announce(f"Serving {out} on http://127.0.0.1:{bound}/ (Ctrl-C stops); rebuilding when a file changes")
    stop = stop or threading.Event()
    before = snapshot(root, out)
    try:
        while not stop.wait(interval):
            now = snapshot(root, out)
            if now != before:
                before = now
                rebuild()
                before = snapshot(root, out)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
