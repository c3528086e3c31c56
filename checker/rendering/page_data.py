"""The findings as data for the page's script: every finding of the report, embedded once in
the HTML page as JSON, so the page searches, filters, sorts and pages through them itself.

Sentences and articles are stored once each and findings point at them (a FA-KES sentence
sits in three findings on average). Offsets into sentences are in UTF-16 code units, the
units of a JavaScript string, so a figure after an emoji is still marked where it stands.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Generic, TypeVar

from checker.models import KIND_ORDER, KINDS, Frozen, Pair, PairSide, Quantity, Report
from checker.rendering.cards import compared_in_side_order, compared_span, quantity_spans
from checker.rendering.figures import format_interval, format_score
from checker.rendering.incidents import incident_summary
from checker.rendering.page_state import NO_INCIDENT, SORTS

# Findings per page: two screenfuls of cards, few enough that drawing a page stays instant.
PAGE_SIZE = 25
Span = tuple[int, int]
Row = TypeVar("Row")


class PageKind(Frozen):
    name: str
    definition: str


class PageIncident(Frozen):
    id: str
    label: str


class PageArticle(Frozen):
    doc: str
    outlet: str
    date: str | None
    title: str
    source: str


class PageSentence(Frozen):
    article: int
    text: str
    start: int
    end: int
    line: int | None
    marks: list[Span] = []


class PageFigure(Frozen):
    text: str
    interval: str
    mark: Span | None = None


class PageFinding(Frozen):
    kind: str
    score: float
    score_text: str
    similarity_text: str
    reason: str
    fingerprint: str
    incident: str | None
    days_apart: int | None
    place: str | None
    a: int
    b: int
    compared: tuple[PageFigure, PageFigure] | None


class PageData(Frozen):
    """Everything the script needs; lists in reading order (outlets most frequent first)."""

    page_size: int = PAGE_SIZE
    sorts: list[str] = [value for value, _ in SORTS]
    no_incident: str = NO_INCIDENT
    kinds: list[PageKind]
    outlets: list[str]
    incidents: list[PageIncident]
    articles: list[PageArticle]
    sentences: list[PageSentence]
    findings: list[PageFinding]


def page_data(report: Report, pairs: list[Pair]) -> PageData:
    """The data of `pairs` (the report's, in reading order) for the page's script."""
    articles: _Rows[PageArticle] = _Rows()
    sentences: _Rows[PageSentence] = _Rows()

    def sentence_row(side: PairSide) -> int:
        article = articles.row(
            (side.doc_id, side.outlet, side.date, side.title, side.source),
            lambda: _article(side),
        )
        spans = tuple((quantity.start, quantity.end) for quantity in side.quantities)
        return sentences.row(
            (article, side.start, side.end, side.line, side.text, spans),
            lambda: _sentence(side, article),
        )

    findings = [_finding(pair, sentence_row(pair.a), sentence_row(pair.b)) for pair in pairs]
    return PageData(
        kinds=[PageKind(name=kind, definition=KINDS[kind].definition) for kind in KIND_ORDER],
        outlets=[outlet for outlet, _ in outlets_by_count(pairs)],
        incidents=page_incidents(report, pairs),
        articles=articles.values,
        sentences=sentences.values,
        findings=findings,
    )


class _Rows(Generic[Row]):
    """A table that stores each row once: the row number of a key, made on first sight."""

    def __init__(self) -> None:
        self.numbers: dict[tuple, int] = {}
        self.values: list[Row] = []

    def row(self, key: tuple, make: Callable[[], Row]) -> int:
        if key not in self.numbers:
            self.numbers[key] = len(self.values)
            self.values.append(make())
        return self.numbers[key]


def _article(side: PairSide) -> PageArticle:
    date = side.date.isoformat() if side.date else None
    return PageArticle(
        doc=side.doc_id, outlet=side.outlet, date=date, title=side.title, source=side.source
    )


def _sentence(side: PairSide, article: int) -> PageSentence:
    return PageSentence(
        article=article,
        text=side.text,
        start=side.start,
        end=side.end,
        line=side.line,
        marks=[utf16_span(side.text, span) for span in quantity_spans(side)],
    )


def _finding(pair: Pair, a: int, b: int) -> PageFinding:
    compared = compared_in_side_order(pair)
    figures = None
    if compared is not None:
        figures = (_figure(pair.a, compared[0]), _figure(pair.b, compared[1]))
    return PageFinding(
        kind=pair.kind,
        score=pair.score,
        score_text=format_score(pair.score),
        similarity_text=format_score(pair.similarity),
        reason=pair.reason,
        fingerprint=pair.fingerprint,
        incident=pair.incident,
        days_apart=pair.days_apart,
        place=pair.place,
        a=a,
        b=b,
        compared=figures,
    )


def _figure(side: PairSide, quantity: Quantity) -> PageFigure:
    span = compared_span(side, quantity)
    return PageFigure(
        text=quantity.text,
        interval=format_interval(quantity),
        mark=utf16_span(side.text, span) if span is not None else None,
    )


def utf16_span(text: str, span: Span) -> Span:
    """A [start, end) of code points in `text` as UTF-16 code units (astral characters,
    emoji among them, take two units each)."""
    start, end = span
    before = sum(1 for char in text[:start] if ord(char) > 0xFFFF)
    inside = sum(1 for char in text[start:end] if ord(char) > 0xFFFF)
    return start + before, end + before + inside


def outlets_by_count(pairs: list[Pair]) -> list[tuple[str, int]]:
    """Each outlet with the number of findings it takes part in, most first, then by name."""
    counts = Counter(outlet for pair in pairs for outlet in {pair.a.outlet, pair.b.outlet})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def page_incidents(report: Report, pairs: list[Pair]) -> list[PageIncident]:
    """The incidents the findings belong to, in the report's order (most severe first);
    one a finding names but the report does not list comes after, by id. Findings outside
    any incident have the facet value page_state.NO_INCIDENT, which the script adds."""
    named = {pair.incident for pair in pairs if pair.incident is not None}
    listed = [
        PageIncident(id=incident.id, label=incident_summary(incident))
        for incident in report.incidents
        if incident.id in named
    ]
    unlisted = sorted(named - {incident.id for incident in listed})
    return listed + [PageIncident(id=incident, label=incident) for incident in unlisted]


def script_json(data: PageData) -> str:
    """`data` as JSON that is safe inside a <script> element: no `<`, `>` or `&` appears
    raw (so no `</script>` or `<!--` can end or bend the element), nor U+2028/U+2029."""
    text = data.model_dump_json()
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return text


_SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
