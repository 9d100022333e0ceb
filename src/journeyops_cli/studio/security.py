"""Who may use the studio: the person who started it, from their own browser.

- The opening URL carries a one-time token; using it sets a session cookie (HttpOnly,
  SameSite=Strict) and the token is spent.
- Every request needs the session cookie; every form post also its CSRF token (an HMAC of
  the session, in a hidden field).
- `Host` must be 127.0.0.1:PORT or localhost:PORT and `Origin`, when sent, the same: a page
  on another site that resolves its own name to 127.0.0.1 (DNS rebinding) is refused, and
  so is a request the browser marks as cross-site (`Sec-Fetch-Site`).
- A request body larger than `MAX_BODY` is refused before it is read whole.
- Every answer carries the site's Content-Security-Policy and is not cached.

Plain ASGI, so it wraps the Starlette app without depending on it.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any
from urllib.parse import parse_qs

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COOKIE = "journeyops_studio"
MAX_BODY = 256 * 1024
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
]
SAFE_METHODS = ("GET", "HEAD")


class Keys:
    """The secrets of one studio run."""

    def __init__(self) -> None:
        self.token: str | None = secrets.token_urlsafe(32)
        self.session = secrets.token_urlsafe(32)
        self._key = secrets.token_bytes(32)

    def spend(self, token: str) -> bool:
        """True (once) for the opening token."""
        if self.token is None or not hmac.compare_digest(token.encode(), self.token.encode()):
            return False
        self.token = None
        return True

    def csrf(self) -> str:
        return hmac.new(self._key, self.session.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, value: str) -> bool:
        return hmac.compare_digest(value.encode(), self.csrf().encode())

    def session_ok(self, value: str | None) -> bool:
        return value is not None and hmac.compare_digest(value.encode(), self.session.encode())


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _cookie(scope: Scope) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except CookieError:
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel is not None else None


async def _answer(send: Send, status: int, text: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = text.encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + HEADERS + (extra or [])})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The checks above, in front of `app`. Form posts are read here (up to MAX_BODY) so
    the CSRF token is checked before the app sees the request."""

    def __init__(self, app: ASGIApp, keys: Keys, port: int) -> None:
        self.app = app
        self.keys = keys
        self.port = port

    def hosts(self) -> set[str]:
        return {f"127.0.0.1:{self.port}", f"localhost:{self.port}"}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            if scope["type"] == "lifespan":
                await self.app(scope, receive, send)
            return
        if _header(scope, b"host") not in self.hosts():
            await _answer(send, 421, "Refused: the Host header is not this studio's address.")
            return
        if not self._same_origin(scope):
            await _answer(send, 403, "Refused: the request comes from another site (Origin).")
            return
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        if token and scope["method"] in SAFE_METHODS and scope["path"] == "/":
            if not self.keys.spend(token):
                await _answer(send, 403, "Refused: this opening link was already used; start the studio again.")
                return
            cookie = f"{COOKIE}={self.keys.session}; Path=/; HttpOnly; SameSite=Strict".encode()
            await _answer(send, 303, "Signed in.", [(b"location", b"/"), (b"set-cookie", cookie)])
            return
        if not self.keys.session_ok(_cookie(scope)):
            await _answer(send, 403, "Refused: no studio session. Open the link `journeyops studio` printed.")
            return
        if scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, _secured(send))
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await _answer(send, 413, f"Refused: a request may carry at most {MAX_BODY // 1024} KiB.")
            return
        body = await _read_body(receive)
        if body is None:
            await _answer(send, 413, f"Refused: a request may carry at most {MAX_BODY // 1024} KiB.")
            return
        if not self._csrf_in(scope, body):
            await _answer(send, 403, "Refused: the form's CSRF token is missing or wrong; reload the page.")
            return
        await self.app(scope, _replay(body), _secured(send))

    def _same_origin(self, scope: Scope) -> bool:
        """`Origin`, when sent, is this studio. The site's pages set `no-referrer`, under
        which a browser sends `Origin: null` with a form post; that is taken only together
        with the browser's own `Sec-Fetch-Site: same-origin` (a page cannot set it)."""
        fetch_site = _header(scope, b"sec-fetch-site")
        if fetch_site is not None and fetch_site not in ("same-origin", "none"):
            return False
        origin = _header(scope, b"origin")
        if origin is None or origin in {f"http://{h}" for h in self.hosts()}:
            return True
        return origin == "null" and fetch_site == "same-origin"

    def _csrf_in(self, scope: Scope, body: bytes) -> bool:
        kind = (_header(scope, b"content-type") or "").split(";")[0].strip()
        if kind != "application/x-www-form-urlencoded":
            return False
        values = parse_qs(body.decode("utf-8", errors="replace")).get("csrf") or [""]
        return self.keys.csrf_ok(values[0])


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"".join(chunks)
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


def _secured(send: Send) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = list(message.get("headers", [])) + HEADERS
        await send(message)

    return wrapped
