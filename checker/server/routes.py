"""The review page's routes: the queue with its filters, a finding with both sentences in their
articles, and the verdict form (confirm, dismiss, reopen, note). Each reads the `ReviewSite`
the app holds in `app.state.site`."""

from __future__ import annotations

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from checker.errors import CheckerError, UnknownFindingError
from checker.models import KINDS
from checker.review import STATUSES, Finding, confirm, dismiss, list_findings, note, reopen, show
from checker.server.site import REVIEWER_COOKIE, Filters, ReviewSite, filtered, neighbours

router = APIRouter()


def site_of(request: Request) -> ReviewSite:
    site: ReviewSite = request.app.state.site
    return site


@router.get("/", response_class=HTMLResponse)
def queue_page(request: Request, status: str = "", kind: str = "", outlet: str = "") -> Response:
    site = site_of(request)
    filters = Filters(status=status, kind=kind, outlet=outlet)
    everything = list_findings(index_path=site.index_path)
    counts = {name: sum(1 for f in everything if f.status == name) for name in STATUSES}
    return site.render(
        request,
        "queue.html",
        findings=filtered(everything, filters),
        filters=filters,
        counts=counts,
        total=len(everything),
        outlets=sorted({name for finding in everything for name in finding.outlets}),
    )


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding_page(
    request: Request, finding_id: int, status: str = "", kind: str = "", outlet: str = ""
) -> Response:
    site = site_of(request)
    filters = Filters(status=status, kind=kind, outlet=outlet)
    detail = show(index_path=site.index_path, finding=finding_id)
    previous, following = neighbours(site.index_path, filters, finding_id)
    sides = []
    for label, side in (("A", detail.finding.pair.a), ("B", detail.finding.pair.b)):
        segments, intact = site.context(detail.finding, side)
        sides.append({"label": label, "side": side, "segments": segments, "intact": intact})
    kind_info = KINDS.get(detail.finding.kind)  # type: ignore[call-overload]
    return site.render(
        request,
        "finding.html",
        detail=detail,
        finding=detail.finding,
        sides=sides,
        filters=filters,
        previous=previous,
        following=following,
        definition=kind_info.definition if kind_info else "",
    )


@router.post("/findings/{finding_id}/verdict")
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
) -> Response:
    site = site_of(request)
    site.check_csrf(request, csrf_token)
    filters = Filters(status=status, kind=kind, outlet=outlet)
    who = reviewer_name.strip() or request.cookies.get(REVIEWER_COOKIE) or site.reviewer
    _, following = neighbours(site.index_path, filters, finding_id)
    try:
        result = _apply(site, action, finding_id, who=who, reason=reason, text=note_text)
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


def _apply(
    site: ReviewSite, action: str, finding_id: int, *, who: str, reason: str, text: str
) -> Finding:
    """One verdict form's action on the queue."""
    index_path = site.index_path
    if action == "confirm":
        return confirm(index_path=index_path, finding=finding_id, reviewer=who, note=text)
    if action == "dismiss":
        return dismiss(
            index_path=index_path, finding=finding_id, reason=reason, reviewer=who, note=text
        )
    if action == "reopen":
        return reopen(index_path=index_path, finding=finding_id, reviewer=who, note=text)
    if action == "note":
        return note(index_path=index_path, finding=finding_id, text=text, reviewer=who)
    raise HTTPException(status_code=400, detail=f"unknown action {action!r}")
