"""Chrome vs prose on the real seed pages: what must go and what must stay."""

from __future__ import annotations

import pytest

from checker.ingest import load_articles
from checker.text.boilerplate import chrome_rule, content_spans, title_span
from checker.text.sentences import split_sentences


@pytest.fixture(scope="module")
def seed_articles(seeds_dir):
    return {article.id[:3]: article for article in load_articles([seeds_dir]).articles}


def kept_lines(text: str) -> set[str]:
    """Kept lines with no-break spaces read as spaces, as the tables below write them."""
    return {text[start:end].replace("\u00a0", " ") for start, end in content_spans(text)}


# (seed, a line of page chrome exactly as it stands on the page)
CHROME_LINES = [
    ("000", "FeaturedLatest developmentsMiddle EastOthersWorld News"),
    ("000", "Syrian troops will ‘go all the way’ in militant-held Idlib: FM"),
    ("000", "‘Syrian kids abducted to be used in fake chemical attack’"),
    ("000", "Related Articles"),
    ("000", "Leave a Reply"),
    ("000", "Back to top button"),
    ("001", "Syrian FM says regime will try to avoid civilian deaths in Idlib"),
    ("001", "Adjust Comment Print"),
    ("001", "More news: 99.3% Of Demonetised Currency Back In System: RBI Report"),
    ("001", "More news: Aaron Rodgers, Packers Agree To Four-Year, $134M Deal"),
    ("002", "- Advertisement -"),
    ("002", "Subscribe to our newsletter"),
    (
        "002",
        "Sign up here to get the latest news, updates and special offers delivered directly "
        "to your inbox.",
    ),
    ("003", "Register"),
    ("003", "12:01 GMT +310 September 2018"),
    ("003", "Listen Live"),
    (
        "003",
        "Smoke raises in the Syrian village of Kafr Ain in the southern countryside of Idlib "
        "province after an airstrike on September 7, 2018",
    ),
    ("003", "© AFP 2018 / Anas AL-DYAB"),
    ("003", "Get short URL"),
    ("003", "0 51"),
    ("003", "Chairman of the US Joint Chiefs of Staff Gen. Joseph Dunford"),
    ("003", "READ MORE: Professor Estimates US Reaction to Possible Syrian Offensive in Idlib"),
    ("003", "Chemical Weapons in Syria"),
    ("003", "Related:"),
    ("003", "Tags:"),
    ("003", "military operation, Oleg Syromolotov, Bashar al-Assad, Idlib, Syria, Russia"),
    ("003", "Comment via FacebookComment via Sputnik"),
    ("003", "Log inPrivacy Policy"),
    (
        "003",
        "Your account has been deleted! You can restore your account within 30 days by "
        "following the link sent to the e-mail address you entered during registration.",
    ),
    (
        "003",
        "Please review our Privacy Policy. It contains details about the types of data we "
        "collect, how we use it, and your data protection rights.",
    ),
    ("003", "• contains links to viruses and malicious software;"),
    ("003", "AcceptRefuse"),
    ("004", "QR codeQR code"),
    ("004", "خبرگزاری Herat Afghan Voice Agency(AVA) , 28 Jan 2020 - 0:22"),
    ("004", "Operations to continue until all Syrian territories liberated"),
    ("004", "Story Code: 202066"),
    ("004", "News Link :"),
]

# (seed, the start of a prose paragraph that must be kept whole)
PROSE_LINES = [
    ("000", "Elsewhere in his remarks, the Syrian minister said that the so-called White Helmets"),
    ("000", "Foreign-backed Takfiri terrorists have reportedly abducted at least 20 children"),
    ("000", "Syria surrendered its stockpile of chemical weapons in 2014"),
    ("000", "Western governments and their allies have never stopped pointing the finger"),
    ("001", "More than 350,000 people have been killed and millions displaced"),
    ("001", "De Mistura floated two options: one to not accelerate military escalation"),
    ("002", "Russia has had facts of this and they were handed over to the UN"),
    ("002", "The Russian foreign minister stressed that Moscow is ready"),
    ("003", "MOSCOW (Sputnik) - A gang of terrorists has taken advantage"),
    ("003", "He noted that the Syrian mission to the UN had officially informed"),
    ("003", "Turkish President Rejep Tayyip Erdogan earlier claimed"),
    ("004", "This is while Syria surrendered its stockpile of chemical weapons in 2014"),
    ("004", "Back in April 2017, a suspected sarin gas attack hit the Syrian town"),
    ("004", "Now, almost all terrorist groups, including Daesh, have been defeated"),
]


@pytest.mark.parametrize(("seed", "line"), CHROME_LINES)
def test_chrome_line_is_dropped(seed_articles, seed, line):
    text = seed_articles[seed].text
    assert line.strip() in text.replace("\u00a0", " "), "the table must quote the page"

    assert line.strip() not in kept_lines(text)


@pytest.mark.parametrize(("seed", "opening"), PROSE_LINES)
def test_prose_paragraph_is_kept_whole(seed_articles, seed, opening):
    kept = kept_lines(seed_articles[seed].text)

    assert any(line.startswith(opening) for line in kept)


FORBIDDEN_IN_SENTENCES = [
    "Leave a Reply",
    "More news",
    "Related Articles",
    "Privacy Policy",
    "Subscribe",
    "Comment",
    "Advertisement",
    "READ MORE",
    "Tags:",
]


def test_no_seed_sentence_comes_from_chrome(seed_articles):
    for article in seed_articles.values():
        for sentence in split_sentences(article):
            for phrase in FORBIDDEN_IN_SENTENCES:
                assert phrase not in sentence.text, (article.id, sentence.text)


def test_spans_are_sorted_stripped_and_inside_the_text(seed_articles):
    for article in seed_articles.values():
        spans = content_spans(article.text)
        assert spans == sorted(spans)
        for start, end in spans:
            piece = article.text[start:end]
            assert piece == piece.strip() and "\n" not in piece


def test_a_one_line_text_is_all_content_even_without_a_full_stop():
    text = (
        "Published July 19 2016 Airstrikes on Daesh-held villages in northern Syria killed at "
        "least 85 civilians on Tuesday as intense fighting was under way"
    )

    assert content_spans(text) == [(0, len(text))]
    assert title_span(text) is None


def test_the_headline_is_found_after_nav_and_caption_lines(seed_articles):
    text = seed_articles["003"].text
    start, end = title_span(text)

    assert text[start:end] == (
        "Russia Says Has to React to Aggression as Terrorists Entrench Positions in Idlib"
    )


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("READ MORE: France Vows to Respond in Case of Chemical Attack in Idlib", "chrome_phrase"),
        ("Agencies contributed to this report", "chrome_phrase"),
        ("© AFP 2018 / Kevin Wolf", "credit"),
        ("12:01 GMT +310 September 2018", "timestamp"),
        ("Community standardsDiscussion", "tail_marker"),
        ("• violates privacy, distributes personal data of third parties;", "rule_item"),
        ("Ten civilians were killed in air strikes on Aleppo, a monitor said.", None),
        ("Share prices fell sharply in Damascus after the attack on the central bank.", None),
    ],
)
def test_chrome_rule_names_the_rule(line, rule):
    assert chrome_rule(line) == rule
