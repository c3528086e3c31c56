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

import checker.lexicon as lx
from checker.models import Article, Sentence
from checker.text.boilerplate import content_spans, is_chrome_line, strip_span
from checker.text.leads import (
    CAPTION_END,
    MIN_WORDS,
    SENTENCE_OPENERS,
    title_variants,
    trim_lead,
    word_set,
)

# A news sentence rarely passes 500 characters and the encoder reads ~1,000 (256 word
# pieces); longer "sentences" are run-on pastes without full stops. Cutting them at a space
# keeps spaCy (which refuses 1,000,000) and the quantity rules on bounded text.
MAX_SENTENCE_CHARS = 2_000

ABBREVIATIONS = word_set(
    """
    mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres amb
    st jr sr rev hon fr messrs mt ft no nos vol fig op art sec dept intl govt approx est
    jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp bros vs al
    """
)


_BOUNDARY = re.compile(r"([.!?]+)([\"'”’»)\]]*)\s+(?=[\"'“‘«(\[]?[A-Z0-9])")


_DOTTED_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


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


# Capitalised words that a number word may follow inside a name ("World War Two").
_NAME_BEFORE_NUMBER = word_set("War Formula Force Phase Day Camp Chapter Article Stage Part")


def split_sentences(article: Article) -> list[Sentence]:
    """Return the content sentences of `article`, numbered from 0, with offsets into its text.

    For each sentence `article.text[sentence.start:sentence.end] == sentence.text`.
    """
    text = article.text
    titles = title_variants(article.title)
    sentences: list[Sentence] = []
    for span_start, span_end in content_spans(text):
        for start, end in _pieces(text, span_start, span_end):
            trimmed = trim_lead(text, start, end, titles)
            if trimmed is None:
                continue
            for start, end in _bounded(text, *trimmed):
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


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence longer than MAX_SENTENCE_CHARS at the last space before each limit."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    pieces.append((start, end))
    return pieces


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
    for match in CAPTION_END.finditer(span):
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
        piece_start, piece_end = strip_span(text, piece_start, piece_end)
        if piece_start >= piece_end:
            continue
        piece = text[piece_start:piece_end]
        caption_end = CAPTION_END.search(piece)
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
        return bool(next_word) and next_word[0] in SENTENCE_OPENERS
    return True


def _is_claim_sized(sentence_text: str) -> bool:
    """Long enough to state a claim, with at least one lower-case word (not a byline)."""
    words = sentence_text.split()
    return len(words) >= MIN_WORDS and any(word[:1].islower() for word in words)
