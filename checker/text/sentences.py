"""Split an article's content into sentences whose offsets point back into `Article.text`.

Rule-based and fast on purpose (no parser): it runs over whole corpora before anything
else. Sentences come only from `content_spans`, so page chrome never becomes a claim.
Boundaries are . ! ? (with any closing quotes) before an upper-case letter, a digit or an
opening quote, except after abbreviations, initials and ellipses; line breaks always end a
sentence. Text without full stops between sentences (common in FA-KES) stays joined.

News text pasted into one line opens with chrome that no full stop separates from the
first sentence: datelines ("Published July 2 2016", "Wed 05 Apr 2017 at 0914"), the
repeated headline, agency tags ("AFP", "Regional NNA -"), share text ("Get short URL 2440",
"SEND <link>"), photo captions ending "(TRT World and Agencies)" and tag lists ("Tags Syria
Aleppo ..."). `_trim` peels these off the start of a sentence. Agency datelines such as
"MOSCOW (Sputnik) -" are kept: they are part of the first sentence's attribution.
"""

from __future__ import annotations

import re

from checker import lexicon as lx
from checker.models import Article, Sentence
from checker.text.boilerplate import content_spans, is_chrome_line

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


def _words(listing: str) -> frozenset[str]:
    return frozenset(listing.split())


ABBREVIATIONS = _words(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres amb
    st jr sr rev hon fr messrs mt ft no nos vol fig op art sec dept intl govt approx est
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros vs al
    """
)
# Words that open a sentence; after a dotted acronym ("U.S.") they show the period ends it.
_SENTENCE_OPENERS = _words(
    """
    The A An In On At It He She They We This That These Those But However Meanwhile Almost
    According Earlier Later Since After Before While When Some More Most Many
    Dozens Hundreds Thousands Several Nearly About Around Over Up Only
    One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen
    Fifteen Sixteen Seventeen Eighteen Nineteen Twenty Thirty Forty Fifty
    """
)
# Function words and verbs that show a clause has begun (a tag list has none of them).
_CLAUSE_WORDS = _words(
    """
    a an the was were is are has have had be been said says say claimed reported told and in on at
    by to from with after as into near during killed launched began continued
    """
)

_BOUNDARY = re.compile(r"([.!?]+)([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[A-Z0-9])")
_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# A photo caption ends with its credit: "... Syria June 18 2016 (TRT World and Agencies)".
_CAPTION_END = re.compile(
    r"\((?:TRT World and Agencies|(?:[A-Z]{2,6}|Reuters|File|Anadolu)\s+[Pp]hoto|[Pp]hoto"
    r"|(?:[A-Z]{2,6}\s+)?[Aa]rchive|[Ff]ile(?: photo)?)\)"
)
# A photo credit ("© AFP 2018 / Name", pasted as "AFP 2018 Name") opens a piece of page
# furniture: credit, photographer, then a caption or a related headline.
_PHOTO_CREDIT = re.compile(
    r"(?:©\s*)?(?:AFP|Reuters|AP|EPA|Sputnik|RIA Novosti|Getty Images|Anadolu)\s+(?:19|20)\d\d\b"
)
# An agency dateline opens the article body; whatever precedes it in the same run of
# text is page chrome: "... Deir ez-Zor MOSCOW (Sputnik) According to SANA ...".
_AGENCY_DATELINE = re.compile(
    rf"\s(?=[A-Z]{{3,}}(?:[\s-][A-Z]{{3,}})*(?:\s+{lx.MONTH_PATTERN}\s+\d{{1,2}})?\s+"
    r"\((?:Sputnik|Reuters|AFP|AP|RIA Novosti|Anadolu|SANA|TASS|UPI)\))"
)
# Comment widgets close the article even when a page was pasted into one line.
# So do share counters and related links ("Print Tweet Views 729 Related ...",
# Sputnik's "... 43 Related ...", "... 0 0 Tags").
_INLINE_TAIL = re.compile(
    r"\s(?:Community standards|Comment via [A-Z]\w+|Leave a Reply|Read Also\b|Print Tweet\b"
    r"|Related (?:News|Coverage)\b"
    r"|\.\.\.(?:\s+\d+)*\s+(?:Topic|Related|Tags)\b)"
)
# A run-on tag list opens mid-text: "... a monitoring group said Tags Nusra Front ...".
_TAGS_START = re.compile(r"\s(?=Tags\s+[A-Z])")
# Where FA-KES lost a full stop, the next sentence still opens with a capitalised
# connective or number word that never stands capitalised mid-sentence:
# "... in Aleppo city According to a source ...", "... in Aleppo One child was killed ...".
_NUMBER_WORDS = (
    r"One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen"
    r"|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|(?:Twenty|Thirty|Forty|Fifty)(?:-[a-z]+)?"
)
_IMPLICIT_START = re.compile(
    rf"(?<=[a-z])\s+(?=(?:According to|Meanwhile|However|Elsewhere|Separately)\b)"
    rf"|(?<=[A-Za-z])\s+(?=(?:{_NUMBER_WORDS})\s+[a-z])"
)
_NAME_PARTICLES = ("al-", "el-", "ad-", "as-")
# Capitalised words that a number word may follow inside a name ("World War Two").
_NAME_BEFORE_NUMBER = _words("War Formula Force Phase Day Camp Chapter Article Stage Part")

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
    ("caption_credit", re.compile(_CAPTION_END.pattern + r"\s*")),
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


def split_sentences(article: Article) -> list[Sentence]:
    """Return the content sentences of `article`, numbered from 0, with offsets into its text.

    For each sentence `article.text[sentence.start:sentence.end] == sentence.text`.
    """
    text = article.text
    titles = _title_variants(article.title)
    sentences: list[Sentence] = []
    for span_start, span_end in content_spans(text):
        for start, end in _pieces(text, span_start, span_end):
            trimmed = _trim(text, start, end, titles)
            if trimmed is None:
                continue
            start, end = trimmed
            sentence_text = text[start:end]
            if _is_claim_sized(sentence_text) and not is_chrome_line(sentence_text):
                sentences.append(
                    Sentence(
                        doc_id=article.id,
                        index=len(sentences),
                        start=start,
                        end=end,
                        text=sentence_text,
                    )
                )
    return sentences


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut one content span at sentence boundaries; drop photo captions and page tails."""
    tail = _INLINE_TAIL.search(text, start, end)
    if tail:
        end = tail.start()
    cuts = [start]
    span = text[start:end]
    for match in _BOUNDARY.finditer(span):
        if _ends_sentence(span, match):
            cuts.append(start + match.end(2))
    for match in _CAPTION_END.finditer(span):
        cuts.append(start + match.end())
    for pattern in (_TAGS_START, _AGENCY_DATELINE):
        cuts.extend(start + match.start() for match in pattern.finditer(span))
    for match in _IMPLICIT_START.finditer(span):
        previous_word = span[: match.start()].rsplit(None, 1)[-1]
        if previous_word not in _NAME_BEFORE_NUMBER:
            cuts.append(start + match.start())
    cuts.append(end)
    pieces: list[tuple[int, int]] = []
    after_caption = False
    for piece_start, piece_end in zip(sorted(set(cuts)), sorted(set(cuts))[1:], strict=False):
        piece_start, piece_end = _strip(text, piece_start, piece_end)
        if piece_start >= piece_end:
            continue
        piece = text[piece_start:piece_end]
        caption_end = _CAPTION_END.search(piece)
        if caption_end and caption_end.end() == len(piece):
            # Text up to a caption credit is the caption; a bare credit means the piece
            # before it was the caption (unless that one already ended with a credit).
            if caption_end.start() == 0 and pieces and not after_caption:
                pieces.pop()
            after_caption = True
            continue
        after_caption = False
        if not _PHOTO_CREDIT.match(piece):
            pieces.append((piece_start, piece_end))
    return pieces


def _ends_sentence(span: str, match: re.Match[str]) -> bool:
    """Decide whether a terminator followed by a capitalised word really ends a sentence."""
    terminator, closers = match.group(1), match.group(2)
    if ".." in terminator:
        return False  # an ellipsis marks an omission inside a sentence
    if terminator != "." or closers:
        return True
    word_start = max(span.rfind(" ", 0, match.start()), span.rfind("\n", 0, match.start())) + 1
    word = span[word_start : match.start()].lstrip("(\"'“‘[")
    if word.lower() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if _DOTTED_ACRONYM.fullmatch(word):
        next_word = span[match.end() :].split(maxsplit=1)[:1]
        return bool(next_word) and next_word[0] in _SENTENCE_OPENERS
    return True


def _trim(text: str, start: int, end: int, titles: list[str]) -> tuple[int, int] | None:
    """Peel leading chrome off a sentence; None when nothing but chrome is left."""
    peeled = False
    while True:
        piece = text[start:end]
        step = _leading_chrome(piece, titles, peeled)
        if step is None:
            break
        start, end = _strip(text, start + step, end)
        peeled = True
        if start >= end:
            return None
    start += _repeated_lead(text[start:end])
    piece = text[start:end]
    if piece.startswith("Tags "):
        body = _tag_list_end(piece)
        if body is None:
            return None
        start, end = _strip(text, start + body, end)
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
        if token in _SENTENCE_OPENERS or token[0].isdigit():
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


def _title_variants(title: str) -> list[str]:
    """The headline as the body may repeat it: whole, or without site name and sections.

    "X | Jordan Times" and "X - Region - World - Ahram Online" also yield "X"; longest first.
    """
    title = re.sub(r"^title\s*:\s*", "", title.strip(), flags=re.IGNORECASE)
    variants = [title, title.split(" | ")[0], title.split(" - ")[0]]
    cleaned = {variant.strip().rstrip(".").strip() for variant in variants}
    usable = [variant for variant in cleaned if len(variant.split()) >= TITLE_MIN_WORDS]
    return sorted(usable, key=lambda variant: (-len(variant), variant))


def _is_claim_sized(sentence_text: str) -> bool:
    """Long enough to state a claim, with at least one lower-case word (not a byline)."""
    words = sentence_text.split()
    return len(words) >= MIN_WORDS and any(word[:1].islower() for word in words)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
