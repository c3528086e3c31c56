"""The review page's routes: the queue (pages, search, sort, facets, groups), a finding with
both sentences in their articles, and the state changes: one finding's verdict, a group's
verdict, and undo. Each reads the `ReviewSite` the app holds in `app.state.site`."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from checker.errors import CheckerError, UnknownFindingError, UsageError
from checker.models import KINDS
from checker.review import (
    QUEUE_SORTS,
    Finding,
    confirm,
    confirm_all,
    dismiss,
    dismiss_all,
    note,
    position,
    queue_page,
    reopen,
    show,
    undo,
)
from checker.server.site import REVIEWER_COOKIE, Filters, ReviewSite, local_url, redirect

router = APIRouter()
# Findings an undo's flash names by id before it says "and N more".
UNDO_NAMED = 5


def site_of(request: Request) -> ReviewSite:
    site: ReviewSite = request.app.state.site
    return site


def query_filters(
    status: str = "", kind: str = "", outlet: str = "", incident: str = "", q: str = "",
    sort: str = "",
) -> Filters:  # fmt: skip
    """The queue's filters from a page's query string."""
    return Filters(status=status, kind=kind, outlet=outlet, incident=incident, q=q, sort=sort)


def form_filters(
    status: str = Form(""), kind: str = Form(""), outlet: str = Form(""),
    incident: str = Form(""), q: str = Form(""), sort: str = Form(""),
) -> Filters:  # fmt: skip
    """The queue's filters a form carries along, so its answer lands on the same list."""
    return Filters(status=status, kind=kind, outlet=outlet, incident=incident, q=q, sort=sort)


QueryFilters = Annotated[Filters, Depends(query_filters)]
FormFilters = Annotated[Filters, Depends(form_filters)]


def reviewer_of(request: Request, site: ReviewSite, given: str = "") -> str:
    return given.strip() or request.cookies.get(REVIEWER_COOKIE) or site.reviewer


@router.get("/", response_class=HTMLResponse)
def queue_view(request: Request, filters: QueryFilters, page: int = 1) -> Response:
    site = site_of(request)
    result = queue_page(
        index_path=site.index_path, selection=filters.selection(), sort=filters.order, page=page
    )
    first = (result.page - 1) * result.per_page + 1 if result.findings else 0
    return site.render(
        request,
        "queue.html",
        result=result,
        filters=filters,
        sorts=QUEUE_SORTS,
        shown=(first, first + len(result.findings) - 1 if result.findings else 0),
        bulk_status=filters.selection().status or "open",
    )


@router.get("/findings/{finding_id}", response_class=HTMLResponse)
def finding_view(request: Request, finding_id: int, filters: QueryFilters) -> Response:
    site = site_of(request)
    detail = show(index_path=site.index_path, finding=finding_id)
    where = position(
        index_path=site.index_path,
        finding=finding_id,
        selection=filters.selection(),
        sort=filters.order,
    )
    sides = []
    for label, side in (("a", detail.finding.pair.a), ("b", detail.finding.pair.b)):
        segments, intact = site.context(detail.finding, label)
        sides.append({"label": label.upper(), "side": side, "segments": segments, "intact": intact})
    kind_info = KINDS.get(detail.finding.kind)  # type: ignore[call-overload]
    return site.render(
        request,
        "finding.html",
        detail=detail,
        finding=detail.finding,
        sides=sides,
        filters=filters,
        position=where,
        back="/" + filters.query(page=where.page if where.page > 1 else None),
        definition=kind_info.definition if kind_info else "",
    )


@router.post("/findings/{finding_id}/verdict")
def verdict(
    request: Request,
    finding_id: int,
    filters: FormFilters,
    action: str = Form(...),
    csrf_token: str = Form(""),
    reason: str = Form("false-alarm"),
    note_text: str = Form("", alias="note"),
    reviewer_name: str = Form("", alias="reviewer"),
) -> Response:
    site = site_of(request)
    site.check_csrf(request, csrf_token)
    who = reviewer_of(request, site, reviewer_name)
    following = position(
        index_path=site.index_path,
        finding=finding_id,
        selection=filters.selection(),
        sort=filters.order,
    ).following
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
        said = f"#{finding_id} {result.status}" + (f" ({result.reason})" if result.reason else "")
        response = redirect(
            f"/findings/{target}{filters.query()}",
            flash=("Note saved" if action == "note" else f"{said} · z undoes"),
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


@router.post("/groups/verdict")
def group_verdict(
    request: Request,
    filters: FormFilters,
    action: str = Form(...),
    group: str = Form(...),
    csrf_token: str = Form(""),
    reason: str = Form("false-alarm"),
    page: int = Form(1),
) -> Response:
    """One verdict on a group's findings in the current list (open ones unless it filters
    another status); the flash says how many changed."""
    site = site_of(request)
    site.check_csrf(request, csrf_token)
    who = reviewer_of(request, site)
    selection = filters.selection(incident=group)
    selection = selection.model_copy(update={"status": selection.status or "open"})
    try:
        if action == "confirm":
            result = confirm_all(index_path=site.index_path, selection=selection, reviewer=who)
        elif action == "dismiss":
            result = dismiss_all(
                index_path=site.index_path, selection=selection, reason=reason, reviewer=who
            )
        else:
            raise HTTPException(status_code=400, detail=f"unknown action {action!r}")
    except CheckerError as error:
        raise HTTPException(status_code=400, detail=str(error)) from error
    said = result.status + (f" ({result.reason})" if result.reason else "")
    return redirect(
        "/" + filters.query(page=page if page > 1 else None),
        flash=f"{result.changed} of {len(result.findings)} findings {said} · z undoes",
    )


@router.post("/undo")
def undo_verdict(request: Request, csrf_token: str = Form(""), back: str = Form("/")) -> Response:
    """Take back this reviewer's last verdict, then return to the page it was asked from."""
    site = site_of(request)
    site.check_csrf(request, csrf_token)
    try:
        result = undo(index_path=site.index_path, reviewer=reviewer_of(request, site))
    except UsageError as error:
        return redirect(local_url(back), flash=str(error).capitalize())
    restored = ", ".join(f"#{finding.id}" for finding in result.restored[:UNDO_NAMED])
    if len(result.restored) > UNDO_NAMED:
        restored += f" and {len(result.restored) - UNDO_NAMED} more"
    said = f"Undid {result.action}: " + (f"{restored} restored" if restored else "none restored")
    if result.skipped:
        said += f"; {len(result.skipped)} decided again since, left as they are"
    return redirect(local_url(back), flash=said)
