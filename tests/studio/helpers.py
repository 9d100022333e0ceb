"""A copy of the example bank in a git repository, with three insights linked to no
step (to triage), and a studio client signed in to it."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journeyops_cli.studio.security import Keys
from journeyops_cli.studio.state import BankState

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "helsinki"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
TODAY = dt.date(2026, 12, 7)

UNLINKED = """\
# Feedback not yet placed on a journey (triage them in the studio).
kind: Insight
id: fb-unlinked-one
title: {fi: Lomake katosi, en: The form disappeared}
type: feedback
source: Anna palautetta -palvelu
date: 2026-11-02
summary: {fi: Lomake tyhjeni kesken., en: The form emptied halfway.}
---
# A second one.
kind: Insight
id: fb-unlinked-two
title: {fi: Ei vahvistusta, en: No confirmation}
type: feedback
source: Anna palautetta -palvelu
date: 2026-11-03
summary: {fi: Hakemuksesta ei tullut vahvistusta., en: No confirmation came for the application.}
---
kind: Insight
id: fb-unlinked-three
title: {fi: Liian pitkä odotus, en: Too long a wait}
type: feedback
source: Anna palautetta -palvelu
date: 2026-11-04
summary: {fi: Päätöstä odotettiin kauan., en: The decision took a long time.}
"""

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Studio Test", "GIT_AUTHOR_EMAIL": "studio@example.org",
    "GIT_COMMITTER_NAME": "Studio Test", "GIT_COMMITTER_EMAIL": "studio@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(root.parent)}
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, env=env, check=True)
    return done.stdout


def make_bank(tmp_path: Path) -> Path:
    root = tmp_path / "bank"
    shutil.copytree(EXAMPLE, root)
    (root / "insights" / "unlinked.yaml").write_text(UNLINKED, encoding="utf-8")
    return commit_bank(root)


def commit_bank(root: Path) -> Path:
    """Make the bank at `root` a git repository with one commit of all it holds."""
    (root / ".gitignore").write_text(".journeyops_cache/\n", encoding="utf-8")
    git(root, "init", "--quiet", "--initial-branch=main")
    # The studio commits with the repository's identity (a CI machine may have none).
    git(root, "config", "user.name", "Studio Test")
    git(root, "config", "user.email", "studio@example.org")
    git(root, "add", "--all")
    git(root, "commit", "--quiet", "-m", "bank")
    return root


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file of the bank and its bytes (not .git, nor the cache folder that the
    studio's checks share with `validate`)."""
    skip = {".git", ".journeyops_cache"}
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*")) if p.is_file() and not skip & set(p.relative_to(root).parts)
    }


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF field on the page"
    return found.group(1)


def digest_of(page: str) -> str:
    found = re.search(r'name="digest" value="([^"]*)"', page)
    assert found, "no digest field on the page"
    return found.group(1)


@contextmanager
def serving(root: Path) -> Iterator[str]:
    """The studio for the bank at `root` on a free port, served by uvicorn in a thread
    for as long as the block runs: the opening link."""
    from journeyops_cli.studio.server import listen, opening_link, server

    sock = listen(0)
    keys = Keys()
    link = opening_link(sock, keys)
    studio = server(BankState(root), keys, sock, today=lambda: TODAY)
    thread = threading.Thread(target=studio.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not studio.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield link
    finally:
        studio.should_exit = True
        thread.join(timeout=10)
        sock.close()


def studio_client(root: Path):  # type: ignore[no-untyped-def]
    """(TestClient signed in, the run's Keys, the BankState)."""
    from starlette.testclient import TestClient

    from journeyops_cli.studio.app import build_app

    state = BankState(root)
    keys = Keys()
    client = TestClient(build_app(state, keys, PORT, today=lambda: TODAY), base_url=BASE)
    token = keys.token
    assert token is not None
    answer = client.get(f"/?token={token}", follow_redirects=False)
    assert answer.status_code == 303
    return client, keys, state
