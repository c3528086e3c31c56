"""Corpus loading: the bundled seeds, FA-KES, every input format, and every bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from checker.errors import InputError, UsageError
from checker.ingest import FieldMap, load_articles, parse_date
from checker.ingest.positions import file_position

SEED_IDS = {
    "000_40c429d6fe785e39": ("seed-000", None),
    "001_2de9e591a6f84857": ("seed-001", None),
    "002_6c2a4b08efaca715": ("seed-002", None),
    "003_8f4123800503ebd0": ("sputnik", dt.date(2018, 9, 10)),
    "004_4b1efb5f261e1fdc": ("ava", dt.date(2020, 1, 28)),
}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- the bundled seed corpus -----------------------------------------------------------


def test_seed_folder_loads_five_articles_with_header_metadata(seeds_dir):
    result = load_articles([seeds_dir])

    assert result.warnings == []
    assert {article.id: (article.outlet, article.date) for article in result.articles} == SEED_IDS
    assert [(a.outlet, a.id) for a in result.articles] == sorted(
        (a.outlet, a.id) for a in result.articles
    )


def test_seed_text_starts_after_the_header_and_maps_back_to_the_file(seeds_dir):
    for article in load_articles([seeds_dir]).articles:
        lines = Path(article.source).read_text(encoding="utf-8").splitlines(keepends=True)
        assert article.text == "".join(lines[article.first_line - 1 :])
        assert lines[article.first_line - 2].strip() == "---"


SENTENCE = "Ten people were killed in Douma on Monday."


@pytest.mark.parametrize(
    ("name", "content", "line", "column"),
    [
        ("header.txt", f"---\noutlet: sana\n---\nTitle\n\nRescuers came. {SENTENCE}\n", 6, 16),
        ("windows.md", f"# Title\r\n\r\nRescuers came. {SENTENCE}\r\n", 3, 16),
        # an editor starts a new line at a lone "\r"; checker counts "\n": no column
        ("old-mac.txt", f"Title\n\nRescuers came.\r{SENTENCE}\n", 3, None),
        # a row's text is a quoted field or an escaped string: its columns are not the file's
        ("rows.csv", f'outlet,text\nsana,"Rescuers came. {SENTENCE}"\n', 2, None),
        ("rows.jsonl", json.dumps({"outlet": "sana", "text": f"Came. {SENTENCE}"}) + "\n", 1, None),
    ],
)
def test_file_position_gives_a_column_only_where_the_text_is_the_files(
    tmp_path, name, content, line, column
):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    (article,) = load_articles([path]).articles
    assert file_position(article, article.text.index(SENTENCE)) == (line, column)
    if column is not None:  # the column cuts the sentence out of that line of the file
        file_line = path.read_bytes().decode("utf-8").split("\n")[line - 1]
        assert file_line[column - 1 : column - 1 + len(SENTENCE)] == SENTENCE


@pytest.mark.parametrize(
    ("seed_id", "title"),
    [
        ("000_40c429d6fe785e39", "Syrian troops will ‘go all the way’ in militant-held Idlib: FM"),
        (
            "001_2de9e591a6f84857",
            "Syrian FM says regime will try to avoid civilian deaths in Idlib",
        ),
        ("002_6c2a4b08efaca715", "Syria has the right to DESTROY terrorists in Idlib – Lavrov"),
        (
            "003_8f4123800503ebd0",
            "Russia Says Has to React to Aggression as Terrorists Entrench Positions in Idlib",
        ),
        (
            "004_4b1efb5f261e1fdc",
            "Terror groups plan false-flag chemical attacks in Idlib, Aleppo: Syrian military",
        ),
    ],
)
def test_seed_headline_is_detected_past_menus_and_captions(seeds_dir, seed_id, title):
    articles = {article.id: article for article in load_articles([seeds_dir]).articles}

    assert articles[seed_id].title == title


def test_checksum_is_stable_and_follows_the_text(seeds_dir, tmp_path):
    first = load_articles([seeds_dir]).articles
    second = load_articles([seeds_dir]).articles
    assert [a.checksum for a in first] == [a.checksum for a in second]
    assert all(len(a.checksum) == 40 for a in first)

    copy = write(tmp_path / "ava" / "004_4b1efb5f261e1fdc.txt", first[0].text + "\nMore.")
    changed = load_articles([copy], outlet="ava").articles[0]
    assert changed.checksum != first[0].checksum


def test_raw_seed_pages_without_header_take_the_folder_as_outlet(shared_data):
    result = load_articles([shared_data / "seeds"])

    assert {article.outlet for article in result.articles} == {"seeds"}
    assert all(article.first_line == 1 for article in result.articles)


# --- outlet and metadata precedence ----------------------------------------------------


def test_outlet_argument_beats_header_beats_sidecar_beats_folder(tmp_path):
    body = "Ten civilians were killed in Aleppo on Friday, a monitor said.\n"
    headed = write(tmp_path / "folder" / "a.txt", "---\noutlet: header-outlet\n---\n" + body)
    write(tmp_path / "folder" / "a.meta.json", json.dumps({"outlet": "sidecar-outlet"}))
    sidecar_only = write(tmp_path / "folder" / "b.txt", body)
    write(tmp_path / "folder" / "b.txt.meta.json", json.dumps({"outlet": "sidecar-outlet"}))
    bare = write(tmp_path / "folder" / "c.txt", body)

    assert load_articles([headed], outlet="given").articles[0].outlet == "given"
    assert load_articles([headed]).articles[0].outlet == "header-outlet"
    assert load_articles([sidecar_only]).articles[0].outlet == "sidecar-outlet"
    assert load_articles([bare]).articles[0].outlet == "folder"


def test_sidecar_supplies_date_title_url_and_id(tmp_path):
    page = write(tmp_path / "x" / "story.md", "At least 20 children were abducted, it said.\n")
    write(
        tmp_path / "x" / "story.meta.json",
        json.dumps(
            {
                "outlet": "ava",
                "date": "28 Jan 2020",
                "title": "Children abducted",
                "url": "https://example.org/story",
                "id": 17,
            }
        ),
    )

    article = load_articles([page]).articles[0]

    assert (article.id, article.date, article.title, article.url) == (
        "17",
        dt.date(2020, 1, 28),
        "Children abducted",
        "https://example.org/story",
    )


def test_folder_skips_hidden_files_notes_sidecars_and_unknown_extensions(tmp_path):
    write(tmp_path / "corpus" / "a.txt", "Four people were killed in Homs on Sunday.\n")
    write(tmp_path / "corpus" / ".hidden.txt", "Hidden text that must not load at all.\n")
    write(tmp_path / "corpus" / ".git" / "b.txt", "Inside a hidden folder, not an article.\n")
    write(tmp_path / "corpus" / "README.md", "How this corpus was collected.\n")
    write(tmp_path / "corpus" / "image.png", "not really an image")
    write(tmp_path / "corpus" / "a.meta.json", json.dumps({"outlet": "sana"}))

    result = load_articles([tmp_path / "corpus"])

    assert [(a.id, a.outlet) for a in result.articles] == [("a", "sana")]


def test_ids_below_a_folder_keep_the_subfolder_so_equal_names_stay_apart(tmp_path):
    write(tmp_path / "corpus" / "sana" / "index.txt", "Three civilians were killed, SANA said.\n")
    write(tmp_path / "corpus" / "trt" / "index.txt", "Five civilians were killed, TRT said.\n")

    result = load_articles([tmp_path / "corpus"])

    assert [(a.outlet, a.id) for a in result.articles] == [
        ("sana", "sana/index"),
        ("trt", "trt/index"),
    ]


def test_the_same_id_in_two_files_names_both(tmp_path):
    first = write(tmp_path / "one" / "story.txt", "Two people were killed in Idlib.\n")
    second = write(tmp_path / "two" / "story.txt", "Nine people were killed in Hama.\n")

    with pytest.raises(InputError) as raised:
        load_articles([first, second])

    message = str(raised.value)
    assert str(first) in message and str(second) in message and "'story'" in message


# --- FA-KES ------------------------------------------------------------------------------


def test_fakes_loads_with_encoding_and_no_field_flags(fakes_articles):
    by_id = {article.id: article for article in fakes_articles.articles}
    # 804 rows; 11 are exact repeats of an earlier row (same unit_id and text) and are
    # skipped; unit_id 1926479112 repeats with different text and loads as "#2".
    assert len(fakes_articles.articles) == 793
    assert {"1926479112", "1926479112#2"} <= set(by_id)
    assert by_id["1926479112"].text != by_id["1926479112#2"].text
    skipped = [w for w in fakes_articles.warnings if "skipped" in w]
    assert len(skipped) == 11
    assert all("FA-KES-Dataset.csv:row " in warning for warning in fakes_articles.warnings)

    article = by_id["1923848160"]
    assert article.outlet == "ahram"
    assert article.date == dt.date(2016, 7, 29)
    assert article.title == "10 civilians dead in air strike on Syria rebel town Monitor"
    assert article.source.endswith("FA-KES-Dataset.csv:row " + str(article.first_line - 1))
    assert len({a.outlet for a in fakes_articles.articles}) == 15


def test_fakes_row_source_and_first_line_point_at_the_row(fakes_csv, fakes_articles):
    lines = fakes_csv.read_text(encoding="cp1252").splitlines()
    for article in fakes_articles.articles[:50]:
        assert lines[article.first_line - 1].startswith(article.id.split("#")[0] + ",")


# --- CSV and JSONL -------------------------------------------------------------------------


def test_csv_quoted_multiline_cells_keep_their_rows_and_lines(tmp_path):
    table = write(
        tmp_path / "news.csv",
        'id,outlet,text\n1,sana,"First line.\nSecond line of the same cell."\n2,trt,Plain row.\n',
    )

    articles = load_articles([table]).articles

    assert [(a.id, a.source, a.first_line) for a in articles] == [
        ("1", f"{table}:row 1", 2),
        ("2", f"{table}:row 2", 4),
    ]
    assert articles[0].text == "First line.\nSecond line of the same cell."


def test_csv_without_outlet_column_uses_the_outlet_argument(tmp_path):
    table = write(tmp_path / "news.csv", "body,headline\nTen were killed.,Ten killed\n")

    article = load_articles([table], outlet="sana").articles[0]

    assert (article.outlet, article.title, article.id) == ("sana", "Ten killed", "news-1")


def test_field_map_names_columns_that_auto_detection_would_miss(tmp_path):
    lines = [{"story": "Six were killed in Homs.", "agency": "nna", "when": "2017-04-19"}]
    table = write(tmp_path / "feed.jsonl", "\n".join(json.dumps(line) for line in lines))

    article = load_articles(
        [table], fields=FieldMap(text="story", outlet="agency", date="when")
    ).articles[0]

    assert (article.text, article.outlet, article.date) == (
        "Six were killed in Homs.",
        "nna",
        dt.date(2017, 4, 19),
    )


def test_jsonl_bad_lines_are_skipped_with_a_warning_naming_file_and_line(tmp_path):
    table = write(
        tmp_path / "feed.jsonl",
        '{"text": "Four were killed.", "outlet": "sana", "id": "a"}\n'
        "{not json\n"
        '["a", "list"]\n'
        '{"text": "", "outlet": "sana", "id": "c"}\n'
        '{"text": "Nine were hurt.", "outlet": "trt", "id": "b", "date": "someday 2016"}\n',
    )

    result = load_articles([table])

    assert [(a.id, a.source) for a in result.articles] == [
        ("a", f"{table}:row 1"),
        ("b", f"{table}:row 5"),
    ]
    assert result.warnings == [
        f"{table}:row 2: not valid JSON (Expecting property name enclosed in double quotes "
        "at column 2)",
        f"{table}:row 3: is a JSON list, not an object; JSONL needs one object per line",
        f"{table}:row 4: empty text",
        f"{table}:row 5: date 'someday 2016' not understood; left empty",
    ]


def test_jsonl_with_no_good_line_is_an_error_naming_the_first_problem(tmp_path):
    table = write(tmp_path / "feed.jsonl", "{broken\n[1, 2]\n")

    with pytest.raises(InputError) as raised:
        load_articles([table])

    assert str(raised.value).startswith(f"{table}: no usable rows (2 malformed); first: ")
    assert f"{table}:row 1: not valid JSON" in str(raised.value)


def test_csv_row_with_wrong_cell_count_is_skipped(tmp_path):
    table = write(tmp_path / "news.csv", "text,outlet\nGood row.,sana\nbad,row,extra\n")

    result = load_articles([table])

    assert [a.id for a in result.articles] == ["news-1"]
    assert result.warnings == [
        f"{table}:row 2: has 3 cells, the header has 2 (line 3); check quoting"
    ]


def test_html_page_gives_main_text_and_page_metadata(tmp_path):
    page = write(
        tmp_path / "site" / "story.html",
        "<html><head><title>Strikes kill 10 | Example News</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2016-07-29T10:00:00Z"></head>'
        "<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article>"
        "<h1>Strikes kill 10</h1><p>At least 10 civilians were killed in air strikes on "
        "Friday on the rebel-held town of Atareb in Aleppo province, a monitor said.</p>"
        "<p>The Syrian Observatory for Human Rights said five children were among the dead "
        "and that the toll was likely to rise.</p></article></body></html>",
    )

    article = load_articles([page]).articles[0]

    assert article.outlet == "Example News"
    assert article.date == dt.date(2016, 7, 29)
    assert "At least 10 civilians were killed" in article.text
    assert "Home" not in article.text


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n", "file is empty"),
        ("binary.txt", b"GIF89a\x00\x01\x02", "file is binary (it contains NUL bytes)"),
        (
            "utf16.txt",
            "Ten were killed in Homs.\n".encode("utf-16"),
            "file is binary (it contains NUL bytes), not text; if it is UTF-16, save it as UTF-8",
        ),
        (
            "latin.txt",
            b"Line one.\nThe minister\x92s office said so.\n",
            "not valid utf-8: byte 0x92 at offset 22 (line 2) cannot be decoded; "
            "pass the file's encoding, e.g. --encoding cp1252",
        ),
        ("notes.docx", b"whatever", "unsupported file type '.docx'"),
        ("open.md", b"---\noutlet: x\n", "front matter opened with '---' on line 1 is never"),
        ("prose.md", b"---\nA rule, then prose.\n---\n", "line 2: front matter lines must"),
        ("only-header.txt", b"---\noutlet: x\n---\n\n", "no article text after the front"),
        ("header.csv", b"text,outlet\n", "no usable rows (0 malformed)"),
    ],
)
def test_bad_file_is_an_input_error_naming_the_file(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(InputError) as raised:
        load_articles([path])

    assert str(raised.value).startswith(f"{path}: ")
    assert problem in str(raised.value)


def test_csv_missing_text_column_lists_the_columns_and_the_flag(tmp_path):
    table = write(tmp_path / "news.csv", "unit_id,source,summary\n1,sana,Text here.\n")

    with pytest.raises(InputError) as raised:
        load_articles([table])

    assert str(raised.value) == (
        f"{table}: no text column (columns found: unit_id, source, summary); "
        "name the text column with --text-field"
    )


def test_csv_without_header_says_so(tmp_path):
    table = write(tmp_path / "news.csv", "1,sana,Ten were killed.\n2,trt,Nine were hurt.\n")

    with pytest.raises(InputError) as raised:
        load_articles([table])

    assert "no known column names; the first row must be a header" in str(raised.value)


def test_csv_missing_outlet_column_names_both_remedies(tmp_path):
    table = write(tmp_path / "news.csv", "text\nTen were killed.\n")

    with pytest.raises(InputError) as raised:
        load_articles([table])

    assert "--outlet-field" in str(raised.value) and "--outlet" in str(raised.value)


def test_field_map_naming_a_missing_column_is_an_error(tmp_path):
    table = write(tmp_path / "news.csv", "text,outlet\nTen were killed.,sana\n")

    with pytest.raises(InputError, match="column 'body' given by --text-field not found"):
        load_articles([table], fields=FieldMap(text="body"))


def test_empty_folder_and_missing_path_are_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "images" / "photo.png", "x")

    with pytest.raises(InputError, match="folder holds no supported files"):
        load_articles([tmp_path / "empty"])
    with pytest.raises(InputError, match="folder holds no supported files"):
        load_articles([tmp_path / "images"])
    with pytest.raises(InputError, match="no such file or folder"):
        load_articles([tmp_path / "missing.txt"])


def test_a_fifo_is_refused_by_name_and_skipped_in_a_folder(tmp_path):
    """Reading a FIFO waits for a writer that never comes: given, it is refused at once; in a
    folder, it is not a file to load."""
    write(tmp_path / "feed" / "sana" / "a.txt", "Four were killed in Homs.\n")
    fifo = tmp_path / "feed" / "pipe.txt"
    os.mkfifo(fifo)

    with pytest.raises(InputError) as raised:
        load_articles([fifo])

    assert str(raised.value) == (
        f"{fifo}: not a regular file or folder (a FIFO, socket or device); "
        "name article files or folders"
    )
    assert [a.id for a in load_articles([tmp_path / "feed"]).articles] == ["sana/a"]


def test_unknown_encoding_is_a_usage_error(seeds_dir):
    with pytest.raises(UsageError, match="unknown encoding 'klingon'"):
        load_articles([seeds_dir], encoding="klingon")


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-09-10", dt.date(2018, 9, 10)),
        ("2018-09-10T12:01:00+03:00", dt.date(2018, 9, 10)),
        ("7/29/2016", dt.date(2016, 7, 29)),  # FA-KES: month first
        ("4/5/2017", dt.date(2017, 4, 5)),
        ("29/7/2016", dt.date(2016, 7, 29)),  # a first number above 12 is the day
        ("01.10.2017", dt.date(2017, 10, 1)),  # Sputnik
        ("23-04-2016", dt.date(2016, 4, 23)),  # Al-Manar
        ("28 Jan 2020", dt.date(2020, 1, 28)),
        ("January 28, 2020", dt.date(2020, 1, 28)),
        ("Tue, 10 Sep 2018 12:01:00 +0300", dt.date(2018, 9, 10)),
        ("Wednesday 21 August 2013", dt.date(2013, 8, 21)),
        ("yesterday", None),
        ("March", None),  # no year: never borrow today's
        ("13/13/2016", None),
        ("2016-02-30", None),
        ("1/1/1066", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected
