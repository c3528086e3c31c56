"""The review page's application: a FastAPI app over the routes (routes.py), holding the
index's `ReviewSite` (site.py) for them, behind the Host and token checks (access.py)."""

from __future__ import annotations

import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response

from checker.errors import UnknownFindingError
from checker.server import DEFAULT_HOST
from checker.server.access import guard
from checker.server.routes import router, site_of
from checker.server.site import ReviewSite


def create_app(
    *,
    index_path: str | Path,
    reviewer: str | None = None,
    host: str = DEFAULT_HOST,
    token: str | None = None,
) -> FastAPI:
    """The review site for the index at `index_path` (its queue must exist: `review sync`),
    answering requests for `host` (and the loopback names) that carry `token` if one is set."""
    from checker.review.store import connect

    index_path = Path(index_path)
    with connect(index_path, create=False):
        pass  # fail now, with the CLI's message, rather than on the first request
    app = FastAPI(title="checker review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.site = ReviewSite(index_path, reviewer, secrets.token_bytes(32))
    app.include_router(router)
    guard(app, host=host, token=token)

    @app.exception_handler(UnknownFindingError)
    def unknown_finding(request: Request, error: UnknownFindingError) -> Response:
        return site_of(request).render(request, "error.html", status_code=404, message=str(error))

    return app
