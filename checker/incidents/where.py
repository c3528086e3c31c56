"""Where a sentence's event happened: the most specific place its own words name, else the
place its article leads with (headline and opening sentences), else unknown."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Literal

from checker.claims.gazetteer import locate, most_specific, scan_places, within
from checker.models import AnalysedSentence, Location

PlaceSource = Literal["sentence", "article", "none"]
# The opening sentences that, with the headline, say where an article is.
LEAD_SENTENCES = 3


def lead_places(sentences: Sequence[AnalysedSentence]) -> dict[str, Location]:
    """Each article's lead place: the most often named, most specific place of its headline and
    opening sentences (ties: the first in name order)."""
    named: dict[str, list[Location]] = {}
    for sentence in sentences:
        article = sentence.article
        if article.id not in named:
            named[article.id] = most_specific(locate(scan_places(article.title)))
        if sentence.claim.sentence.index < LEAD_SENTENCES:
            named[article.id].extend(most_specific(sentence.claim.locations))
    lead = {}
    for article_id, places in named.items():
        towns = [place for place in places if place.level == "town"]
        counts = Counter(towns or places)
        if counts:
            lead[article_id] = min(counts, key=lambda place: (-counts[place], place.name))
    return lead


def places_of(
    sentence: AnalysedSentence, lead: dict[str, Location]
) -> tuple[list[Location], PlaceSource]:
    """The sentence's own most specific places, else its article's lead place, else none."""
    own = most_specific(sentence.claim.locations)
    if own:
        return own, "sentence"
    if sentence.article.id in lead:
        return [lead[sentence.article.id]], "article"
    return [], "none"


def places_meet(a: list[Location], b: list[Location]) -> Location | None:
    """The most specific place two lists share (one place, or a town and the governorate it
    lies in), or None."""
    shared = [x if x.level == "town" else y for x in a for y in b if within(x, y) or within(y, x)]
    return min(shared, key=lambda place: (place.level != "town", place.name), default=None)
