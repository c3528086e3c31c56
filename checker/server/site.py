"""What the review page's routes share: the index and its articles, the session secret, the
templates, the CSRF check, and the queue's filters.

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
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from checker.models import KIND_ORDER, Article, PairSide
from checker.review import DISMISS_REASONS, STATUSES, Finding, list_findings
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
        self.templates = Jinja2Templates(directory=str(TEMPLATES))

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

    def render(
        self, request: Request, name: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        """A page from the templates, with the session cookie set on first visit."""
        session = request.cookies.get(SESSION_COOKIE) or secrets.token_urlsafe(32)
        reviewer_name = request.cookies.get(REVIEWER_COOKIE) or self.reviewer
        response = self.templates.TemplateResponse(
            request,
            name,
            {
                "csrf_token": self.csrf_token(session),
                "reviewer": reviewer_name,
                "index_name": str(self.index_path),
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

    def check_csrf(self, request: Request, token: str) -> None:
        """Refuse a state change without this session's token or from another origin."""
        session = request.cookies.get(SESSION_COOKIE)
        token = token or request.headers.get(CSRF_HEADER, "")
        expected = self.csrf_token(session) if session else ""
        if not session or not token or not hmac.compare_digest(token, expected):
            raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload")
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPException(status_code=403, detail="cross-origin request refused")


def filtered(findings: list[Finding], filters: Filters) -> list[Finding]:
    return [
        finding
        for finding in findings
        if (not filters.status or finding.status == filters.status)
        and (not filters.kind or finding.kind == filters.kind)
        and (not filters.outlet or filters.outlet in finding.outlets)
    ]


def neighbours(
    index_path: Path, filters: Filters, finding_id: int
) -> tuple[int | None, int | None]:
    """Ids before and after `finding_id` in the filtered queue (None at either end)."""
    ids = [finding.id for finding in filtered(list_findings(index_path=index_path), filters)]
    if finding_id not in ids:
        return (ids[-1] if ids else None), (ids[0] if ids else None)
    position = ids.index(finding_id)
    previous = ids[position - 1] if position > 0 else None
    following = ids[position + 1] if position + 1 < len(ids) else None
    return previous, following
