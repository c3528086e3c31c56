"""Whether two claims name the same place: transliteration-tolerant name matching, with
country-level names ignored because they cannot tell incidents apart."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

import checker.lexicon as lx
from checker.claims import named_quarters
from checker.claims.gazetteer import most_specific, towns, within
from checker.models import Claim


def specific_places(places: Sequence[str]) -> set[str]:
    """Places below country level, lower-cased: the ones that can tell incidents apart."""
    specific = set()
    for place in places:
        name = place.lower()
        if name in lx.GENERIC_PLACES or (name.endswith("s") and name[:-1] in lx.GENERIC_PLACES):
            continue  # FA-KES strips apostrophes: "Syrias" is "Syria's"
        specific.add(name)
    return specific


# Transliterations differ across outlets (Ghouta/Ghota, Maarat/Maaret); names this alike
# are one place. 0.8 keeps Atareb/Aleppo and Homs/Hama apart.
PLACE_SPELLING_SIMILARITY = 0.8
_COMPASS = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}


@lru_cache(maxsize=262144)
def same_place(a: str, b: str) -> bool:
    """One name contains the other ('aleppo' in 'aleppo province') or they are spelled alike."""
    a_norm, b_norm = _normalise_place(a), _normalise_place(b)
    if a_norm in b_norm or b_norm in a_norm:
        return True
    return difflib.SequenceMatcher(None, a_norm, b_norm).ratio() >= PLACE_SPELLING_SIMILARITY


@lru_cache(maxsize=65536)
def _normalise_place(name: str) -> str:
    words = [
        _COMPASS.get(word, word)
        for word in re.findall(r"[a-z]+", name.lower())
        if word not in ("the", "al")
    ]
    return " ".join(words)


def _different_quarters(a: Claim, b: Claim) -> bool:
    """Whether each sentence names a neighbourhood or village the other does not mention."""
    a_quarters, b_quarters = named_quarters(a.sentence.text), named_quarters(b.sentence.text)
    if not (a_quarters and b_quarters):
        return False
    return not (_mentions_any(a_quarters, b) or _mentions_any(b_quarters, a))


def _mentions_any(quarters: frozenset[str], other: Claim) -> bool:
    other_names = specific_places(other.places) | named_quarters(other.sentence.text)
    text = other.sentence.text.lower()
    return any(
        quarter in text or any(same_place(quarter, name) for name in other_names)
        for quarter in quarters
    )


def places_overlap(a: Claim, b: Claim, *, hierarchy: bool = True) -> bool | None:
    """Whether two sentences share a place: None when either names no specific place.

    A place of one named anywhere in the other's text counts too (NER misses many names), and
    so does a town in a governorate the other names ("Jisr al-Shoghour" and "Idlib province").
    """
    a_places, b_places = specific_places(a.places), specific_places(b.places)
    if not a_places or not b_places:
        return None
    a_towns, b_towns = towns(a.locations), towns(b.locations)
    if a_towns and b_towns and not a_towns & b_towns:
        return False  # "the city of Idlib" and "Maaret al-Numan in Idlib": two towns
    if _different_quarters(a, b):
        return False  # "Salah-Eddin neighborhood" and "al-Hamadaniye neighborhood": two strikes
    if any(same_place(x, y) for x in a_places for y in b_places):
        return True
    a_text, b_text = a.sentence.text.lower(), b.sentence.text.lower()
    if any(place in b_text for place in a_places) or any(place in a_text for place in b_places):
        return True
    if not hierarchy:
        return False
    a_most, b_most = most_specific(a.locations), most_specific(b.locations)
    return any(within(x, y) or within(y, x) for x in a_most for y in b_most)


def below_gazetteer(a: Claim, b: Claim) -> bool:
    """Whether one sentence names a quarter the gazetteer does not know ("Wadi al-Zahab
    District", "the neighbourhood of Salihiah") and no place it knows, and the other only
    places it knows ("Homs"), with no two different quarters named: within one incident the
    quarter may lie in the town. Other unknown names (a Turkish border town) still differ."""
    if bool(a.locations) == bool(b.locations) or _different_quarters(a, b):
        return False
    unknown = b if a.locations else a
    return bool(named_quarters(unknown.sentence.text))
