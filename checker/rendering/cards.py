"""One finding as an HTML card: its kind, date gap and place, its reason, both sentences side
by side with their figures marked, where each sentence comes from, and the figures compared.

Every piece of text that comes from an article, an outlet or the report passes through
`html.escape`; quantities are highlighted by slicing the raw sentence first and escaping
each slice after, so the offsets keep pointing at the right characters. The page's script
(report.js, `card`) draws the same card from the embedded data for every later page; the
two must stay element for element alike (tests/test_browser.py compares them).
"""

from __future__ import annotations

import logging
from html import escape

from checker.models import Pair, PairSide, Quantity
from checker.rendering.figures import format_interval, format_score
from checker.rendering.incidents import gap_phrase
from checker.rendering.page_state import fragment

logger = logging.getLogger(__name__)


def finding_card(pair: Pair) -> str:
    """The finding as an <article> card."""
    compared = compared_in_side_order(pair)
    compared_a, compared_b = compared if compared is not None else (None, None)
    return (
        f'<article class="finding kind-{pair.kind}">\n'
        '<div class="finding-head"><div class="headline">'
        f'<p class="reason">{escape(pair.reason)}</p>'
        f'<p class="context">{_context(pair)}</p></div>'
        '<p class="scores">'
        f'<span class="score">similarity {format_score(pair.similarity)}</span>'
        f'<span class="score">score {format_score(pair.score)}</span></p>'
        "</div>\n"
        '<div class="sides">\n'
        f"{_side(pair.a, compared_a)}{_side(pair.b, compared_b)}"
        "</div>\n"
        f"{_compared_line(compared)}"
        f'<p class="fingerprint">fingerprint <code>{escape(pair.fingerprint)}</code></p>\n'
        "</article>\n"
    )


def _context(pair: Pair) -> str:
    """Kind, date gap and place as badges, and a link to the incident's findings."""
    parts = [
        f'<span class="badge">{pair.kind}</span>',
        f'<span class="days">{gap_phrase(pair.days_apart)}</span>',
        f'<span class="place">{escape(pair.place or "place unknown")}</span>',
    ]
    if pair.incident is not None:
        href = escape(fragment(incident=pair.incident))
        parts.append(f'<a class="incident-link" href="{href}">incident {escape(pair.incident)}</a>')
    return "".join(parts)


def _side(side: PairSide, compared: Quantity | None) -> str:
    date = f"<time>{side.date.isoformat()}</time>" if side.date else "undated"
    title = f'<span class="title">{escape(side.title)}</span>' if side.title else ""
    where = f"doc <code>{escape(side.doc_id)}</code> [{side.start}:{side.end}]"
    if side.source:
        line = f":{side.line}" if side.line is not None else ""
        where += f" · <code>{escape(side.source)}{line}</code>"
    return (
        '<figure class="side">'
        f"<blockquote>{highlight_quantities(side, compared)}</blockquote>"
        f'<figcaption><strong class="outlet">{escape(side.outlet)}</strong> · '
        f'{date}{title}<span class="where">{where}</span></figcaption>'
        "</figure>\n"
    )


def compared_in_side_order(pair: Pair) -> tuple[Quantity, Quantity] | None:
    """The two compared figures as (a's, b's). A verdict's figures need not come in the
    pair's side order, and each is marked in the sentence it was read from, so a pair whose
    figures fit only the other way round is turned; one that fits either way keeps its order."""
    if pair.compared is None:
        return None
    first, second = pair.compared
    in_order = states(pair.a, first) and states(pair.b, second)
    if not in_order and states(pair.a, second) and states(pair.b, first):
        return second, first
    return first, second


def states(side: PairSide, quantity: Quantity) -> bool:
    """Whether the sentence of `side` states `quantity` where its offsets say."""
    return quantity in side.quantities or side.text[quantity.start : quantity.end] == quantity.text


def _compared_line(compared: tuple[Quantity, Quantity] | None) -> str:
    if compared is None:
        return ""
    first, second = compared
    return (
        '<p class="compared-line">Compared '
        f"<mark>{escape(first.text)}</mark> {escape(format_interval(first))} with "
        f"<mark>{escape(second.text)}</mark> {escape(format_interval(second))}</p>\n"
    )


def quantity_spans(side: PairSide) -> list[tuple[int, int]]:
    """The [start, end) of each quantity of the sentence, in the side's order; a span that
    falls outside the sentence is logged and left out rather than shifting the text."""
    spans = []
    for quantity in side.quantities:
        if 0 <= quantity.start < quantity.end <= len(side.text):
            spans.append((quantity.start, quantity.end))
        else:
            logger.warning(
                "quantity %r has offsets [%d:%d] outside its sentence in %s; not highlighted",
                quantity.text,
                quantity.start,
                quantity.end,
                side.doc_id,
            )
    return spans


def compared_span(side: PairSide, compared: Quantity | None) -> tuple[int, int] | None:
    """Where the compared figure stands in this side's sentence, if this sentence states it."""
    if compared is None or not states(side, compared):
        return None
    if not 0 <= compared.start < compared.end <= len(side.text):
        return None  # in the side's quantities, so quantity_spans logs it
    return compared.start, compared.end


def marked_spans(
    compared: tuple[int, int] | None, spans: list[tuple[int, int]]
) -> list[tuple[int, int, bool]]:
    """The spans to mark, in text order, flagged when compared: the compared figure first,
    then each quantity that overlaps nothing marked before it (a nested phrase of it)."""
    chosen = [(compared[0], compared[1], True)] if compared is not None else []
    for start, end in spans:
        if not any(start < taken_end and taken_start < end for taken_start, taken_end, _ in chosen):
            chosen.append((start, end, False))
    return sorted(chosen)


def highlight_quantities(side: PairSide, compared: Quantity | None) -> str:
    """The sentence as escaped HTML with each quantity's [start:end] wrapped in <mark>; the
    compared figure gets class "compared" and wins where spans overlap."""
    pieces: list[str] = []
    cursor = 0
    for start, end, is_compared in marked_spans(
        compared_span(side, compared), quantity_spans(side)
    ):
        class_attr = ' class="compared"' if is_compared else ""
        pieces.append(escape(side.text[cursor:start]))
        pieces.append(f"<mark{class_attr}>{escape(side.text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(side.text[cursor:]))
    return "".join(pieces)
