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
from urllib.parse import quote, unquote, urlencode, urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from checker.models import KIND_ORDER, Article
from checker.review import (
    DISMISS_REASONS,
    QUEUE_SORTS,
    STATUSES,
    Finding,
    Selection,
    selection_of,
)
from checker.review.store import default_reviewer

TEMPLATES = Path(__file__).parent / "templates"
SESSION_COOKIE = "checker_review_session"
REVIEWER_COOKIE = "checker_reviewer"
# What the last state change did, shown once on the page it lands on.
FLASH_COOKIE = "checker_flash"
CSRF_HEADER = "x-csrf-token"


@dataclass(frozen=True)
class Filters:
    """The queue's state in a URL: filters, search and sort (`page` rides along separately)."""

    # In the order of the queue page's form fields, so a list has one URL however reached.
    q: str = ""
    status: str = ""
    kind: str = ""
    outlet: str = ""
    incident: str = ""
    sort: str = ""

    def query(self, **changes: str | int | None) -> str:
        """The query string of these filters with `changes` (None or "" drops a field)."""
        values = {**vars(self), **changes}
        kept = {key: value for key, value in values.items() if value not in (None, "")}
        return f"?{urlencode(kept)}" if kept else ""

    def selection(self, **changes: str | None) -> Selection:
        """The findings these filters take (an unknown status or sort is ignored)."""
        values = {**vars(self), **changes}
        status = values["status"] if values["status"] in STATUSES else None
        return selection_of(
            status=status,
            kind=values["kind"],
            outlet=values["outlet"],
            incident=values["incident"],
            search=values["q"] or "",
        )

    @property
    def order(self) -> str:
        return self.sort if self.sort in QUEUE_SORTS else "queue"


@dataclass(frozen=True)
class Segment:
    """A slice of article text; `mark` says which side's sentence it belongs to, if any, and
    `parts` splits it where that side's compared figure stands (True for the figure)."""

    text: str
    mark: str = ""
    parts: tuple[tuple[str, bool], ...] = ()


def sentence_parts(finding: Finding, label: str) -> list[tuple[str, bool]]:
    """Side `label`'s sentence ("a" or "b") cut around its compared figure: `pair.compared`
    holds side a's quantity first, each with offsets into its own sentence."""
    side = finding.pair.a if label == "a" else finding.pair.b
    compared = finding.pair.compared
    figure = None if compared is None else compared[0 if label == "a" else 1]
    if figure is None or not 0 <= figure.start < figure.end <= len(side.text):
        return [(side.text, False)]
    pieces = [
        (side.text[: figure.start], False),
        (side.text[figure.start : figure.end], True),
        (side.text[figure.end :], False),
    ]
    return [piece for piece in pieces if piece[0]]


class ReviewSite:
    """What the routes share: the index, its articles (loaded once), the session secret."""

    def __init__(self, index_path: Path, reviewer: str | None, secret: bytes) -> None:
        self.index_path = index_path
        self.reviewer = reviewer or default_reviewer()
        self.secret = secret
        self.templates = Jinja2Templates(directory=str(TEMPLATES))
        self.templates.env.globals["sentence_parts"] = sentence_parts

    @cached_property
    def articles(self) -> dict[str, Article]:
        from checker.store import load_index

        return {article.id: article for article in load_index(self.index_path).articles}

    def csrf_token(self, session: str) -> str:
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def context(self, finding: Finding, label: str) -> tuple[list[Segment], bool]:
        """Side `label`'s article cut around the finding's sentences, their compared figures
        marked; False when the article changed since the sync (only the sentence then)."""
        pair = finding.pair
        side = pair.a if label == "a" else pair.b
        article = self.articles.get(side.doc_id)
        if article is None or article.text[side.start : side.end] != side.text:
            parts = tuple(sentence_parts(finding, label))
            return [Segment(side.text, "this", parts)], False
        marks = sorted(
            (other.start, other.end, "this" if name == label else "other", name)
            for name, other in (("a", pair.a), ("b", pair.b))
            if other.doc_id == side.doc_id and article.text[other.start : other.end] == other.text
        )
        segments, cursor = [], 0
        for start, end, mark, name in marks:
            if start < cursor:
                continue
            parts = tuple(sentence_parts(finding, name))
            segments += [
                Segment(article.text[cursor:start]),
                Segment(article.text[start:end], mark, parts),
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
        flash = unquote(request.cookies.get(FLASH_COOKIE, ""))
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
                "flash": flash,
                **context,
            },
            status_code=status_code,
        )
        if request.cookies.get(SESSION_COOKIE) != session:
            response.set_cookie(SESSION_COOKIE, session, httponly=True, samesite="strict")
        if flash:
            response.delete_cookie(FLASH_COOKIE, httponly=True, samesite="strict")
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


def redirect(url: str, *, flash: str = "") -> RedirectResponse:
    """A 303 to `url` after a state change, saying `flash` on the page it lands on."""
    response = RedirectResponse(url, status_code=303)
    if flash:
        response.set_cookie(FLASH_COOKIE, quote(flash), httponly=True, samesite="strict")
    return response


def local_url(url: str) -> str:
    """`url` when it is a path on this site, else the queue: a form's `back` field never
    sends the browser elsewhere."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not url.startswith("/") or url.startswith("//"):
        return "/"
    return "/" if "\\" in url else url  # browsers read "/\\host" as "//host"
