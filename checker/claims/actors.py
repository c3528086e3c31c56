"""Who a sentence names: the parties to the conflict, who it says attacked, who it quotes, and
whether it relays someone else's claim at all."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import checker.lexicon as lx

# Words that say an attack was carried out (a party's "forces", "troops" or "fighters" alone
# say who someone is, not that they attacked: "pro-government fighters left the villages").
ATTACK_WORDS_RE = re.compile(
    r"\b(warplanes?|jets?|aircraft|air ?strikes?|air raids?|raids?|bombing|bombardment|shelling"
    r"|shelled|bombed|strikes?|barrel bombs?|missiles?|rockets?|shells|artillery"
    r"|bombers?|attack(?:ed|s)?|struck|launched|fired)\b",
    re.I,
)
# How far after a party's name an attack word makes it the attacker: "regime warplanes",
# "Russian jets struck", "Syrian government air strikes"; further off, the party is often the
# victim, the target or a bystander ("Turkey condemned the chemical attack").
PERPETRATOR_WINDOW = 24
# "Russian planes had not carried out air strikes": a party said not to have attacked.
NOT_ATTACKER_RE = re.compile(
    r"\b(?:not|n't|never|denied|denies|deny|condemn\w*|blamed|halted|suspended|stopped)\b"
)
# "a moratorium on Russian air strikes": strikes said to be halted name no attacker.
HALTED_BEFORE_RE = re.compile(
    r"\b(?:moratorium|halt|pause|suspension|freeze)\s+(?:on|in|of|to)\s+$"
)
# A party named as what holds, backs or besieges something else describes that thing: "rebel-held
# town", "regime-besieged district", "U.S.-backed forces" name no attacker.
DESCRIBES_ANOTHER_RE = re.compile(
    r"[\w.]*[- ](?:held|controlled|besieged|backed|allied|affiliated|linked|aligned|supported"
    r"|sponsored|friendly|run|dominated|occupied)\b"
)
ATTRIBUTION_RE = re.compile(r"\b(" + "|".join(map(re.escape, lx.ATTRIBUTION_WORDS)) + r")\b", re.I)
SPEAKER_BEFORE_RE = re.compile(r"\b(" + "|".join(map(re.escape, lx.SPEAKER_VERBS)) + r")\b", re.I)
SPEAKER_AFTER_RE = re.compile(
    r"\b(" + "|".join(map(re.escape, lx.SPEAKER_PREPOSITIONS)) + r")\b", re.I
)
SPEAKER_LABELS = ("PERSON", "ORG")


def find_actors(text: str) -> list[str]:
    """Parties named in the sentence, as canonical lexicon keys (sorted)."""
    lowered = text.lower()
    return sorted(
        party
        for party, cues in lx.PARTY_CUES.items()
        if any(next(mentions(lowered, cue.strip()), None) for cue in cues)
    )


def mentions(lowered: str, cue: str) -> Iterator[re.Match[str]]:
    """Where `cue` starts a word of the text ("rebel" in "rebels", never "hts" in "rights")."""
    if cue not in lowered:
        return iter(())
    return re.finditer(rf"(?<![a-z0-9]){re.escape(cue)}", lowered)


HABITUAL_RE = re.compile(lx.HABITUAL, re.I)
HABITUAL_STANCE_RE = re.compile(lx.HABITUAL_STANCE, re.I)


def find_perpetrators(text: str, counted: Sequence[tuple[int, int]] = ()) -> list[str]:
    """Parties named next to attack words: who the sentence says carried out an attack. A
    habitual sentence ("is regularly targeted in Syrian and Russian air strikes", "has
    previously accused government forces of gas attacks") is background and blames no one for
    the incident it is told beside. The `counted` spans name victims, not attackers ("killed
    at least 50 opposition fighters in a suicide bombing")."""
    lowered = text.lower()
    if HABITUAL_RE.search(lowered) or HABITUAL_STANCE_RE.search(lowered):
        return []
    found = set()
    for party, cues in lx.PARTY_CUES.items():
        for cue in cues:
            if cue.strip() in lx.NOT_PERPETRATOR_CUES:
                continue
            for match in mentions(lowered, cue.strip()):
                if any(start <= match.start() < end for start, end in counted):
                    continue
                if DESCRIBES_ANOTHER_RE.match(lowered, match.end()):
                    continue  # "rebel-held town", "U.S.-backed forces": not who attacked
                if HALTED_BEFORE_RE.search(lowered[max(0, match.start() - 25) : match.start()]):
                    continue
                window = lowered[match.end() : match.end() + PERPETRATOR_WINDOW]
                attack = ATTACK_WORDS_RE.search(window)
                if attack and not NOT_ATTACKER_RE.search(window[: attack.start()]):
                    found.add(party)
    return sorted(found)


FIGURE_SOURCE_RE = {
    source: re.compile(r"\b(?:" + "|".join(re.escape(cue.strip()) for cue in cues) + r")\b", re.I)
    for source, cues in lx.FIGURE_SOURCES.items()
}


def figure_sources(text: str) -> set[str]:
    """The known bodies (lexicon.FIGURE_SOURCES) a sentence names as the source of its figures."""
    return {source for source, pattern in FIGURE_SOURCE_RE.items() if pattern.search(text)}


def is_attributed(text: str) -> bool:
    """Whether the sentence relays someone's claim ("said", "according to", "reportedly")."""
    return bool(ATTRIBUTION_RE.search(text))


def find_speaker(doc: Any) -> str | None:
    """The person or organisation a parsed sentence attributes its claim to, if named."""
    text = doc.text
    for entity in doc.ents:
        if entity.label_ not in SPEAKER_LABELS:
            continue
        after = text[entity.end_char : entity.end_char + 12]
        before = text[max(0, entity.start_char - 16) : entity.start_char]
        if SPEAKER_BEFORE_RE.match(after.strip()) or SPEAKER_AFTER_RE.search(before):
            return entity.text
    return None


# A person quoted by name without NER: "Sergei Ryabkov has already said", "according to the
# Russian Foreign Minister Sergei Lavrov". Two to five capitalised words; the name is the last two.
_PERSON = r"(?P<name>(?:[A-Z][a-z]+[ -]){1,4}[A-Z][a-z]+)"
PERSON_SAID_RE = re.compile(
    _PERSON + r"\s+(?:has\s+|had\s+)?(?:already\s+|also\s+)?"
    r"(?:said|says|told|stated|warned|announced|claimed|added|stressed)\b"
)
ACCORDING_TO_PERSON_RE = re.compile(r"\b(?:[Aa]ccording to|quoted|citing)\s+(?:the\s+)?" + _PERSON)


def find_speaker_by_rule(text: str) -> str | None:
    """The person a sentence quotes by name ("Ryabkov said", "according to … Lavrov"), for
    sentences the NER model does not read; the last two words of the name."""
    match = PERSON_SAID_RE.search(text) or ACCORDING_TO_PERSON_RE.search(text)
    if match is None:
        return None
    words = match["name"].replace("-", " ").split()
    if len(words) < 2 or words[-1].lower() in lx.NOT_PERSON_WORDS:
        return None
    return " ".join(words[-2:])
