"""Candidate generation (checker.judge.candidates) on small corpora with the fake embedder:
which sentence pairs reach the verdicts, and in which order."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from fakes import FakeEmbedder

from checker.analysis import analyse_articles
from checker.incidents import build_incidents
from checker.ingest import article_checksum
from checker.judge.candidates import find_candidates
from checker.models import Article, PairingOptions
from checker.store import NeighbourSearch, view_of, view_with

D = dt.date
FRIDAY = D(2016, 7, 29)
STRIKE = "Government warplanes killed 20 civilians in the town of Atareb on Friday."
STRIKE_AGAIN = "Government warplanes killed 32 civilians in the town of Atareb on Friday."
OTHER_TOPIC = "Oil prices rose sharply in Asian trading as markets opened."


def article(doc_id: str, outlet: str, text: str, date: dt.date | None = FRIDAY) -> Article:
    checksum = article_checksum(doc_id, outlet, date, "", "", text)
    return Article(
        id=doc_id, outlet=outlet, date=date, text=text, source=f"{doc_id}.txt", checksum=checksum
    )


def candidates_of(articles: list[Article], **options):
    stored = analyse_articles(articles, embedder=FakeEmbedder())
    view = view_of(stored)
    return find_candidates(view, options=PairingOptions(**options))


def texts(candidates) -> list[tuple[str, str]]:
    return [(c.a.claim.sentence.text, c.b.claim.sentence.text) for c in candidates]


def test_the_same_event_from_two_outlets_is_a_candidate():
    found = candidates_of([article("a", "ahram", STRIKE), article("b", "sana", STRIKE_AGAIN)])
    assert texts(found) == [(STRIKE, STRIKE_AGAIN)]
    assert found[0].origin == "neighbour" and found[0].similarity > 0.8


def test_an_outlet_is_not_paired_with_itself_unless_asked():
    corpus = [
        article("a", "ahram", STRIKE),
        article("b", "ahram", STRIKE_AGAIN),
        article("c", "sana", OTHER_TOPIC),
    ]
    assert candidates_of(corpus) == []
    assert texts(candidates_of(corpus, include_same_outlet=True)) == [(STRIKE, STRIKE_AGAIN)]


def test_sentences_of_one_article_pair_only_when_asked():
    corpus = [article("a", "ahram", f"{STRIKE} {STRIKE_AGAIN}"), article("c", "sana", OTHER_TOPIC)]
    assert candidates_of(corpus) == []
    assert texts(candidates_of(corpus, include_same_article=True)) == [(STRIKE, STRIKE_AGAIN)]


def test_unrelated_wording_is_no_candidate():
    assert candidates_of([article("a", "ahram", STRIKE), article("b", "sana", OTHER_TOPIC)]) == []


def test_reports_a_month_apart_are_different_events_unless_the_text_dates_both():
    later = D(2016, 9, 15)
    reworded = "Government warplanes killed 32 civilians in Atareb town, rescuers said on Friday."
    corpus = [article("a", "ahram", STRIKE), article("b", "sana", reworded, later)]
    assert candidates_of(corpus) == []
    # Even word for word: a strike "on Friday" in July and one "on Friday" in September.
    wire_copy = [article("a", "ahram", STRIKE), article("b", "sana", STRIKE, later)]
    assert candidates_of(wire_copy) == []
    dated = "Government warplanes killed 20 civilians in the town of Atareb on July 29."
    both_dated = [article("a", "ahram", dated), article("b", "sana", dated, later)]
    assert texts(candidates_of(both_dated)) == [(dated, dated)]


def incident_candidates_of(articles: list[Article], **options):
    view = view_of(analyse_articles(articles, embedder=FakeEmbedder()))
    return find_candidates(
        view, options=PairingOptions(**options), incidents=build_incidents(view.sentences)
    )


def test_figures_of_one_incident_pair_however_differently_worded():
    terse = "Warplanes killed 12 people in Atareb on Friday."
    long = (
        "Rescue workers said on Friday they had pulled 20 bodies from the rubble after an air "
        "strike in Atareb killed 20 people."
    )
    corpus = [article("a", "ahram", terse), article("b", "sana", long)]
    found = incident_candidates_of(corpus, min_similarity=0.99)
    assert texts(found) == [(terse, long)]
    assert found[0].origin == "incident" and found[0].incident is not None


def test_figures_of_two_incidents_carry_why_they_differ():
    atareb = "Warplanes killed 12 people in Atareb on Friday."
    douma = "Warplanes killed 20 people in Douma on Friday."
    found = incident_candidates_of(
        [article("a", "ahram", atareb), article("b", "sana", douma)], min_similarity=0.0
    )
    assert all(candidate.origin != "incident" for candidate in found)
    for candidate in found:
        assert candidate.incident is None
        assert candidate.incident_gap is not None and "Al Atarib (Aleppo)" in candidate.incident_gap


def test_the_earlier_report_is_side_a():
    corpus = [
        article("a", "ahram", STRIKE_AGAIN, D(2016, 7, 31)),
        article("b", "sana", STRIKE, D(2016, 7, 29)),
    ]
    (candidate,) = candidates_of(corpus)
    assert candidate.a.article.id == "b" and candidate.b.article.id == "a"


def test_a_shared_count_pairs_differently_worded_reports_of_one_event():
    terse = "Twenty civilians were killed in Atareb."
    long = (
        "Rescue workers pulled bodies from the rubble after 20 civilians were killed when "
        "bombs hit a crowded market in Atareb."
    )
    found = candidates_of(
        [article("a", "ahram", terse), article("b", "sana", long)], min_similarity=0.9
    )
    assert texts(found) == [(terse, long)]
    assert found[0].origin == "claim"


def test_focus_keeps_only_pairs_touching_the_focused_articles():
    corpus = [
        article("a", "ahram", STRIKE),
        article("b", "sana", STRIKE_AGAIN),
        article("c", "rt", STRIKE),
    ]
    everything = candidates_of(corpus)
    assert len(everything) == 3
    focused = candidates_of(corpus, focus=frozenset({"c"}))
    assert {frozenset((c.a.article.id, c.b.article.id)) for c in focused} == {
        frozenset("ac"),
        frozenset("bc"),
    }


def test_a_checked_article_replaces_its_indexed_version():
    corpus = analyse_articles(
        [article("a", "ahram", STRIKE), article("b", "sana", OTHER_TOPIC)], embedder=FakeEmbedder()
    )
    new = analyse_articles([article("b", "sana", STRIKE_AGAIN)], embedder=FakeEmbedder())
    view = view_with(corpus, new)
    assert [s.claim.sentence.text for s in view.sentences] == [STRIKE, STRIKE_AGAIN]
    assert [s.row for s in view.sentences] == [0, 2]  # new rows numbered after the corpus's
    found = find_candidates(view, options=PairingOptions(focus=frozenset({"b"})))
    assert texts(found) == [(STRIKE, STRIKE_AGAIN)]


@pytest.mark.parametrize("hidden", [frozenset(), frozenset({1}), frozenset({0, 3, 4})])
def test_search_over_saved_hidden_and_added_rows_matches_a_flat_search_of_the_union(hidden):
    """The merged search ranks like one FAISS flat index of the visible rows, ties included."""
    import faiss

    rng = np.random.default_rng(7)
    saved_vectors = rng.normal(size=(6, 8)).astype(np.float32)
    saved_vectors[5] = saved_vectors[2]  # a wire copy: equal similarity to every query
    added_vectors = rng.normal(size=(3, 8)).astype(np.float32)
    for block in (saved_vectors, added_vectors):
        block /= np.linalg.norm(block, axis=1, keepdims=True)
    saved = faiss.IndexFlatIP(8)
    saved.add(saved_vectors)
    search = NeighbourSearch(saved, hidden=hidden, added=added_vectors)
    visible = [row for row in range(6) if row not in hidden] + [6, 7, 8]
    union = np.vstack([saved_vectors, added_vectors])
    queries = added_vectors
    depth = 4
    similarities, rows = search.search(queries, depth)
    assert search.rows == len(visible)
    flat = faiss.IndexFlatIP(8)
    flat.add(union[visible])
    _, flat_rows = flat.search(queries, depth)
    assert rows.tolist() == [[visible[i] for i in found] for found in flat_rows]
    for query, (found_similarities, found_rows) in enumerate(zip(similarities, rows, strict=True)):
        expected = sorted(visible, key=lambda row: (float(union[row] @ queries[query]), row))[::-1][
            :depth
        ]
        assert list(found_rows) == expected
        assert np.allclose(found_similarities, [union[row] @ queries[query] for row in expected])


def test_one_figure_from_two_outlets_within_days_pairs_without_a_named_place():
    # FA-KES (fk-216), Al-Manar and the Jordan Times on 1 Aug 2016: neither names a place.
    manar = "The Monday downing brought the toll for Russian soldiers killed in the Syrian conflict to 18."
    times = "It brought the total number of members of the Russian forces killed in Syria to 18."
    # Many other counts of soldiers killed, months away: the count alone is no evidence.
    others = [
        article(f"o{n}", "trt", f"{n + 3} soldiers were killed in clashes.", D(2015, 1, 1 + n))
        for n in range(8)
    ]
    corpus = [article("a", "manar", manar, D(2016, 8, 1)), article("b", "jt", times, D(2016, 8, 1))]
    found = candidates_of([*corpus, *others], min_similarity=0.3)
    assert (manar, times) in texts(found) or (times, manar) in texts(found)
    different = times.replace("to 18", "to 25")
    corpus[1] = article("b", "jt", different, D(2016, 8, 1))
    found = candidates_of([*corpus, *others], min_similarity=0.3)
    assert not {manar, different} <= {text for pair in texts(found) for text in pair}


def test_one_figure_on_days_and_in_a_town_that_meet_carries_no_incident_gap():
    # FA-KES (fa-019): Monday's toll in Manbij, told on Monday by Al-Alam and on Tuesday by Daily
    # Sabah beside Tuesday's; each joined another report's incident (Sunday's, Tuesday's).
    sunday = "Airstrikes killed at least 21 civilians in Manbij on Sunday."
    alalam = (
        "The Observatory said Monday that at least 15 people were killed as the coalition carried "
        "out raids in a northern district of Manbij city."
    )
    tuesday = "Airstrikes on Manbij killed at least 85 civilians on Tuesday."
    sabah = (
        "Tuesdays casualties come on the heels of similar airstrikes on the town of Manbij on "
        "Monday when at least 15 civilians were reportedly killed."
    )
    corpus = [
        article("c", "alaraby", sunday, D(2016, 7, 18)),
        article("b", "alalam", alalam, D(2016, 7, 18)),
        article("d", "trt", tuesday, D(2016, 7, 19)),
        article("a", "dailysabah", sabah, D(2016, 7, 19)),
    ]
    found = {texts([c])[0]: c for c in incident_candidates_of(corpus, min_similarity=0.3)}
    pair = found[(alalam, sabah)]
    assert pair.incident is None and pair.incident_gap is None


def test_a_party_said_not_to_have_attacked_pairs_with_blame_of_one_incident():
    # FA-KES, 4 April 2017: neither sentence denies in so many words, nor shares a count.
    blamed = "Russian jets struck Khan Sheikhoun in Idlib on Friday, activists said."
    cleared = (
        "The Russian Defence Ministry said on Friday that Russian planes had not carried out "
        "air strikes on Khan Sheikhoun in Idlib."
    )
    found = incident_candidates_of(
        [article("a", "ahram", blamed), article("b", "tass", cleared)], min_similarity=0.99
    )
    assert texts(found) == [(blamed, cleared)]
    assert found[0].origin == "incident" and found[0].same_incident
