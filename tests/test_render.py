"""Report renderers, exercised on real sentence pairs from the seed corpus and FA-KES.

The sentences are copied verbatim (non-breaking spaces included) from
data/seeds/000_40c429d6fe785e39.txt, data/seeds/004_4b1efb5f261e1fdc.txt and the FA-KES rows
that data/annotated/dev.jsonl pairs (fk-036, fk-058, fk-059, fk-060, fk-063); the sentence
offsets are their real positions in those articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
import re
from html.parser import HTMLParser

import jsonschema
import pytest

from checker.errors import UsageError
from checker.models import (
    KIND_ORDER,
    KINDS,
    Pair,
    PairKind,
    PairSide,
    Quantity,
    Report,
    ReportSummary,
)
from checker.rendering import CSV_COLUMNS, render_report
from checker.rendering.schema import REPORT_SCHEMA_PATH, report_json_schema

SEED_000 = "seeds/000_40c429d6fe785e39.txt"
SEED_004 = "seeds/004_4b1efb5f261e1fdc.txt"
FAKES = "fakes/FA-KES-Dataset.csv"

KIDNAPPED_44 = (
    "Elsewhere in his remarks, the Syrian minister said that the so-called White Helmets aid "
    "group had kidnapped 44 children in\xa0Idlib to\xa0use them in\xa0a staged chemical attack."
)
ABDUCTED_AT_LEAST_20 = (
    "Foreign-backed Takfiri terrorists have reportedly abducted at least 20 children from Jisr "
    "al-Shoghour city to use them in a false flag chemical attack."
)
SURRENDERED = (
    "Syria surrendered its stockpile\xa0of chemical weapons in 2014 to a joint mission led by the "
    "United States and the Organization for the Prohibition of Chemical Weapons (OPCW), which "
    "oversaw the destruction of the weaponry."
)
SURRENDERED_WHILE = "This is while " + SURRENDERED
IDLIB_AT_LEAST_35 = "At least 35 civilians were killed and dozens more injured in the airstrikes."
IDLIB_23 = (
    "The observatory said Russian air strikes killed 23 civilians in strikes on Idlib city on "
    "May 31 but Russia denied carrying out raids there that day."
)
MAARET_THREE = (
    "Three more civilians were killed in a separate air strike carried out by a Russian plane on "
    "a residential area in Maarret al-Numan another town of Idlib province."
)
MAARET_AT_LEAST_SIX = (
    "In Maaret Al Numan an area south of the provincial capital unidentified warplanes also "
    "killed at least six civilians including a woman and her four children the observatory said."
)
TOKHAR_56 = (
    '"There are at least 56 dead including 11 children and dozens more wounded including some '
    'in critical condition" said Rami Abdel Rahman director of the Britain-based Syrian '
    "Observatory for Human Rights."
)
TOKHAR_85 = (
    "Other Syrian opposition websites stated that the death toll has risen to 85 people "
    "including five entire families most of which were women and children after residential "
    "areas were targeted."
)
ALEPPO_MORE_THAN_30 = (
    "Syrian regime air raids killed more than 30 people in and around the city of Aleppo on "
    "Friday as a main road leading out of the city faces intense bombardment."
)
ALEPPO_31 = (
    "Regime bombing raids in and around the northern Syrian city of Aleppo killed 31 civilians "
    "Friday including 10 when their bus was hit the civil defence said."
)
MARKET_REGIME = (
    "A Syrian regime warplane struck a marketplace in the opposition-held province local civil "
    "defense official Leys al-Faris told Anadolu Agency."
)
MARKET_RUSSIAN = (
    "Dozens of civilians have been killed after Russian airstrikes targeted a busy market place "
    "in rebel-held Idlib northern Syria."
)
HOSTILE = (
    'Officials said <script>alert(1)</script> and "quotes" & ampersands | pipes, '
    "then 12 people died.\n# not a heading"
)


def quantity(sentence: str, phrase: str, hedge: str, low: float, high: float | None, **extra):
    """A Quantity whose offsets are the phrase's real position in the sentence."""
    start = sentence.index(phrase)
    value = extra.pop("value", low)
    return Quantity(
        text=phrase, start=start, end=start + len(phrase), value=value, low=low, high=high,
        hedge=hedge, **extra,
    )  # fmt: skip


def side(doc_id, outlet, date, text, start, *, source, line=None, title="", quantities=()):
    return PairSide(
        doc_id=doc_id, outlet=outlet, date=date, title=title, source=source, line=line,
        text=text, start=start, end=start + len(text), quantities=list(quantities),
    )  # fmt: skip


def pair(kind: PairKind, score: float, similarity: float, reason: str, a, b, compared=None):
    key = f"{a.doc_id}:{a.start}|{b.doc_id}:{b.start}"
    fingerprint = hashlib.sha1(key.encode()).hexdigest()[:16]
    return Pair(
        kind=kind, score=score, similarity=similarity, reason=reason, fingerprint=fingerprint,
        a=a, b=b, compared=compared,
    )  # fmt: skip


def report_of(pairs: list[Pair]) -> Report:
    counts: dict[str, int] = {}
    for finding in pairs:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    return Report(
        index="indexes/seeds",
        model="all-MiniLM-L6-v2",
        options={"min_similarity": 0.6, "top": 50, "cross_outlet_only": True},
        summary=ReportSummary(articles=12, outlets=9, sentences=412, pairs_by_kind=counts),
        pairs=pairs,
    )


def sample_pairs() -> list[Pair]:
    """One or two real pairs per kind, deliberately out of reading order."""
    child = {"counted": "child", "category": "child", "event": "abducted"}
    civilian = {"counted": "civilian", "category": "civilian", "event": "killed"}
    q44 = quantity(KIDNAPPED_44, "44 children", "exact", 44, 44, **child)
    q20 = quantity(ABDUCTED_AT_LEAST_20, "at least 20 children", "at_least", 20, None, **child)
    q35 = quantity(IDLIB_AT_LEAST_35, "At least 35 civilians", "at_least", 35, None, **civilian)
    q_dozens = quantity(
        IDLIB_AT_LEAST_35, "dozens", "vague", 24, None, value=None, counted="", event="wounded"
    )
    q23 = quantity(IDLIB_23, "23 civilians", "exact", 23, 23, **civilian)
    q3 = quantity(MAARET_THREE, "Three more civilians", "exact", 3, 3, **civilian)
    q6 = quantity(MAARET_AT_LEAST_SIX, "at least six civilians", "at_least", 6, None, **civilian)
    dead = {"counted": "dead", "category": "people", "event": "killed"}
    q56 = quantity(TOKHAR_56, "at least 56 dead", "at_least", 56, None, **dead)
    q11 = quantity(TOKHAR_56, "11 children", "exact", 11, 11, counted="child", category="child")
    q85 = quantity(TOKHAR_85, "85 people", "exact", 85, 85, counted="people", category="people")
    people = {"counted": "people", "category": "people", "event": "killed"}
    q30 = quantity(ALEPPO_MORE_THAN_30, "more than 30 people", "more_than", 31, None, **people)
    q31 = quantity(ALEPPO_31, "31 civilians", "exact", 31, 31, **civilian)

    kidnapped = side("000_40c429d6fe785e39", "seed-000", None, KIDNAPPED_44, 1685,
                     source=SEED_000, line=18, quantities=[q44])  # fmt: skip
    abducted = side("000_40c429d6fe785e39", "seed-000", None, ABDUCTED_AT_LEAST_20, 3000,
                    source=SEED_000, line=30, quantities=[q20])  # fmt: skip
    return [
        pair("duplicate", 0.12, 0.97, "Same sentence, same figures (wire copy).",
             side("000_40c429d6fe785e39", "seed-000", None, SURRENDERED, 2209,
                  source=SEED_000, line=22),
             side("004_4b1efb5f261e1fdc", "ava", dt.date(2020, 1, 28), SURRENDERED_WHILE, 2836,
                  source=SEED_004, line=18)),
        pair("conflict", 0.85, 0.71,
             "Three civilians vs at least six civilians: 3 is below the floor of 6, same day.",
             side("1924058083", "trt", dt.date(2016, 6, 4), MAARET_THREE, 857,
                  source=f"{FAKES}:row 321",
                  title="Syrian Russian air strikes kill 39 civilians in Idlib", quantities=[q3]),
             side("1924058060", "jordantimes", dt.date(2016, 6, 22), MAARET_AT_LEAST_SIX, 1185,
                  source=f"{FAKES}:row 303",
                  title="Raids on Syria market kill 21 hundreds flee Daesh bastion | Jordan Times",
                  quantities=[q6]),
             (q3, q6)),
        pair("divergent", 0.74, 0.66,
             "44 children vs at least 20 children: the floor allows 44, but 44 is over twice 20.",
             kidnapped, abducted, (q44, q20)),
        pair("compatible", 0.2, 0.83, "More than 30 people vs 31 civilians: 31 is above 30.",
             side("1923102959", "alaraby", dt.date(2016, 6, 3), ALEPPO_MORE_THAN_30, 32,
                  source=f"{FAKES}:row 124", quantities=[q30]),
             side("1923848270", "ahram", dt.date(2016, 6, 3), ALEPPO_31, 126,
                  source=f"{FAKES}:row 241", quantities=[q31]),
             (q30, q31)),
        pair("update", 0.55, 0.58, "At least 56 dead, a day later 85 people: the toll has risen.",
             side("1923848168", "ahram", dt.date(2016, 7, 19), TOKHAR_56, 248,
                  source=f"{FAKES}:row 161", quantities=[q56, q11]),
             side("1918150036", "asharqalawsat", dt.date(2016, 7, 20), TOKHAR_85, 1667,
                  source=f"{FAKES}:row 30", quantities=[q85]),
             (q56, q85)),
        pair("contradiction", 0.9, 0.62,
             "Opposite actor: a Syrian regime warplane vs Russian airstrikes on the Idlib market.",
             side("1924058169", "dailysabah", dt.date(2016, 6, 15), MARKET_REGIME, 191,
                  source=f"{FAKES}:row 371"),
             side("1923102956", "alaraby", dt.date(2016, 6, 12), MARKET_RUSSIAN, 33,
                  source=f"{FAKES}:row 121")),
        pair("conflict", 0.92, 0.69,
             "At least 35 civilians vs 23 civilians: 23 is below the floor of 35, and came later.",
             side("1926479005", "etilaf", dt.date(2016, 5, 31), IDLIB_AT_LEAST_35, 458,
                  source=f"{FAKES}:row 443",
                  title="Deadly Russian Airstrikes Kill 35 & Destroy Hospital in Idlib",
                  quantities=[q35, q_dozens]),
             side("1924058060", "jordantimes", dt.date(2016, 6, 22), IDLIB_23, 1770,
                  source=f"{FAKES}:row 303", quantities=[q23]),
             (q35, q23)),
    ]  # fmt: skip


def hostile_pair() -> Pair:
    """A sentence built to break naive renderers: markup, quotes, pipes, a newline and '#'."""
    q12 = quantity(HOSTILE, "12 people", "exact", 12, 12, counted="people", category="people")
    return pair(
        "conflict", 0.5, 0.6, 'Reason with <b>tags</b> & "quotes"',
        side("evil-1", "<b>Evil</b> & Co", dt.date(2020, 1, 1), HOSTILE, 10,
             source="evil.jsonl:row 1", title="<script>alert(2)</script> | title",
             quantities=[q12]),
        side("1924058060", "jordantimes", dt.date(2016, 6, 22), IDLIB_23, 1770,
             source=f"{FAKES}:row 303", quantities=[quantity(IDLIB_23, "23 civilians", "exact",
                                                             23, 23)]),
        (q12, quantity(IDLIB_23, "23 civilians", "exact", 23, 23)),
    )  # fmt: skip


@pytest.fixture
def report() -> Report:
    return report_of(sample_pairs())


@pytest.fixture
def hostile_report() -> Report:
    return report_of([hostile_pair(), *sample_pairs()])


EXPECTED_KINDS = [
    "contradiction", "conflict", "conflict", "divergent", "update", "compatible", "duplicate",
]  # fmt: skip


# --- JSON and its schema ------------------------------------------------------------------


def test_json_round_trips_in_reading_order(report: Report):
    text = render_report(report, "json")
    assert text.endswith("}\n")
    restored = Report.model_validate_json(text)
    assert [finding.kind for finding in restored.pairs] == EXPECTED_KINDS
    assert [finding.score for finding in restored.pairs][1:3] == [0.92, 0.85]
    assert sorted(restored.pairs, key=lambda p: p.fingerprint) == sorted(
        report.pairs, key=lambda p: p.fingerprint
    )
    assert restored.model_copy(update={"pairs": report.pairs}) == report


def test_json_has_documented_fields(report: Report):
    document = json.loads(render_report(report, "json"))
    assert list(document) == [
        "schema_version", "index", "model", "options", "summary", "suppressed", "incidents",
        "pairs", "warnings",
    ]  # fmt: skip
    assert document["schema_version"] == 3
    first = document["pairs"][0]
    assert list(first) == [
        "kind", "score", "similarity", "reason", "fingerprint", "a", "b", "compared", "incident",
        "days_apart", "place",
    ]  # fmt: skip
    assert list(first["a"]) == [
        "doc_id", "outlet", "date", "title", "source", "line", "column", "text", "start", "end",
        "quantities",
    ]  # fmt: skip


def test_json_validates_against_committed_schema(hostile_report: Report):
    schema = json.loads(REPORT_SCHEMA_PATH.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(
        json.loads(render_report(hostile_report, "json"))
    )


def test_schema_rejects_unknown_kind(report: Report):
    document = json.loads(render_report(report, "json"))
    document["pairs"][0]["kind"] = "unrelated"
    validator = jsonschema.Draft202012Validator(json.loads(REPORT_SCHEMA_PATH.read_text()))
    assert not validator.is_valid(document)


def test_committed_schema_matches_models():
    committed = json.loads(REPORT_SCHEMA_PATH.read_text())
    assert committed == report_json_schema(), (
        "checker/report_schema.json is stale: run `python -m checker.rendering.schema`"
    )


# --- order and determinism ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html"])
def test_rendering_is_deterministic_and_ignores_input_order(report: Report, fmt):
    reversed_report = report.model_copy(update={"pairs": list(reversed(report.pairs))})
    first = render_report(report, fmt)
    assert render_report(report, fmt) == first
    assert render_report(reversed_report, fmt) == first


def test_equal_scores_are_ordered_by_fingerprint(report: Report):
    first, second = report.pairs[1], report.pairs[6]  # both conflicts
    tied = [
        first.model_copy(update={"score": 0.8, "fingerprint": "b"}),
        second.model_copy(update={"score": 0.8, "fingerprint": "a"}),
    ]
    rows = list(csv.DictReader(io.StringIO(render_report(report_of(tied), "csv"))))
    assert [row["fingerprint"] for row in rows] == ["a", "b"]


def test_every_format_lists_kinds_in_reading_order(report: Report):
    rows = csv.DictReader(io.StringIO(render_report(report, "csv")))
    assert [row["kind"] for row in rows] == EXPECTED_KINDS
    headings = re.findall(r"^## (\w+) \((\d+)\)$", render_report(report, "md"), re.MULTILINE)
    assert headings == [(kind.capitalize(), str(EXPECTED_KINDS.count(kind))) for kind in KIND_ORDER]
    page = render_report(report, "html")
    kind_facet = re.search(r'<nav class="kinds" id="facet-kind".*?</nav>', page).group()
    assert re.findall(r'class="chip kind-(\w+)', kind_facet) == list(KIND_ORDER)
    assert re.findall(r'<article class="finding kind-(\w+)"', page) == EXPECTED_KINDS


def test_unknown_format_is_a_usage_error(report: Report):
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        render_report(report, "pdf")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["json", "md", "csv", "html"])
def test_empty_report_renders(fmt):
    text = render_report(report_of([]), fmt)
    assert text.endswith("\n")
    if fmt == "md":
        assert "No pairs to report." in text
    if fmt == "csv":
        assert text == ",".join(CSV_COLUMNS) + "\n"


# --- CSV ------------------------------------------------------------------------------------


def test_csv_rows_parse_back(hostile_report: Report):
    reader = csv.DictReader(io.StringIO(render_report(hostile_report, "csv")))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    rows = list(reader)
    assert len(rows) == len(hostile_report.pairs)
    by_text = {row["a_text"]: row for row in rows}

    hostile = by_text[HOSTILE]
    assert hostile["a_outlet"] == "<b>Evil</b> & Co"
    assert hostile["reason"] == 'Reason with <b>tags</b> & "quotes"'
    assert (hostile["a_start"], hostile["a_end"]) == ("10", str(10 + len(HOSTILE)))

    divergent = by_text[KIDNAPPED_44]
    assert divergent["kind"] == "divergent"
    assert float(divergent["score"]) == 0.74
    assert float(divergent["similarity"]) == 0.66
    assert (divergent["a_date"], divergent["a_doc_id"]) == ("", "000_40c429d6fe785e39")
    assert (divergent["a_start"], divergent["a_end"]) == ("1685", "1854")
    assert divergent["b_text"] == ABDUCTED_AT_LEAST_20
    assert (divergent["a_quantities"], divergent["b_quantities"]) == (
        "44 children",
        "at least 20 children",
    )

    update = by_text[TOKHAR_56]
    assert update["a_quantities"] == "at least 56 dead; 11 children"
    assert (update["b_outlet"], update["b_date"]) == ("asharqalawsat", "2016-07-20")
    assert by_text[MARKET_REGIME]["a_quantities"] == ""


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_has_a_section_per_present_kind_only(report: Report):
    some = [finding for finding in report.pairs if finding.kind in ("divergent", "duplicate")]
    text = render_report(report_of(some), "md")
    assert re.findall(r"^## .*$", text, re.MULTILINE) == ["## Divergent (1)", "## Duplicate (1)"]
    assert KINDS["divergent"].definition in text
    assert KINDS["conflict"].definition not in text
    assert "| Conflict pairs | 0 |" in text
    assert "| Divergent pairs | 1 |" in text


def test_markdown_finding_block(report: Report):
    text = render_report(report, "md")
    assert text.startswith("# Claim consistency report\n")
    assert "| Articles | 12 |" in text
    assert "**1. 44 children vs at least 20 children: the floor allows 44" in text
    assert "> — **seed-000**, undated · doc 000\\_40c429d6fe785e39 · \\[1685:1854\\]" in text
    assert "> — **trt**, 2016-06-04 · doc 1924058083 · \\[857:1019\\]" in text
    assert "similarity 0.66 · score 0.74" in text
    assert "compared “44 children” = 44 vs “at least 20 children” [20, ∞)" in text


def test_markdown_escapes_article_text(hostile_report: Report):
    text = render_report(hostile_report, "md")
    assert "<script>" not in text and "<b>" not in text
    quote = next(line for line in text.splitlines() if "Officials said" in line)
    assert quote == (
        '> Officials said \\<script\\>alert(1)\\</script\\> and "quotes" \\& ampersands '
        "\\| pipes, then 12 people died. \\# not a heading"
    )
    table_rows = [line for line in text.splitlines() if line.startswith("|")]
    assert all(line.count("|") - line.count("\\|") == 3 for line in table_rows)


# --- HTML -----------------------------------------------------------------------------------


VOID_ELEMENTS = {"meta", "br", "hr", "img", "input", "link", "wbr"}


class TagBalance(HTMLParser):
    """Records every start tag (and the attributes of scripts) and every mismatch between
    start and end tags."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.seen: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.seen.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))
        if tag not in VOID_ELEMENTS:
            self.open.append(tag)

    def handle_endtag(self, tag):
        if not self.open or self.open[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.open[-1:] or 'nothing'}")
        else:
            self.open.pop()


def test_html_is_well_formed_and_self_contained(hostile_report: Report):
    text = render_report(hostile_report, "html")
    parser = TagBalance()
    parser.feed(text)
    parser.close()
    assert parser.problems == []
    assert parser.open == []
    # The findings' data and the inline script that pages through them; nothing else runs.
    assert parser.scripts == [{"type": "application/json", "id": "report-data"}, {}]
    assert parser.seen.count("article") == len(hostile_report.pairs)
    assert not re.search(r"\b(?:src|href)=\"(?:https?:)?//", text)
    assert "<style>" in text


def test_html_escapes_article_outlet_and_title_text(hostile_report: Report):
    text = render_report(hostile_report, "html")
    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&quot;quotes&quot; &amp; ampersands" in text
    assert "&lt;b&gt;Evil&lt;/b&gt; &amp; Co" in text
    assert "&lt;script&gt;alert(2)&lt;/script&gt; | title" in text
    assert "Reason with &lt;b&gt;tags&lt;/b&gt; &amp; &quot;quotes&quot;" in text
    assert "Kill 35 &amp; Destroy Hospital" in text


def test_html_marks_wrap_exactly_the_quantities(hostile_report: Report):
    text = render_report(hostile_report, "html")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", text, re.DOTALL)
    marked = [re.findall(r'<mark( class="compared")?>(.*?)</mark>', quote) for quote in quotes]
    expected = []
    for finding in sorted(hostile_report.pairs, key=_reading_order):
        for index, finding_side in enumerate((finding.a, finding.b)):
            compared = finding.compared[index] if finding.compared else None
            expected.append([
                (' class="compared"' if found == compared else "", html.escape(found.text))
                for found in sorted(finding_side.quantities, key=lambda q: q.start)
            ])  # fmt: skip
    assert marked == expected
    assert '<mark class="compared">12 people</mark> died.' in text
    assert '<mark class="compared">44 children</mark> in\xa0Idlib' in text
    assert 'had kidnapped <mark class="compared">44 children</mark>' in text
    assert '<mark class="compared">at least 56 dead</mark> including <mark>11 children' in text


def test_html_shows_kinds_with_counts_and_definitions(report: Report):
    text = render_report(report, "html")
    for kind in KIND_ORDER:
        assert f'href="#kind={kind}"' in text
        assert html.escape(KINDS[kind].definition) in text
    assert (
        '<a class="chip kind-conflict" href="#kind=conflict"><span class="dot"></span>conflict '
        '<span class="count">2</span></a>'
    ) in text
    assert "doc <code>000_40c429d6fe785e39</code> [1685:1854]" in text
    assert "similarity 0.66" in text and "score 0.74" in text


def test_out_of_range_quantity_is_logged_not_marked(report: Report, caplog):
    finding = report.pairs[2]  # divergent
    broken = finding.a.quantities[0].model_copy(update={"start": 500, "end": 511})
    broken_side = finding.a.model_copy(update={"quantities": [broken]})
    broken_pair = finding.model_copy(update={"a": broken_side, "compared": None})
    text = render_report(report_of([broken_pair]), "html")
    assert "outside its sentence" in caplog.text
    assert "<mark>44 children</mark>" not in text
    assert html.escape(KIDNAPPED_44) in text


def _reading_order(finding: Pair):
    return (KIND_ORDER.index(finding.kind), -finding.score, finding.fingerprint)


def test_html_marks_each_compared_figure_in_the_sentence_it_belongs_to(report: Report):
    divergent = next(finding for finding in report.pairs if finding.kind == "divergent")
    q44, q20 = divergent.compared
    flipped = divergent.model_copy(update={"compared": (q20, q44)})  # b's figure first
    text = render_report(report_of([flipped]), "html")
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", text, re.DOTALL)
    assert 'kidnapped <mark class="compared">44 children</mark> in' in quotes[0]
    assert 'abducted <mark class="compared">at least 20 children</mark> from' in quotes[1]
    assert "Compared <mark>44 children</mark> = 44 with <mark>at least 20 children</mark>" in text


def test_html_leaves_a_compared_figure_of_neither_sentence_unmarked(report: Report):
    divergent = next(finding for finding in report.pairs if finding.kind == "divergent")
    q44, _ = divergent.compared
    stranger = quantity(IDLIB_23, "23 civilians", "exact", 23, 23)
    text = render_report(report_of([divergent.model_copy(update={"compared": (q44, stranger)})]),
                         "html")  # fmt: skip
    quotes = re.findall(r"<blockquote>(.*?)</blockquote>", text, re.DOTALL)
    assert '<mark class="compared">44 children</mark>' in quotes[0]
    assert 'class="compared"' not in quotes[1]
    assert "<mark>at least 20 children</mark>" in quotes[1]


# --- HTML: one page that pages through thousands of findings --------------------------------

SCRIPT_BREAKER = (
    "Witnesses wrote </script><script>alert(3)</script> <!-- and \u2028 then 7 people died."
)
EMOJI_SENTENCE = "Residents posted 🔥🔥 as 9 civilians were killed in Idlib."


def page_json(text: str) -> dict:
    """The findings' data the page embeds for its script."""
    found = re.search(r'<script type="application/json" id="report-data">(.*?)</script>', text,
                      re.DOTALL)  # fmt: skip
    assert found, "the page embeds no data"
    return json.loads(found.group(1))


def copies(pairs: list[Pair], count: int) -> list[Pair]:
    """`count` distinct findings made from `pairs`: each copy its own documents and fingerprint."""
    made = []
    for number in range(count):
        original = pairs[number % len(pairs)]
        a = original.a.model_copy(update={"doc_id": f"{original.a.doc_id}-{number}"})
        made.append(original.model_copy(update={"a": a, "fingerprint": f"{number:016x}"}))
    return made


def test_html_embeds_every_finding_as_json_no_text_can_break_out_of(hostile_report: Report):
    q7 = quantity(SCRIPT_BREAKER, "7 people", "exact", 7, 7)
    breaker = hostile_report.pairs[0].model_copy(update={
        "a": side("evil-2", "</script>", None, SCRIPT_BREAKER, 0, source="x", quantities=[q7]),
        "fingerprint": "evil-2", "compared": None,
    })  # fmt: skip
    text = render_report(report_of([breaker, *hostile_report.pairs]), "html")
    raw = re.search(r'id="report-data">(.*?)</script>', text, re.DOTALL).group(1)
    assert not set("<>&\u2028\u2029") & set(raw)
    data = page_json(text)
    assert len(data["findings"]) == len(hostile_report.pairs) + 1
    texts = {sentence["text"] for sentence in data["sentences"]}
    assert {SCRIPT_BREAKER, HOSTILE, KIDNAPPED_44} <= texts
    assert "</script>" in {article["outlet"] for article in data["articles"]}
    assert text.count("<script") == 2


def test_html_embeds_each_sentence_once_with_its_marks(report: Report):
    data = page_json(render_report(report, "html"))
    assert len(data["sentences"]) == len({(p.a.doc_id, p.a.start) for p in report.pairs}
                                         | {(p.b.doc_id, p.b.start) for p in report.pairs})  # fmt: skip
    divergent = next(f for f in data["findings"] if f["kind"] == "divergent")
    kidnapped = data["sentences"][divergent["a"]]
    assert kidnapped["text"] == KIDNAPPED_44
    assert kidnapped["marks"] == [[KIDNAPPED_44.index("44"), KIDNAPPED_44.index(" in\xa0Idlib")]]
    assert data["articles"][kidnapped["article"]]["doc"] == "000_40c429d6fe785e39"
    assert [figure["text"] for figure in divergent["compared"]] == [
        "44 children",
        "at least 20 children",
    ]
    assert divergent["compared"][1]["interval"] == "[20, ∞)"
    assert (divergent["score_text"], divergent["similarity_text"]) == ("0.74", "0.66")


def test_html_marks_are_in_utf16_units_for_the_script(report: Report):
    q9 = quantity(EMOJI_SENTENCE, "9 civilians", "exact", 9, 9)
    finding = report.pairs[2].model_copy(update={
        "a": side("emoji-1", "x", None, EMOJI_SENTENCE, 0, source="x", quantities=[q9]),
        "compared": (q9, report.pairs[2].compared[1]),
    })  # fmt: skip
    data = page_json(render_report(report_of([finding]), "html"))
    start = EMOJI_SENTENCE.index("9 civilians")
    assert data["sentences"][0]["marks"] == [[start + 2, start + 2 + len("9 civilians")]]
    assert data["findings"][0]["compared"][0]["mark"] == [start + 2, start + 13]
    assert (
        EMOJI_SENTENCE.encode("utf-16-le")[2 * (start + 2) : 2 * (start + 13)].decode("utf-16-le")
        == "9 civilians"
    )


def test_html_draws_the_first_page_and_says_so_without_javascript(report: Report):
    many = report_of(copies(report.pairs, 60))
    text = render_report(many, "html")
    assert text.count('<article class="finding') == 25
    assert len(page_json(text)["findings"]) == 60
    assert '<p class="showing" id="showing">1–25 of 60 findings</p>' in text
    assert "<noscript>" in text and "first 25 of 60 findings" in text
    pager = re.search(r'<nav class="pager needs-js" id="pager".*?</nav>', text).group()
    assert re.findall(r'href="(#[^"]*)"', pager) == ["#page=2", "#page=3", "#page=2"]
    assert '<span class="current" aria-current="page">1</span>' in pager
    assert '<html lang="en" class="no-js">' in text and ".no-js .needs-js" in text


def test_html_cards_show_kind_date_gap_place_and_incident(report: Report):
    conflict = next(p for p in report.pairs if p.kind == "conflict")
    placed = conflict.model_copy(update={
        "days_apart": 18, "place": "Maarrat al-Nu'man (Idlib)", "incident": "inc-0a1b2c3d4e",
    })  # fmt: skip
    text = render_report(report_of([placed, report.pairs[0]]), "html")
    assert (
        '<p class="context"><span class="badge">conflict</span><span class="days">18 days apart'
        '</span><span class="place">Maarrat al-Nu&#x27;man (Idlib)</span><a class="incident-link" '
        'href="#incident=inc-0a1b2c3d4e">incident inc-0a1b2c3d4e</a></p>'
    ) in text
    assert '<span class="days">undated</span><span class="place">place unknown</span>' in text


def test_html_facets_count_outlets_and_incidents(report: Report):
    pairs = [p.model_copy(update={"incident": "inc-b" if p.kind == "conflict" else None})
             for p in report.pairs]  # fmt: skip
    pairs[0] = pairs[0].model_copy(update={"incident": "inc-a"})
    text = render_report(report_of(pairs), "html")
    outlets = re.search(r'<section class="facet" id="facet-outlet">.*?</section>', text).group()
    listed = re.findall(r'<span class="label">(.*?)</span><span class="count">(\d+)', outlets)
    assert listed == [
        ("all outlets", "7"), ("ahram", "2"), ("alaraby", "2"), ("jordantimes", "2"),
        ("seed-000", "2"), ("asharqalawsat", "1"), ("ava", "1"), ("dailysabah", "1"),
        ("etilaf", "1"), ("trt", "1"),
    ]  # fmt: skip
    incidents = re.search(r'<section class="facet" id="facet-incident">.*?</section>', text).group()
    assert re.findall(r'href="(#[^"]*)"', incidents) == [
        "#findings", "#incident=inc-a", "#incident=inc-b", "#incident=none",
    ]  # fmt: skip
    assert '<span class="label">no incident</span><span class="count">4</span>' in incidents


def test_html_page_allows_only_its_own_style_and_script(report: Report):
    import base64

    text = render_report(report, "html")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text).group(1)
    style = re.search(r"<style>(.*?)</style>", text, re.DOTALL).group(1)
    script = re.search(r"<script>(.*?)</script>", text, re.DOTALL).group(1)

    def digest(part: str) -> str:
        return base64.b64encode(hashlib.sha256(part.encode()).digest()).decode()

    assert policy == (
        f"default-src 'none'; style-src 'sha256-{digest(style)}'; "
        f"script-src 'sha256-{digest(script)}'; img-src data:"
    )
    assert "</script" not in script[:-1] and "innerHTML" not in script


def test_html_leads_with_incidents_by_severity_linked_to_their_findings(report: Report):
    from checker.models import ReportIncident

    def incident(id_: str, severity: float, discrepancies: int) -> ReportIncident:
        return ReportIncident(id=id_, event="attack", means=["air"], outlets=["trt", "ahram"],
                              stories=2, figures=[], discrepancies=discrepancies, severity=severity)  # fmt: skip

    pairs = [p.model_copy(update={"incident": "inc-2" if p.kind == "conflict" else None})
             for p in report.pairs]  # fmt: skip
    incidents = [incident("inc-2", 0.92, 2), incident("inc-1", 0.5, 1), incident("inc-0", 0, 0)]
    lead = report_of(pairs).model_copy(update={"incidents": incidents})
    text = render_report(lead, "html")
    assert re.findall(r'<details class="incident" id="([^"]+)"', text) == ["inc-2", "inc-1"]
    assert '<a class="incident-link" href="#incident=inc-2">Show its 2 findings</a>' in text
    assert "attack by air, place unknown, undated · 2 outlets · 2 discrepancies" in text


@pytest.mark.parametrize(
    ("current", "page_count", "expected"),
    [
        (1, 1, [1]),
        (1, 17, [1, 2, 3, None, 17]),
        (6, 17, [1, None, 4, 5, 6, 7, 8, None, 17]),
        (4, 17, [1, 2, 3, 4, 5, 6, None, 17]),
        (17, 17, [1, None, 15, 16, 17]),
    ],
)
def test_pager_names_the_ends_and_the_pages_near_the_current_one(current, page_count, expected):
    from checker.rendering.page_nav import page_numbers

    assert page_numbers(current, page_count) == expected


def test_fragments_keep_key_order_and_encode_like_urlsearchparams():
    from checker.rendering.page_state import fragment

    assert fragment() == "#findings"
    assert fragment(page=1, sort="kind") == "#findings"
    assert fragment(page=2, kind="conflict", q="idlib city") == "#kind=conflict&q=idlib+city&page=2"
    assert fragment(outlet="Al Jazeera & co~*/é") == "#outlet=Al+Jazeera+%26+co%7E*%2F%C3%A9"
    assert fragment(sort="gap") == "#sort=gap"
