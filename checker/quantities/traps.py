"""Figures that are not counts (dates, times, ages, codes, money), so quantities can drop them."""

from __future__ import annotations

import re

import checker.lexicon as lx
from checker.quantities.figures import PLAIN_NUMBER_RE, Figure, Token, is_year, lower_at
from checker.quantities.nouns import Candidate


def is_trap(text: str, tokens: list[Token], figure: Figure) -> bool:
    """Figures that are not counts, told by their own shape and their neighbours."""
    before = tokens[figure.first - 1] if figure.first > 0 else None
    after = tokens[figure.end] if figure.end < len(tokens) else None
    following = after.lower if after is not None else ""
    if figure.year_like and figure.high is not None:
        return True  # "2014-2015", "between 2011 and 2014"
    if any(t.lower in lx.AGE_WORDS for t in tokens[max(figure.first - 3, 0) : figure.first]):
        return True  # "aged 12", "at ages below 8"
    if after is not None and after.kind == "num":
        return True  # "1329 20.07.2016", "0 154": a time before a date, share counters
    if _next_to_month(tokens, figure.first, figure.end):
        return True  # "August 17", "17 August"
    if following in lx.TIME_SUFFIXES or following in lx.PERCENT_WORDS:
        return True
    if following in lx.CURRENCY_WORDS:
        return True
    if following in ("a", "p") and text.startswith(".m", after.end if after else 0):
        return True  # "10 a.m."
    if figure.kind == "words":
        preceding = before.lower if before is not None else ""
        pronoun = following in ("of", "another", "by") or preceding in ("no", "by", "the")
        return figure.value == 1 and pronoun  # "one of them", "no one", "one by one"
    if figure.value == 0:
        return True
    if _after_bare_number(tokens, figure.first):
        return True  # "101 102 and 103", but "6 October 2016 8 persons", "May 31 23 people"
    if _previous_word(tokens, figure.first) in lx.ID_WORDS:
        return True  # "Resolution 2254", "Story Code: 202066"
    return _fused_trap(text, tokens[figure.first].start, tokens[figure.end - 1].end)


def _fused_trap(text: str, start: int, end: int) -> bool:
    """Codes, money, ordinals, compounds glued on: "Su-34", "$134M", "2nd", "12-year-old"."""
    char_before = text[start - 1] if start > 0 else " "
    if char_before in lx.CURRENCY_SIGNS or char_before in "+#/:.@" or char_before.isalnum():
        return True
    if char_before == "-" and start > 1 and text[start - 2].isalnum():
        return True
    char_after = text[end] if end < len(text) else " "
    if char_after in "%+" or (char_after == "-" and text[end + 1 : end + 2].isalpha()):
        return True
    if char_after.isalpha():
        suffix = re.match(r"[^\W\d_]+", text[end:])
        return suffix is None or suffix.group().lower() not in lx.FUSED_UNITS
    return False


def _next_to_month(tokens: list[Token], first: int, end: int) -> bool:
    """Whether tokens [first, end) are the day or the year of a date: "August 17", "17 Aug"."""

    def is_month(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].text in lx.TITLE_CASE_MONTHS

    if is_month(first - 1) or is_month(end):
        return True
    if is_month(first - 2) and tokens[first - 1].text == ".":
        return True  # "Jan. 25"
    return is_month(end + 1) and lower_at(tokens, end) == "of"  # "17 of August"


def _after_bare_number(tokens: list[Token], first: int) -> bool:
    """Whether the figure follows another bare number that is not part of a date."""
    if first == 0 or not PLAIN_NUMBER_RE.fullmatch(tokens[first - 1].text):
        return False
    return not (is_year(tokens[first - 1].text) or _next_to_month(tokens, first - 1, first))


def _previous_word(tokens: list[Token], i: int) -> str:
    j = i - 1
    while j >= 0 and tokens[j].text in (":", "#", ".", "-"):
        j -= 1
    return tokens[j].lower if j >= 0 else ""


def is_projection(tokens: list[Token], first: int) -> bool:
    """A figure a toll may yet reach ("could reach as many as 200", "expected to rise to 50"):
    a forecast, not a figure of the event, so it is no ceiling or rival of any count."""
    k = first - 1
    if lower_at(tokens, k) == "to":
        k -= 1  # "rise to", "climb to"
    if lower_at(tokens, k) not in lx.PROJECTION_VERBS:
        return False
    before = range(max(k - lx.PROJECTION_REACH, 0), k)
    return any(tokens[j].lower in lx.PROJECTION_MODALS for j in before)


def is_trap_after(tokens: list[Token], candidate: Candidate) -> bool:
    """Traps told by what the figure counts: durations, ages, money, years read as counts."""
    counted = candidate.counted
    if counted in lx.TIME_UNITS or counted in lx.SKIPPED_HEADS or counted in lx.CURRENCY_WORDS:
        return True
    figure = candidate.figure
    if not figure.year_like or candidate.hedge != "exact":
        return False
    before = tokens[figure.first - 1] if figure.first > 0 else None
    if before is not None and (before.lower in lx.YEAR_CONTEXT or before.kind == "num"):
        return True
    if before is not None and before.text[:1].isupper() and figure.first > 1:
        return True  # "Euro 2024", "AFP 2018 Ayham ...": a name or a dateline
    return counted not in lx.CATEGORY  # "2016 Syrian rebels" is a count, "2011 uprising" a year
