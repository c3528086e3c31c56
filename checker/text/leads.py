"""Chrome that opens a sentence: datelines, bylines, agency tags, share widgets, a repeated
headline or lead, tag lists. `trim_lead` peels it off so that the sentence starts at its claim."""

from __future__ import annotations

import re

import checker.lexicon as lx
from checker.text.boilerplate import strip_span

# Fewer words than this carry no checkable claim ("Read Also", "Hello, !", "TREASON?").
MIN_WORDS = 4


# A repeated headline sits within the first couple of hundred characters of the body.
TITLE_SEARCH_CHARS = 160


# Titles shorter than this match ordinary sentence openings too often to be stripped.
TITLE_MIN_WORDS = 3


# A sentence pasted twice shows its first words twice; six words do not repeat by chance.
REPEATED_LEAD_WORDS = 6


# After a capitalised word, a clause word within this many tokens marks a sentence start
# (ends a run-on tag list); tags are bare noun phrases.
TAG_CLAUSE_WINDOW = 3


def word_set(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


# Words that open a sentence; after a dotted acronym ("U.S.") they show the period ends it.
SENTENCE_OPENERS = word_set(
    """
    The A An In On At It He She They We This That These Those But However Meanwhile Almost
    According Earlier Later Since After Before While When Some More Most Many
    Dozens Hundreds Thousands Several Nearly About Around Over Up Only
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen
    Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty
    """
)


# Function words and verbs that show a clause has begun (a tag list has none of them).
_CLAUSE_WORDS = word_set(
    """
    a an the was were is are has have had be been said says say claimed reported told and in on at
    by to from with after as into near during killed launched began continued
    """
)


# A photo caption ends with its credit: "... Syria June 18 2016 (TRT World and Agencies)".
CAPTION_END = re.compile(
    r"\((?:TRT World and Agencies|(?:[A-Z]{2,6}|Reuters|File|Anadolu)\s+[Pp]hoto|[Pp]hoto"
    r"|(?:[A-Z]{2,6}\s+)?[Aa]rchive|[Ff]ile(?: photo)?)\)"
)


_NAME_PARTICLES = ("al-", "el-", "ad-", "as-")


_TIME = r"(?:\s+at\s+\d{1,2}:?\d{2}|\s+\d{1,2}:\d{2}|\s+\d{3,4}\s+(?:UTC|GMT)(?:\s*[+-]\d+)?)"


_DATE = (
    rf"(?:{lx.WEEKDAY_PATTERN},?\s+)?"
    rf"(?:\d{{1,2}}\s+{lx.MONTH_PATTERN}\.?,?\s+\d{{4}}"
    rf"|{lx.MONTH_PATTERN}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|{lx.MONTH_PATTERN}\.?\s+\d{{6}}"
    r"|\d{1,2}[-./]\d{1,2}[-./]\d{4}(?:\s*\(updated\s+\d{3,4}\s+\d{1,2}\.\d{1,2}\.\d{4})?\)?"
    r"|\d{4}-\d{2}-\d{2})"
    rf"{_TIME}?"
)


_DATELINE_CITIES = (
    r"Beirut|Amman|Damascus|Moscow|Istanbul|Ankara|Cairo|Geneva|Washington|London|Paris"
    r"|Baghdad|Tehran|Doha|Dubai|Riyadh|Jerusalem|Gaziantep|New York|United Nations"
    r"|Brussels|Berlin|Beijing"
)


_AGENCIES = r"AFP|AP|Reuters|NNA|AA|DHA|IHA|SANA|UPI|dpa|Xinhua|RIA Novosti|TASS|Anadolu"


# Sputnik's share widget with its counters: "Get short URL 0 25", "Get short URL Topic ...".
_SHORT_URL = re.compile(r"Get short URL(?:\s+Topic\s+[^()]*\(\d+\))?(?:\s+\d+)*\s+")


# Chrome that opens a sentence anywhere, in the order it is tried.
_LEADING_CHROME = [
    (
        "dateline",
        re.compile(
            rf"(?:(?:published|posted|date\s+of\s+publication|last\s+updated|updated)"
            rf"(?:\s+(?:on|at))?\s*:?\s*)?{_DATE}\s*[-–—|,:]?\s+",
            re.IGNORECASE,
        ),
    ),
    ("share_link", re.compile(r"SEND\s+\S+(?:\s+[A-Z]{2,5}\s+Photo)?\s+")),
    ("caption_credit", re.compile(CAPTION_END.pattern + r"\s*")),
    ("dash_subhead", re.compile(r"-\s+[^-.!?]{3,80}?\s+-\s+(?=[A-Z])")),
]


# Chrome that opens a sentence only right after other chrome was peeled off: on its own,
# "AP" or "Video" could begin a real sentence.
_DATELINE_TAILS = [
    ("agency", re.compile(rf"(?:Regional\s+)?(?:{_AGENCIES})(?:\s*[-–—])?\s+(?=[\"“A-Z0-9])")),
    ("byline", re.compile(r"by\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2}\s+(?=[A-Z])")),
    ("section", re.compile(r"(?:Video|Photos?|Gallery|Infographic)\s+(?=[A-Z0-9])")),
    (
        "city",
        re.compile(
            rf"(?:(?:{_DATELINE_CITIES})(?:\s*[-–—,]\s*|\s+))+(?=[A-Z0-9\"“])", re.IGNORECASE
        ),
    ),
    (
        "capitals_city",
        re.compile(
            r"(?!(?:UNICEF|UNHCR|UNRWA|DAESH|HAMAS|NATO|SYRIA)\b)(?:[A-Z]{2,}[\s-]+)*[A-Z]{5,}"
            r"(?:,?\s+(?:Syria|Turkey|Lebanon|Jordan|Iraq|Iran))?\s*[-–—,]?\s+(?=[A-Z0-9\"“])"
        ),
    ),
]


# An upper-case word the CSV title left off, before the body's first capitalised word.
_TITLE_LEFTOVER = re.compile(r"\s+[A-Z]{2,4}(?=\s+[\"“A-Z])")


# Words a byline or dateline may hold besides capitalised names and numbers.
_CHROME_PREFIX_WORDS = frozenset({"by", "on", "at", "and", "-", "|", "–", "—"})


def trim_lead(text: str, start: int, end: int, titles: list[str]) -> tuple[int, int] | None:
    """Peel leading chrome off a sentence; None when nothing but chrome is left."""
    peeled = False
    while True:
        piece = text[start:end]
        step = _leading_chrome(piece, titles, peeled)
        if step is None:
            break
        start, end = strip_span(text, start + step, end)
        peeled = True
        if start >= end:
            return None
    start += _repeated_lead(text[start:end])
    piece = text[start:end]
    if piece.startswith("Tags "):
        body = _tag_list_end(piece)
        if body is None:
            return None
        start, end = strip_span(text, start + body, end)
    return start, end


def _leading_chrome(piece: str, titles: list[str], peeled: bool) -> int | None:
    """Length of the chrome that opens `piece`, or None when it opens with content."""
    short_url = _SHORT_URL.search(piece)
    if short_url and short_url.end() < len(piece):
        return short_url.end()  # the share widget closes the page header; all before is chrome
    for _, pattern in _LEADING_CHROME:
        match = pattern.match(piece)
        if match and match.end() < len(piece):
            return match.end()
    title_end = _title_end(piece, titles)
    if title_end is not None:
        return title_end
    if peeled:
        for _, pattern in _DATELINE_TAILS:
            match = pattern.match(piece)
            if match and match.end() < len(piece):
                return match.end()
    return None


def _title_end(piece: str, titles: list[str]) -> int | None:
    """End of a repeated headline that opens `piece` (after a byline at most) and runs on."""
    for title in titles:
        position = piece.find(title, 0, TITLE_SEARCH_CHARS + len(title))
        if position < 0:
            continue
        if position > 0 and not _is_chrome_prefix(piece[:position]):
            continue
        title_end = position + len(title)
        while title_end < len(piece) and piece[title_end].isalnum():
            title_end += 1  # the CSV title may be cut short mid-word
        leftover = _TITLE_LEFTOVER.match(piece, title_end)
        if leftover:
            title_end = leftover.end()  # "... Syrian state" + "TV", or + "AFP"
        rest = piece[title_end:]
        if len(rest.split()) >= MIN_WORDS:
            return title_end
    return None


def _repeated_lead(piece: str) -> int:
    """Offset of a second copy of the sentence's opening when the page pasted it twice.

    "Airstrikes ... held by ISIL terrorists Airstrikes ... held by ISIL terrorists a
    monitoring group said." keeps only the second, complete copy.
    """
    words = list(re.finditer(r"\S+", piece))
    if len(words) < 2 * REPEATED_LEAD_WORDS:
        return 0
    lead = piece[: words[REPEATED_LEAD_WORDS - 1].end()]
    second = piece.find(" " + lead, 1)
    if second < 0:
        return 0
    first_copy = piece[:second].rstrip()
    return second + 1 if piece[second + 1 :].startswith(first_copy) else 0


def _is_chrome_prefix(prefix: str) -> bool:
    """Bylines and datelines hold capitalised names, numbers and a few linking words."""
    if not prefix.endswith((" ", "\t")):
        return False
    return all(
        word[0].isupper() or word[0].isdigit() or word.lower() in _CHROME_PREFIX_WORDS
        for word in prefix.split()
    )


def _tag_list_end(piece: str) -> int | None:
    """Offset in `piece` ("Tags Syria Aleppo ... <sentence>") where the sentence begins.

    Tags are bare names and noun phrases; the sentence begins at an opener word, a number,
    or a capitalised word followed by a clause word ("Syrian rebels launched ...").
    """
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", piece)][1:]
    for index, (offset, token) in enumerate(tokens):
        if token in SENTENCE_OPENERS or token[0].isdigit():
            return offset
        if not _is_capitalised(token):
            continue
        window = [token for _, token in tokens[index + 1 : index + 2 + TAG_CLAUSE_WINDOW]]
        for position, following in enumerate(window[:TAG_CLAUSE_WINDOW]):
            if _is_capitalised(following):
                break
            after = window[position + 1] if position + 1 < len(window) else ""
            if following in _CLAUSE_WORDS and not (after and _is_capitalised(after)):
                return offset  # "air raids in a ...", not a name like "War on Terror"
            if following.endswith("ed") and len(following) > 4:
                return offset
    return None


def _is_capitalised(token: str) -> bool:
    """Capitalised, or an Arabic name particle that belongs to a capitalised name."""
    return token[0].isupper() or token.startswith(_NAME_PARTICLES) or token in ("al", "bin")


def title_variants(title: str) -> list[str]:
    """The headline as the body may repeat it: whole, or without site name and sections.

    "X | Jordan Times" and "X - Region - World - Ahram Online" also yield "X"; longest first.
    """
    title = re.sub(r"^title\s*:\s*", "", title.strip(), flags=re.IGNORECASE)
    variants = [title, title.split(" | ")[0], title.split(" - ")[0]]
    cleaned = {variant.strip().rstrip(".").strip() for variant in variants}
    usable = [variant for variant in cleaned if len(variant.split()) >= TITLE_MIN_WORDS]
    return sorted(usable, key=lambda variant: (-len(variant), variant))
