"""Datelines: the publication date an article prints for itself wins over its metadata.

Openings are real FA-KES and seed texts (FA-KES: CC BY, Salem et al. 2019)."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.ingest import load_articles
from checker.ingest.datelines import find_dateline

D = dt.date


@pytest.mark.parametrize(
    ("opening", "date", "words"),
    [
        ("Sunday 14 Aug 2016 Warplanes pound Syrias Idlib as battles rage", D(2016, 8, 14), "14 Aug 2016"),
        ("43 killed in Syria army shelling of rebel town Monitor AFP Sunday 3 Jul 2016 Fierce government", D(2016, 7, 3), "3 Jul 2016"),
        ("Wed Jun 29 2016 URGENT 19 Killed and Injured in Tell Abyad", D(2016, 6, 29), "Jun 29 2016"),
        ("Date of publication 1 September 2016 At least 25 civilians have been killed", D(2016, 9, 1), "1 September 2016"),
        ("Posted on July 20 2016 by Asharq Al-Awsat Dozens Killed in International Coalition", D(2016, 7, 20), "July 20 2016"),
        ("Published October 26 2016 A leading international rights group says", D(2016, 10, 26), "October 26 2016"),
        ("Last updated at Apr 052017 KHAN SHEIKHUN Syria A suspected chemical attack", D(2017, 4, 5), "Apr 052017"),
        ("23-04-2016 Child killed 9 Civilians Injured in Terrorist Attacks in Damascus", D(2016, 4, 23), "23-04-2016"),
        ("08.04.2017(updated 1456 08.04.2017) Get short URL 9427 At least 10 civilians", D(2017, 4, 8), "08.04.2017"),
        ("Ten civilians some of them children killed in airstrike by US-led coalition in Raqqa 21 November 2016 SANA Aircrafts", D(2016, 11, 21), "21 November 2016"),
        ("Herat Afghan Voice Agency(AVA) , 28 Jan 2020 - 0:22 The Syrian army says", D(2020, 1, 28), "28 Jan 2020"),
    ],
)  # fmt: skip
def test_the_dateline_is_read_from_the_opening(opening, date, words):
    found = find_dateline(opening)
    assert found is not None and (found.date, found.text) == (date, words)


@pytest.mark.parametrize(
    "opening",
    [
        # An event's date, after a preposition: not the article's.
        "1. Ghouta: On August 21 2013 the Assad regime fired rockets filled with Sarin gas",
        "Smoke raises in the village of Kafr Ain after an airstrike on September 7, 2018",
        # A clock glued to the day ("GMT +3" + "10 September 2018") is no clean date.
        "Register 12:01 GMT +310 September 2018 Listen Live",
        "Air raids kill 31 jihadists in Syrias Raqa NGO At least 31 Islamic State militants",
        "31 February 2016 is no date at all",
    ],
)
def test_no_dateline_where_the_opening_prints_none(opening):
    assert find_dateline(opening) is None


def test_a_date_far_into_the_text_is_not_a_dateline():
    assert find_dateline("Fighting raged. " * 30 + "Sunday 14 Aug 2016 more fighting.") is None


def test_the_dateline_wins_over_the_table_date_and_both_are_kept(tmp_path):
    table = tmp_path / "news.csv"
    table.write_text(
        "id,outlet,date,text\n"
        "1,dailysabah,10/5/2016,Published October 26 2016 A leading rights group says mines killed 20 people.\n"
        "2,ahram,4/27/2017,Air strikes on two hospitals in rebel-held northwestern Syria killed 10 people.\n",
        encoding="utf-8",
    )
    by_id = {article.id: article for article in load_articles([table]).articles}
    dated = by_id["1"]
    assert (dated.date, dated.date_source, dated.dateline) == (
        D(2016, 10, 26),
        "text",
        "October 26 2016",
    )
    assert dated.metadata_date == D(2016, 10, 5)
    undated = by_id["2"]
    assert (undated.date, undated.date_source, undated.dateline) == (D(2017, 4, 27), "metadata", "")


def test_nearly_every_fa_kes_article_prints_its_dateline(fakes_articles):
    """FA-KES rows carry their own dateline (measured: 770 of 787 loaded articles); where one
    is read, the CSV date is kept beside it."""
    articles = fakes_articles.articles
    from_text = [article for article in articles if article.date_source == "text"]
    assert len(from_text) / len(articles) >= 0.95
    assert all(article.metadata_date is not None for article in from_text)
    overruled = [a for a in from_text if a.date != a.metadata_date]
    assert len(overruled) > 100  # the CSV dates this corrects (GUIDELINES.md §2)
