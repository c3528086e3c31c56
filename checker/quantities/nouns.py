"""What a count counts (noun phrase, lemma, category); also the Candidate each reader fills in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import checker.lexicon as lx
from checker.models import Hedge
from checker.quantities.figures import VAGUE_FIRST_WORDS, Figure, Token, lower_at

MAX_NP_TOKENS: Final = 5  # "Syrian civil defence workers": longer runs are not one phrase
MAX_COMPLEMENT_TOKENS: Final = 4
MAX_FRONTED_PART: Final = 3  # "Of [those killed in the raid]" before the count  # "members of [the White Helmets rescue organization]"
_KNOWN_NOUNS: Final = frozenset(
    [*lx.CATEGORY, *lx.GENERIC_HEADS, *lx.TIME_UNITS, *lx.SKIPPED_HEADS, *lx.CURRENCY_WORDS,
     *lx.HEAD_EVENTS]
)  # fmt: skip


@dataclass(slots=True)
class Candidate:
    """A figure on its way to a Quantity; the noun, trap and event readers fill it in turn."""

    first: int  # first token, hedge included
    end: int  # one past the last token of the noun phrase
    figure: Figure
    hedge: Hedge
    counted: str = ""
    category: str = ""
    head_event: str | None = None
    after_event: str | None = None
    claimed: int = 0  # index past the trailing event word, or `end`
    event: str | None = None
    part: bool = False  # "10 of them", "two of the victims": part of a group counted elsewhere


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


def _is_np_stop(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if token.kind != "word":
        return True
    acronym = token.text.isupper() and len(token.text) > 1  # "IS militants", "US troops"
    lower = token.lower
    if lower in lx.NP_STOPWORDS and not acronym:
        return True
    if lower in lx.EVENT_WORDS and _lemma(lower) not in _KNOWN_NOUNS:
        # "44 dead", but "seven civilian deaths", "191000 lives", "900000 displaced Syrians"
        return not (lower.endswith("ed") and _lemma(lower_at(tokens, k + 1)) in lx.CATEGORY)
    if token.text in lx.TITLE_CASE_MONTHS or lower in lx.UNIT_WORDS or lower in lx.SCALE_WORDS:
        return True
    if lower in VAGUE_FIRST_WORDS:
        return True
    if len(lower) > 5 and lower.endswith("ing") and _lemma(lower) not in lx.CATEGORY:
        return True  # "45 buses carrying ...": a verb begins
    if len(lower) > 4 and lower.endswith("ed"):
        return _lemma(lower_at(tokens, k + 1)) not in lx.CATEGORY  # "armed men" is one phrase
    return False


def _word_run(tokens: list[Token], k: int, limit: int) -> list[int]:
    run: list[int] = []
    while k < limit and len(run) < MAX_NP_TOKENS and not _is_np_stop(tokens, k):
        run.append(k)
        k += 1
    return run


def _head_index(tokens: list[Token], run: list[int]) -> int | None:
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


def read_noun(tokens: list[Token], k: int, limit: int) -> _Noun | None:
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
    tokens: list[Token], k: int, limit: int, counted: str
) -> tuple[list[str], int]:
    """The "of" phrase of a vague head: "members of the White Helmets", "cases of asphyxiation"."""
    if lower_at(tokens, k) != "of":
        return [], k
    article = lower_at(tokens, k + 1)
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
        category = lx.CATEGORY.get(counted, "")  # an unknown head keeps "": "Kurdish ministries"
        if category == "fighter" and lx.GOVERNMENT_SIDE_MODIFIERS & {m.lower() for m in modifiers}:
            return "soldier"  # "regime fighters", "pro-regime gunmen": the government's forces
        return category
    keys = []
    for n, word in enumerate(complement):  # "members of [the White Helmets]"
        keys += [" ".join(complement[n : n + 2]), word, _lemma(word)]
    for n in range(len(modifiers) - 1, -1, -1):  # "[Syrian civil defence] workers"
        keys += [" ".join(modifiers[max(n - 1, 0) : n + 1]), modifiers[n], _lemma(modifiers[n])]
    found = next((lx.MODIFIER_CATEGORY[key] for key in keys if key in lx.MODIFIER_CATEGORY), None)
    return found or lx.CATEGORY.get(counted, "")


def read_noun_phrase(tokens: list[Token], candidate: Candidate) -> None:
    """Fill in `counted`, `category`, `head_event` and `end` from the words after the figure."""
    k = candidate.end
    if lower_at(tokens, k) in ("more", "others", "other"):
        k = candidate.end = k + 1  # "dozens more wounded", "30 others"
        if tokens[k - 1].lower == "others":
            return
    if lower_at(tokens, k) == "of":
        following = lower_at(tokens, k + 1)
        if following in lx.PARTITIVE_PRONOUNS:
            candidate.end = k + 2  # "10 of them"
            _read_part(tokens, candidate)
            return
        if following in lx.DETERMINERS:
            k += 2  # "14 of the dead", "two of the victims"
            candidate.part = True
            if lower_at(tokens, k) in lx.EVENT_WORDS:
                candidate.head_event, candidate.end = lx.EVENT_WORDS[tokens[k].lower], k + 1
                _read_part(tokens, candidate)
                return
        elif candidate.figure.kind == "vague" or candidate.figure.scale > 1:
            k += 1  # "dozens of civilians", "millions of Syrians"
        else:
            return
    noun = read_noun(tokens, k, len(tokens))
    if noun is not None:
        candidate.counted, candidate.category = noun.counted, noun.category
        candidate.head_event, candidate.end = noun.head_event, noun.end
    if candidate.part or _after_fronted_part(tokens, candidate.first):
        _read_part(tokens, candidate)


def _after_fronted_part(tokens: list[Token], first: int) -> bool:
    """ "Of those killed, six were children": a count right after a fronted "of those ..." is
    a part of that group."""
    return (
        lower_at(tokens, 0) == "of"
        and lower_at(tokens, 1) in lx.DETERMINERS | lx.PARTITIVE_PRONOUNS
        and 2 < first <= 2 + MAX_FRONTED_PART
    )


def _read_part(tokens: list[Token], candidate: Candidate) -> None:
    """A count of part of a group counted elsewhere ("five of the dead", "10 of them") is that
    part: when the words after it name who the part are ("were children", "of them
    civilians"), it counts them like "including five children"; otherwise it stays a part,
    never a rival of the whole group's toll."""
    candidate.part = True
    k = candidate.end
    if lower_at(tokens, k) in lx.PART_COPULAS:
        k += 1
    noun = read_noun(tokens, k, len(tokens))
    if noun is None or not noun.category:
        return
    candidate.counted, candidate.category = noun.counted, noun.category
    candidate.end, candidate.part = noun.end, False
