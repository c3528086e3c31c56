"""How a sentence says an attack was carried out: by air, by shelling, by a bomb, with gas, in
ground fighting or by execution (lexicon.ATTACK_MEANS). Reports of one incident name compatible
means; an air strike and a car bomb on one day in one town are two incidents. What it says was
hit (a hospital, a convoy) tells two attacks apart too."""

from __future__ import annotations

import re
from collections.abc import Sequence

import checker.lexicon as lx

MEANS_RE = {
    means: re.compile(r"(?<![a-z0-9-])(?:" + "|".join(cues) + r")(?![a-z])", re.I)
    for means, cues in lx.ATTACK_MEANS.items()
}
# "barrel bombs" are dropped from the air; the bombing cues must not read their "bomb".
_AIR_BOMB_RE = re.compile(r"barrel[- ]bombs?", re.I)


def find_means(text: str, counted: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The means of attack the sentence names, sorted. The `counted` spans (its counts of
    victims) say who was hit, not how: "7 Al-Nusra gunmen" killed by air strikes is no gunfire."""
    for start, end in counted:
        text = text[:start] + " " * (end - start) + text[end:]
    cleaned = _AIR_BOMB_RE.sub(" barrel-bombs ", text)
    return sorted(means for means, pattern in MEANS_RE.items() if pattern.search(cleaned))


TARGET_RE = {
    target: re.compile(r"(?<![a-z0-9-])(?:" + "|".join(cues) + r")(?![a-z])", re.I)
    for target, cues in lx.ATTACK_TARGETS.items()
}


def find_targets(text: str) -> list[str]:
    """What the sentence says was hit (lexicon.ATTACK_TARGETS): hospital, market, convoy …"""
    return sorted(target for target, pattern in TARGET_RE.items() if pattern.search(text))


def means_compatible(a: list[str], b: list[str]) -> bool:
    """Whether two sentences' means can describe one attack: either names none, they share
    one, or one names only a chemical agent (delivered by air or by shell). A chemical agent
    named with its delivery ("a helicopter dropped a chlorine barrel") keeps that delivery:
    it is no rocket barrage."""
    if not a or not b or set(a) & set(b):
        return True
    a_delivery, b_delivery = set(a) - lx.MEANS_GO_WITH_ANY, set(b) - lx.MEANS_GO_WITH_ANY
    return not (a_delivery and b_delivery)
