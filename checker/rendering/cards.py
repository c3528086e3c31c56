"""One finding as an HTML card: its reason, both sentences side by side with their figures
marked, where each sentence comes from, and the figures compared.

Every piece of text that comes from an article, an outlet or the report passes through
`html.escape`; quantities are highlighted by slicing the raw sentence first and escaping
each slice after, so the offsets keep pointing at the right characters.
"""

from __future__ import annotations

import logging
from html import escape

from checker.models import Pair, PairSide, Quantity
from checker.rendering.figures import format_interval, format_score
from checker.rendering.incidents import finding_context

logger = logging.getLogger(__name__)


def finding_card(pair: Pair) -> str:
    """The finding as an <article> card."""
    compared = compared_in_side_order(pair)
    compared_a, compared_b = compared if compared is not None else (None, None)
    if compared_a is not None and not states(pair.a, compared_a):
        compared_a = None
    if compared_b is not None and not states(pair.b, compared_b):
        compared_b = None
    return (
        '<article class="finding">\n'
        '<div class="finding-head">'
        f'<p class="reason">{escape(pair.reason)}</p>'
        f'<p class="context">{escape(finding_context(pair))}</p>'
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


def highlight_quantities(side: PairSide, compared: Quantity | None) -> str:
    """The sentence as escaped HTML with each quantity's [start:end] wrapped in <mark>.

    The compared quantity gets class "compared" and wins where spans overlap; a span that
    falls outside the sentence is logged and left unmarked rather than shifting the text.
    """
    spans: list[tuple[int, int, str]] = []
    candidates = [(compared, "compared")] if compared is not None else []
    candidates += [(quantity, "") for quantity in side.quantities]
    for quantity, css_class in candidates:
        if not 0 <= quantity.start < quantity.end <= len(side.text):
            logger.warning(
                "quantity %r has offsets [%d:%d] outside its sentence in %s; not highlighted",
                quantity.text,
                quantity.start,
                quantity.end,
                side.doc_id,
            )
            continue
        if any(quantity.start < end and start < quantity.end for start, end, _ in spans):
            continue  # the compared quantity, or a nested phrase of it, is already marked
        spans.append((quantity.start, quantity.end, css_class))
    pieces: list[str] = []
    cursor = 0
    for start, end, css_class in sorted(spans):
        class_attr = f' class="{css_class}"' if css_class else ""
        pieces.append(escape(side.text[cursor:start]))
        pieces.append(f"<mark{class_attr}>{escape(side.text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(side.text[cursor:]))
    return "".join(pieces)
