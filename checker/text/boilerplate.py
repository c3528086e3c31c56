"""Tell article prose from page chrome, line by line, so no claim comes from boilerplate.

Pasted web pages carry menus, share buttons, related-link lists, comment policies and
cookie notices around the article. `content_spans` keeps the character spans of the lines
that are article prose. Each line is judged by the named rules below, in order; a rule
names a kind of chrome, never one site. Two rules apply only to page-like text (two or
more non-blank lines): a one-line text, such as a CSV cell, is the article body itself.

    tail_marker    "Related Articles", "Leave a Reply", "Tags:", "Community standards" ...:
                   the article is over; this line and everything after it is chrome
    chrome_phrase  a short line opening with a known chrome phrase ("READ MORE:",
                   "More news:", "Subscribe", "Sign up", "Get short URL", "- Advertisement -")
    credit         photo credits and copyright lines ("© AFP 2018 / Anas AL-DYAB")
    timestamp      a line of nothing but date and time ("12:01 GMT +310 September 2018")
    glued_menu     menu items pasted without spaces ("FeaturedLatest developmentsMiddle East")
    rule_item      an item of a bulleted rule list ("• contains spam ...;")
    reader_notice  text addressed to the reader about accounts, privacy, cookies, comments
    headline       (page-like text) the title line found by `title_span`
    not_prose      (page-like text) a short line without sentence-final punctuation:
                   headings, captions, link titles, nav items, counters
"""

from __future__ import annotations

import re

import checker.lexicon as lx

# A chrome line is short; a long line that happens to open with "Share" is prose.
CHROME_LINE_MAX_WORDS = 30
# Tail markers are block headings, never sentences.
TAIL_MARKER_MAX_WORDS = 8
# Prose without final punctuation this long is a paragraph that lost its full stop, not a
# heading or caption (the photo caption in seed 003 has 23 words).
NON_PROSE_MAX_WORDS = 40
# Reader notices (privacy, account, comment rules) are paragraphs, not articles.
READER_NOTICE_MAX_WORDS = 120
# Headlines: FA-KES titles run to 21 words and 136 characters.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 24
HEADLINE_MAX_CHARS = 200
# Menu items pasted together show up only in short lines.
GLUED_MENU_MAX_WORDS = 12

_TAIL_MARKER = re.compile(
    r"""(
        related(\s+(articles?|stories|news|posts|content|coverage))?\s*:?
      | leave\s+a\s+(reply|comment)
      | (\d+\s+)?comments?\s*:?
      | back\s+to\s+top(\s+button)?
      | tags\s*:.*
      | community\s+standards.*
      | comment\s+via\s+.*
      | story\s+code\s*:.*
      | news\s+link\s*:?.*
      | you\s+may\s+also\s+like.*
      | (more|top)\s+stories
      | most\s+(read|popular|viewed)
      | share\s+this(\s+(article|story|post))?\s*:?
      | about\s+the\s+author
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

_CHROME_PHRASE = re.compile(
    r"""^(
        more\s+news\s*:
      | (read\s+more|read\s+also|also\s+read|see\s+also|related|watch|listen)\s*:
      | [-–—\s]*advertisements?[-–—\s]*$
      | subscribe\b | unsubscribe\b
      | sign\s+(up|in|out)\b | log\s?(in|out)\b | register\b | registration\s*$
      | forgot\s+your\s+password | password\s+recovery | delete\s+account
      | do\s+you\s+have\s+an?\s+\S+\s+account | i\s+(do\s+not\s+)?have\s+an?\s+\S+\s+account
      | adjust\s+comment\s+print | get\s+short\s+url | comment\s+via\b
      | \(?click\s+(here|to\s+enlarge)\b | follow\s+us\b | never\s+miss\s+a\s+story
      | ([\w.]+\s+){0,3}contributed(\s+to\s+this\s+(report|story|article))?\s*[.]?\s*$
      | (share|tweet|e-?mail|print|whatsapp|pin\s+it)(\s+(this|on|via)\b.*)?\s*$
      | listen\s+live | search\s*$ | close\s*$ | ok\s*$ | menu\s*$ | home\s*$ | captcha\s*$
      | all\s+news\s*$ | news\s*$ | recommended\s*$ | multimedia\s*$
      | qr\s+code
      | (we\s+use\s+)?cookies?\b
      | privacy\s+policy | terms\s+(of\s+(use|service)|and\s+conditions)
      | story\s+code | news\s+(link|id)\s*:
      | (\w+\s+)?push\s+notifications
    )""",
    re.IGNORECASE | re.VERBOSE,
)

_CREDIT = re.compile(
    r"^(©|\(c\)\s|copyright\b|photo\s*(credit)?\s*:|image\s*:|credit\s*:|picture\s*:"
    r"|all\s+rights\s+reserved)",
    re.IGNORECASE,
)

_TIMESTAMP_TOKEN = re.compile(
    rf"^(\d+([:./-]\d+)*|[+-]\d+|{lx.MONTH_PATTERN}|{lx.WEEKDAY_PATTERN}|gmt|utc|am|pm|at|updated"
    rf"|published|last|[-–—|,:/])[.,]?$",
    re.IGNORECASE,
)
# A full date or a clock time: captions and datelines carry one, headlines do not.
_FULL_DATE = re.compile(
    rf"\b(\d{{1,2}}\s+{lx.MONTH_PATTERN}\.?,?\s+\d{{4}}|{lx.MONTH_PATTERN}\.?\s+\d{{1,2}},?\s+\d{{4}}"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}:\d{{2}})\b",
    re.IGNORECASE,
)

# Words pasted together: a lower-case run straight into a capital ("codeQR", "inPrivacy").
_GLUED = re.compile(r"[a-z]{2,}[A-Z]")
_BULLET = re.compile(r"^[•·▪◦●*–-]\s")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")

_READER_TERMS = (
    "privacy policy",
    "personal data",
    "personal information",
    "your account",
    "user account",
    "registration",
    "cookie",
    "newsletter",
    "inbox",
    "e-mail address",
    "email address",
    "password",
    "log in",
    "sign in",
    "unsubscribe",
    "moderator",
    "comments",
    "terms of use",
    "gdpr",
    "data protection",
    "push notification",
)
_SECOND_PERSON = re.compile(r"\b(you|your|please)\b", re.IGNORECASE)
# A notice names two reader terms and speaks to "you", or names three.
READER_TERMS_WITH_YOU = 2
READER_TERMS_ALONE = 3


def content_spans(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of `text` that are article prose, one per kept line.

    Spans are stripped of surrounding whitespace and sorted; `text[start:end]` is a line
    (or, for a one-line text, the whole body) that no rule marked as chrome.
    """
    lines = _lines(text)
    page_like = sum(1 for _, _, line in lines if line.strip()) >= 2
    headline = title_span(text)
    spans: list[tuple[int, int]] = []
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if _is_tail_marker(stripped):
            break
        if is_chrome_line(stripped):
            continue
        span = strip_span(text, start, end)
        if page_like and (span == headline or not _is_prose(stripped)):
            continue
        spans.append(span)
    return spans


def title_span(text: str) -> tuple[int, int] | None:
    """Return the span of the page's headline line, or None if the text has none.

    The headline is the first line before any prose that is not chrome and looks like a
    headline: no sentence-final full stop, 3-24 words, under 200 characters, no full date
    (captions and datelines carry one). Captions and menus above it are skipped; a
    one-line text has no headline line.
    """
    lines = _lines(text)
    if sum(1 for _, _, line in lines if line.strip()) < 2:
        return None
    for start, end, line in lines:
        stripped = line.strip()
        if not stripped or is_chrome_line(stripped):
            continue
        if _looks_like_headline(stripped):
            return strip_span(text, start, end)
        if _is_prose(stripped):
            return None
    return None


def is_chrome_line(line: str) -> bool:
    """True when a line (or sentence) is page chrome by any rule that needs no page context."""
    return chrome_rule(line) is not None


def chrome_rule(line: str) -> str | None:
    """Name the rule that marks `line` as chrome, or None; page-only rules are not applied."""
    stripped = line.strip()
    words = stripped.split()
    if not words:
        return None
    if _is_tail_marker(stripped):
        return "tail_marker"
    if len(words) <= CHROME_LINE_MAX_WORDS and _CHROME_PHRASE.match(stripped):
        return "chrome_phrase"
    if len(words) <= CHROME_LINE_MAX_WORDS and _CREDIT.match(stripped):
        return "credit"
    if all(_TIMESTAMP_TOKEN.match(word) for word in words) and any(c.isdigit() for c in stripped):
        return "timestamp"
    if len(words) <= GLUED_MENU_MAX_WORDS and not _is_prose(stripped) and _GLUED.search(stripped):
        return "glued_menu"
    if _BULLET.match(stripped) and stripped.endswith((";", ",")):
        return "rule_item"
    if len(words) <= READER_NOTICE_MAX_WORDS and _is_reader_notice(stripped):
        return "reader_notice"
    return None


def _is_tail_marker(stripped: str) -> bool:
    return len(stripped.split()) <= TAIL_MARKER_MAX_WORDS and bool(_TAIL_MARKER.match(stripped))


def _is_prose(stripped: str) -> bool:
    """Prose ends a sentence, or is too long to be a heading that merely lacks one."""
    return bool(_SENTENCE_END.search(stripped)) or len(stripped.split()) >= NON_PROSE_MAX_WORDS


def _looks_like_headline(stripped: str) -> bool:
    words = stripped.split()
    return (
        HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS
        and len(stripped) < HEADLINE_MAX_CHARS
        and not stripped.rstrip("\"'”’»)]").endswith(".")
        and not _FULL_DATE.search(stripped)
    )


def _is_reader_notice(stripped: str) -> bool:
    lowered = stripped.lower()
    hits = sum(1 for term in _READER_TERMS if term in lowered)
    if hits >= READER_TERMS_ALONE:
        return True
    return hits >= READER_TERMS_WITH_YOU and bool(_SECOND_PERSON.search(stripped))


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Split into (start, end, line) with offsets into `text`; line endings excluded."""
    lines = []
    offset = 0
    for piece in text.splitlines(keepends=True):
        line = piece.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append((offset, offset + len(line), line))
        offset += len(piece)
    return lines


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without the whitespace at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
