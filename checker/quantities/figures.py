"""Tokens and the figures in them (digits, number words, ranges, hedges): a count's numeric half."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NamedTuple

import checker.lexicon as lx
from checker.models import Hedge

_TOKEN_RE: Final = re.compile(r"\d+(?:[.,:/\-]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\S")
PLAIN_NUMBER_RE: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_RANGE_NUMBER_RE: Final = re.compile(r"(\d+)[-–](\d+)")
_MAX_HEDGE_WORDS: Final = max(len(words) for words in lx.HEDGES)
_VAGUE_BY_FIRST_WORD: Final = {
    first: sorted(
        ((words, bounds) for words, bounds in lx.VAGUE.items() if words[0] == first),
        key=lambda item: -len(item[0]),
    )
    for first in {words[0] for words in lx.VAGUE}
}  # longest match first
VAGUE_FIRST_WORDS: Final = frozenset(words[0] for words in lx.VAGUE) - {"a"}
_FIGURE_FIRST_WORDS: Final = frozenset(
    [*VAGUE_FIRST_WORDS, *lx.UNIT_WORDS, *lx.SCALE_WORDS, *lx.INDEFINITE_ARTICLES, "half"]
)  # a cheap gate: most words cannot begin a figure


class Token(NamedTuple):  # a NamedTuple: tokenizing is the hot loop
    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num", "word" or "punct"


@dataclass(slots=True)
class Figure:
    """A figure as read from the tokens [first, end): its value before any hedge applies."""

    first: int
    end: int
    value: float | None
    kind: str  # "digits", "words" or "vague"
    scale: float = 1.0
    approximate: bool = False  # "a dozen", "half a million": round by construction
    high: float | None = None  # set for ranges and vague quantifiers
    low: float | None = None
    year_like: bool = False


def tokenize(text: str) -> list[Token]:
    """Split a sentence into number, word and punctuation tokens with their offsets."""
    return [_token(match) for match in _TOKEN_RE.finditer(text)]


def _token(match: re.Match[str]) -> Token:
    token_text = match.group()
    first = token_text[0]
    kind = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
    return Token(token_text, token_text.lower(), match.start(), match.end(), kind)


def read_figure(tokens: list[Token], i: int) -> Figure | None:
    token = tokens[i]
    if token.kind == "num":
        return _read_digits(tokens, i)
    if token.kind == "word" and token.lower.split("-")[0] in _FIGURE_FIRST_WORDS:
        return _read_vague(tokens, i) or _read_words(tokens, i)
    return None


def _read_digits(tokens: list[Token], i: int) -> Figure | None:
    token = tokens[i]
    if match := _RANGE_NUMBER_RE.fullmatch(token.text):
        low, high = float(match.group(1)), float(match.group(2))
        if low >= high:
            return None
        years = all(is_year(part) for part in match.groups())
        return Figure(i, i + 1, low, "digits", low=low, high=high, year_like=years)
    if not PLAIN_NUMBER_RE.fullmatch(token.text):
        return None  # "20.07.2016", "12:01", "17-12-2014": dates, times, codes
    if token.text.startswith("0") and token.text != "0" and not token.text.startswith("0."):
        return None  # "01 September", "0041": zero-padded date and time fields
    value = float(token.text.replace(",", ""))
    figure = Figure(i, i + 1, value, "digits", year_like=is_year(token.text))
    if i + 1 < len(tokens) and tokens[i + 1].lower in lx.SCALE_WORDS:
        figure.scale = lx.SCALE_WORDS[tokens[i + 1].lower]
        figure.value, figure.end, figure.year_like = value * figure.scale, i + 2, False
    return figure


def is_year(digits: str) -> bool:
    return (
        len(digits) == 4
        and digits.isdigit()
        and lx.YEAR_RANGE[0] <= int(digits) <= lx.YEAR_RANGE[1]
    )


def _read_vague(tokens: list[Token], i: int) -> Figure | None:
    if i > 0 and tokens[i - 1].lower in lx.NOT_VAGUE_AFTER:
        return None
    for words, (low, high) in _VAGUE_BY_FIRST_WORD.get(tokens[i].lower, ()):
        end = i + len(words)
        if tuple(t.lower for t in tokens[i:end]) != words:
            continue
        if words[-1] in lx.VAGUE_NEEDS_OF and (end >= len(tokens) or tokens[end].lower != "of"):
            return None
        scale = lx.SCALE_WORDS.get(lower_at(tokens, end), 1)
        if scale > 1 and words[-1] not in ("thousands", "millions"):
            end, low, high = end + 1, low * scale, None if high is None else high * scale
        return Figure(i, end, None, "vague", scale=scale, low=low, high=high)
    return None


def _read_words(tokens: list[Token], i: int) -> Figure | None:
    """Spelled-out figures: "forty-four", "one hundred and twenty", "a dozen", "half a million",
    "a quarter of a million"."""
    j, multiplier = _fraction(tokens, i)
    article = multiplier != 1.0 and lower_at(tokens, j) in lx.SCALE_WORDS  # "a quarter million"
    if lower_at(tokens, j) in lx.INDEFINITE_ARTICLES:
        following = lower_at(tokens, j + 1)
        if following not in lx.SCALE_WORDS and following != "dozen":
            return None  # "a child", "a few" (read as vague)
        j, article = j + 1, True
    elif multiplier != 1.0 and not article:
        return None
    words, end = _number_words(tokens, j)
    if not words or (not article and words[0] not in lx.UNIT_WORDS):
        return None  # a bare "million" or "dozen" (after a trapped "$1") is no figure
    total, current, scale = 0.0, 0.0, 1.0
    for word in words:
        if word in lx.UNIT_WORDS:
            current += lx.UNIT_WORDS[word]
        elif word == "dozen":
            current = max(current, 1) * lx.DOZEN
        else:
            scale = max(scale, lx.SCALE_WORDS[word])
            if word == "hundred":
                current = max(current, 1) * 100
            else:
                total, current = total + max(current, 1) * lx.SCALE_WORDS[word], 0.0
    approximate = article or multiplier != 1.0 or "dozen" in words
    value = (total + current) * multiplier
    return Figure(i, end, value, "words", scale=scale, approximate=approximate)


def _fraction(tokens: list[Token], i: int) -> tuple[int, float]:
    """A fraction opening a figure and the token after it: "half [a million]", "a quarter
    [of a million]", "a third [million]"; (i, 1.0) when none does."""
    if tokens[i].lower == "half" and lower_at(tokens, i + 1) in lx.INDEFINITE_ARTICLES:
        return i + 1, lx.FRACTIONS["half"]
    fraction = lx.FRACTIONS.get(lower_at(tokens, i + 1))
    if tokens[i].lower not in lx.INDEFINITE_ARTICLES or fraction is None:
        return i, 1.0
    j = i + 2 + (lower_at(tokens, i + 2) == "of")
    after = lower_at(tokens, j + (lower_at(tokens, j) in lx.INDEFINITE_ARTICLES))
    return (j, fraction) if after in lx.SCALE_WORDS else (i, 1.0)


def _number_words(tokens: list[Token], j: int) -> tuple[list[str], int]:
    """The number words from token `j` on ("forty-four" gives two) and the index past them."""
    words: list[str] = []
    while j < len(tokens):
        lower = tokens[j].lower
        if lower == "and" and words and words[-1] in lx.SCALE_WORDS:
            if lower_at(tokens, j + 1).split("-")[0] in lx.UNIT_WORDS:
                j += 1  # "one hundred and twenty"
                continue
            break
        parts = lower.split("-")
        if not all(p in lx.UNIT_WORDS or p in lx.SCALE_WORDS or p == "dozen" for p in parts):
            break
        previous = words[-1] if words else ""
        if any(not _can_follow(a, b) for a, b in zip([previous, *parts], parts, strict=False)):
            break
        words.extend(parts)
        j += 1
    return words, j


def _can_follow(previous: str, word: str) -> bool:
    """Whether `word` may follow `previous` in one figure: "forty four" yes, "one two" no."""
    if not previous or word not in lx.UNIT_WORDS or previous not in lx.UNIT_WORDS:
        return True
    tens = lx.UNIT_WORDS[previous]
    return tens >= 20 and tens % 10 == 0 and lx.UNIT_WORDS[word] < 10


def lower_at(tokens: list[Token], k: int) -> str:
    return tokens[k].lower if 0 <= k < len(tokens) else ""


def read_range(tokens: list[Token], figure: Figure) -> Figure:
    """Join "between 30 and 40", "30 to 40" into one figure; "from 30 to 40" stays two."""
    if figure.kind == "vague" or figure.high is not None or figure.end + 1 >= len(tokens):
        return figure
    before = tokens[figure.first - 1].lower if figure.first > 0 else ""
    joiner = tokens[figure.end].lower
    if not ((before == "between" and joiner in ("and", "to", "-")) or
            (before != "from" and joiner in ("to", "-", "–"))):  # fmt: skip
        return figure
    second = read_figure(tokens, figure.end + 1)
    if second is None or second.kind == "vague" or second.high is not None:
        return figure
    low, high = figure.value or 0.0, second.value or 0.0
    if second.scale > figure.scale and low * second.scale <= high:
        low *= second.scale  # "between 2 and 3 million"
    if low >= high:
        return figure
    first = figure.first - 1 if before == "between" else figure.first
    years = figure.year_like and second.year_like
    return Figure(first, second.end, low, figure.kind, scale=second.scale, low=low, high=high,
                   year_like=years)  # fmt: skip


def read_hedge(tokens: list[Token], figure: Figure, floor: int) -> tuple[int, Hedge]:
    if figure.kind == "vague":
        return figure.first, "vague"
    if figure.high is not None:
        return figure.first, "between"
    for size in range(_MAX_HEDGE_WORDS, 0, -1):
        first = figure.first - size
        if first < floor:
            continue
        words = tuple(t.lower for t in tokens[first : figure.first])
        if words in lx.HEDGES:
            return first, lx.HEDGES[words]
    return figure.first, "about" if figure.approximate else "exact"
