"""Typed data that crosses stage boundaries: the vocabulary every stage speaks. Offsets are
character offsets: `Sentence.start/end` index into `Article.text`; `Quantity.start/end` index
into the sentence's own text."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema

Hedge = Literal[
    "exact",  # "44 children"
    "at_least",  # "at least 20", "no fewer than"
    "more_than",  # "more than 350,000", "over 100"
    "at_most",  # "up to 200", "as many as"
    "less_than",  # "fewer than 10", "under 10"
    "about",  # "about/around/some/roughly/approximately N"
    "nearly",  # "nearly/almost/close to N": slightly below N
    "between",  # "between 30 and 40", "30 to 40"
    "vague",  # "dozens", "hundreds", "scores", "tens"
]

PairKind = Literal["duplicate", "compatible", "divergent", "conflict", "update", "contradiction"]
# What `checker compare` may answer: a reported kind, or not the same incident and quantity.
CompareKind = Literal[PairKind, "unrelated"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KindInfo(Frozen):
    """One kind of pair as every stage reads it: where it sorts, how severe and urgent it is,
    what it means and how it is drawn."""

    kind: CompareKind
    severity: int = Field(description="when several figures are compared the most severe wins")
    weight: float = Field(description="base score: how much an editor needs to look (0..1)")
    definition: str
    colour: str = Field(description="colour name; render/style.py maps it to its shades")


# The one table of kinds, in reading order: what an editor must check before what merely
# agrees. `unrelated` is never reported; `checker compare` answers it for look-alikes.
KINDS: dict[CompareKind, KindInfo] = {
    info.kind: info
    for info in (
        KindInfo(
            kind="contradiction",
            severity=6,
            weight=0.95,
            definition="A non-numeric clash: one report negates the other, names the opposite "
            "actor, or denies the event.",
            colour="purple",
        ),
        KindInfo(
            kind="conflict",
            severity=5,
            weight=0.9,
            definition="The figures cannot both be true (exact figures differ, or one falls "
            "below the other's floor or above its ceiling) and timing does not explain it.",
            colour="red",
        ),
        KindInfo(
            kind="divergent",
            severity=4,
            weight=0.7,
            definition='Compatible only thanks to a hedge, but far apart (44 vs "at least 20").',
            colour="orange",
        ),
        KindInfo(
            kind="update",
            severity=3,
            weight=0.45,
            definition="The later report gives a higher figure for the same quantity: a rise, "
            "not a contradiction.",
            colour="blue",
        ),
        KindInfo(
            kind="compatible",
            severity=2,
            weight=0.25,
            definition="The same quantity, with figures that agree within their hedges.",
            colour="green",
        ),
        KindInfo(
            kind="duplicate",
            severity=1,
            weight=0.15,
            definition="The same claim with the same figures (wire copy or paraphrase).",
            colour="grey",
        ),
        KindInfo(
            kind="unrelated",
            severity=0,
            weight=0.0,
            definition="Not the same incident or not the same quantity: never reported.",
            colour="grey",
        ),
    )
}
# Kinds that fail a `checker check` unless told otherwise: the two that say one report is wrong.
DEFAULT_FAIL_ON: tuple[PairKind, ...] = ("conflict", "contradiction")
# The kinds that say outlets disagree about one incident (the others say they agree).
DISCREPANCY_KINDS: tuple[PairKind, ...] = ("contradiction", "conflict", "divergent", "update")
# The reported kinds in reading order.
KIND_ORDER: tuple[PairKind, ...] = tuple(kind for kind in KINDS if kind != "unrelated")


class Article(Frozen):
    """One news article as ingested; `text` is the body the offsets refer to."""

    id: str
    outlet: str
    date: dt.date | None = Field(None, description="publication date: the dateline, else metadata")
    date_source: Literal["text", "metadata"] | None = Field(
        None, description="where `date` came from: the article's own dateline, or its metadata"
    )
    dateline: str = Field("", description="the words of the text `date` was read from")
    metadata_date: dt.date | None = Field(
        None, description="the date the table, front matter or sidecar gave, kept when overruled"
    )
    title: str = ""
    url: str = ""
    text: str
    source: str = Field(description="file the article came from, with ':row N' for CSV/JSONL rows")
    first_line: int = Field(1, description="1-based line in `source` where `text` begins")
    checksum: str = Field(description="sha1 of id, outlet, date, title, url and text")


class Sentence(Frozen):
    """A sentence of an article's content (boilerplate never becomes a Sentence)."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str


class Quantity(Frozen):
    """A count stated in a sentence, read as an interval from its hedge.

    `low`/`high` bound the true value the sentence allows; `high=None` is unbounded.
    """

    text: str = Field(description="surface phrase, e.g. 'at least 20 children'")
    start: int
    end: int
    value: float | None = Field(description="the figure as written (None for a vague quantifier)")
    low: float
    high: float | None
    hedge: Hedge
    counted: str = Field("", description="the thing counted, lemma of its head noun: 'child'")
    category: str = Field("", description="coarse class of `counted`: civilian, child, people …")
    event: str | None = Field(
        None, description="normalised event verb: killed, wounded, abducted …"
    )
    part: bool = Field(False, description="part of a group counted elsewhere: '10 of them'")


class TimeExpression(Frozen):
    text: str
    date: dt.date | None = Field(None, description="resolved against the publication date")
    until: dt.date | None = Field(None, description="a range's last day ('August 2013'): date..")
    said: bool = Field(False, description="a statement's day ('said Monday'): the event's latest")


class Location(Frozen):
    """A place a sentence names, resolved in the gazetteer (claims/gazetteer.py): a town in its
    governorate, or a governorate."""

    name: str = Field(description="the gazetteer's name: 'Jisr ash Shughur', 'Idlib'")
    level: Literal["governorate", "town"]
    governorate: str


class Claim(Frozen):
    """Everything extracted from one sentence that verdicts compare."""

    sentence: Sentence
    quantities: list[Quantity] = []
    places: list[str] = []
    locations: list[Location] = Field(
        [], description="the places the gazetteer knows, resolved (sorted, no repeats)"
    )
    actors: list[str] = Field([], description="parties to the conflict the sentence names")
    perpetrators: list[str] = Field([], description="parties it says attacked (by attack words)")
    cleared: list[str] = Field([], description="parties it says did not: 'Moscow denied …'")
    hedged: bool = Field(False, description="its blame is hedged: 'suspected Russian jets'")
    attributed: bool = Field(False, description="it relays someone's claim: 'said', 'reportedly'")
    speaker: str | None = Field(None, description="the person or body it quotes, if named")
    times: list[TimeExpression] = []
    window: str | None = Field(None, description="cumulative window: 'since April', 'past week'")
    toll_update: bool = Field(False, description="the sentence frames its figure as a revised toll")
    means: list[str] = Field([], description="how it says it attacked: air, shelling, bombing …")
    targets: list[str] = Field([], description="what it says was hit: hospital, market, convoy …")
    denial: bool = Field(False, description="the sentence denies or calls false a reported event")


class AnalysedSentence(Frozen):
    """One indexed sentence as pairing and verdicts see it: its claim, its article, and `row`,
    the row of its vector in the index (a stable tie-break between equally dated reports)."""

    row: int
    claim: Claim
    article: Article


class PairSide(Frozen):
    doc_id: str
    outlet: str
    date: dt.date | None
    title: str = ""
    source: str = ""
    line: int | None = Field(None, description="1-based line of the sentence in `source`")
    column: int | None = Field(None, description="1-based column on `line`, if known (.txt, .md)")
    text: str
    start: int
    end: int
    quantities: list[Quantity] = []


class Verdict(Frozen):
    """The classification of one sentence pair, with the evidence behind it."""

    kind: CompareKind
    score: float = Field(description="0..1, how strongly an editor should look at this pair")
    reason: str
    compared: tuple[Quantity, Quantity] | None = None


class Pair(Frozen):
    """A reported cross-outlet sentence pair."""

    kind: PairKind
    score: float
    similarity: float
    reason: str
    fingerprint: str
    a: PairSide
    b: PairSide
    compared: tuple[Quantity, Quantity] | None = None
    incident: str | None = Field(None, description="the incident both sentences report, if one")
    days_apart: int | None = Field(None, description="days between the two publication dates")
    place: str | None = Field(None, description="where: the incident's place, with governorate")


# Neighbours kept per sentence after dropping same-outlet ones; 10 covers the handful of
# outlets that report one event in FA-KES (at most 8 records per event in dev.jsonl).
NEIGHBOURS = 10
# Neighbours below this cosine are different topics (MiniLM: unrelated news ~0.2-0.4).
NEIGHBOUR_MIN_SIMILARITY = 0.55
# The paraphrase judge that ships with checker (checker/data), and the word for none.
SHIPPED_PARAPHRASE_MODEL = "shipped"


class PairingOptions(BaseModel):
    """How a report pairs sentences; recorded in the report it shaped (less `focus`)."""

    model_config = ConfigDict(frozen=True)

    neighbours: int = NEIGHBOURS
    min_similarity: float = NEIGHBOUR_MIN_SIMILARITY
    include_same_outlet: bool = False
    include_same_article: bool = False
    paraphrase_model: str = Field(
        SHIPPED_PARAPHRASE_MODEL,
        description="judge of pairs without a shared quantity: 'shipped' (the adapter in "
        "checker/data), 'none' (cosine plus shared wording), or the path of another adapter",
    )
    focus: SkipJsonSchema[frozenset[str] | None] = Field(
        None, exclude=True, description="only pairs touching these articles (a check); None: all"
    )


class ReportSummary(Frozen):
    articles: int
    outlets: int
    sentences: int
    pairs_by_kind: dict[str, int]
    incidents: int = Field(0, description="incidents reported by two outlets or more")
    incidents_with_discrepancy: int = Field(0, description="of those, the ones disagreeing")
    counts_undated: int = Field(
        0,
        description="sentences counting an event that nothing dates (no text date, no "
        "publication date): they are compared only within their own article",
    )


class IncidentFigure(Frozen):
    """One figure an outlet gives for an incident: a row of its figure table."""

    outlet: str
    doc_id: str
    date: dt.date | None
    quantity: Quantity = Field(description="the figure, its hedge and what it counts")
    sentence: str = Field(description="the sentence that states it")
    start: int = Field(description="offset of the sentence in its article")
    end: int
    source: str | None = Field(None, description="whom it is attributed to; 'unnamed' if no one")
    origin: str = Field(description="doc id of the story it copies (its own when original)")


class ReportIncident(Frozen):
    """An incident as the report shows it: what, how, where, when, who reports which figure."""

    id: str
    event: str
    means: list[str] = []
    place: Location | None = None
    place_source: Literal["sentence", "article", "none"] = "none"
    first_day: dt.date | None = None
    last_day: dt.date | None = None
    dated_by: Literal["text", "publication", "none"] = "none"
    outlets: list[str]
    stories: int = Field(1, description="independent stories among its reports (copies count once)")
    figures: list[IncidentFigure]
    findings: list[str] = Field([], description="fingerprints of the pairs of this incident")
    discrepancies: int = Field(0, description="findings that are a discrepancy kind")
    severity: float = Field(0.0, description="the highest score among its discrepancies")


class Report(Frozen):
    schema_version: int = 3
    index: str
    model: str
    options: PairingOptions
    summary: ReportSummary
    suppressed: dict[str, int] = Field(
        default_factory=dict,
        description="findings left out and why, e.g. {'dismissed': 2, 'baselined': 5}",
    )
    incidents: list[ReportIncident] = Field([], description="two outlets' incidents or more")
    pairs: list[Pair]
    warnings: list[str] = Field(default_factory=list, description="what the report did without")


class CompareResult(Frozen):
    id: str
    kind: CompareKind
    similarity: float
    score: float
    reason: str
