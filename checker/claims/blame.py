"""Blame and its denial: whether a sentence denies a reported event, which parties it says did
not attack ("Moscow denied any involvement", "Russian planes had not carried out air strikes",
"a moratorium on Russian air strikes"), and whether the blame it gives is hedged ("suspected
Russian jets", "most likely carried out by"). A stance told as a habit ("has repeatedly denied
using chemical weapons") is background: it denies nothing about the incident beside it."""

from __future__ import annotations

import re
from collections.abc import Iterable

import checker.lexicon as lx
from checker.claims.actors import (
    HABITUAL_STANCE_RE,
    HALTED_BEFORE_RE,
    PERPETRATOR_WINDOW,
    mentions,
)

DENIAL_RE = re.compile(
    r"\b(denied|denies|deny|denying|refuted|rejected (?:the )?(?:accusations?|claims?|reports?)"
    r"|(?:totally|completely|absolutely)? ?false(?![- ]flag)|fabricated|baseless|untrue"
    # "lies" the noun ("these are lies"), not the verb ("Al-Bab, which lies north of Aleppo").
    r"|(?:are|were|is|all|pure|blatant|outright|total|complete|nothing but|such)\s+lies"
    r"|never (?:used|carried|took))\b",
    re.I,
)
# "did not deny", "has not refuted": a denial negated is no denial; "will deny" is none yet,
# and "to deny Daesh the ability to move" is a purpose, not a denial.
NEGATED_BEFORE_RE = re.compile(r"\b(?:not|n't|never|no|neither|nor|will|would|to)\s+$", re.I)
DENIAL_VERB_RE = re.compile(r"\b(?:denied|denies|deny|denying|refuted|rejected|rejects)\b")
# What may stand between a party and its denial: "Russia has categorically denied", "the
# Russian Defence Ministry has denied", "Russian planes had not carried out".
_DENIER_GAP = r"(?:\s+(?:" + "|".join(lx.DENIER_GAP_WORDS) + r"))*\s+"
DENIER_GAP_RE = re.compile(_DENIER_GAP + r"$")
NOT_CARRIED_RE = re.compile(_DENIER_GAP + lx.NOT_CARRIED_OUT)
# "denied allegations that government forces had used", "deny Damascus carried out": the party
# denied to have attacked follows the verb.
DENIED_OBJECT_RE = re.compile(
    r"\s+(?:(?:any|the)\s+)?(?:(?:reports?|allegations?|accusations?|claims?|charges?)\s+)?"
    r"(?:that\s+)?(?:the\s+)?"
)
HEDGE_RE = re.compile(lx.BLAME_HEDGES)
DENIED_WHAT_RE = re.compile(lx.DENIED_WHAT)
# "by the regime or Russian warplanes": blame split between two parties is no claim on either.
EITHER_OR_RE = re.compile(r"(?:\s+\w+){0,2}\s+or\s+(?:by\s+)?(?:the\s+)?$")
HEDGE_LOOKBACK = 40
WORD_REST_RE = re.compile(r"[a-z]*")  # the rest of a cue's word: "rebel" in "rebels"


def is_denial(text: str) -> bool:
    """Whether the sentence denies or calls false a reported event (not "did not deny" it, nor
    a denial told as a habit)."""
    if HABITUAL_STANCE_RE.search(text):
        return False
    return any(
        not NEGATED_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()])
        for match in DENIAL_RE.finditer(text)
    )


def find_cleared(text: str) -> list[str]:
    """Parties the sentence says did not attack, as lexicon keys (sorted): the party a denial
    names after its verb ("denied Syrian government bombings"), else the one that denies
    ("Moscow denied any involvement"); a party said not to have carried out strikes; a party
    whose strikes are halted ("a moratorium on Russian air strikes")."""
    lowered = text.lower()
    if HABITUAL_STANCE_RE.search(lowered):
        return []
    named = sorted(_party_mentions(lowered), key=lambda item: item[1])
    found = set()
    for verb in DENIAL_VERB_RE.finditer(lowered):
        if NEGATED_BEFORE_RE.search(lowered[max(0, verb.start() - 12) : verb.start()]):
            continue
        if not DENIED_WHAT_RE.search(lowered, verb.end(), verb.end() + lx.DENIED_WHAT_WINDOW):
            continue
        denied = DENIED_OBJECT_RE.match(lowered, verb.end())
        after = denied.end() if denied else verb.end()
        objects = {party for party, start, _ in named if start == after}
        subjects = [
            party
            for party, _, end in named
            if end <= verb.start() and DENIER_GAP_RE.match(lowered[end : verb.start()])
        ]
        found |= objects or set(subjects[-1:])
    for party, start, end in named:
        if NOT_CARRIED_RE.match(lowered, end) or HALTED_BEFORE_RE.search(
            lowered[max(0, start - 25) : start]
        ):
            found.add(party)
    return sorted(found)


def blame_hedged(text: str, perpetrators: Iterable[str]) -> bool:
    """Whether the sentence hedges whom it blames ("suspected Russian jets", "believed to have
    been carried out by", "either by the regime or Russian warplanes")."""
    lowered = text.lower()
    blamed = set(perpetrators)
    named = [item for item in _party_mentions(lowered) if item[0] in blamed]
    split = [cue for party in blamed for cue in lx.PARTY_CUES.get(party, ()) if " or " in cue]
    if any(cue in lowered for cue in split) or any(
        first != second and start > end and EITHER_OR_RE.match(lowered[end:start])
        for first, _, end in named
        for second, start, _ in named
    ):
        return True  # "Syrian or Russian warplanes", "by the regime or Russian warplanes"
    return any(
        HEDGE_RE.search(lowered[max(0, start - HEDGE_LOOKBACK) : end + PERPETRATOR_WINDOW])
        for _, start, end in named
    )


def _party_mentions(lowered: str) -> Iterable[tuple[str, int, int]]:
    """Every mention of a party (its lexicon key, start, end), the words only a denier goes by
    ("Syria denies", "the army denied") included."""
    for cues in (lx.PARTY_CUES, lx.DENIER_CUES):
        for party, words in cues.items():
            for word in words:
                for match in mentions(lowered, word.strip()):
                    rest = WORD_REST_RE.match(lowered, match.end())
                    yield party, match.start(), rest.end() if rest else match.end()
