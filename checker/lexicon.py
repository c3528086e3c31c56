"""Every word list checker reads text with, in one place: the calendar, number words, hedges,
counted nouns and events, traps, places, parties to the conflict, attribution and wording.

Kept apart from the parsing code so that a reader can audit (and extend) the vocabulary in one
place, and so that two stages never disagree about a word. Everything is lowercase unless a
comment says otherwise. The lists were drawn from the FA-KES corpus, the seed articles and
annotated/dev.jsonl; they are deliberately small.
"""

from __future__ import annotations

from typing import Final

from checker.models import Hedge

# --- calendar --------------------------------------------------------------------------------

# In `datetime.date.weekday()` order: WEEKDAYS.index(name) is the weekday number.
WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_ABBREVIATIONS: Final = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip
# Weekdays as words inside a sentence, plurals too ("on Fridays").
WEEKDAY_WORDS: Final = frozenset(WEEKDAYS) | frozenset(f"{day}s" for day in WEEKDAYS)
MONTHS: Final = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS: Final = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Month name or abbreviation -> month number.
MONTH_NUMBERS: Final = {
    **{name: number for number, name in enumerate(MONTHS, start=1)},
    **MONTH_ABBREVIATIONS,
}
# Capitalised only: "may"/"march" are also a verb and a modal.
TITLE_CASE_MONTHS: Final = frozenset(name.capitalize() for name in MONTH_NUMBERS)
# Regular-expression alternations of the names above (longest first); use with re.IGNORECASE.
MONTH_PATTERN: Final = "(?:" + "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True)) + ")"
WEEKDAY_PATTERN: Final = (
    "(?:" + "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True)) + ")"
)
# Days named relative to publication: resolvable, but only as good as the publication date.
RELATIVE_DAY_WORDS: Final = ("today", "yesterday", "last night", "this morning", "overnight")

# --- number words ----------------------------------------------------------------------------

UNIT_WORDS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALE_WORDS: Final = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 10**9}
DOZEN: Final = 12
# "a dozen", "half a million", "a hundred": indefinite round figures, read as "about".
INDEFINITE_ARTICLES: Final = frozenset({"a", "an"})
# "a quarter of a million", "a third of a million", "a half million": a fraction of a scale word.
FRACTIONS: Final = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}

# Vague quantifiers -> (low, high). Bounds are the smallest and largest figure a writer would
# plausibly still describe that way; high None means no upper bound.
VAGUE: Final[dict[tuple[str, ...], tuple[float, float | None]]] = {
    ("tens", "of", "thousands"): (20_000, 99_999),  # two or more tens of thousands
    ("hundreds", "of", "thousands"): (200_000, 999_999),  # below "a million"
    ("tens", "of", "millions"): (20_000_000, 99_999_999),
    ("dozens",): (24, 99),  # at least two dozen, short of "hundreds"
    ("scores",): (40, 199),  # a score is 20: at least two scores, short of "hundreds" by 200
    ("tens",): (20, 99),  # "tens of people": a plain calque of "dozens"
    ("hundreds",): (200, 999),
    ("thousands",): (2_000, 9_999),
    ("millions",): (2_000_000, 9_999_999),
    ("several",): (3, 9),  # more than "a couple", fewer than "dozens"
    ("a", "few"): (2, 5),
    ("a", "couple", "of"): (2, 3),
    ("many",): (5, None),  # unbounded: "many" is used for 5 and for 5,000
    ("numerous",): (5, None),
}
# "tens" alone is a count only in "tens of ..."; "many" not after these words ("how many").
VAGUE_NEEDS_OF: Final = frozenset({"tens"})
NOT_VAGUE_AFTER: Final = frozenset({"how", "so", "too", "as", "very", "not", "that"})

# --- hedges ----------------------------------------------------------------------------------

# Words right before the figure -> hedge; matched longest first.
HEDGES: Final[dict[tuple[str, ...], Hedge]] = {
    ("at", "least"): "at_least", ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least", ("not", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least", ("at", "the", "very", "least"): "at_least",
    ("more", "than"): "more_than", ("over",): "more_than", ("upwards", "of"): "more_than",
    ("in", "excess", "of"): "more_than", ("well", "over"): "more_than",
    ("just", "over"): "more_than", ("above",): "more_than", ("well", "above"): "more_than",
    ("up", "to"): "at_most", ("as", "many", "as"): "at_most", ("at", "most"): "at_most",
    ("a", "maximum", "of"): "at_most", ("no", "more", "than"): "at_most",
    ("not", "more", "than"): "at_most",
    ("fewer", "than"): "less_than", ("less", "than"): "less_than", ("under",): "less_than",
    ("below",): "less_than",
    ("about",): "about", ("around",): "about", ("some",): "about", ("roughly",): "about",
    ("approximately",): "about", ("an", "estimated"): "about", ("estimated",): "about",
    ("circa",): "about", ("approx",): "about", ("nearly",): "nearly", ("almost",): "nearly",
    ("close", "to"): "nearly", ("just", "under"): "nearly", ("up", "to", "nearly"): "nearly",
    ("just", "short", "of"): "nearly", ("nearing",): "nearly",
}  # fmt: skip
# Words right after the figure that hedge it: "20 or more people".
POST_HEDGES: Final[dict[tuple[str, ...], Hedge]] = {
    ("or", "more"): "at_least",
    ("or", "so"): "about",
    ("and", "more"): "at_least",
}

# --- counted nouns ---------------------------------------------------------------------------

# Irregular plurals (and spelling variants) -> lemma; regular plurals are handled by suffix rules.
IRREGULAR_LEMMAS: Final = {
    "children": "child", "women": "woman", "men": "man", "people": "people", "persons": "person",
    "militiamen": "militiaman", "servicemen": "serviceman", "policemen": "policeman",
    "gunmen": "gunman", "tribesmen": "tribesman", "lives": "life", "wives": "wife",
    "km": "kilometer", "kms": "kilometer", "kilometres": "kilometer", "kilometre": "kilometer",
    "kilometers": "kilometer", "metres": "meter", "metre": "meter", "mi": "mile",
    "tonnes": "tonne", "tons": "tonne", "ton": "tonne", "kg": "kilogram", "kgs": "kilogram",
    "troops": "troop", "series": "series", "species": "species", "news": "news",
    "headquarters": "headquarters", "aircraft": "aircraft", "crises": "crisis",
    "analyses": "analysis", "bases": "base", "buses": "bus", "dead": "dead",
    "police": "police", "personnel": "personnel", "staff": "staff", "militia": "militia",
    "airstrikes": "airstrike", "air-strikes": "airstrike", "houses": "house",
    "premises": "premises", "shelters": "shelter", "cases": "case", "sources": "source",
    "bodies": "body", "sorties": "sortie", "staffers": "staffer", "casualties": "casualty",
    "families": "family", "centres": "centre",
    "defence": "defence", "defense": "defense", "syrias": "syria", "nurses": "nurse",
}  # fmt: skip

# Lemma -> coarse category used to match counts across outlets (empty when unknown).
CATEGORY: Final = {
    **dict.fromkeys(["civilian", "civilain"], "civilian"),
    **dict.fromkeys(["child", "kid", "minor", "boy", "girl", "infant", "baby", "pupil",
                     "schoolchild", "toddler", "newborn", "teenager"], "child"),
    **dict.fromkeys(["woman", "mother", "wife"], "woman"),
    **dict.fromkeys(["people", "person", "citizen", "resident", "victim", "body", "man",
                     "individual", "inhabitant", "villager", "casualty", "syrian", "kurd",
                     "patient", "worshipper", "worshiper", "passenger", "protester",
                     "demonstrator", "teacher", "life", "death", "fatality",
                     "injury", "martyr", "hostage", "detainee", "prisoner", "evacuee",
                     "journalist", "student", "worker", "employee", "farmer", "shepherd",
                     "mourner", "witness", "sibling", "son", "daughter", "brother", "sister",
                     "colleague", "observer", "staff", "staffer", "native"],
                    "people"),
    **dict.fromkeys(["soldier", "troop", "serviceman", "personnel", "marine", "paratrooper",
                     "conscript", "army", "force", "officer", "pilot", "guard", "adviser",
                     "advisor", "commando", "serviceperson"], "soldier"),
    **dict.fromkeys(["fighter", "militant", "jihadist", "jihadi", "rebel", "insurgent",
                     "terrorist", "militiaman", "militia", "gunman", "mercenary", "extremist",
                     "combatant", "bomber", "attacker", "commander", "leader", "tribesman",
                     "loyalist", "islamist", "combattant", "enemy", "comrade"], "fighter"),
    **dict.fromkeys(["police", "policeman", "policewoman", "cop"], "police"),
    **dict.fromkeys(["rescuer", "volunteer", "medic", "paramedic", "doctor", "nurse",
                     "surgeon"], "rescuer"),
    **dict.fromkeys(["refugee", "migrant", "asylum-seeker"], "refugee"),
    "family": "family",
    **dict.fromkeys(["missile", "rocket", "shell", "mortar", "projectile", "grenade",
                     "tomahawk", "round", "munition"], "missile"),
    **dict.fromkeys(["strike", "airstrike", "raid", "air-raid", "sortie", "bomb",
                     "barrel-bomb", "bombing", "shelling"], "strike"),
    **dict.fromkeys(["kilometer", "mile", "meter"], "distance"),
    "case": "case",
    **dict.fromkeys(["vehicle", "truck", "lorry", "bus", "car", "tank", "convoy", "van",
                     "motorcycle", "ambulance", "tanker"], "vehicle"),
    **dict.fromkeys(["aircraft", "plane", "jet", "warplane", "helicopter", "drone"],
                    "aircraft"),
    **dict.fromkeys(["building", "house", "home", "shelter", "mosque", "church", "bakery",
                     "market", "facility", "apartment", "centre", "center", "office",
                     "factory", "depot", "warehouse", "hideout", "bridge", "shop"], "building"),
    "school": "school",
    **dict.fromkeys(["hospital", "clinic"], "hospital"),
    **dict.fromkeys(["village", "town", "city", "neighbourhood", "neighborhood", "district",
                     "area", "province", "country", "region", "zone", "site", "position",
                     "checkpoint", "post", "base", "field", "front", "locality", "suburb"],
                    "place"),
    **dict.fromkeys(["tonne", "kilogram"], "weight"),
    **dict.fromkeys(["attack", "explosion", "blast", "incident", "clash", "ambush"], "attack"),
    **dict.fromkeys(["official", "minister", "diplomat", "delegate", "lawmaker"], "official"),
    **dict.fromkeys(["weapon", "container", "cylinder", "barrel"], "weapon"),
}  # fmt: skip

# Heads that say little by themselves ("members of the White Helmets", "civil defence
# workers", "civilian deaths"): their modifiers decide the category when one is known.
GENERIC_HEADS: Final = frozenset({
    "member", "worker", "officer", "official", "personnel", "staff", "employee", "element",
    "man", "individual", "person", "death", "life", "fatality", "casualty", "injury", "body",
    "case", "team", "unit", "operative", "force", "victim", "round",
})  # fmt: skip
# Counted nouns that name a part of the dead or the hurt, not all of them: "six teachers" or
# "one man" is no rival figure for "11 civilians" or "35 people" (a part and its whole).
SUBGROUP_NOUNS: Final = frozenset({
    "teacher", "student", "journalist", "worker", "employee", "farmer", "shepherd", "mourner",
    "witness", "sibling", "son", "daughter", "brother", "sister", "colleague", "observer",
    "staff", "staffer", "native", "patient", "worshipper", "worshiper", "passenger",
    "protester", "demonstrator", "man", "officer", "pilot", "guard", "adviser", "advisor",
    "commander", "leader", "infant", "baby", "toddler", "newborn", "mother", "wife",
})  # fmt: skip
# Fighters of the government's side ("regime fighters", "pro-regime gunmen") are its forces:
# outlets count the same dead as "soldiers" ("More than 60 Syrian government soldiers").
GOVERNMENT_SIDE_MODIFIERS: Final = frozenset({
    "regime", "pro-regime", "government", "pro-government", "army", "pro-assad", "assad",
})  # fmt: skip
# Modifier words / bigrams -> category, for generic heads and for "members of X".
MODIFIER_CATEGORY: Final = {
    "white helmets": "rescuer", "civil defence": "rescuer", "civil defense": "rescuer",
    "rescue": "rescuer", "red crescent": "rescuer", "medical": "rescuer", "aid": "rescuer",
    "humanitarian": "rescuer", "helmets": "rescuer",
    "police": "police", "security": "police", "asayesh": "police",
    "army": "soldier", "military": "soldier", "russian": "soldier", "forces": "soldier",
    "government": "soldier", "regime": "soldier", "turkish": "soldier", "troops": "soldier",
    "ypg": "fighter", "sdf": "fighter", "isis": "fighter", "isil": "fighter", "is": "fighter",
    "daesh": "fighter", "nusra": "fighter", "qaeda": "fighter", "rebel": "fighter",
    "jihadist": "fighter", "militia": "fighter", "terrorist": "fighter", "armed": "fighter",
    "opposition": "fighter", "kurdish": "fighter", "group": "fighter", "hezbollah": "fighter",
    "civilian": "civilian", "child": "child", "children": "child", "women": "woman",
    "mortar": "missile", "rocket": "missile", "cruise": "missile", "barrel": "strike",
    "family": "family",
}  # fmt: skip

# Time units: a figure counting them is a duration or an age, not a count of anything.
TIME_UNITS: Final = frozenset({
    "year", "month", "week", "day", "hour", "minute", "second", "decade", "century", "night",
    "weekend", "time", "year-old", "year-olds", "season", "morning", "evening",
})  # fmt: skip
SKIPPED_HEADS: Final = frozenset({
    "percent", "per", "pc", "dollar", "euro", "pound", "lira", "riyal", "usd", "cent",
    "point", "o'clock", "degree", "digit", "hand", "side", "way", "another", "other",
})  # fmt: skip

# --- events ----------------------------------------------------------------------------------

# Word -> normalised event. Multiword cues are covered by one of their words: "death toll"
# by "toll", "lost their lives" by "lost", "fallen victims" by "fallen", "taken hostage" by
# "hostage", "cases of asphyxiation" by "asphyxiation".
EVENT_WORDS: Final = {
    **dict.fromkeys(["killed", "kill", "kills", "killing", "dead", "died", "die", "dies",
                     "dying", "death", "deaths", "toll", "lives", "martyred", "martyrs",
                     "perished", "fatalities", "slain", "executed", "executing", "massacred",
                     "murdered", "execute", "eliminated", "eliminating", "lost", "fallen",
                     "deceased", "victims"], "killed"),
    **dict.fromkeys(["wounded", "wounding", "wounds", "injured", "injuring", "injure",
                     "injures", "injuries", "hurt", "maimed"], "wounded"),
    **dict.fromkeys(["abducted", "abducting", "kidnapped", "kidnapping", "kidnaps",
                     "hostage", "hostages", "seized", "abduct", "kidnap"], "abducted"),
    **dict.fromkeys(["displaced", "displacing", "displacement", "uprooted"], "displaced"),
    **dict.fromkeys(["fled", "flee", "fleeing", "escaped"], "fled"),
    **dict.fromkeys(["arrested", "arresting", "detained", "detaining", "arrests", "jailed",
                     "imprisoned", "detainees", "detention"], "arrested"),
    **dict.fromkeys(["affected", "asphyxiation", "suffocation", "poisoned", "poisoning",
                     "symptoms", "suffocating", "exposed"], "affected"),
    **dict.fromkeys(["missing", "disappeared"], "missing"),
    **dict.fromkeys(["evacuated", "evacuating", "evacuation", "evacuate", "evacuees"],
                    "evacuated"),
    **dict.fromkeys(["launched", "launching", "fired", "firing", "fires", "dropped",
                     "dropping", "launch"], "launched"),
    **dict.fromkeys(["rescued", "rescuing", "saved"], "rescued"),
    **dict.fromkeys(["returned", "returning", "return"], "returned"),
    **dict.fromkeys(["captured", "capturing"], "captured"),
    **dict.fromkeys(["destroyed", "destroying", "damaged"], "destroyed"),
    **dict.fromkeys(["intercepted", "intercepting", "downed"], "intercepted"),
}  # fmt: skip
# Event words that may follow the counted noun ("20 civilians were killed", "44 dead"):
# participles, adjectives and intransitive verbs; "kills"/"killing" only govern an object.
AFTER_EVENT_WORDS: Final = frozenset({
    "killed", "dead", "died", "perished", "martyred", "slain", "executed", "massacred",
    "murdered", "eliminated", "lost", "fallen", "deceased", "victims", "wounded", "injured",
    "hurt", "maimed", "abducted", "kidnapped", "seized", "hostage", "displaced", "fled",
    "escaped", "flee", "arrested", "detained", "jailed", "imprisoned", "affected", "poisoned",
    "missing", "disappeared", "evacuated", "launched", "fired", "dropped", "rescued", "saved",
    "returned", "captured", "destroyed", "damaged", "intercepted", "downed", "injuries", "wounds",
})  # fmt: skip
# Of those, the ones that take an object: "bombers killed 30 people" is not about the bombers.
TRANSITIVE_EVENT_WORDS: Final = AFTER_EVENT_WORDS - frozenset({
    "dead", "died", "perished", "deceased", "victims", "fallen", "missing", "disappeared",
    "fled", "escaped", "hostage", "martyred",
})  # fmt: skip
# A head noun that is itself the event: "seven civilian deaths", "191000 lives".
HEAD_EVENTS: Final = {
    "death": "killed",
    "life": "killed",
    "fatality": "killed",
    "martyr": "killed",
    "body": "killed",  # "65 bodies of civilians were found"
    "corpse": "killed",
    "injury": "wounded",
    "hostage": "abducted",
    "detainee": "arrested",
    "evacuee": "evacuated",
}
HUMAN_CATEGORIES: Final = frozenset({
    "civilian", "child", "woman", "people", "soldier", "fighter", "police", "rescuer",
    "refugee", "family", "case", "official",
})  # fmt: skip
# What objects can take part in; every other event is read as being about people.
OBJECT_EVENTS: Final = frozenset({"launched", "destroyed", "intercepted", "captured"})
OBJECT_CATEGORIES: Final = frozenset({
    "missile", "strike", "vehicle", "aircraft", "building", "school", "hospital", "place",
    "weapon", "attack",
})  # fmt: skip
# Events whose bare count ("killed 13", "44 dead") is a count of people.
PEOPLE_EVENTS: Final = frozenset({
    "killed", "wounded", "casualties", "abducted", "displaced", "fled", "arrested", "affected", "missing",
    "evacuated", "rescued", "returned",
})  # fmt: skip
MEASURE_CATEGORIES: Final = frozenset({"distance", "weight"})  # never take part in an event

# --- phrase structure ------------------------------------------------------------------------

# Tokens that the counted noun phrase never contains: it stops at the first of them.
NP_STOPWORDS: Final = frozenset({
    "in", "on", "at", "of", "by", "from", "for", "with", "to", "into", "onto", "near", "across",
    "since", "during", "after", "before", "when", "while", "as", "including", "among", "and",
    "or", "but", "that", "who", "whom", "which", "where", "were", "was", "are", "is", "have",
    "has", "had", "been", "be", "being", "will", "would", "could", "should", "may", "might",
    "can", "said", "says", "say", "told", "according", "a", "an", "the", "this", "these",
    "those", "his", "her", "their", "its", "our", "my", "your", "them", "they", "he", "she",
    "it", "we", "i", "you", "mostly", "mainly", "most", "many", "some", "all", "both", "each",
    "every", "no", "not", "also", "reportedly", "allegedly", "so", "far", "now", "still",
    "alone", "only", "about", "around", "over", "under", "between", "than", "more", "others",
    "other", "today", "yesterday", "tonight", "overnight", "early", "late", "earlier", "later",
    "ago", "last", "next", "per", "via", "against", "within", "without", "outside", "inside",
    "up", "down", "out", "off", "away", "if", "because", "despite", "amid", "through",
    "toward", "towards", "along", "behind", "beyond", "whose", "what", "there",
    "here", "then", "just", "nearly", "almost", "least", "ever", "once", "again", "too",
    "very", *WEEKDAY_WORDS,
})  # fmt: skip
# Words allowed between a counted noun and its trailing event word: "20 civilians were
# reportedly killed", "40 people have been confirmed dead", "were among the dead".
AUX_BETWEEN: Final = frozenset({
    "was", "were", "is", "are", "have", "has", "had", "been", "be", "being", "got", "get",
    "reportedly", "also", "all", "later", "confirmed", "reported", "believed", "feared",
    "thought", "said", "already", "now", "still", "subsequently", "allegedly", "initially",
    "so", "far", "among", "the", "to", "taken", "shot", "left", "found", "either", "both",
    "others", "more", "other", "of", "them", "total", "just",
    "their", "they", "who", "that", "which", ",", "too", "each", "apparently", "likely",
    "may", "might", "could", "would", "will", "not", "yet", "then", "as", "well", "went",
    "those", "forced", "gone", "go", "remain", "remained", "remains", "sustained", "suffered",
    "suffering", *WEEKDAY_WORDS,
})  # fmt: skip
# Words that open an aside the event search may skip: "15 civilians including four
# children were killed", "four people one of them a child were killed".
ASIDE_OPENERS: Final = frozenset({"including", "mostly", "mainly", "most", "one", "among"})
# A place phrase may sit between a count and its verb: "20 people in Kilis have been killed".
PLACE_PREPOSITIONS: Final = frozenset({"in", "at", "near", "from", "inside", "across"})
# Words that end a clause: an event beyond them belongs to another statement.
CLAUSE_BREAKS: Final = frozenset({
    ";", ":", "(", ")", "while", "whereas", "but", "said", "says", "told",
    "when", "after", "before", "although", "though", "because", "since", "until", "whilst",
    ".", "?", "!", "[", "]",
})  # fmt: skip
# Tokens that may sit between two coordinated counts which share one event:
# "Two women and two soldiers were killed", "Six children were among 19 civilians killed".
FORWARD_LINKS: Final = frozenset(
    {"and", ",", "were", "was", "are", "is", "among", "&", "plus", *WEEKDAY_WORDS}
)
# ... and between a count and a later subset or continuation that inherits its event:
# "82 people among them 18 children", "30 jihadists ... and another five".
BACKWARD_LINKS: Final = frozenset({
    "including", "among", "them", "whom", "of", "and", "another", ",", "plus", "as", "well",
    "mostly", "most", "also", "along", "with", "to", *WEEKDAY_WORDS,
})  # fmt: skip
# With one of these in between, an elliptic count also takes the earlier counted noun:
# "30 jihadists were killed ... and another five", "31 civilians including 10".
ELLIPSIS_LINKS: Final = frozenset({"another", "including"})
# Links explicit enough to carry the event over the earlier count's own verb:
# "11 people were killed including two children", "... had been killed as well as 41 civilians".
STRONG_LINKS: Final = frozenset({
    "including", "another", "among", "well", "plus", "besides", "along",
})  # fmt: skip
# What a transitive event word is followed by when it governs an object ("bombers killed the").
OBJECT_STARTS: Final = frozenset({"the", "a", "an", "his", "her", "their", "its", "them", "him"})
PARTITIVE_PRONOUNS: Final = frozenset({"them", "whom", "those", "these", "us", "which"})
DETERMINERS: Final = frozenset({"the", "its", "their", "his", "her", "our", "these", "those"})
# "Those killed in the two attacks include 14 children": the verb that makes a count a member
# of a group named before it by its event.
INCLUDE_VERBS: Final = frozenset({"include", "includes", "included"})
# Who holds the area a sentence's event struck ("rebel-held east Aleppo", "regime-controlled
# Ramusa"): a city split between sides has its strikes on each side, two incidents. A town
# "besieged" by one side is held by the other ("rebel-besieged Foua").
HOLDERS: Final = {
    "opposition": r"rebels?|opposition|insurgents?|jihadists?|islamists?|militants?|terrorists?"
    r"|is|isis|isil|daesh|nusra",
    "government": r"government|regime|army|loyalists?|pro-government|pro-regime",
    "kurds": r"kurdish|kurds|ypg|sdf",
}
HELD_SUFFIX: Final = r"held|controlled|dominated|run"
BESIEGED_BY_OTHER: Final = {"opposition": "government", "government": "opposition"}
# "a rescue service operating in rebel-held territory": where a source works, not the event.
SOURCE_SITE_BEFORE: Final = r"(?:operating|based|working|works|operates)\s+in\s+$"
# Attacks told as a habit, not as the incident: "is regularly targeted in ... air strikes".
HABITUAL: Final = r"\b(?:regularly|routinely|frequently|often|a regular target)\b"
# "five of the dead were children", "14 of them are fighters": who the part are follows.
PART_COPULAS: Final = frozenset({"were", "was", "are", "is", "being", "mostly", "all"})

# --- traps -----------------------------------------------------------------------------------

# A figure right after one of these is a label, not a count: "Resolution 2254".
ID_WORDS: Final = frozenset({
    "resolution", "resolutions", "committee", "code", "no", "number", "article", "chapter",
    "route", "highway", "flight", "page", "section", "paragraph", "item", "version", "model",
    "gate", "room", "channel", "brigade", "division", "battalion", "regiment", "squadron",
    "unit", "url", "id", "tel", "phone", "fax", "box", "road", "street", "protocol", "decree",
    "law", "act", "convention", "clause", "annex", "vol", "volume", "edition", "episode",
})  # fmt: skip
AGE_WORDS: Final = frozenset({"aged", "age", "ages"})
# A year-shaped figure after these is a year ("in 2014", "since 2011"), whatever follows.
YEAR_CONTEXT: Final = frozenset({
    "in", "since", "of", "until", "till", "by", "from", "during", "before", "after", "early",
    "late", "mid", "summer", "winter", "spring", "autumn", "fall", "year", "the",
    "and", "between", "through", "throughout", "circa", "around", "about", "this", "last",
    "next", "ending", "end", "beginning", "start", "inaugurated", "updated", "on",
})  # fmt: skip
YEAR_RANGE: Final = (1900, 2099)  # four-digit figures read as a year unless clearly a count
TIME_SUFFIXES: Final = frozenset({"am", "pm", "gmt", "utc", "hrs", "hr", "h", "cet", "est"})
PERCENT_WORDS: Final = frozenset({"percent", "per", "pc", "%"})
CURRENCY_SIGNS: Final = frozenset("$€£¥")
CURRENCY_WORDS: Final = frozenset({
    "dollar", "dollars", "euro", "euros", "pound", "pounds", "lira", "liras", "usd", "riyal",
    "riyals", "sterling", "yuan", "rubles", "roubles", "ruble", "eur", "gbp",
})  # fmt: skip
# Suffixes fused to a figure that still make it a count ("30km"); any other suffix
# ("2nd", "$134M", "F16") makes it an ordinal, an amount or a code.
FUSED_UNITS: Final = frozenset({"km", "kms", "mi"})
# A figure a toll is said it may reach is a projection, not a figure of the event ("the death
# toll could reach as many as 200", "is expected to rise to 50"; GUIDELINES: dev fk-132).
PROJECTION_VERBS: Final = frozenset({"reach", "rise", "climb", "hit", "exceed", "top", "surpass"})
PROJECTION_MODALS: Final = frozenset({
    "could", "may", "might", "would", "will", "expected", "likely", "feared", "set",
})  # fmt: skip
PROJECTION_REACH: Final = 3  # "could [well] reach", "is expected to rise to": modal to verb

# --- places ----------------------------------------------------------------------------------

# Capitalised words after "in/on/of" that are not places: days, months, parties, sources.
NOT_PLACES: Final = frozenset({
    *WEEKDAYS, *MONTHS,
    "syrian", "syria", "the", "a", "an", "islamic", "is", "isis", "isil", "daesh", "russian",
    "turkish", "kurdish", "us-led", "us", "u.s.", "american", "british", "french", "iranian",
    "human", "doctors", "white", "civil", "state", "president", "foreign", "defense",
    "defence", "ramadan", "eid", "he", "she", "they", "it", "local", "government", "regime",
    "jabhat", "observatory", "un", "united", "amnesty", "reuters", "afp", "sana", "unicef",
    "anadolu", "rights", "agency", "ministry", "council", "coalition", "army", "forces",
    "media", "news", "syrias", "britain", "london",
})  # fmt: skip
# Country-level names say nothing about which incident a sentence means.
GENERIC_PLACES: Final = frozenset(
    {"syria", "syrian", "the country", "middle east", "northern syria", "eastern syria"}
)

# --- parties to the conflict -----------------------------------------------------------------

# Parties to the Syrian war and the words outlets use for them; a sentence's actors
# are the parties it names. Chosen from the wording of FA-KES and the seeds.
PARTY_CUES: Final[dict[str, tuple[str, ...]]] = {
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
        "syrian and russian",
        "syrian or russian",
        "russian and syrian",
        "russian or syrian",
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

# Which side of the front line each party fights on: counts of attacks by parties of two
# sides (Russian jets on east Aleppo, rebel fire on west Aleppo) are of two attacks.
PARTY_SIDES: Final[dict[str, str]] = {
    "syrian government": "government",
    "russia": "government",
    "rebels": "opposition",
    "nusra": "opposition",
    "islamic state": "islamic state",
    "us-led coalition": "coalition",
    "kurdish forces": "kurdish forces",
    "turkey": "turkey",
    "israel": "israel",
}

# A capital followed by one of these verbs is its government acting ("Damascus lost 40
# troops", "Damascus has denied"), not a place (claims/places.py).
CAPITALS: Final = frozenset({"damascus"})
GOVERNMENT_ACTS_RE: Final = (
    r"\s+(?:has |have |had )?(?:lost|said|says|denied|denies|accused|accuses|blamed|blames"
    r"|claimed|claims|warned|warns|rejected|rejects|insisted|insists|announced|announces)\b"
)

# Broadcasters and papers named after a town ("TV channel Al-Mayadin", "Al Mayadeen TV").
MEDIUM_BEFORE_RE: Final = r"\b(?:channel|tv|television|broadcaster|newspaper|daily)\s+$"
MEDIUM_AFTER_RE: Final = r"\s+(?:tv|television|channel|news|newspaper)\b"

# Words that stretch a sentence's count over more than one day ("over the weekend", "in
# three days", "two days of bombardment", "Saturday and Sunday"): a toll of several days is
# no rival of one day's.
SEVERAL_DAYS: Final = (
    r"\b(?:over|in|during|across) the (?:weekend|past (?:few|two|three|several) days)\b"
    r"|\b(?:in|over|within) (?:two|three|four|five|six|several|\d+) days\b"
    r"|\b(?:two|three|four|five|six|several|\d+) days of\b"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days? and (?:mon|tues|wednes|thurs|fri|satur|sun)day\b"
)

# Outlets place one attack by its town or by its province ("a gas attack in Idlib province"),
# so a governorate alone is no wider scope; words that sum a province's or the country's
# attacks are ("strikes across rebel-held Idlib province", "towns across the country").
# A sum over the whole country, which any named place is a part of.
COUNTRY_WIDE: Final = r"\bacross (?:the (?:[\w-]+ )?country|syria)\b|\bnationwide\b"
SUMMED_PLACES: Final = (
    r"\b(?:across|throughout|all over) (?:the )?(?:rebel-held |regime-held |opposition-held "
    r"|government-held |northern |southern |eastern |western )?\w+|\bin and around\b"
    r"|\bnationwide\b|\bstrikes (?:on|in) (?:the )?\w+ province\b"
)

# --- means of attack --------------------------------------------------------------------------

# Gas as a weapon, not the fuel: "an oil and gas field", "a gas station", "gas cylinders".
_POISON_GAS: Final = (
    r"(?<!natural )(?<!oil and )gas"
    r"(?![- ](?:fields?|stations?|plants?|facilit\w+|pipelines?|wells?|cylinders?))"
)

# How an attack was carried out, as outlets word it: two reports of one incident name
# compatible means (an air strike is not a car bomb). Patterns are matched on word starts.
ATTACK_MEANS: Final[dict[str, tuple[str, ...]]] = {
    "air": (
        "air ?strikes?", "air raids?", "airstrikes?", "warplanes?", "war planes?", "jets?",
        "aircraft", "helicopters?", "barrel[- ]bombs?", "air force", "aerial", "bombing raids?",
        "raids?", "sorties", "drones?",
    ),
    "shelling": (
        "shell(?:s|ing|ed)?", "mortars?", "rockets?", "artillery", "katyushas?", "projectiles?",
        "grad", "cannon", "hell cannon",
    ),
    "bombing": (
        "car[- ]bombs?", "suicide", "explosions?", "blasts?", "explosives?", "bomb attacks?",
        "bombers?", "ieds?", "booby", "bomb (?:exploded|went off|blast)", "detonat\\w*",
        "twin bomb\\w*", "truck bomb", "(?:booby-)?trapped",
    ),
    "chemical": ("chemical", _POISON_GAS, "sarin", "chlorine", "toxic", "nerve agent"),
    "ground": (
        "clashes", "fighting", "battles?", "offensive", "ambush(?:ed)?", "assault",
        "counter-?attacks?", "sniper", "gunmen", "gunfire",
    ),
    "execution": ("executed", "executions?", "beheaded", "beheading"),
}  # fmt: skip
# The incident a count belongs to: people killed or hurt, strikes launched and buildings
# destroyed are one attack; abductions, arrests, displacement are incidents of their own kind.
INCIDENT_EVENTS: Final = {
    **dict.fromkeys(
        ["killed", "wounded", "casualties", "affected", "missing", "launched", "destroyed", "intercepted",
         "rescued"], "attack",
    ),
}  # fmt: skip
# "19 killed and injured", "killed or wounded 40": one count of the dead and the hurt together.
JOINT_EVENTS: Final = frozenset({"killed", "wounded"})
JOINT_EVENT: Final = "casualties"
# Chemical agents come by air or by shell: they go with either.
MEANS_GO_WITH_ANY: Final = frozenset({"chemical"})

# Capitals name a government that speaks ("Damascus denied") but are also places attacked
# ("rocket attack shakes Damascus"): they never make a party the attacker.
NOT_PERPETRATOR_CUES: Final = frozenset({"damascus", "moscow", "washington", "ankara"})

# --- blame and its denial (claims/blame.py) ------------------------------------------------

# A stance told as a habit is background, not a denial of the incident it is told beside:
# "has repeatedly denied using chemical weapons", "denied previous accusations".
HABITUAL_STANCE: Final = (
    r"\b(?:has|have|had)\s+(?:always|long|repeatedly|consistently|persistently|routinely)\b"
    r"|\bpreviously\b|\bin the past\b|\bprevious (?:accusations|allegations|claims|charges)\b"
    r"|\bduring the (?:[\w]+[- ])*(?:war|conflict)\b"
)
# Words that name a party only as the one who denies: "Syria denies the charges", "the army
# denied any involvement".
DENIER_CUES: Final[dict[str, tuple[str, ...]]] = {
    "syrian government": ("syria", "the army", "the government", "syrian authorities"),
}
# Words between a party and its denial: "Russia has categorically denied", "the Russian
# Defence Ministry has denied", "Russian planes had not carried out".
DENIER_GAP_WORDS: Final = (
    "the", "its", "s", "defen[cs]e", "foreign", "ministry", "military", "government", "army",
    "air forces?", "officials?", "spokes(?:man|woman|person)", "sources?", "president",
    "forces", "planes", "jets", "warplanes", "aircraft", "has", "have", "had", "also",
    "categorically", "strongly", "swiftly", "flatly", "firmly", "immediately", "officially",
    "quickly", "again", r"on \w+day",
)  # fmt: skip
# What a denial must name to deny an attack ("denied any involvement", "denied carrying out
# raids", "denies the use of chemical weapons"); "denied the army had used any such weapons"
# names nothing it could be checked against.
DENIED_WHAT: Final = (
    r"\b(?:involve\w*|responsib\w*|behind|carr(?:y|ied|ying) out|(?:air ?)?strikes?|raids?"
    r"|bomb\w*|attack\w*|shell\w*|struck|hit|target\w*|chemical|gas|chlorine|sarin|jets?"
    r"|warplanes?|aircraft|planes?)\b"
)
# How far after a denial's verb what it denies is named.
DENIED_WHAT_WINDOW: Final = 80
# A party said not to attack: "had not carried out air strikes", "did not carry out strikes",
# "halted airstrikes".
NOT_CARRIED_OUT: Final = (
    r"(?:(?:has|have|had|did|does|do|were|was)\s+not\s+(?:carr(?:y|ied)|conduct(?:ed)?"
    r"|launch(?:ed)?|bomb(?:ed)?|str(?:ike|uck)|target(?:ed)?|use[ds]?|been involved)"
    r"|halted|suspended|stopped)\b"
)
# Words that hedge whom a sentence blames: "suspected Russian jets", "most likely carried out
# by", "believed to be by Syrian government jets", "US officials believe".
BLAME_HEDGES: Final = (
    r"\b(?:suspected|likely|believed?|believes|possibly|probably|presumably|apparently"
    r"|allegedly|alleged|presumed|thought to|either)\b"
)
# What an attack hit, as outlets name it: claims about a hospital and about a convoy are about
# two attacks, whoever they blame.
ATTACK_TARGETS: Final[dict[str, tuple[str, ...]]] = {
    "hospital": ("hospitals?", "clinics?", "medical (?:cent(?:er|re)|facility|point)s?"),
    "school": ("schools?", "kindergartens?"),
    "market": ("markets?", "marketplaces?", "market ?places?", "souks?"),
    "mosque": ("mosques?",),
    "bakery": ("bakery", "bakeries"),
    "convoy": ("convoys?", "aid trucks?"),
    "camp": ("camps?",),
    "bus": ("bus", "buses"),
}  # fmt: skip

# --- attribution -----------------------------------------------------------------------------

# Bodies whose figures outlets relay, by the names outlets give them: two figures from one of
# them a day apart are its count rising, from two of them rival estimates.
FIGURE_SOURCES: Final = {
    "observatory": ("observatory", "sohr", "monitoring group", "monitor", "abdel rahman",
                    "abdul rahman", "abdul-rahman"),
    "civil defence": ("civil defence", "civil defense", "white helmets", "rescue workers"),
    "state media": ("sana", "state media", "state television", "state tv", "state news",
                    "official news agency", "state-run", "syrian television"),
    "united nations": ("united nations", "unicef", "world health organization", "ocha",
                       "the un"),
    "amaq": ("amaq", "aamaq"),
    "russian military": ("russian defence ministry", "russian defense ministry",
                         "russian center", "russian centre", "hmeimim"),
    "turkish military": ("turkish general staff", "turkish military", "turkish armed forces"),
    "coalition": ("pentagon", "centcom", "coalition said", "coalition spokesman"),
}  # fmt: skip
# Words that relay someone else's claim: "X said 44 …", "according to", "reportedly".
ATTRIBUTION_WORDS: Final = (
    "said", "says", "told", "according to", "reportedly", "claimed", "quoted", "cited",
)  # fmt: skip
# Verbs right after a name that make it the sentence's speaker ("Rami Abdel Rahman said").
SPEAKER_VERBS: Final = (
    "said",
    "says",
    "told",
    "reported",
    "announced",
    "claimed",
    "stated",
    "added",
)
# Capitalised words that end a name of a body or a place, not of a person ("Anadolu Agency").
NOT_PERSON_WORDS: Final = frozenset({
    "agency", "ministry", "observatory", "rights", "army", "forces", "state", "news", "media",
    "council", "coalition", "committees", "defence", "defense", "helmets", "nations", "command",
    "syria", "turkey", "russia", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "front", "group", "office", "television", "tv",
})  # fmt: skip
# Phrases right before a name that make it the speaker ("according to the Observatory").
SPEAKER_PREPOSITIONS: Final = ("according to", "quoted", "citing", "cited")

# --- wording ---------------------------------------------------------------------------------

# Words left out when two sentences' shared wording is measured (nlp/paraphrase.word_overlap).
WORDING_STOPWORDS: Final = frozenset({
    "the", "a", "an", "of", "to", "in", "and", "or", "for", "on", "at", "by", "with", "from",
    "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "said",
    "says", "he", "she", "they", "his", "her", "their", "has", "have", "had", "will", "would",
})  # fmt: skip

# How reasons word a hedge before a figure ("at least 20 children abducted").
HEDGE_WORDS: Final[dict[Hedge, str]] = {
    "exact": "",
    "at_least": "at least ",
    "more_than": "more than ",
    "at_most": "up to ",
    "less_than": "fewer than ",
    "about": "about ",
    "nearly": "nearly ",
    "between": "",
    "vague": "",
}
# Counted nouns that already name the event ("seven deaths", not "seven deaths killed").
EVENT_NOUNS: Final = frozenset(
    {"death", "fatality", "casualty", "victim", "injury", "case", "dead", "body"}
)
# Plurals that no suffix rule gives, for reasons that name what was counted.
IRREGULAR_PLURALS: Final = {
    "child": "children",
    "person": "people",
    "woman": "women",
    "man": "men",
    "militiaman": "militiamen",
    "people": "people",
}
