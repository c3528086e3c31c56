"""The page's navigation as the server draws it for the first page: the search box, the sort
menu, the kind, outlet and incident facets with their counts, "1–25 of 3,413", the pager.

The page's script (report.js) redraws every piece of this for each state (page_state.py);
what is drawn here must match what it draws for the state with nothing chosen.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from checker.models import KIND_ORDER, KINDS, Pair
from checker.rendering.page_data import PageData
from checker.rendering.page_state import EVERYTHING, NO_INCIDENT, SORTS, fragment

# Pages listed either side of the current one in the pager (then the first, the last, "…").
PAGER_REACH = 2


def format_count(count: int) -> str:
    """3413 -> "3,413", as the script's formatCount writes it."""
    return f"{count:,}"


def controls() -> str:
    """The search box and the sort menu (drawn for the script, hidden without it)."""
    options = "".join(
        f'<option value="{value}"{" selected" if index == 0 else ""}>{escape(label)}</option>'
        for index, (value, label) in enumerate(SORTS)
    )
    return (
        '<div class="controls needs-js" role="search">'
        '<label for="search">Search</label>'
        '<input type="search" id="search" autocomplete="off" spellcheck="false" '
        'placeholder="sentence text, outlet or place">'
        f'<label for="sort">Sort by</label><select id="sort">{options}</select>'
        "</div>\n"
    )


def kind_facet(pairs: list[Pair]) -> str:
    """A chip per kind with its count; a kind no finding has is greyed, not a link."""
    counts = Counter(pair.kind for pair in pairs)
    chips = [
        f'<a class="chip selected" href="{EVERYTHING}" aria-current="true">All '
        f'<span class="count">{format_count(len(pairs))}</span></a>'
    ]
    for kind in KIND_ORDER:
        count = format_count(counts[kind])
        label = f'<span class="dot"></span>{kind} <span class="count">{count}</span>'
        if counts[kind]:
            chips.append(f'<a class="chip kind-{kind}" href="{fragment(kind=kind)}">{label}</a>')
        else:
            chips.append(f'<span class="chip empty kind-{kind}">{label}</span>')
    return f'<nav class="kinds" id="facet-kind" aria-label="Kinds">{"".join(chips)}</nav>\n'


def kind_legend() -> str:
    """What each kind means, folded away until asked for."""
    rows = "".join(
        f'<dt><span class="chip kind-{kind}"><span class="dot"></span>{kind}</span></dt>'
        f"<dd>{escape(KINDS[kind].definition)}</dd>"
        for kind in KIND_ORDER
    )
    return (
        f'<details class="legend"><summary>What the kinds mean</summary><dl>{rows}</dl></details>\n'
    )


def list_facets(data: PageData, pairs: list[Pair]) -> str:
    """The outlet and incident facets: each value with the number of findings it holds."""
    outlets = Counter(outlet for pair in pairs for outlet in {pair.a.outlet, pair.b.outlet})
    incidents = Counter(pair.incident or NO_INCIDENT for pair in pairs)
    outlet_items = [(fragment(outlet=name), name, outlets[name]) for name in data.outlets]
    incident_items = [
        (fragment(incident=incident.id), incident.label, incidents[incident.id])
        for incident in data.incidents
    ]
    if incidents[NO_INCIDENT]:
        incident_items.append(
            (fragment(incident=NO_INCIDENT), "no incident", incidents[NO_INCIDENT])
        )
    return (
        '<aside class="facets">'
        f"{_facet('outlet', 'Outlet', 'all outlets', outlet_items, len(pairs))}"
        f"{_facet('incident', 'Incident', 'all incidents', incident_items, len(pairs))}"
        "</aside>\n"
    )


def _facet(
    key: str, title: str, everything: str, items: list[tuple[str, str, int]], total: int
) -> str:
    """One facet's list: "all …" (chosen), then (link, label, count) for each value."""
    entries = [
        f'<li><a class="selected" href="{EVERYTHING}" aria-current="true">'
        f'<span class="label">{everything}</span>'
        f'<span class="count">{format_count(total)}</span></a></li>'
    ]
    for link, label, count in items:
        entries.append(
            f'<li><a href="{escape(link)}" title="{escape(label)}"><span class="label">{escape(label)}'
            f'</span><span class="count">{format_count(count)}</span></a></li>'
        )
    return (
        f'<section class="facet" id="facet-{key}"><h3>{title}</h3>'
        f"<ul>{''.join(entries)}</ul></section>"
    )


def showing(shown: int, total: int) -> str:
    """ "1–25 of 3,413 findings": which of the matching findings this page holds."""
    return f'<p class="showing" id="showing">{_showing_text(shown, total)}</p>\n'


def _showing_text(shown: int, total: int) -> str:
    if total == 0:
        return "No findings to show."
    return f"1–{format_count(shown)} of {format_count(total)} findings"


def pager(page_count: int) -> str:
    """Previous, the page numbers around page 1, next: the pager of the first page (empty
    when everything fits on it)."""
    if page_count <= 1:
        return '<nav class="pager needs-js" id="pager" aria-label="Pages"></nav>\n'
    items = ['<span class="step disabled">← Previous</span>']
    for number in page_numbers(1, page_count):
        if number is None:
            items.append('<span class="gap">…</span>')
        elif number == 1:
            items.append('<span class="current" aria-current="page">1</span>')
        else:
            items.append(f'<a href="{fragment(page=number)}">{number}</a>')
    items.append(f'<a class="step" href="{fragment(page=2)}" rel="next">Next →</a>')
    return f'<nav class="pager needs-js" id="pager" aria-label="Pages">{"".join(items)}</nav>\n'


def page_numbers(current: int, page_count: int) -> list[int | None]:
    """The pages the pager names: the first, the last and PAGER_REACH either side of the
    current one, with None where pages are skipped."""
    near = range(max(1, current - PAGER_REACH), min(page_count, current + PAGER_REACH) + 1)
    numbers: list[int | None] = []
    previous = 0
    for number in sorted({1, page_count, *near}):
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers
