"""The event each count takes part in (killed, wounded ...), read from its clause and neighbours."""

from __future__ import annotations

from typing import Final

import checker.lexicon as lx
from checker.quantities.figures import Token, lower_at
from checker.quantities.nouns import Candidate, read_noun

AFTER_WINDOW: Final = 12  # tokens scanned after a count for its event ("were reportedly killed")
BEFORE_WINDOW: Final = 12  # ... and before it ("the death toll ... has risen to 85")
ASIDE_BUDGET: Final = 6  # an aside's length: "including four children", "one of them a child"
PLACE_BUDGET: Final = 3  # "[in the town of] Kilis": a short place phrase
COORD_BUDGET: Final = 3  # "[Kurdish militiamen] and police were killed": the second conjunct
STRONG_LINK_SPAN: Final = 6  # "including [a woman and her] four children": the subset list
TOLL_WINDOW: Final = 16  # how far back "the toll for Russian soldiers ... to 18" may start


def assign_events(tokens: list[Token], candidates: list[Candidate]) -> None:
    """Attach to each count the event of its clause, then share it along coordinations."""
    starts = {c.first: c for c in candidates}
    for candidate in reversed(candidates):  # right to left: see `_governs_object`
        candidate.after_event, candidate.claimed = _event_after(tokens, candidate, starts)
    for index, candidate in enumerate(candidates):
        floor = candidates[index - 1].claimed if index else 0
        candidate.event = (candidate.head_event or candidate.after_event
                           or _event_before(tokens, candidate, floor)
                           or _event_of_included_group(tokens, candidate))  # fmt: skip
    for index in range(1, len(candidates)):
        _link_backward(tokens, candidates[index - 1], candidates[index])
    for index in range(len(candidates) - 2, -1, -1):
        _link_forward(tokens, candidates[index], candidates[index + 1])
    for index, candidate in enumerate(candidates):
        if _remainder(tokens, candidate, candidates[:index]):
            candidate.counted, candidate.category = "others", ""
            continue
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
    tokens: list[Token], candidate: Candidate, starts: dict[int, Candidate]
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
        if lower == "and" and lower_at(tokens, k + 1) in lx.EVENT_WORDS and mode == "aside":
            break  # "killed 38 civilians including 14 children and wounded 250": a new verb
        if lower in lx.EVENT_WORDS:
            event = lx.EVENT_WORDS[lower]
            if lower not in lx.AFTER_EVENT_WORDS or not _compatible(event, candidate.category):
                break  # "bombers killing ...": the count is the agent
            transitive = candidate.counted and lower in lx.TRANSITIVE_EVENT_WORDS
            if transitive and _governs_object(tokens, k, starts):
                break  # "two suicide bombers killed 30 people": the count is the agent
            if _joint(event, lower_at(tokens, k + 1), lower_at(tokens, k + 2)):
                return lx.JOINT_EVENT, k + 3  # "19 killed and injured"
            claimed = k + 1
            while lower_at(tokens, claimed) in ("their", "his", "her") or (
                lx.EVENT_WORDS.get(lower_at(tokens, claimed)) == event
            ):
                claimed += 1  # "lost their lives": "lives" is spent too
            return event, claimed
        if lower == "among" and lower_at(tokens, k + 1) in ("them", "whom"):
            mode, budget = "aside", ASIDE_BUDGET  # "15 civilians among them 11 children were"
            continue
        if lower in lx.AUX_BETWEEN:
            continue
        if lower in lx.ASIDE_OPENERS:
            mode, budget = "aside", ASIDE_BUDGET
        elif lower in lx.PLACE_PREPOSITIONS and not mode:
            mode, budget = "place", PLACE_BUDGET  # "Twenty people in Kilis have been killed"
        elif lower == "and" and not mode:
            following = lower_at(tokens, k + 1)
            if following in lx.EVENT_WORDS or following.endswith("ing") or k + 1 in starts:
                break  # "killed 13 and wounded 29", "killing 14 and leaving": a new verb
            mode, budget = "coord", COORD_BUDGET
        elif not mode or budget == 0:
            break
        else:
            budget -= 1
    return None, candidate.end


def _governs_object(tokens: list[Token], k: int, starts: dict[int, Candidate]) -> bool:
    """Whether the event word at `k` takes an object, making the count before it the agent."""
    following = starts.get(k + 1)
    if following is not None:
        return following.after_event is None  # "8 persons killed 58 others injured" is a list
    return k + 1 < len(tokens) and tokens[k + 1].lower in lx.OBJECT_STARTS


def _event_before(tokens: list[Token], candidate: Candidate, floor: int) -> str | None:
    """The nearest event word before the count in its clause: "killed at least 21 civilians";
    "toll" reaches further: "the death toll from ... strikes on ... has risen to 82 people"."""
    if lower_at(tokens, candidate.first - 1) == "and":
        return None  # "killed in the crackdown and thousands fled": another conjunct's verb
    for k in range(candidate.first - 1, max(floor, candidate.first - TOLL_WINDOW) - 1, -1):
        lower = tokens[k].lower
        if lower in lx.CLAUSE_BREAKS:
            return None
        event = lx.EVENT_WORDS.get(lower)
        if event is None or not _compatible(event, candidate.category):
            continue
        if candidate.first - k <= BEFORE_WINDOW or lower == "toll":
            if k >= 2 and _joint(event, lower_at(tokens, k - 1), tokens[k - 2].lower):
                return lx.JOINT_EVENT  # "killed or wounded 40 people"
            return event
    return None


def _event_of_included_group(tokens: list[Token], candidate: Candidate) -> str | None:
    """ "Those killed in the two attacks include 14 children": a count the group's verb
    "include(s)" introduces takes the event of that group ("those killed", "the dead"), however
    far back it is named (other counts may sit between)."""
    if lower_at(tokens, candidate.first - 1) not in lx.INCLUDE_VERBS:
        return None
    for k in range(candidate.first - 2, 0, -1):
        if tokens[k].lower in lx.CLAUSE_BREAKS:
            return None
        event = lx.EVENT_WORDS.get(tokens[k].lower)
        if (
            event
            and tokens[k - 1].lower in lx.DETERMINERS
            and _compatible(event, candidate.category)
        ):
            return event
    return None


def _joint(event: str, conjunction: str, other_word: str) -> bool:
    """Whether "killed and injured" (or "wounded or killed") joins the dead and the hurt into
    one count: it is neither a death toll nor a count of the wounded."""
    other = lx.EVENT_WORDS.get(other_word)
    return (
        conjunction in ("and", "or")
        and event in lx.JOINT_EVENTS
        and other in lx.JOINT_EVENTS
        and other != event
    )


def _link_forward(tokens: list[Token], candidate: Candidate, following: Candidate) -> None:
    """Let a count take the event of the next one: "Two women and two soldiers were killed"."""
    between = [t.lower for t in tokens[candidate.end : following.first]]
    linked = all(w in lx.FORWARD_LINKS for w in between)  # empty: FA-KES drops commas
    if candidate.event is None and following.event and linked:
        candidate.event = (
            following.event if _compatible(following.event, candidate.category) else None
        )


def _link_backward(tokens: list[Token], previous: Candidate, candidate: Candidate) -> None:
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


def _counted_from_toll(tokens: list[Token], candidate: Candidate, floor: int) -> None:
    """Read a bare count's noun from its toll: "the toll for Russian soldiers ... to 18"."""
    for k in range(candidate.first - 2, max(floor, candidate.first - TOLL_WINDOW) - 1, -1):
        if tokens[k].lower in ("toll", "number", "total") and tokens[k + 1].lower in ("for", "of"):
            start = k + 2
            while start < candidate.first and tokens[start].lower in lx.DETERMINERS:
                start += 1
            noun = read_noun(tokens, start, candidate.first)
            if noun is not None:
                candidate.counted, candidate.category = noun.counted, noun.category
            return


def _remainder(tokens: list[Token], candidate: Candidate, before: list[Candidate]) -> bool:
    """ "killing nine children and 14 others": the 14 are the rest, not a total of anyone, when
    an earlier count of the sentence has the same event (the "29 others" of "killed 13 and
    wounded 29 others" are the wounded, a count of their own)."""
    if candidate.counted or lower_at(tokens, candidate.end - 1) != "others":
        return False
    return candidate.event is not None and any(other.event == candidate.event for other in before)
