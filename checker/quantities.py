"""Read the counts a sentence states ("at least 20 children were abducted") as typed intervals.

Rule-based on purpose: a regex tokenizer, small lexicons (`checker.lexicon`) and a few
positional rules, so that it is deterministic and runs on a whole corpus in well under a
millisecond per sentence. Each figure is read with its hedge (as an interval), the noun it
counts (lemma and coarse category) and the event it takes part in (killed, wounded ...).
Figures that are not counts (years, dates, times, ages, durations, ordinals, codes,
percentages, money, share counters) are dropped, and so is a bare figure that counts
nothing and takes part in no event ("More news: 99"), since nothing could be compared to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, NamedTuple

from checker import lexicon as lx
from checker.models import Hedge, Quantity

ABOUT_SPREAD: Final = 0.10  # "about/around N": within 10% either side, the usual rounding
NEARLY_SPREAD: Final = 0.15  # "nearly N": up to 15% short of N ("nearly 60" fits 51-60)
MAX_NP_TOKENS: Final = 5  # "Syrian civil defence workers": longer runs are not one phrase
MAX_COMPLEMENT_TOKENS: Final = 4  # "members of [the White Helmets rescue organization]"
AFTER_WINDOW: Final = 12  # tokens scanned after a count for its event ("were reportedly killed")
BEFORE_WINDOW: Final = 12  # ... and before it ("the death toll ... has risen to 85")
ASIDE_BUDGET: Final = 6  # an aside's length: "including four children", "one of them a child"
PLACE_BUDGET: Final = 3  # "[in the town of] Kilis": a short place phrase
COORD_BUDGET: Final = 3  # "[Kurdish militiamen] and police were killed": the second conjunct
STRONG_LINK_SPAN: Final = 6  # "including [a woman and her] four children": the subset list
TOLL_WINDOW: Final = 16  # how far back "the toll for Russian soldiers ... to 18" may start

_TOKEN_RE: Final = re.compile(r"\d+(?:[.,:/\-]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*|\S")
_PLAIN_NUMBER_RE: Final = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_RANGE_NUMBER_RE: Final = re.compile(r"(\d+)[-–](\d+)")
_MAX_HEDGE_WORDS: Final = max(len(words) for words in lx.HEDGES)
_VAGUE_BY_FIRST_WORD: Final = {
    first: sorted(
        ((words, bounds) for words, bounds in lx.VAGUE.items() if words[0] == first),
        key=lambda item: -len(item[0]),
    )
    for first in {words[0] for words in lx.VAGUE}
}  # longest match first
_VAGUE_FIRST_WORDS: Final = frozenset(words[0] for words in lx.VAGUE) - {"a"}
_FIGURE_FIRST_WORDS: Final = frozenset(
    [*_VAGUE_FIRST_WORDS, *lx.UNIT_WORDS, *lx.SCALE_WORDS, *lx.INDEFINITE_ARTICLES, "half"]
)  # a cheap gate: most words cannot begin a figure
_KNOWN_NOUNS: Final = frozenset(
    [*lx.CATEGORY, *lx.GENERIC_HEADS, *lx.TIME_UNITS, *lx.SKIPPED_HEADS, *lx.CURRENCY_WORDS,
     *lx.HEAD_EVENTS]
)  # fmt: skip


class _Token(NamedTuple):  # a NamedTuple: tokenizing is the hot loop
    text: str
    lower: str
    start: int
    end: int
    kind: str  # "num", "word" or "punct"


@dataclass(slots=True)
class _Figure:
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


@dataclass(slots=True)
class _Candidate:
    first: int  # first token, hedge included
    end: int  # one past the last token of the noun phrase
    figure: _Figure
    hedge: Hedge
    counted: str = ""
    category: str = ""
    head_event: str | None = None
    after_event: str | None = None
    claimed: int = 0  # index past the trailing event word, or `end`
    event: str | None = None


def extract_quantities(text: str) -> list[Quantity]:
    """Every count stated in `text` (one sentence), in order of position."""
    tokens = [_token(match) for match in _TOKEN_RE.finditer(text)]
    candidates = _read_candidates(text, tokens)
    _assign_events(tokens, candidates)
    return [_to_quantity(text, tokens, c) for c in candidates if _is_count(c)]


def _token(match: re.Match[str]) -> _Token:
    token_text = match.group()
    first = token_text[0]
    kind = "num" if first.isdigit() else "word" if first.isalpha() else "punct"
    return _Token(token_text, token_text.lower(), match.start(), match.end(), kind)


# --- reading figures -------------------------------------------------------------------------


def _read_candidates(text: str, tokens: list[_Token]) -> list[_Candidate]:
    """Every figure that reads as a count, left to right, with its hedge and counted noun."""
    candidates: list[_Candidate] = []
    i = 0
    while i < len(tokens):
        floor = candidates[-1].end if candidates else 0
        candidate = _read_candidate(text, tokens, i, floor)
        if candidate is None:
            i += 1
            continue
        candidates.append(candidate)
        i = candidate.end
    return candidates


def _read_candidate(text: str, tokens: list[_Token], i: int, floor: int) -> _Candidate | None:
    figure = _read_figure(tokens, i)
    if figure is None:
        return None
    figure = _read_range(tokens, figure)
    if _is_trap(text, tokens, figure):
        return None
    first, hedge = _read_hedge(tokens, figure, floor)
    end = figure.end
    post = tuple(t.lower for t in tokens[end : end + 2])
    if post in lx.POST_HEDGES and hedge == "exact" and figure.kind != "vague":
        hedge, end = lx.POST_HEDGES[post], end + 2
    candidate = _Candidate(first=first, end=end, figure=figure, hedge=hedge)
    _read_noun_phrase(tokens, candidate)
    if _is_trap_after(tokens, candidate):
        return None
    return candidate


def _read_figure(tokens: list[_Token], i: int) -> _Figure | None:
    token = tokens[i]
    if token.kind == "num":
        return _read_digits(tokens, i)
    if token.kind == "word" and token.lower.split("-")[0] in _FIGURE_FIRST_WORDS:
        return _read_vague(tokens, i) or _read_words(tokens, i)
    return None


def _read_digits(tokens: list[_Token], i: int) -> _Figure | None:
    token = tokens[i]
    if match := _RANGE_NUMBER_RE.fullmatch(token.text):
        low, high = float(match.group(1)), float(match.group(2))
        if low >= high:
            return None
        years = all(_is_year(part) for part in match.groups())
        return _Figure(i, i + 1, low, "digits", low=low, high=high, year_like=years)
    if not _PLAIN_NUMBER_RE.fullmatch(token.text):
        return None  # "20.07.2016", "12:01", "17-12-2014": dates, times, codes
    if token.text.startswith("0") and token.text != "0" and not token.text.startswith("0."):
        return None  # "01 September", "0041": zero-padded date and time fields
    value = float(token.text.replace(",", ""))
    figure = _Figure(i, i + 1, value, "digits", year_like=_is_year(token.text))
    if i + 1 < len(tokens) and tokens[i + 1].lower in lx.SCALE_WORDS:
        figure.scale = lx.SCALE_WORDS[tokens[i + 1].lower]
        figure.value, figure.end, figure.year_like = value * figure.scale, i + 2, False
    return figure


def _is_year(digits: str) -> bool:
    return (
        len(digits) == 4
        and digits.isdigit()
        and lx.YEAR_RANGE[0] <= int(digits) <= lx.YEAR_RANGE[1]
    )


def _read_vague(tokens: list[_Token], i: int) -> _Figure | None:
    if i > 0 and tokens[i - 1].lower in lx.NOT_VAGUE_AFTER:
        return None
    for words, (low, high) in _VAGUE_BY_FIRST_WORD.get(tokens[i].lower, ()):
        end = i + len(words)
        if tuple(t.lower for t in tokens[i:end]) != words:
            continue
        if words[-1] in lx.VAGUE_NEEDS_OF and (end >= len(tokens) or tokens[end].lower != "of"):
            return None
        scale = lx.SCALE_WORDS.get(_lower_at(tokens, end), 1)
        if scale > 1 and words[-1] not in ("thousands", "millions"):
            end, low, high = end + 1, low * scale, None if high is None else high * scale
        return _Figure(i, end, None, "vague", scale=scale, low=low, high=high)
    return None


def _read_words(tokens: list[_Token], i: int) -> _Figure | None:
    """Spelled-out figures: "forty-four", "one hundred and twenty", "a dozen", "half a million"."""
    j, multiplier, article = i, 1.0, False
    if tokens[i].lower == "half" and _lower_at(tokens, i + 1) in lx.INDEFINITE_ARTICLES:
        j, multiplier = i + 1, 0.5
    if _lower_at(tokens, j) in lx.INDEFINITE_ARTICLES:
        following = _lower_at(tokens, j + 1)
        if following not in lx.SCALE_WORDS and following != "dozen":
            return None  # "a child", "a few" (read as vague)
        j, article = j + 1, True
    elif multiplier != 1.0:
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
    return _Figure(i, end, value, "words", scale=scale, approximate=approximate)


def _number_words(tokens: list[_Token], j: int) -> tuple[list[str], int]:
    """The number words from token `j` on ("forty-four" gives two) and the index past them."""
    words: list[str] = []
    while j < len(tokens):
        lower = tokens[j].lower
        if lower == "and" and words and words[-1] in lx.SCALE_WORDS:
            if _lower_at(tokens, j + 1).split("-")[0] in lx.UNIT_WORDS:
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


def _lower_at(tokens: list[_Token], k: int) -> str:
    return tokens[k].lower if 0 <= k < len(tokens) else ""


def _read_range(tokens: list[_Token], figure: _Figure) -> _Figure:
    """Join "between 30 and 40", "30 to 40" into one figure; "from 30 to 40" stays two."""
    if figure.kind == "vague" or figure.high is not None or figure.end + 1 >= len(tokens):
        return figure
    before = tokens[figure.first - 1].lower if figure.first > 0 else ""
    joiner = tokens[figure.end].lower
    if not ((before == "between" and joiner in ("and", "to", "-")) or
            (before != "from" and joiner in ("to", "-", "–"))):  # fmt: skip
        return figure
    second = _read_figure(tokens, figure.end + 1)
    if second is None or second.kind == "vague" or second.high is not None:
        return figure
    low, high = figure.value or 0.0, second.value or 0.0
    if second.scale > figure.scale and low * second.scale <= high:
        low *= second.scale  # "between 2 and 3 million"
    if low >= high:
        return figure
    first = figure.first - 1 if before == "between" else figure.first
    years = figure.year_like and second.year_like
    return _Figure(first, second.end, low, figure.kind, scale=second.scale, low=low, high=high,
                   year_like=years)  # fmt: skip


def _read_hedge(tokens: list[_Token], figure: _Figure, floor: int) -> tuple[int, Hedge]:
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


# --- traps -----------------------------------------------------------------------------------


def _is_trap(text: str, tokens: list[_Token], figure: _Figure) -> bool:
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


def _next_to_month(tokens: list[_Token], first: int, end: int) -> bool:
    """Whether tokens [first, end) are the day or the year of a date: "August 17", "17 Aug"."""

    def is_month(k: int) -> bool:
        return 0 <= k < len(tokens) and tokens[k].text in lx.MONTHS

    if is_month(first - 1) or is_month(end):
        return True
    if is_month(first - 2) and tokens[first - 1].text == ".":
        return True  # "Jan. 25"
    return is_month(end + 1) and _lower_at(tokens, end) == "of"  # "17 of August"


def _after_bare_number(tokens: list[_Token], first: int) -> bool:
    """Whether the figure follows another bare number that is not part of a date."""
    if first == 0 or not _PLAIN_NUMBER_RE.fullmatch(tokens[first - 1].text):
        return False
    return not (_is_year(tokens[first - 1].text) or _next_to_month(tokens, first - 1, first))


def _previous_word(tokens: list[_Token], i: int) -> str:
    j = i - 1
    while j >= 0 and tokens[j].text in (":", "#", ".", "-"):
        j -= 1
    return tokens[j].lower if j >= 0 else ""


def _is_trap_after(tokens: list[_Token], candidate: _Candidate) -> bool:
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


# --- what is counted -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Noun:
    counted: str
    category: str
    head_event: str | None
    end: int


def _lemma(word: str) -> str:
    """Singular lemma of a (lowercased) plural noun; good enough for the counted-noun lexicon."""
    if word in lx.IRREGULAR_LEMMAS:
        return lx.IRREGULAR_LEMMAS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _is_plural(word: str) -> bool:
    return word in ("people", "police", "personnel", "staff", "dead") or _lemma(word) != word


def _is_np_stop(tokens: list[_Token], k: int) -> bool:
    token = tokens[k]
    if token.kind != "word":
        return True
    acronym = token.text.isupper() and len(token.text) > 1  # "IS militants", "US troops"
    lower = token.lower
    if lower in lx.NP_STOPWORDS and not acronym:
        return True
    if lower in lx.EVENT_WORDS and _lemma(lower) not in _KNOWN_NOUNS:
        # "44 dead", but "seven civilian deaths", "191000 lives", "900000 displaced Syrians"
        return not (lower.endswith("ed") and _lemma(_lower_at(tokens, k + 1)) in lx.CATEGORY)
    if token.text in lx.MONTHS or lower in lx.UNIT_WORDS or lower in lx.SCALE_WORDS:
        return True
    if lower in _VAGUE_FIRST_WORDS:
        return True
    if len(lower) > 5 and lower.endswith("ing") and _lemma(lower) not in lx.CATEGORY:
        return True  # "45 buses carrying ...": a verb begins
    if len(lower) > 4 and lower.endswith("ed"):
        return _lemma(_lower_at(tokens, k + 1)) not in lx.CATEGORY  # "armed men" is one phrase
    return False


def _word_run(tokens: list[_Token], k: int, limit: int) -> list[int]:
    run: list[int] = []
    while k < limit and len(run) < MAX_NP_TOKENS and not _is_np_stop(tokens, k):
        run.append(k)
        k += 1
    return run


def _head_index(tokens: list[_Token], run: list[int]) -> int | None:
    """The counted head in a run of words: a known plural noun, else any plural common noun
    ("several local councils"), else the last known noun ("one Syrian soldier")."""
    lemmas = [_lemma(tokens[k].lower) for k in run]
    known = [n for n, lemma in enumerate(lemmas) if lemma in _KNOWN_NOUNS]
    plural = [n for n in known if _is_plural(tokens[run[n]].lower)]
    if plural:
        return run[plural[0]]  # "Syrian Army soldiers": "army" is known, "soldiers" is the head
    for k in run:
        if tokens[k].text.islower() and len(tokens[k].text) > 3 and _is_plural(tokens[k].lower):
            return k  # lowercase only: "43 Topic Violence Erupts" is a headline, not a count
    return run[known[-1]] if known else None


def _read_noun(tokens: list[_Token], k: int, limit: int) -> _Noun | None:
    """The counted noun phrase starting at token `k` (and ending before `limit`), if any."""
    run = _word_run(tokens, k, limit)
    head = _head_index(tokens, run)
    if head is None:
        return None
    counted = _lemma(tokens[head].lower)
    complement, end = _read_complement(tokens, head + 1, limit, counted)
    modifiers = [tokens[m].lower for m in run if m < head]
    head_event = lx.HEAD_EVENTS.get(counted)
    if head_event is None:  # "cases of asphyxiation", "wounded children"
        cues = [w for w in [*complement, *modifiers] if w in lx.EVENT_WORDS]
        head_event = lx.EVENT_WORDS[cues[0]] if cues else None
    return _Noun(counted, _category(counted, modifiers, complement), head_event, end)


def _read_complement(
    tokens: list[_Token], k: int, limit: int, counted: str
) -> tuple[list[str], int]:
    """The "of" phrase of a vague head: "members of the White Helmets", "cases of asphyxiation"."""
    if _lower_at(tokens, k) != "of":
        return [], k
    article = _lower_at(tokens, k + 1)
    start = k + 2 if article in lx.DETERMINERS or article in lx.INDEFINITE_ARTICLES else k + 1
    end = start
    while end < limit and end - start < MAX_COMPLEMENT_TOKENS:
        token = tokens[end]
        if token.kind != "word" or (token.lower in lx.NP_STOPWORDS and not token.text.isupper()):
            break
        end += 1
    words = [t.lower for t in tokens[start:end]]
    has_event = any(w in lx.EVENT_WORDS for w in words)
    if not words or not (counted in lx.GENERIC_HEADS or counted not in lx.CATEGORY or has_event):
        return [], k
    return words, end


def _category(counted: str, modifiers: list[str], complement: list[str]) -> str:
    """Coarse class of the counted noun; a generic head ("members") takes its modifiers'."""
    if counted not in lx.GENERIC_HEADS:
        return lx.CATEGORY.get(counted, "")  # an unknown head keeps "": "Kurdish ministries"
    keys = []
    for n, word in enumerate(complement):  # "members of [the White Helmets]"
        keys += [" ".join(complement[n : n + 2]), word, _lemma(word)]
    for n in range(len(modifiers) - 1, -1, -1):  # "[Syrian civil defence] workers"
        keys += [" ".join(modifiers[max(n - 1, 0) : n + 1]), modifiers[n], _lemma(modifiers[n])]
    found = next((lx.MODIFIER_CATEGORY[key] for key in keys if key in lx.MODIFIER_CATEGORY), None)
    return found or lx.CATEGORY.get(counted, "")


def _read_noun_phrase(tokens: list[_Token], candidate: _Candidate) -> None:
    """Fill in `counted`, `category`, `head_event` and `end` from the words after the figure."""
    k = candidate.end
    if _lower_at(tokens, k) in ("more", "others", "other"):
        k = candidate.end = k + 1  # "dozens more wounded", "30 others"
        if tokens[k - 1].lower == "others":
            return
    if _lower_at(tokens, k) == "of":
        following = _lower_at(tokens, k + 1)
        if following in lx.PARTITIVE_PRONOUNS:
            candidate.end = k + 2  # "10 of them"
            return
        if following in lx.DETERMINERS:
            k += 2  # "14 of the dead", "two of the victims"
            if _lower_at(tokens, k) in lx.EVENT_WORDS:
                candidate.head_event, candidate.end = lx.EVENT_WORDS[tokens[k].lower], k + 1
                return
        elif candidate.figure.kind == "vague" or candidate.figure.scale > 1:
            k += 1  # "dozens of civilians", "millions of Syrians"
        else:
            return
    noun = _read_noun(tokens, k, len(tokens))
    if noun is not None:
        candidate.counted, candidate.category = noun.counted, noun.category
        candidate.head_event, candidate.end = noun.head_event, noun.end


# --- events ----------------------------------------------------------------------------------


def _assign_events(tokens: list[_Token], candidates: list[_Candidate]) -> None:
    """Attach to each count the event of its clause, then share it along coordinations."""
    starts = {c.first: c for c in candidates}
    for candidate in reversed(candidates):  # right to left: see `_governs_object`
        candidate.after_event, candidate.claimed = _event_after(tokens, candidate, starts)
    for index, candidate in enumerate(candidates):
        floor = candidates[index - 1].claimed if index else 0
        candidate.event = (candidate.head_event or candidate.after_event
                           or _event_before(tokens, candidate, floor))  # fmt: skip
    for index in range(1, len(candidates)):
        _link_backward(tokens, candidates[index - 1], candidates[index])
    for index in range(len(candidates) - 2, -1, -1):
        _link_forward(tokens, candidates[index], candidates[index + 1])
    for index, candidate in enumerate(candidates):
        if not candidate.counted:
            _counted_from_toll(tokens, candidate, candidates[index - 1].end if index else 0)
        if not candidate.counted and candidate.event in lx.PEOPLE_EVENTS:
            candidate.category = "people"  # "killed 13", "44 dead"


def _compatible(event: str, category: str) -> bool:
    """Whether something of `category` can take part in `event` (missiles are not killed)."""
    if category in lx.MEASURE_CATEGORIES:
        return False
    if category in lx.OBJECT_CATEGORIES:
        return event in lx.OBJECT_EVENTS
    if category in lx.HUMAN_CATEGORIES:
        return event not in lx.OBJECT_EVENTS or event == "captured"
    return True


def _event_after(
    tokens: list[_Token], candidate: _Candidate, starts: dict[int, _Candidate]
) -> tuple[str | None, int]:
    """The event word trailing the count ("20 civilians were killed", "44 dead") and the index
    past it, so that the next count does not read the same word as its own."""
    mode, budget, asides = "", 0, 0
    for k in range(candidate.end, min(len(tokens), candidate.end + AFTER_WINDOW)):
        lower = tokens[k].lower
        if k in starts:
            asides += 1
            if mode != "aside" or asides > 1:
                break  # the next count's clause ("including two women and left 29 ...")
        if lower in lx.CLAUSE_BREAKS:
            break  # another statement
        if lower in lx.EVENT_WORDS:
            event = lx.EVENT_WORDS[lower]
            if lower not in lx.AFTER_EVENT_WORDS or not _compatible(event, candidate.category):
                break  # "bombers killing ...": the count is the agent
            transitive = candidate.counted and lower in lx.TRANSITIVE_EVENT_WORDS
            if transitive and _governs_object(tokens, k, starts):
                break  # "two suicide bombers killed 30 people": the count is the agent
            claimed = k + 1
            while _lower_at(tokens, claimed) in ("their", "his", "her") or (
                lx.EVENT_WORDS.get(_lower_at(tokens, claimed)) == event
            ):
                claimed += 1  # "lost their lives": "lives" is spent too
            return event, claimed
        if lower == "among" and _lower_at(tokens, k + 1) in ("them", "whom"):
            mode, budget = "aside", ASIDE_BUDGET  # "15 civilians among them 11 children were"
            continue
        if lower in lx.AUX_BETWEEN:
            continue
        if lower in lx.ASIDE_OPENERS:
            mode, budget = "aside", ASIDE_BUDGET
        elif lower in lx.PLACE_PREPOSITIONS and not mode:
            mode, budget = "place", PLACE_BUDGET  # "Twenty people in Kilis have been killed"
        elif lower == "and" and not mode:
            following = _lower_at(tokens, k + 1)
            if following in lx.EVENT_WORDS or following.endswith("ing") or k + 1 in starts:
                break  # "killed 13 and wounded 29", "killing 14 and leaving": a new verb
            mode, budget = "coord", COORD_BUDGET
        elif not mode or budget == 0:
            break
        else:
            budget -= 1
    return None, candidate.end


def _governs_object(tokens: list[_Token], k: int, starts: dict[int, _Candidate]) -> bool:
    """Whether the event word at `k` takes an object, making the count before it the agent."""
    following = starts.get(k + 1)
    if following is not None:
        return following.after_event is None  # "8 persons killed 58 others injured" is a list
    return k + 1 < len(tokens) and tokens[k + 1].lower in lx.OBJECT_STARTS


def _event_before(tokens: list[_Token], candidate: _Candidate, floor: int) -> str | None:
    """The nearest event word before the count in its clause: "killed at least 21 civilians";
    "toll" reaches further: "the death toll from ... strikes on ... has risen to 82 people"."""
    if _lower_at(tokens, candidate.first - 1) == "and":
        return None  # "killed in the crackdown and thousands fled": another conjunct's verb
    for k in range(candidate.first - 1, max(floor, candidate.first - TOLL_WINDOW) - 1, -1):
        lower = tokens[k].lower
        if lower in lx.CLAUSE_BREAKS:
            return None
        event = lx.EVENT_WORDS.get(lower)
        if event is None or not _compatible(event, candidate.category):
            continue
        if candidate.first - k <= BEFORE_WINDOW or lower == "toll":
            return event
    return None


def _link_forward(tokens: list[_Token], candidate: _Candidate, following: _Candidate) -> None:
    """Let a count take the event of the next one: "Two women and two soldiers were killed"."""
    between = [t.lower for t in tokens[candidate.end : following.first]]
    linked = all(w in lx.FORWARD_LINKS for w in between)  # empty: FA-KES drops commas
    if candidate.event is None and following.event and linked:
        candidate.event = (
            following.event if _compatible(following.event, candidate.category) else None
        )


def _link_backward(tokens: list[_Token], previous: _Candidate, candidate: _Candidate) -> None:
    """Let a count take the event (and, when elliptic, the noun) of the one before it:
    "82 people among them 18 children", "were killed including two children", "another five"."""
    between = [t.lower for t in tokens[previous.end : candidate.first]]
    strong = any(w in lx.STRONG_LINKS for w in between) and len(between) <= STRONG_LINK_SPAN
    # A strong link may span the earlier count's own verb, but no other clause or event.
    foreign = any(
        w in lx.CLAUSE_BREAKS or lx.EVENT_WORDS.get(w, previous.event) != previous.event
        for w in between
    )
    linked = all(w in lx.BACKWARD_LINKS for w in between) or (strong and not foreign)
    ellipsis = (bool(between) and between[-1] == "another") or (
        linked and any(w in lx.ELLIPSIS_LINKS for w in between)
    )
    if not (linked or ellipsis):
        return
    if not candidate.counted and ellipsis:
        candidate.counted, candidate.category = previous.counted, previous.category
    if candidate.event is None and previous.event:
        candidate.event = (
            previous.event if _compatible(previous.event, candidate.category) else None
        )


def _counted_from_toll(tokens: list[_Token], candidate: _Candidate, floor: int) -> None:
    """Read a bare count's noun from its toll: "the toll for Russian soldiers ... to 18"."""
    for k in range(candidate.first - 2, max(floor, candidate.first - TOLL_WINDOW) - 1, -1):
        if tokens[k].lower in ("toll", "number", "total") and tokens[k + 1].lower in ("for", "of"):
            start = k + 2
            while start < candidate.first and tokens[start].lower in lx.DETERMINERS:
                start += 1
            noun = _read_noun(tokens, start, candidate.first)
            if noun is not None:
                candidate.counted, candidate.category = noun.counted, noun.category
            return


# --- output ----------------------------------------------------------------------------------


def _is_count(candidate: _Candidate) -> bool:
    """Keep counts that say what they count or what happened to it ("killed 13")."""
    if not candidate.counted and candidate.event not in lx.PEOPLE_EVENTS:
        return False  # "More news: 99", "Get short URL 185", "destroyed 14 of ..."
    lone_one = candidate.figure.kind == "words" and candidate.figure.value == 1
    return not (lone_one and not candidate.category and candidate.event is None)  # "at one point"


def _interval(hedge: Hedge, figure: _Figure) -> tuple[float, float | None]:
    """The values the sentence allows, read from the hedge (high None: unbounded)."""
    value = figure.value or 0.0
    if hedge in ("vague", "between"):
        return figure.low or 0.0, figure.high
    if hedge == "exact":
        return value, value
    if hedge in ("at_least", "more_than"):
        return value, None  # "more than N" is strictly above N; the interval keeps N as floor
    if hedge in ("at_most", "less_than"):
        return 0.0, value
    if hedge == "about":
        return round(value * (1 - ABOUT_SPREAD), 6), round(value * (1 + ABOUT_SPREAD), 6)
    return round(value * (1 - NEARLY_SPREAD), 6), value  # nearly


def _to_quantity(text: str, tokens: list[_Token], candidate: _Candidate) -> Quantity:
    start, end = tokens[candidate.first].start, tokens[candidate.end - 1].end
    low, high = _interval(candidate.hedge, candidate.figure)
    return Quantity(
        text=text[start:end],
        start=start,
        end=end,
        value=candidate.figure.value,
        low=low,
        high=high,
        hedge=candidate.hedge,
        counted=candidate.counted,
        category=candidate.category,
        event=candidate.event,
    )
