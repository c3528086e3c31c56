"""Where a sentence's event happened: place names from spaCy's entities and from place phrases
("in the town of X", "X province") that the small model misses."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

import checker.lexicon as lx

PLACE_LABELS = ("GPE", "LOC", "FAC")
_NAME = r"(?:al-|el-|ad-|as-|ash-|Al-|Al |al )?[A-Z][\w'-]+(?:[ -](?:al-|el-)?[A-Z][\w'-]+){0,2}"
PLACE_AFTER_PREPOSITION_RE = re.compile(
    rf"\b(?:in|on|near|at|around|outside|into|of|from)\s+(?:the\s+)?(?:town|city|village|district|province|"
    rf"neighbou?rhoods?|suburbs?|countryside|region)?\s*(?:of\s+)?(?P<name>{_NAME})"
)
PLACE_BEFORE_NOUN_RE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:city|town|village|district|province|neighbou?rhoods?|countryside|governorate|square|crossing)\b"
)
# A part of a town named by what it is: "al-Hamadaniye neighborhood", "the village of Oweijel".
_QUARTER_NOUN = (
    r"(?:[Nn]eighbou?rhoods?|[Dd]istrict|[Qq]uarter|[Vv]illage)"  # "Wadi al-Zahab District"
)
QUARTER_RES = (
    re.compile(rf"(?P<name>{_NAME})\s+{_QUARTER_NOUN}\b"),
    re.compile(rf"\b{_QUARTER_NOUN}\s+of\s+(?:the\s+)?(?P<name>{_NAME})"),
)
# The capital named by its role: "near the Syrian capital", "in Syria's capital".
CAPITAL_PHRASE_RE = re.compile(r"\b(?:the Syrian|Syrias|Syria's) capital\b", re.I)


def find_places(text: str, entities: Any) -> list[str]:
    """Place names of a sentence, sorted: spaCy's place entities (`entities`, possibly empty)
    that are no source's base, plus the place phrases the rules find."""
    from_entities = {
        entity.text
        for entity in entities
        if entity.label_ in PLACE_LABELS
        and not _is_base_of_source(text, entity.end_char)
        and not any(
            word in lx.NOT_PLACES for word in re.findall(r"[a-z]+", entity.text.lower())[1:]
        )
    }
    return sorted(from_entities | find_place_phrases(text))


def find_place_phrases(text: str) -> set[str]:
    """Capitalised names after a locative preposition or before a place noun.

    The small spaCy model misses most Syrian place names in FA-KES text ("on
    al-Hamadaniye neighborhood in Aleppo city"); these patterns catch them.
    """
    found = set()
    for pattern in (PLACE_AFTER_PREPOSITION_RE, PLACE_BEFORE_NOUN_RE):
        for match in pattern.finditer(text):
            name = match.group("name").strip(" -")
            words = re.findall(r"[a-z]+", name.lower())
            if (
                not words
                or any(word in lx.NOT_PLACES for word in words)
                or "based" in words
                or name.isupper()  # acronyms are groups (YPG, SDF), not places
                or _is_base_of_source(text, match.end("name"))
            ):
                continue
            found.add(name)
    if CAPITAL_PHRASE_RE.search(text):
        found.add("Damascus")  # "near the Syrian capital"
    return found


@lru_cache(maxsize=65536)
def named_quarters(text: str) -> frozenset[str]:
    """Neighbourhoods, districts and villages a sentence names as such, lower-cased: places
    finer than the gazetteer's towns ("Salah-Eddin neighborhood in the city"), which tell two
    strikes on one city apart."""
    found = set()
    for pattern in QUARTER_RES:
        for match in pattern.finditer(text):
            name = match.group("name").strip(" -")
            words = re.findall(r"[a-z]+", name.lower())
            if words and not any(word in lx.NOT_PLACES for word in words) and not name.isupper():
                found.add(name.lower())
    return frozenset(found)


HELD_RES = {
    side: re.compile(rf"\b(?:{cues})-(?:and-\w+-)?(?P<how>{lx.HELD_SUFFIX}|besieged)\b", re.I)
    for side, cues in lx.HOLDERS.items()
}


@lru_cache(maxsize=65536)
def held_sides(text: str) -> frozenset[str]:
    """The sides holding the areas a sentence names ("rebel-held", "regime-controlled", "rebel-
    besieged Foua": the government's), except where a source works ("operating in rebel-held
    territory")."""
    sides = set()
    joined = text.replace("- and ", "-and-")  # "rebel- and regime-held districts"
    for side, pattern in HELD_RES.items():
        for match in pattern.finditer(joined):
            if re.search(lx.SOURCE_SITE_BEFORE, joined[: match.start()], re.I):
                continue
            besieged = match["how"].lower() == "besieged"
            if besieged and side not in lx.BESIEGED_BY_OTHER:
                continue
            sides.add(lx.BESIEGED_BY_OTHER[side] if besieged else side)
    return frozenset(sides)


def _is_base_of_source(text: str, end: int) -> bool:
    """'Britain-based monitor': the place of a source, not of the event."""
    return text[end : end + 7].lstrip("- ").lower().startswith("based")


def names_a_government(name: str, text: str) -> bool:
    """ "Damascus lost more than 40 troops", "Damascus denied": a capital standing for its
    government, the actor of the clause, not where anything happened. Only when every mention
    of the name is such an actor ("Damascus said the strike on Damascus ..." keeps the place)."""
    if name.lower() not in lx.CAPITALS:
        return False  # "the city of Homs has claimed the lives of 18": Homs is where
    return _every_mention(
        name, text, lambda before, after: re.match(lx.GOVERNMENT_ACTS_RE, after) is not None
    )


def names_a_medium(name: str, text: str) -> bool:
    """ "Lebanese TV channel Al-Mayadin reported", "Al Mayadeen TV": a broadcaster named after a
    town, not a place, when every mention of the name is the broadcaster's."""
    return _every_mention(
        name,
        text,
        lambda before, after: bool(
            re.search(lx.MEDIUM_BEFORE_RE, before) or re.match(lx.MEDIUM_AFTER_RE, after)
        ),
    )


# "... on Tuesday, just hours after a gas attack left dozens dead in Khan Sheikhun": what the
# clause after such a marker tells is another, earlier event.
EARLIER_EVENT_RE = re.compile(
    r"\b(?:hours|days?|weeks?|shortly|just|soon|a day|the day)\s+(?:after|before)\b"
    r"|\bcame\s+(?:\w+\s+){0,2}after\b|\bon the heels of\b",
    re.I,
)


def in_earlier_event(name: str, text: str, first_count: int | None) -> bool:
    """Whether every mention of `name` lies in a clause telling an earlier event ("hours after
    ... in Khan Sheikhun") that follows the sentence's first count (`first_count`: where it
    ends; None when it counts nothing, and then no place is set aside)."""
    marker = EARLIER_EVENT_RE.search(text)
    if marker is None or first_count is None or first_count > marker.start():
        return False
    return _every_mention(name, text, lambda before, after: len(before) >= marker.end())


def _every_mention(name: str, text: str, test: Callable[[str, str], bool]) -> bool:
    """Whether `name` occurs in `text` and `test(text before, text after)` holds at each mention."""
    mentions = list(re.finditer(rf"\b{re.escape(name)}\b", text))
    return bool(mentions) and all(
        test(text[: mention.start()], text[mention.end() :]) for mention in mentions
    )
