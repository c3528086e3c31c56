"""The review page: a list of findings with filters, a finding view with both sentences in
their articles, and verdict buttons with keyboard shortcuts.

State-changing requests carry a CSRF token (form field `csrf_token` or header
`X-CSRF-Token`) derived from the session cookie with a per-process secret; the cookie is
HttpOnly and SameSite=Strict, and a cross-origin `Origin` header is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from checker.errors import CheckerError, UnknownFindingError
from checker.models import KIND_ORDER, KINDS, Article, PairSide
from checker.review import (
    DISMISS_REASONS,
    STATUSES,
    Finding,
    confirm,
    dismiss,
    list_findings,
    note,
    reopen,
    show,
)
from checker.review.store import default_reviewer

TEMPLATES = Path(__file__).parent / "templates"
SESSION_COOKIE = "checker_review_session"
REVIEWER_COOKIE = "checker_reviewer"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Filters:
    status: str = ""
    kind: str = ""
    outlet: str = ""

    def query(self) -> str:
        values = {key: value for key, value in vars(self).items() if value}
        return f"?{urlencode(values)}" if values else ""


@dataclass(frozen=True)
class Segment:
    """A slice of article text; `mark` says which side's sentence it belongs to, if any."""

    text: str
    mark: str = ""


class ReviewSite:
    """What the routes share: the index, its articles (loaded once), the session secret."""

    def __init__(self, index_path: Path, reviewer: str | None, secret: bytes) -> None:
        self.index_path = index_path
        self.reviewer = reviewer or default_reviewer()
        self.secret = secret

    @cached_property
    def articles(self) -> dict[str, Article]:
        from checker.store import load_index

        return {article.id: article for article in load_index(self.index_path).articles}

    def csrf_token(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def context(self, finding: Finding, side: PairSide) -> tuple[list[Segment], bool]:
        """The side's article cut around the finding's sentences; False when it changed since."""
        article = self.articles.get(side.doc_id)
        if article is None or article.text[side.start : side.end] != side.text:
            return [Segment(side.text, "this")], False
        marks = sorted(
            (other.start, other.end, "this" if other == side else "other")
            for other in (finding.pair.a, finding.pair.b)
            if other.doc_id == side.doc_id and article.text[other.start : other.end] == other.text
        )
        segments, cursor = [], 0
        for start, end, label in marks:
            if start < cursor:
                continue
            segments += [
                Segment(article.text[cursor:start]),
                Segment(article.text[start:end], label),
            ]
            cursor = end
        segments.append(Segment(article.text[cursor:]))
        return [segment for segment in segments if segment.text], True


def create_app(*, index_path: str | Path, reviewer: str | None = None) -> FastAPI:
    """The review site for the index at `index_path` (its queue must exist: `review sync`)."""
    from checker.review.store import connect

    index_path = Path(index_path)
    with connect(index_path, create=False):
        pass  # fail now, with the CLI's message, rather than on the first request
    site = ReviewSite(index_path, reviewer, secrets.token_bytes(32))
    templates = Jinja2Templates(directory=str(TEMPLATES))
    app = FastAPI(title="checker review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.site = site

    def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
        session = request.cookies.get(SESSION_COOKIE) or secrets.token_urlsafe(32)
        reviewer_name = request.cookies.get(REVIEWER_COOKIE) or site.reviewer
        response = templates.TemplateResponse(
            request,
            name,
            {
                "csrf_token": site.csrf_token(session),
                "reviewer": reviewer_name,
                "index_name": str(index_path),
                "kinds": KIND_ORDER,
                "statuses": STATUSES,
                "reasons": DISMISS_REASONS,
                **context,
            },
            status_code=status_code,
        )
        if request.cookies.get(SESSION_COOKIE) != session:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        return response

    def check_csrf(request: Request, token: str) -> None:
        session = request.cookies.get(SESSION_COOKIE)
        token = token or request.headers.get(CSRF_HEADER, "")
        expected = site.csrf_token(session) if session else ""
        if not session or not token or not hmac.compare_digest(token, expected):
            raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload")
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPException(status_code=403, detail="cross-origin request refused")

    @app.exception_handler(UnknownFindingError)
    def unknown_finding(request: Request, error: UnknownFindingError) -> Response:
        return render(request, "error.html", status_code=404, message=str(error))

    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request, status: str = "", kind: str = "", outlet: str = ""):
        filters = Filters(status=status, kind=kind, outlet=outlet)
        everything = list_findings(index_path=index_path)
        findings = _filtered(everything, filters)
        counts = {name: sum(1 for f in everything if f.status == name) for name in STATUSES}
        outlets = sorted({name for finding in everything for name in finding.outlets})
        return render(
            request,
            "queue.html",
            findings=findings,
            filters=filters,
            counts=counts,
            total=len(everything),
            outlets=outlets,
        )

    @app.get("/findings/{finding_id}", response_class=HTMLResponse)
    def finding_page(
        request: Request, finding_id: int, status: str = "", kind: str = "", outlet: str = ""
    ):
        filters = Filters(status=status, kind=kind, outlet=outlet)
        detail = show(index_path=index_path, finding=finding_id)
        previous, following = _neighbours(index_path, filters, finding_id)
        sides = []
        for label, side in (("A", detail.finding.pair.a), ("B", detail.finding.pair.b)):
            segments, intact = site.context(detail.finding, side)
            sides.append({"label": label, "side": side, "segments": segments, "intact": intact})
        return render(
            request,
            "finding.html",
            detail=detail,
            finding=detail.finding,
            sides=sides,
            filters=filters,
            previous=previous,
            following=following,
            definition=KINDS[detail.finding.kind].definition
            if detail.finding.kind in KINDS
            else "",
        )

    @app.post("/findings/{finding_id}/verdict")
    def verdict(
        request: Request,
        finding_id: int,
        action: str = Form(...),
        csrf_token: str = Form(""),
        reason: str = Form("false-alarm"),
        note_text: str = Form("", alias="note"),
        reviewer_name: str = Form("", alias="reviewer"),
        status: str = Form(""),
        kind: str = Form(""),
        outlet: str = Form(""),
    ):
        check_csrf(request, csrf_token)
        filters = Filters(status=status, kind=kind, outlet=outlet)
        who = reviewer_name.strip() or request.cookies.get(REVIEWER_COOKIE) or site.reviewer
        _, following = _neighbours(index_path, filters, finding_id)
        try:
            if action == "confirm":
                result = confirm(
                    index_path=index_path, finding=finding_id, reviewer=who, note=note_text
                )
            elif action == "dismiss":
                result = dismiss(
                    index_path=index_path,
                    finding=finding_id,
                    reason=reason,
                    reviewer=who,
                    note=note_text,
                )
            elif action == "reopen":
                result = reopen(
                    index_path=index_path, finding=finding_id, reviewer=who, note=note_text
                )
            elif action == "note":
                result = note(
                    index_path=index_path, finding=finding_id, text=note_text, reviewer=who
                )
            else:
                raise HTTPException(status_code=400, detail=f"unknown action {action!r}")
        except UnknownFindingError:
            raise
        except CheckerError as error:
            raise HTTPException(status_code=400, detail=str(error)) from error
        if "application/json" in request.headers.get("accept", ""):
            response: Response = JSONResponse(result.model_dump(mode="json"))
        else:
            stay = action in ("note", "reopen") or following is None
            target = finding_id if stay else following
            response = RedirectResponse(
                f"/findings/{target}{filters.query()}#verdict-saved", status_code=303
            )
        response.set_cookie(REVIEWER_COOKIE, who, httponly=True, samesite="strict")
        return response

    return app


def _filtered(findings: list[Finding], filters: Filters) -> list[Finding]:
    return [
        finding
        for finding in findings
        if (not filters.status or finding.status == filters.status)
        and (not filters.kind or finding.kind == filters.kind)
        and (not filters.outlet or filters.outlet in finding.outlets)
    ]


def _neighbours(
    index_path: Path, filters: Filters, finding_id: int
) -> tuple[int | None, int | None]:
    """Ids before and after `finding_id` in the filtered queue (None at either end)."""
    ids = [finding.id for finding in _filtered(list_findings(index_path=index_path), filters)]
    if finding_id not in ids:
        return (ids[-1] if ids else None), (ids[0] if ids else None)
    position = ids.index(finding_id)
    previous = ids[position - 1] if position > 0 else None
    following = ids[position + 1] if position + 1 < len(ids) else None
    return previous, following
