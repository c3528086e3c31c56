"""The review page over real HTTP: a uvicorn server in a thread, requests through httpx."""

from __future__ import annotations

import re
import threading
from html import unescape
from urllib.parse import unquote

import httpx
import pytest
from review_corpus import fresh_index, live_server, scaled_pairs

from checker import review
from checker.reporting import report
from checker.server.app import create_app

TOKEN_RE = re.compile(r'name="csrf_token" value="([0-9a-f]+)"')
ROW_RE = re.compile(r'<tr data-id="(\d+)"')
# Findings in the scaled queue of these tests: three pages of 50.
SCALED = 130


@pytest.fixture
def site(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    review.sync(index_path=index_path)
    with live_server(create_app(index_path=index_path, reviewer="desk")) as base_url:
        yield index_path, base_url


@pytest.fixture
def scaled_site(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    pairs = scaled_pairs(report(index_path, use_review=False).pairs, SCALED)
    review.sync_pairs(index_path=index_path, pairs=pairs)
    with live_server(create_app(index_path=index_path, reviewer="desk")) as base_url:
        yield index_path, base_url


def client(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, follow_redirects=False, timeout=30)


def session_token(browser: httpx.Client, finding_id: int) -> str:
    page = browser.get(f"/findings/{finding_id}")
    assert page.status_code == 200
    return TOKEN_RE.search(page.text).group(1)


def finding_between(index_path, *outlets):
    return next(
        f for f in review.list_findings(index_path=index_path) if set(f.outlets) == set(outlets)
    )


def test_queue_page_lists_and_filters_findings(site):
    index_path, base_url = site
    with client(base_url) as browser:
        page = browser.get("/")
        assert page.status_code == 200
        assert page.text.count('<tr data-id="') == 5
        duplicates = browser.get("/", params={"kind": "duplicate"})
        assert duplicates.text.count('<tr data-id="') == 2
        delta = browser.get("/", params={"outlet": "Delta Post", "status": "open"})
        assert delta.text.count('<tr data-id="') == 1
        assert "Delta Post" in delta.text


def test_finding_page_highlights_both_sentences_and_escapes_article_text(site):
    index_path, base_url = site
    finding = finding_between(index_path, "Alpha News", "Beta Times")
    assert finding.kind == "conflict"
    with client(base_url) as browser:
        page = browser.get(f"/findings/{finding.id}")
    assert page.status_code == 200
    # Each sentence marked in its article, its own compared figure in bold inside it.
    assert (
        '<mark class="this">Local rescuers said <b class="figure">32 people</b> were killed in '
        "the strike on the market in Idlib on Monday.</mark>"
    ) in page.text
    assert (
        '<mark class="this">Officials said <b class="figure">20 people</b> were killed in the '
        "strike on the market in Idlib on Monday.</mark>"
    ) in page.text
    assert finding.pair.a.text.startswith("Local rescuers") and finding.pair.a.outlet == (
        "Alpha News"
    )
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page.text
    assert '<script>alert("pwned")' not in page.text


def test_session_cookie_is_httponly_and_samesite_strict(site):
    _, base_url = site
    with client(base_url) as browser:
        cookie = browser.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_state_changes_without_the_right_csrf_token_are_refused(site):
    index_path, base_url = site
    url = "/findings/1/verdict"
    with client(base_url) as stranger:
        assert stranger.post(url, data={"action": "confirm"}).status_code == 403
    with client(base_url) as browser, client(base_url) as other:
        token = session_token(browser, 1)
        other_token = session_token(other, 1)
        assert other_token != token
        for data in ({"action": "confirm"}, {"action": "confirm", "csrf_token": other_token}):
            assert browser.post(url, data=data).status_code == 403
        cross_site = browser.post(
            url,
            data={"action": "confirm", "csrf_token": token},
            headers={"Origin": "http://evil.example"},
        )
        assert cross_site.status_code == 403
        assert review.show(index_path=index_path, finding=1).finding.status == "open"
        accepted = browser.post(url, data={"action": "confirm", "csrf_token": token})
        assert accepted.status_code == 303
        assert accepted.headers["location"].startswith("/findings/2")
    assert review.show(index_path=index_path, finding=1).finding.status == "confirmed"


def test_verdict_by_header_token_returns_json(site):
    index_path, base_url = site
    with client(base_url) as browser:
        token = session_token(browser, 2)
        response = browser.post(
            "/findings/2/verdict",
            data={"action": "dismiss", "reason": "same-event-update", "note": "revised toll"},
            headers={"X-CSRF-Token": token, "Accept": "application/json"},
        )
    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["reason"], body["note"], body["reviewer"]) == (
        "dismissed",
        "same-event-update",
        "revised toll",
        "desk",
    )


def test_unknown_finding_is_a_404_page(site):
    _, base_url = site
    with client(base_url) as browser:
        page = browser.get("/findings/999")
    assert page.status_code == 404 and "no finding &#39;999&#39;" in page.text


def test_two_reviewers_at_once_lose_neither_action(site):
    index_path, base_url = site
    rounds = 8
    barrier = threading.Barrier(2)
    statuses: list[int] = []

    def reviewer(name: str, action: str) -> None:
        with client(base_url) as browser:
            token = session_token(browser, 3)
            for _ in range(rounds):
                barrier.wait()
                response = browser.post(
                    "/findings/3/verdict",
                    data={
                        "action": action,
                        "reason": "false-alarm",
                        "reviewer": name,
                        "csrf_token": token,
                    },
                )
                statuses.append(response.status_code)

    threads = [
        threading.Thread(target=reviewer, args=("ana", "confirm")),
        threading.Thread(target=reviewer, args=("bo", "dismiss")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert statuses == [303] * (2 * rounds)
    detail = review.show(index_path=index_path, finding=3)
    verdicts = [e for e in detail.events if e.action in ("confirmed", "dismissed")]
    assert len(verdicts) == 2 * rounds
    assert sorted({(e.reviewer, e.action) for e in verdicts}) == [
        ("ana", "confirmed"),
        ("bo", "dismissed"),
    ]
    last = verdicts[-1]
    assert (detail.finding.status, detail.finding.reviewer) == (last.status, last.reviewer)


def rows(page: httpx.Response) -> list[int]:
    return [int(found) for found in ROW_RE.findall(page.text)]


def link(page: httpx.Response, element_id: str) -> str:
    return unescape(re.search(f'id="{element_id}" href="([^"]*)"', page.text).group(1))


def flash(response: httpx.Response) -> str:
    return unquote(response.cookies.get("checker_flash", "").strip('"'))


def test_queue_pages_have_their_own_urls_and_rows_show_both_sentences(scaled_site):
    index_path, base_url = scaled_site
    with client(base_url) as browser:
        first = browser.get("/", params={"kind": "conflict"})
        assert "1–50 of 78 findings" in first.text and len(rows(first)) == 50
        assert link(first, "page-next") == "/?kind=conflict&page=2"
        second = browser.get(link(first, "page-next"))
        assert 'id="page-next"' not in second.text  # the last page
        assert "51–78 of 78" in second.text and "page 2 of 2" in second.text
        assert link(second, "page-prev") == "/?kind=conflict"
        assert not set(rows(first)) & set(rows(second))
        expected = [f.id for f in review.list_findings(index_path=index_path, kind="conflict")]
        assert rows(first) + rows(second) == expected
        assert (
            browser.get("/?kind=conflict&page=2").text == browser.get(link(first, "page-next")).text
        )
    shown = [review.show(index_path=index_path, finding=id_).finding for id_ in rows(first)]
    finding = next(f for f in shown if f.pair.days_apart and f.pair.days_apart > 1)
    row = first.text.split(f'id="finding-{finding.id}"')[1].split("</tr>")[0]
    a_figure, b_figure = (quantity.text for quantity in finding.pair.compared)
    assert f'<b class="figure">{a_figure}</b>' in row.split('class="sentence side-b"')[0]
    assert f'<b class="figure">{b_figure}</b>' in row.split('class="sentence side-b"')[1]
    assert finding.pair.a.outlet in row and finding.pair.b.outlet in row
    assert finding.pair.place in row and f"{finding.pair.days_apart} days apart" in row


def test_search_and_facets_narrow_the_queue(scaled_site):
    index_path, base_url = scaled_site
    with client(base_url) as browser:
        everything = browser.get("/")
        assert "of 130 findings" in everything.text
        hama = browser.get("/", params={"q": "fighters douma"})
        expected = review.list_findings(index_path=index_path, search="fighters douma")
        assert 0 < len(expected) < 50 and rows(hama) == [f.id for f in expected]
        assert f"1–{len(expected)} of {len(expected)} findings" in hama.text
        facet = re.search(r'<ul id="facet-kind">(.*?)</ul>', everything.text, re.S).group(1)
        counts = dict(
            re.findall(r'data-value="(\w+)"><span>\w+</span><span class="count">(\d+)', facet)
        )
        assert counts == {"conflict": "78", "duplicate": "52"}
        incident = re.search(r'<ul id="facet-incident">(.*?)</ul>', everything.text, re.S).group(1)
        assert incident.count("<li>") == review.browse.GROUP_FACET_SIZE
        group = review.groups(index_path=index_path)[0]
        one_group = browser.get("/", params={"incident": group.key})
        assert len(rows(one_group)) == group.total and "in one group" in one_group.text
        assert browser.get("/", params={"status": "bogus", "sort": "nope"}).status_code == 200


def test_finding_page_says_where_it_stands_and_goes_back_to_its_page(scaled_site):
    index_path, base_url = scaled_site
    conflicts = [f.id for f in review.list_findings(index_path=index_path, kind="conflict")]
    query = "?status=open&kind=conflict"
    with client(base_url) as browser:
        page = browser.get(f"/findings/{conflicts[60]}{query}")
        assert 'id="position">61 of 78 (filtered)' in page.text
        assert link(page, "back") == f"/{query}&page=2"
        assert link(page, "next") == f"/findings/{conflicts[61]}{query}"
        assert link(page, "previous") == f"/findings/{conflicts[59]}{query}"
        assert "&amp;" not in page.text.split("<script>")[-1]  # no HTML escape inside a script
        first = browser.get(f"/findings/{conflicts[0]}{query}")
        assert link(first, "back") == f"/{query}" and 'id="previous"' not in first.text


def test_a_group_verdict_needs_the_token_and_takes_the_groups_open_findings(scaled_site):
    index_path, base_url = scaled_site
    group = next(g for g in review.groups(index_path=index_path) if g.incident)
    members = review.list_findings(index_path=index_path, incident=group.key)
    review.confirm(index_path=index_path, finding=members[0].id)
    form = {"action": "dismiss", "group": group.key, "reason": "different-events", "page": "2"}
    with client(base_url) as browser:
        token = session_token(browser, members[0].id)
        assert browser.post("/groups/verdict", data=form).status_code == 403
        response = browser.post("/groups/verdict", data={**form, "csrf_token": token, "q": "x"})
        assert response.status_code == 303 and response.headers["location"] == "/?q=x&page=2"
        assert flash(response).startswith("0 of 0 findings")  # the search took none of them
        response = browser.post("/groups/verdict", data={**form, "csrf_token": token})
        assert flash(response) == (
            f"{group.total - 1} of {group.total - 1} findings dismissed (different-events) "
            "· z undoes"
        )
        landed = browser.get(response.headers["location"])
        assert "findings dismissed (different-events)" in landed.text
    statuses = [f.status for f in review.list_findings(index_path=index_path, incident=group.key)]
    assert sorted(statuses) == ["confirmed"] + ["dismissed"] * (group.total - 1)


def test_undo_needs_the_token_restores_and_returns_only_within_the_site(scaled_site):
    index_path, base_url = scaled_site
    finding = review.list_findings(index_path=index_path)[0]
    with client(base_url) as browser:
        token = session_token(browser, finding.id)
        browser.post(
            f"/findings/{finding.id}/verdict", data={"action": "confirm", "csrf_token": token}
        )
        assert review.show(index_path=index_path, finding=finding.id).finding.status == "confirmed"
        assert browser.post("/undo", data={"back": "/"}).status_code == 403
        response = browser.post(
            "/undo", data={"csrf_token": token, "back": "https://evil.example/"}
        )
        assert response.status_code == 303 and response.headers["location"] == "/"
        assert flash(response) == f"Undid confirmed: #{finding.id} restored"
        again = browser.post("/undo", data={"csrf_token": token, "back": "/?page=2"})
        assert again.headers["location"] == "/?page=2"
        assert flash(again) == "Nothing to undo: no verdict by desk left to take back"
        for elsewhere in ("//evil.example/x", "/\\evil.example"):
            back = browser.post("/undo", data={"csrf_token": token, "back": elsewhere})
            assert back.headers["location"] == "/"
    current = review.show(index_path=index_path, finding=finding.id)
    assert current.finding.status == "open"
    assert [e.action for e in current.events] == ["added", "confirmed", "undone"]


def test_sentences_and_searches_are_escaped_on_the_queue_page(tmp_path_factory, tmp_path):
    index_path = fresh_index(tmp_path_factory, tmp_path)
    pair = report(index_path, use_review=False).pairs[0]
    hostile = '<script>alert("pwned")</script> said'
    side = pair.a.model_copy(update={"text": f"{hostile} {pair.a.text}"})
    review.sync_pairs(
        index_path=index_path, pairs=[pair.model_copy(update={"a": side, "compared": None})]
    )
    with live_server(create_app(index_path=index_path)) as base_url, client(base_url) as browser:
        page = browser.get("/", params={"q": '"><script>x()</script>'})
        assert "0 findings" in page.text and "<script>x()" not in page.text
        assert 'value="&#34;&gt;&lt;script&gt;x()&lt;/script&gt;"' in page.text
        page = browser.get("/", params={"q": "pwned"})
        assert rows(page) == [1]
        assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt; said" in page.text
        assert '<script>alert("pwned")' not in page.text
        finding = browser.get("/findings/1")
        assert '<script>alert("pwned")' not in finding.text and "&lt;script&gt;" in finding.text
