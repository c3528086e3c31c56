"""Who may reach the review page: requests must name this server in their Host header (a
DNS-rebinding page names its own), and a page bound beyond this machine wants its token.

The token comes once in the URL `checker serve` prints (`?token=…`); the answer sets it as an
HttpOnly, SameSite=Strict cookie, and any request with neither is refused with 401.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

TOKEN_COOKIE = "checker_review_token"
TOKEN_PARAMETER = "token"
LOOPBACK_NAMES = ("127.0.0.1", "localhost")
# Binding these listens on every interface: a browser may then use any of this machine's
# names or addresses, so the Host header is not narrowed and the token guards the page.
WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def allowed_hosts(host: str) -> list[str]:
    """The Host header values a page bound to `host` answers."""
    if host in WILDCARD_HOSTS:
        return ["*"]
    return sorted({*LOOPBACK_NAMES, host})


def guard(app: FastAPI, *, host: str, token: str | None) -> None:
    """Refuse requests for another host name, and, with a `token`, requests without it."""
    if token is not None:
        expected = token.encode()

        @app.middleware("http")
        async def require_token(
            request: Request, call_next: Callable[[Request], Awaitable[Response]]
        ) -> Response:
            given = request.query_params.get(TOKEN_PARAMETER, "")
            if given and hmac.compare_digest(given.encode(), expected):
                response = await call_next(request)
                response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
                return response
            if hmac.compare_digest(request.cookies.get(TOKEN_COOKIE, "").encode(), expected):
                return await call_next(request)
            return PlainTextResponse(
                "token required: open the address `checker serve` printed", status_code=401
            )

    # Added last, so it runs first: a foreign Host is refused before anything else.
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts(host))
