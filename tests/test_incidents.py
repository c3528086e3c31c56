"""Incidents (checker.incidents): which reports make one incident, what it records, and the
incident part of a report (figure table, ordering, summary counts)."""

from __future__ import annotations

import datetime as dt

from fakes import FakeEmbedder

from checker.analysis import analyse_articles
from checker.incidents import build_incidents, describe, story_origins
from checker.ingest import article_checksum
from checker.models import Article, PairingOptions
from checker.reporting import build_report
from checker.store import view_of

D = dt.date
FRIDAY = D(2016, 7, 29)


def article(doc_id: str, outlet: str, text: str, date: dt.date | None = FRIDAY, title: str = ""):
    checksum = article_checksum(doc_id, outlet, date, title, "", text)
    return Article(
        id=doc_id, outlet=outlet, date=date, title=title, text=text, source=f"{doc_id}.txt",
        checksum=checksum,
    )  # fmt: skip


def incidents_of(articles: list[Article]):
    view = view_of(analyse_articles(articles, embedder=FakeEmbedder()))
    return view, build_incidents(view.sentences)


def test_reports_of_one_strike_from_two_outlets_are_one_incident():
    view, built = incidents_of([
        article("a", "ahram", "Warplanes killed 12 people in Atareb on Friday."),
        article("b", "sana", "An air strike on the town of Atareb killed 20 civilians."),
    ])  # fmt: skip
    (incident,) = built.incidents
    assert incident.outlets == ["ahram", "sana"]
    assert incident.place is not None and incident.place.governorate == "Aleppo"
    assert incident.means == ["air"]
    assert incident.first_day == FRIDAY - dt.timedelta(days=1) and incident.last_day == FRIDAY
    assert incident.dated_by == "text"
    assert {built.of(s.row).id for s in view.sentences} == {incident.id}


def test_a_town_joins_the_incident_of_its_governorate_and_narrows_it():
    _, built = incidents_of([
        article("a", "ahram", "Government air strikes killed 30 people in Idlib province."),
        article("b", "sana", "Warplanes killed 28 people in Jisr al-Shoghour."),
    ])  # fmt: skip
    (incident,) = built.incidents
    assert incident.place is not None and incident.place.level == "town"
    assert incident.place.governorate == "Idlib"


def test_different_places_days_or_means_are_different_incidents():
    _, built = incidents_of([
        article("a", "ahram", "Warplanes killed 12 people in Atareb on Friday."),
        article("b", "sana", "Warplanes killed 12 people in Douma on Friday."),
        article("c", "trt", "Warplanes killed 12 people in Atareb on Monday."),
        article("d", "tass", "A car bomb killed 12 people in Atareb on Friday."),
    ])  # fmt: skip
    assert len(built.incidents) == 4
    assert "Douma" in describe(built.of(1))  # row 1 is sana's sentence


def test_reports_a_day_apart_join_but_a_chain_never_spans_weeks():
    days = [FRIDAY + dt.timedelta(days=n) for n in range(0, 12, 2)]
    _, built = incidents_of([
        article(str(n), f"outlet{n}", "Warplanes killed 12 people in Atareb.", date=day)
        for n, day in enumerate(days)
    ])  # fmt: skip
    spans = [(i.last_day - i.first_day).days for i in built.incidents]
    assert len(built.incidents) > 1 and max(spans) <= 3


def test_a_background_sentence_belongs_to_its_own_incident():
    text = (
        "Warplanes killed 12 people in Atareb on Friday. "
        "On Tuesday a coalition strike in Raqqa killed at least 18 people."
    )
    view, built = incidents_of([article("a", "ahram", text, title="Strikes hit Atareb")])
    lead, background = (built.of(s.row) for s in view.sentences)
    assert lead.id != background.id
    assert background.place is not None and background.place.name == "Ar-Raqqah"
    assert background.first_day == D(2016, 7, 26)


def test_a_report_dated_by_its_month_joins_the_one_incident_of_that_month():
    strike = article(
        "a",
        "reuters",
        "Islamic State fighters killed 270 soldiers in Homs on Thursday.",
        date=D(2014, 7, 19),
    )
    background = article(
        "b",
        "ahram",
        "An earlier attack by Islamic State fighters in Homs in July 2014 left 270 people dead.",
        date=D(2014, 10, 29),
    )
    view, built = incidents_of([strike, background])
    (incident,) = built.incidents
    assert (incident.first_day, incident.last_day) == (D(2014, 7, 17), D(2014, 7, 17))
    another = article(
        "c",
        "sana",
        "Islamic State fighters killed 40 soldiers in Homs on Monday.",
        date=D(2014, 7, 29),
    )
    # Two July incidents in Homs: the figure names the one (the 270 dead of the 17th) ...
    view, two = incidents_of([strike, background, another])
    assert len(two.incidents) == 2
    rows = {s.article.id: s.row for s in view.sentences}
    assert two.of(rows["b"]).id == two.of(rows["a"]).id != two.of(rows["c"]).id
    # ... and a figure neither gives names neither.
    other_figure = background.model_copy(
        update={"text": background.text.replace("270", "300"), "checksum": "other"}
    )
    _, ambiguous = incidents_of([strike, other_figure, another])
    assert len(ambiguous.incidents) == 3


def test_undated_and_unplaced_counts_stay_in_their_own_article():
    _, built = incidents_of([
        article("a", "ahram", "Twelve people were killed.", date=None),
        article("b", "sana", "Twelve people were killed.", date=None),
    ])  # fmt: skip
    assert len(built.incidents) == 2
    assert all(i.first_day is None and i.place is None for i in built.incidents)


def test_running_totals_open_no_incident():
    _, built = incidents_of(
        [article("a", "ahram", "Strikes have killed 400 people in Atareb since April.")]
    )
    assert built.incidents == []


def test_a_report_leads_with_incidents_and_their_figure_table():
    view = view_of(analyse_articles([
        article("a", "ahram", "Warplanes killed 12 people in Atareb on Friday, the Observatory said."),
        article("b", "sana", "Warplanes killed 30 people in Atareb on Friday."),
    ], embedder=FakeEmbedder()))  # fmt: skip
    result = build_report(view, index_name="t", options=PairingOptions(min_similarity=0.0))
    assert result.schema_version == 3
    (incident,) = result.incidents
    assert [f.quantity.text for f in incident.figures] == ["12 people", "30 people"]
    assert incident.figures[0].source is not None
    assert result.summary.incidents == 1
    conflict = next(pair for pair in result.pairs if pair.kind == "conflict")
    assert conflict.incident == incident.id and conflict.fingerprint in incident.findings
    assert conflict.days_apart == 0 and conflict.place == "Al Atarib (Aleppo)"
    assert incident.discrepancies >= 1 and result.summary.incidents_with_discrepancy == 1


def test_reports_naming_different_days_are_different_incidents():
    _, built = incidents_of([
        article("a", "ahram", "Warplanes killed 21 civilians in Manbij on Monday.", date=D(2016, 7, 19)),
        article("b", "sana", "Warplanes killed 56 civilians in Manbij on Tuesday.", date=D(2016, 7, 19)),
        article("c", "trt", "Warplanes killed 21 civilians in Manbij.", date=D(2016, 7, 18)),
    ])  # fmt: skip
    monday, tuesday, undated = (built.of(row) for row in range(3))
    assert monday.id != tuesday.id
    assert undated.id == monday.id  # published Monday: Monday's news


def test_copies_of_one_story_are_one_origin():
    wire = "Warplanes killed 12 people in Atareb on Friday. Rescuers searched the rubble all night."
    other = "Warplanes killed 12 people in Atareb on Friday. The town has been hit before."
    view = view_of(analyse_articles([
        article("a", "ahram", wire, date=FRIDAY),
        article("b", "sana", wire, date=FRIDAY + dt.timedelta(days=1)),
        article("c", "trt", other, date=FRIDAY),
    ], embedder=FakeEmbedder()))  # fmt: skip
    assert story_origins(view) == {"a": "a", "b": "a", "c": "c"}
    result = build_report(view, index_name="t", options=PairingOptions(min_similarity=0.0))
    (incident,) = result.incidents
    assert incident.stories == 2 and len(incident.outlets) == 3
    assert {figure.doc_id: figure.origin for figure in incident.figures}["b"] == "a"


def test_a_sentence_repeated_in_its_article_makes_one_finding():
    # A headline repeated as the lede: two rows, one sentence text, one fingerprint.
    repeated = "Warplanes killed 12 people in Atareb on Friday."
    view = view_of(analyse_articles([
        article("a", "ahram", f"{repeated}\n\n{repeated} Rescuers searched the rubble."),
        article("b", "sana", "Warplanes killed 30 people in Atareb on Friday."),
    ], embedder=FakeEmbedder()))  # fmt: skip
    result = build_report(view, index_name="t", options=PairingOptions(min_similarity=0.0))
    fingerprints = [pair.fingerprint for pair in result.pairs]
    assert len(fingerprints) == len(set(fingerprints)) == 1
    assert result.summary.pairs_by_kind["conflict"] == 1


def test_a_month_dated_figure_joins_no_incident_that_does_not_give_it():
    # FA-KES (Al-Manar, Jun 2016): "in January another attack ... killed 70" is not the one
    # January incident in Damascus, eight killed by mortars.
    mortars = article(
        "a",
        "sana",
        "Eight people were killed Wednesday in terrorist mortar attacks on Damascus.",
        date=D(2016, 1, 14),
    )
    background = article(
        "b",
        "manar",
        "And in January another attack by Daesh in the capital Damascus killed 70 people.",
        date=D(2016, 6, 20),
    )
    view, built = incidents_of([mortars, background])
    rows = {s.article.id: s.row for s in view.sentences}
    assert built.of(rows["a"]).id != built.of(rows["b"]).id


# FA-KES, 12 June 2016: Daily Sabah names the province of the market strike only in its lead.
REGIME_WARPLANE = (
    "A Syrian regime warplane struck a marketplace in the opposition-held province local civil "
    "defense official Leys al-Faris told Anadolu Agency."
)


def test_a_claim_of_who_attacked_placed_only_by_its_article_joins_the_incident_it_fits():
    view, built = incidents_of([
        article("a", "alaraby", "Dozens of civilians have been killed after Russian airstrikes targeted a busy market place in rebel-held Idlib northern Syria."),
        article("b", "dailysabah", f"Air strikes killed at least 12 people in Idlib. {REGIME_WARPLANE}"),
        article("c", "trt", REGIME_WARPLANE, title="Market strike in Idlib", date=D(2016, 8, 1)),
    ])  # fmt: skip
    rows = {(s.article.id, s.claim.sentence.text): s.row for s in view.sentences}
    (incident,) = built.incidents
    assert built.of(rows[("b", REGIME_WARPLANE)]) == incident
    assert incident.outlets == ["alaraby", "dailysabah"] and incident.means == ["air"]
    # Days later, with nothing reported that it fits, it opens no incident of its own.
    assert built.of(rows[("c", REGIME_WARPLANE)]) is None


def test_rival_claims_of_who_struck_one_market_are_a_contradiction_in_the_report():
    russian = (
        "Dozens of civilians have been killed after Russian airstrikes targeted a busy market "
        "in the opposition-held province of Idlib."
    )
    view = view_of(
        analyse_articles(
            [
                article("a", "alaraby", russian),
                article(
                    "b", "dailysabah", f"Air strikes killed 12 people in Idlib. {REGIME_WARPLANE}"
                ),
            ],
            embedder=FakeEmbedder(),
        )
    )
    report = build_report(view, index_name="test", options=PairingOptions())
    (pair,) = [pair for pair in report.pairs if pair.kind == "contradiction"]
    assert {pair.a.text, pair.b.text} == {russian, REGIME_WARPLANE}
    assert "russia vs syrian government" in pair.reason


def test_reports_of_the_capital_and_of_a_town_in_its_countryside_are_one_incident():
    wednesday = D(2013, 8, 21)
    _, built = incidents_of([
        article("a", "reuters", "A nerve gas attack killed at least 213 people near Damascus on Wednesday.", date=wednesday),
        article("b", "arabiya", "Activists said 150 bodies were found in Kafr Batna after a nerve gas attack on Wednesday.", date=wednesday),
    ])  # fmt: skip
    (incident,) = built.incidents
    assert incident.place is not None and incident.place.name == "Kafr Batna"


def test_the_day_of_a_statement_bounds_the_event_but_does_not_date_it():
    wednesday = D(2016, 6, 1)
    _, built = incidents_of([
        article("a", "dailysabah", "Turkish shelling killed 14 Daesh terrorists in Aleppo on Tuesday.", date=wednesday),
        article("b", "alalam", "The Turkish General Staff said in a statement on Wednesday that at least 14 members of the terrorist group were killed during the shelling on the city of Aleppo.", date=wednesday),
    ])  # fmt: skip
    (incident,) = built.incidents  # the statement's news cycle holds Tuesday
    assert (incident.first_day, incident.last_day) == (D(2016, 5, 31), wednesday)


def test_a_report_placed_only_by_its_article_joins_the_incident_its_claims_tell():
    # fb-020: the Turkish article leads with Daraa; its sentence names no place of its own.
    base = article(
        "a",
        "ahram",
        "More than 60 Syrian government soldiers were killed and dozens of others injured "
        "Saturday in US-led coalition air strikes on an air base in Deir Ezzor.",
        date=D(2016, 9, 18),
    )
    relayed = article(
        "b",
        "trt",
        "Fighting continued in Daraa on Sunday. Russia has also called for an emergency UN "
        "Security Council meeting after claiming over 60 regime fighters were killed by the "
        "US-led airstrikes on Saturday.",
        date=D(2016, 9, 19),
        title="Regime barrel bombs hit Daraa",
    )
    view, built = incidents_of([base, relayed])
    rows = {s.claim.sentence.text[:6]: s.row for s in view.sentences}
    assert built.of(rows["Russia"]).id == built.of(rows["More t"]).id
    # Another figure, or no attacker named, is another report: it stays with its article.
    for changed in (
        "over 40 regime fighters were killed by the US-led airstrikes",
        "over 60 regime fighters were killed by airstrikes",
    ):
        text = relayed.text.replace(
            "over 60 regime fighters were killed by the US-led airstrikes", changed
        )
        other = relayed.model_copy(update={"text": text, "checksum": changed})
        view, built = incidents_of([base, other])
        rows = {s.claim.sentence.text[:6]: s.row for s in view.sentences}
        assert built.of(rows["Russia"]).id != built.of(rows["More t"]).id


def test_who_struck_joins_the_incident_of_its_article_s_place_without_a_place_of_its_own():
    # fk-063: whose aircraft struck the Idlib market (12 Jun 2016).
    view, built = incidents_of([
        article("a", "alaraby", "Dozens of civilians have been killed after Russian airstrikes targeted a busy market place in rebel-held Idlib northern Syria.", date=D(2016, 6, 12)),
        article("b", "dailysabah", "Regime jets hit Idlib market. A Syrian regime warplane struck a marketplace in the opposition-held province local civil defense official Leys al-Faris told Anadolu Agency.", date=D(2016, 6, 12)),
    ])  # fmt: skip
    rows = {s.claim.sentence.text[:6]: s.row for s in view.sentences}
    assert built.of(rows["A Syri"]) is not None
    assert built.of(rows["A Syri"]).id == built.of(rows["Dozens"]).id
    # How it was done, with no place and no attacker, still tells no incident.
    _, how = incidents_of([article("c", "trt", "Air strikes continued overnight.")])
    assert how.incidents == []
