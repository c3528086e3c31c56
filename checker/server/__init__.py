"""The local review page (`checker serve`): FastAPI with server-rendered Jinja2 templates.

The web stack is imported on first use, so `import checker` stays light. Only a loopback
bind is open without more ado; a page bound beyond this machine must be asked for with
`allow_remote` and then wants a token (`access_token`, enforced by access.py).
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
from collections.abc import Mapping
from pathlib import Path

from checker.errors import UsageError

# Local only by default: the page shows unpublished copy and changes verdicts.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
TOKEN_ENV = "CHECKER_SERVE_TOKEN"
# 32 random bytes (256 bits), URL-safe: cannot be guessed, fits a URL and a cookie as it is.
TOKEN_BYTES = 32
# A token given in TOKEN_ENV: URL- and cookie-safe characters, long enough not to be guessed.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,}")


def is_loopback(host: str) -> bool:
    """Whether binding `host` keeps the page on this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def access_token(
    host: str, *, allow_remote: bool = False, environ: Mapping[str, str] = os.environ
) -> str | None:
    """The token a page bound to `host` asks for: None on loopback; beyond it, refused unless
    `allow_remote`, then CHECKER_SERVE_TOKEN or a fresh random one."""
    if is_loopback(host):
        return None
    if not allow_remote:
        raise UsageError(
            f"--host {host} serves the review page (unpublished copy, verdicts) beyond this "
            "machine; pass --allow-remote to serve it behind a token, or bind 127.0.0.1"
        )
    given = environ.get(TOKEN_ENV, "")
    if given and not TOKEN_PATTERN.fullmatch(given):
        raise UsageError(
            f"{TOKEN_ENV}: give 16 characters or more of A-Z, a-z, 0-9, '_' and '-', "
            "or unset it for a random token"
        )
    return given or secrets.token_urlsafe(TOKEN_BYTES)


def page_url(host: str, port: int, token: str | None = None) -> str:
    """The address of the review page, with the token that opens it when one is needed."""
    return f"http://{host}:{port}/" + (f"?token={token}" if token else "")


def serve(
    *,
    index_path: str | Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    reviewer: str | None = None,
    token: str | None = None,
) -> None:
    """Serve the review page of the index's queue until interrupted (a non-loopback `host`
    needs the `token` that `access_token` gave)."""
    import uvicorn

    from checker.server.app import create_app

    if token is None and not is_loopback(host):
        raise UsageError(f"--host {host} is not a loopback address: serve it with a token")
    application = create_app(index_path=index_path, reviewer=reviewer, host=host, token=token)
    uvicorn.run(application, host=host, port=port, log_level="warning")


__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "TOKEN_ENV",
    "access_token",
    "is_loopback",
    "page_url",
    "serve",
]
